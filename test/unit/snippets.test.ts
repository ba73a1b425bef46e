// The contributed Exchange PowerShell snippets: each is expanded the way VS Code inserts it (defaults,
// then every other choice), parsed with the tree-sitter PowerShell grammar, and its commands and
// parameters checked against Microsoft's cmdlet reference (test/support/cmdletParameters.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import snippetFile from '../../snippets/exchange-powershell.json';
import { parsePowerShell } from '../support/powershellGrammar';
import { readTsv, repoRoot } from '../support/shared';
import {
  bodyOf, checkSnippetFile, lintSnippets, parameterProblems, type ParsedExpansion, parseExpansions, qualityProblems,
  type SnippetEntry, snippetEntries, syntaxProblems,
} from '../support/snippetChecks';
import { choicesOf, expandSnippet, parseSnippet } from '../support/vscodeSnippet';

const entries = snippetEntries(snippetFile);
const expansions = new Map<string, ParsedExpansion[]>();

before(async () => {
  for (const entry of entries) expansions.set(entry.name, await parseExpansions(bodyOf(entry)!));
});

const failures = (problems: readonly { message: string }[]): string => problems.map((p) => p.message).join('\n');

describe('snippet file', () => {
  it('holds at least 30 snippets and is contributed for the built-in powershell language', () => {
    assert.ok(entries.length >= 30, `only ${entries.length} snippets`);
    const manifest = JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')) as { contributes: { snippets?: { language: string; path: string }[] } };
    assert.deepEqual(manifest.contributes.snippets, [{ language: 'powershell', path: './snippets/exchange-powershell.json' }]);
  });

  it('every snippet has a description that says where it runs, one prefix of the mf- scheme, and every $ escaped', () => {
    assert.equal(failures(lintSnippets(entries)), '');
  });
});

for (const entry of entries) {
  describe(`snippet ${String(entry.prefix)}`, () => {
    it('inserts valid PowerShell with its defaults and with every other choice', () => {
      const parsed = expansions.get(entry.name)!;
      assert.ok(parsed.length >= 1 + [...choicesOf(bodyOf(entry)!).values()].reduce((n, o) => n + o.length - 1, 0));
      assert.equal(failures(syntaxProblems(entry.name, parsed)), '');
    });

    it("runs only known commands, each with parameters from Microsoft's cmdlet reference", () => {
      const parsed = expansions.get(entry.name)!;
      assert.ok(parsed[0]!.commands.length > 0, 'no command found');
      assert.equal(failures(parameterProblems(entry.name, parsed)), '');
    });

    it('computes dates from Get-Date, asks for all results, names no credentials or tenant', () => {
      assert.equal(failures(qualityProblems(entry.name, expansions.get(entry.name)!)), '');
    });
  });
}

/** A snippet by prefix, its body, and its expansions. */
function snippet(prefix: string): { entry: SnippetEntry; body: string; texts: string[]; commands: ParsedExpansion['commands'] } {
  const entry = entries.find((e) => e.prefix === prefix);
  assert.ok(entry, `no snippet ${prefix}`);
  const parsed = expansions.get(entry.name)!;
  return { entry, body: bodyOf(entry)!, texts: parsed.map((p) => p.text), commands: parsed.flatMap((p) => p.commands) };
}

function uses(prefix: string, command: string, ...parameters: string[]): void {
  const found = snippet(prefix).commands.filter((c) => c.name === command);
  assert.ok(found.length > 0, `${prefix} does not run ${command}`);
  for (const parameter of parameters) {
    assert.ok(found.some((c) => c.parameters.includes(parameter)), `${prefix}: ${command} without -${parameter}`);
  }
}

describe('snippets cover the mail-flow tasks', () => {
  it('message tracking by sender, recipient, Message-ID and event', () => {
    uses('mf-track-sender', 'Get-MessageTrackingLog', 'Sender', 'Start', 'End', 'ResultSize');
    uses('mf-track-recipient', 'Get-MessageTrackingLog', 'Recipients');
    uses('mf-track-msgid', 'Get-MessageTrackingLog', 'MessageId');
    uses('mf-track-event', 'Get-MessageTrackingLog', 'EventId');
  });

  it('offers the real event IDs, the common ones first', () => {
    const choice = [...choicesOf(snippet('mf-track-event').body).values()][0]!;
    const documented = new Set(readTsv('reference/microsoft-facts/exchange-message-tracking-event-ids.tsv').map((r) => r.event_id));
    assert.deepEqual(choice.slice(0, 12), ['RECEIVE', 'SEND', 'DELIVER', 'FAIL', 'DSN', 'DEFER', 'EXPAND', 'REDIRECT', 'RESOLVE', 'SUBMIT', 'TRANSFER', 'POISONMESSAGE']);
    for (const id of choice) assert.ok(documented.has(id), `${id} is not a documented event ID`);
    for (const id of documented) if (id !== 'SENDEXTERNAL') assert.ok(choice.includes(id), `${id} is missing from the choice`);
  });

  it('failures with their recipient status, and the NDRs generated', () => {
    const failuresText = snippet('mf-track-failures').texts[0]!;
    assert.match(failuresText, /-EventId FAIL/);
    assert.match(failuresText, /RecipientStatus -join/);
    assert.match(snippet('mf-track-ndrs').texts[0]!, /-EventId DSN/);
  });

  it('a search across every transport server, top senders and a CSV export with joined multi-valued fields', () => {
    assert.match(snippet('mf-track-all-servers').texts[0]!, /^Get-TransportService \| Get-MessageTrackingLog /);
    uses('mf-track-top-senders', 'Group-Object', 'Property');
    assert.match(snippet('mf-track-top-senders').texts[0]!, /Group-Object -Property 'Sender'/);
    const csv = snippet('mf-track-csv').texts[0]!;
    uses('mf-track-csv', 'Export-Csv', 'Path', 'NoTypeInformation');
    for (const field of ['Recipients', 'RecipientStatus', 'Reference']) assert.match(csv, new RegExp(`\\$_\\.${field} -join '; '`));
  });

  it('a per-mailbox sent/received report for yesterday with a progress bar', () => {
    const report = snippet('mf-track-mailbox-report');
    assert.match(report.texts[0]!, /\(Get-Date\)\.Date\.AddDays\(-1\)/);
    uses('mf-track-mailbox-report', 'Write-Progress', 'Activity', 'PercentComplete');
    uses('mf-track-mailbox-report', 'Write-Progress', 'Completed');
    uses('mf-track-mailbox-report', 'Get-Mailbox', 'ResultSize');
  });

  it('tracking log settings, shown and changed', () => {
    assert.match(snippet('mf-track-settings').texts[0]!, /MessageTrackingLogEnabled.*MessageTrackingLogPath.*MessageTrackingLogMaxAge.*MessageTrackingLogMaxDirectorySize.*MessageTrackingLogSubjectLoggingEnabled/);
    uses('mf-track-settings-set', 'Set-TransportService', 'MessageTrackingLogEnabled', 'MessageTrackingLogPath', 'MessageTrackingLogMaxAge',
      'MessageTrackingLogMaxDirectorySize', 'MessageTrackingLogSubjectLoggingEnabled');
  });

  it('delivery reports', () => {
    uses('mf-report-search', 'Search-MessageTrackingReport', 'Identity', 'Recipients');
    uses('mf-report-path', 'Get-MessageTrackingReport', 'ReportTemplate', 'RecipientPathFilter');
  });

  it('NDR settings of remote domains with a $true/$false choice', () => {
    assert.match(snippet('mf-ndr-remote-domains').texts[0]!, /'NDREnabled'.*'DeliveryReportEnabled'/);
    assert.deepEqual([...choicesOf(snippet('mf-ndr-set').body).values()], [['$true', '$false']]);
    uses('mf-ndr-set', 'Set-RemoteDomain', 'NDREnabled');
    uses('mf-ndr-delivery-reports', 'Set-RemoteDomain', 'DeliveryReportEnabled');
  });

  it('queues and queued messages, removal with and without NDR', () => {
    uses('mf-queue-list', 'Get-Queue', 'Filter');
    uses('mf-queue-retry', 'Retry-Queue', 'Identity');
    uses('mf-queue-suspend', 'Suspend-Queue', 'Identity');
    uses('mf-queue-resume', 'Resume-Queue', 'Identity');
    uses('mf-msg-list', 'Get-Message', 'Queue');
    uses('mf-msg-suspend', 'Suspend-Message', 'Identity');
    uses('mf-msg-resume', 'Resume-Message', 'Identity');
    const removal = snippet('mf-msg-remove').texts;
    assert.ok(removal.some((t) => t.includes('-WithNDR $false')) && removal.some((t) => t.includes('-WithNDR $true')));
  });

  it('the Exchange 2013+ export loop suspends first and writes FileData with WriteAllBytes to a safe file name', () => {
    const text = snippet('mf-msg-export').texts[0]!;
    const suspend = text.indexOf('Suspend-Message -Identity');
    assert.ok(suspend >= 0 && suspend < text.indexOf('Export-Message -Identity'));
    assert.match(text, /\$_\.FileData/);
    assert.match(text, /\[System\.IO\.File\]::WriteAllBytes\(/);
    assert.match(text, /InternetMessageId -replace '\[<>\]'/);
    assert.match(text, /GetInvalidFileNameChars\(\)/);
  });

  it('the Exchange 2010 AssembleMessage loop is labelled 2010', () => {
    const old = snippet('mf-msg-export-2010');
    assert.match(old.entry.name, /2010/);
    assert.match(String(old.entry.description), /Exchange 2010 only/);
    uses('mf-msg-export-2010', 'AssembleMessage', 'Path');
  });

  it('Exchange Online: message trace V2 and its details, the older trace, historical search, modern-auth connection', () => {
    uses('mf-exo-trace-recipient', 'Get-MessageTraceV2', 'RecipientAddress', 'StartDate', 'EndDate', 'ResultSize');
    uses('mf-exo-trace-detail', 'Get-MessageTraceDetailV2');
    uses('mf-exo-trace-legacy', 'Get-MessageTrace', 'PageSize');
    uses('mf-exo-historical-search', 'Start-HistoricalSearch', 'ReportTitle', 'ReportType', 'NotifyAddress');
    uses('mf-exo-connect', 'Connect-ExchangeOnline', 'UserPrincipalName');
    assert.doesNotMatch(snippet('mf-exo-connect').texts[0]!, /Credential|Basic|New-PSSession/);
  });

  it('diagnostics: Test-Mailflow, verbose protocol logging, limits, quota, group restrictions, address holders', () => {
    uses('mf-diag-test-mailflow', 'Test-Mailflow', 'TargetEmailAddress');
    uses('mf-diag-protocol-logging', 'Get-ReceiveConnector');
    for (const prefix of ['mf-diag-receive-logging', 'mf-diag-send-logging']) {
      assert.match(snippet(prefix).texts[0]!, /-ProtocolLoggingLevel Verbose/);
    }
    uses('mf-diag-send-logging', 'Set-SendConnector', 'ProtocolLoggingLevel');
    uses('mf-diag-receive-logging', 'Set-ReceiveConnector', 'ProtocolLoggingLevel');
    assert.match(snippet('mf-diag-org-limits').texts[0]!, /Get-TransportConfig .*'MaxRecipientEnvelopeLimit', 'MaxReceiveSize', 'MaxSendSize'/);
    assert.match(snippet('mf-diag-quota').texts[0]!, /'ProhibitSendReceiveQuota'/);
    assert.match(snippet('mf-diag-group-restrictions').texts[0]!, /'RequireSenderAuthenticationEnabled', 'AcceptMessagesOnlyFrom'/);
    assert.match(snippet('mf-diag-address-holder').texts[0]!, /^\$address = 'user@contoso\.com'\nGet-Recipient .*-Filter "EmailAddresses -eq 'smtp:\$address'"/);
  });

  it('DNS: MX, SPF (TXT), DMARC and PTR', () => {
    assert.match(snippet('mf-dns-mx').texts[0]!, /-Type MX/);
    assert.match(snippet('mf-dns-spf').texts[0]!, /-Type TXT[\s\S]*v=spf1/);
    assert.match(snippet('mf-dns-dmarc').texts[0]!, /-Name \('_dmarc\.' \+ 'contoso\.com'\) -Type TXT/);
    assert.match(snippet('mf-dns-ptr').texts[0]!, /-Type PTR/);
  });
});

describe('the checks fail on broken snippets', () => {
  const broken = (name: string, fields: Partial<SnippetEntry>): SnippetEntry =>
    ({ name, prefix: 'mf-diag-broken', description: 'On-premises: a deliberately broken snippet.', body: ['Get-TransportConfig'], ...fields });

  it('an unescaped $, a missing description, a duplicate prefix, a prefix outside the scheme, a missing scope', () => {
    const messages = lintSnippets([
      broken('dollar', { prefix: 'mf-diag-one', body: ['Get-Queue | Where-Object { $_.MessageCount -gt 0 }'] }),
      broken('variable in a placeholder', { prefix: 'mf-diag-two', body: ['Get-Mailbox -Identity ${1:$user}'] }),
      broken('no description', { prefix: 'mf-diag-three', description: undefined }),
      broken('twin a', { prefix: 'mf-diag-twin' }),
      broken('twin b', { prefix: 'mf-diag-twin' }),
      broken('outside', { prefix: 'track-sender' }),
      broken('no scope', { prefix: 'mf-diag-four', description: 'Shows the limits.' }),
    ]).map((p) => `${p.snippet}: ${p.message}`);
    assert.ok(messages.some((m) => m.startsWith('dollar: $_ is read as a snippet variable')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('variable in a placeholder: $user is read as a snippet variable')));
    assert.ok(messages.includes('no description: has no description'));
    assert.ok(messages.some((m) => m.startsWith('twin b: prefix "mf-diag-twin" is also the prefix of "twin a"')));
    assert.ok(messages.some((m) => m.startsWith('outside: prefix "track-sender" does not follow')));
    assert.ok(messages.some((m) => m.startsWith('no scope: description does not start with')));
  });

  it('a $ that VS Code keeps as text is still reported, and \\$ inside a choice would insert a backslash', () => {
    const messages = lintSnippets([broken('bare', { body: ['Get-X -Start $(Get-Date)'] })]).map((p) => p.message);
    assert.deepEqual(messages, ['unescaped $ at line 1, column 14: write \\$']);
    assert.equal(expandSnippet('${1|\\$true,\\$false|}'), '\\$true');
  });

  it('a syntax error, an unknown cmdlet, an unknown parameter, a literal date, a capped search, a credential', async () => {
    const problems = (await checkSnippetFile([
      broken('syntax', { body: ['Get-TransportConfig | Format-List -Property (\'MaxSendSize\''] }),
      broken('typo cmdlet', { prefix: 'mf-diag-b', body: ['Get-MesageTrackingLog -Server EX01 -ResultSize Unlimited'] }),
      broken('typo parameter', { prefix: 'mf-diag-c', body: ['Get-MessageTrackingLog -Server EX01 -Sendr a@contoso.com -ResultSize Unlimited'] }),
      broken('literal date', { prefix: 'mf-diag-d', body: ["Get-MessageTrackingLog -Start '03/13/2018 09:00' -ResultSize Unlimited"] }),
      broken('capped', { prefix: 'mf-diag-e', body: ['Get-MessageTrackingLog -Start (Get-Date).AddHours(-1)'] }),
      broken('password', { prefix: 'mf-diag-f', body: ['Connect-ExchangeOnline -Credential (Get-Credential)'] }),
      broken('tenant', { prefix: 'mf-diag-g', body: ['Connect-ExchangeOnline -UserPrincipalName admin@fabrikam.onmicrosoft.com'] }),
    ])).map((p) => `${p.snippet}: ${p.message}`);
    const expect = (pattern: RegExp): void => assert.ok(problems.some((m) => pattern.test(m)), `${pattern} not in\n${problems.join('\n')}`);
    expect(/^syntax: defaults: (ERROR|MISSING) at line 1/);
    expect(/^typo cmdlet: defaults: Get-MesageTrackingLog is not in the cmdlet reference table/);
    expect(/^typo parameter: defaults: Get-MessageTrackingLog has no parameter -Sendr/);
    expect(/^literal date: defaults: literal date 03\/13\/2018/);
    expect(/^literal date: defaults: Get-MessageTrackingLog -start '03\/13\/2018 09:00' is not computed from Get-Date/);
    expect(/^capped: defaults: Get-MessageTrackingLog can return more than 1000 results/);
    expect(/^password: defaults: uses credentials/);
    expect(/^tenant: defaults: names a tenant/);
    expect(/^tenant: defaults: admin@fabrikam\.onmicrosoft\.com is not an example address/);
  });

  it('the second pass parses the other choices: a broken option is caught', async () => {
    const expansions = await parseExpansions("Get-Queue -Filter ${1|\"MessageCount -gt 0\",\"Status -eq 'Retry'|}");
    assert.deepEqual(expansions.map((e) => e.label), ['defaults', 'choice 1 = "Status -eq \'Retry\'']);
    assert.equal(syntaxProblems('x', expansions.slice(0, 1)).length, 0);
    assert.ok(syntaxProblems('x', expansions).length > 0);
  });

  it('the grammar is a real parser: valid PowerShell passes, an unclosed script block does not', async () => {
    assert.deepEqual((await parsePowerShell("Get-Queue | Where-Object { $_.MessageCount -gt 0 } | Format-List -Property 'Identity'")).issues, []);
    assert.notDeepEqual((await parsePowerShell('Get-Queue | Where-Object { $_.MessageCount -gt 0 ')).issues, []);
  });
});

describe('VS Code snippet syntax, as the expander reads it', () => {
  it('placeholders take their defaults, nested ones too, and tab stops insert nothing', () => {
    assert.equal(expandSnippet('a ${1:b} $2 ${3} c$0'), 'a b   c');
    assert.equal(expandSnippet('${1:outer ${2:inner}} $2'), 'outer inner inner');
  });

  it('the first placeholder of an index with content defines what every placeholder of that index shows', () => {
    assert.equal(expandSnippet('${1:first} $1 ${1:second}'), 'first first first');
  });

  it('a choice inserts its first option, or the one chosen, in every mirror', () => {
    assert.equal(expandSnippet('${1|one,two\\,three,four\\|five|} $1'), 'one one');
    assert.equal(expandSnippet('${1|one,two\\,three|} $1', { choices: new Map([[1, 'two,three']]) }), 'two,three two,three');
    assert.deepEqual([...choicesOf('${1|one,two\\,three,a\\\\b|}').values()], [['one', 'two,three', 'a\\b']]);
    assert.equal(expandSnippet('${1|$true,$false|}'), '$true');
    assert.deepEqual(parseSnippet('${1|$true,$false|}').bareDollars, []);
  });

  it('\\$, \\} and \\\\ are escapes; any other backslash stays', () => {
    assert.equal(expandSnippet('\\$_ \\} \\\\ C:\\Temp ${1:a\\}b}'), '$_ } \\ C:\\Temp a}b');
  });

  it('an unknown variable becomes a placeholder holding its name; a default wins; known variables resolve', () => {
    assert.equal(expandSnippet('$foo ${foo} ${bar:baz}'), 'foo foo baz');
    assert.deepEqual(parseSnippet('$foo ${foo} ${bar:baz}').variables, ['foo', 'foo', 'bar']);
    assert.equal(expandSnippet('$TM_FILENAME ${TM_LINE_NUMBER:7}', { variables: { TM_FILENAME: 'mail.ps1' } }), 'mail.ps1 7');
    assert.equal(expandSnippet('${TM_FILENAME/(.*)\\.ps1$/${1:/upcase}/}', { variables: { TM_FILENAME: 'mail.ps1' } }), 'MAIL');
    assert.equal(expandSnippet('${TM_FILENAME/(x)?/${1:?yes:no}/}', { variables: { TM_FILENAME: '' } }), 'no');
  });

  it('a $ that starts nothing is text, and an unterminated placeholder is text', () => {
    assert.equal(expandSnippet('$ (x) ${1:open'), '$ (x) ${1:open');
    assert.deepEqual(parseSnippet('$ (x)').bareDollars, [0]);
  });
});
