// The Exchange Online message-trace TextMate grammar (issue #14) run by the real TextMate engine
// (vscode-textmate + vscode-oniguruma). Every line here is SYNTHETIC: no real export exists in public,
// so they are written from ../shared/reference/microsoft-facts/message-trace-formats.md.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import manifest from '../../package.json';
import { OUTCOME_SCOPES } from '../../scripts/grammars';
import { trackingEvents } from '../../server/src/knowledge/data/exchangeLogFormats';
import { traceStatuses } from '../../server/src/knowledge/data/messageTraceFacts';
import { loadGrammar, textmate, type Token, tokenizeLines } from '../support/textmate';

const SUFFIX = '.exchange-message-trace';
let grammar: textmate.IGrammar;

before(async () => {
  grammar = await loadGrammar('source.exchange-message-trace');
});

function scopeOf(line: readonly Token[], text: string): string {
  const token = line.find((t) => t.text === text);
  assert.ok(token, `no token "${text}" in ${JSON.stringify(line.map((t) => t.text))}`);
  const scope = token.scopes.at(-1)!;
  assert.ok(scope.endsWith(SUFFIX), scope);
  return scope.slice(0, -SUFFIX.length);
}

const success = (what: string) => `${OUTCOME_SCOPES.success}.${what}.success`;
const delay = (what: string) => `${OUTCOME_SCOPES.delay}.${what}.delay`;
const failure = (what: string) => `${OUTCOME_SCOPES.failure}.${what}.failure`;
const other = (what: string) => `${OUTCOME_SCOPES.other}.${what}.other`;

// Synthetic: the extended report's columns as the facts file lists them, time column date_time_utc.
const EXTENDED_HEADER = 'date_time_utc,client_ip,client_hostname,server_ip,server_hostname,source_context,connector_id,source,event_id,internal_message_id,message_id,'
  + 'network_message_id,recipient_address,recipient_status,total_bytes,recipient_count,related_recipient_address,reference,message_subject,sender_address,'
  + 'return_path,message_info,directionality,tenant_id,original_client_ip,original_server_ip,custom_data';
const EXTENDED_ROWS = [
  '2026-11-20T11:00:00.000Z,198.51.100.30,mail.fabrikam.com,,,,Inbound from fabrikam,SMTP,RECEIVE,3001,<synthetic-c@fabrikam.com>,cccc1111-2222-3333-4444-08de00000003,'
    + 'ivan@contoso.com,"ivan@contoso.com##Receive, Fail",4000,1,,,"Lost address, again",mallory@fabrikam.com,mallory@fabrikam.com,,1,7a3c1e52-9d84-4b6f-8e21-3f5d6c7b8a90,,,',
  '2026-11-20T11:00:01.000Z,,,,,CDP,,AGENT,AGENTINFO,3001,<synthetic-c@fabrikam.com>,cccc1111-2222-3333-4444-08de00000003,ivan@contoso.com,"ivan@contoso.com##Receive, Fail",'
    + '4000,1,,,Lost address,mallory@fabrikam.com,mallory@fabrikam.com,,1,7a3c1e52-9d84-4b6f-8e21-3f5d6c7b8a90,,,S:SFA=SUM|SFV=SPM|SCL=9|SRV=BULK|CTRY=US;S:AMA=SUM|v=1|action=b|name=EICAR',
  '2026-11-20T11:00:03.000Z,,,,mx.contoso.com,"550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found",,SMTP,FAIL,3001,<synthetic-c@fabrikam.com>,cccc1111-2222-3333-4444-08de00000003,'
    + 'ivan@contoso.com,"ivan@contoso.com##Receive, Fail",4000,1,,,Lost address,mallory@fabrikam.com,<>,,1,7a3c1e52-9d84-4b6f-8e21-3f5d6c7b8a90,,,',
  '2026-11-20T11:40:00.000Z,,,,,451 4.4.316 Connection refused,,SMTP,DEFER,3002,<synthetic-d@contoso.com>,dddd1111-2222-3333-4444-08de00000004,kim@example.net,'
    + '"kim@example.net##Receive, Defer",8000,1,,,Slow partner,alice@contoso.com,alice@contoso.com,,2,7a3c1e52-9d84-4b6f-8e21-3f5d6c7b8a90,,,',
];

describe('message-trace grammar', () => {
  it('is contributed for the exchange-message-trace language', () => {
    assert.deepEqual(manifest.contributes.grammars.find((g) => g.language === 'exchange-message-trace'),
      { language: 'exchange-message-trace', scopeName: 'source.exchange-message-trace', path: './syntaxes/exchange-message-trace.tmLanguage.json' });
  });

  it('colours the header, the #TYPE line of Windows PowerShell and the header of each report by its column names', () => {
    const lines = tokenizeLines(grammar, [
      '#TYPE Deserialized.Microsoft.Exchange.Management.FfoReporting.MessageTrace',
      '"PSComputerName","RunspaceId","PSShowComputerName","Organization","MessageId","Received","SenderAddress","RecipientAddress","Subject","Status"',
      '\uFEFF' + EXTENDED_HEADER,
      'origin_timestamp_utc,sender_address,Recipient_status,message_subject,total_bytes,message_id',
      'Date,Sender,Recipient,Subject,Status',
    ]);
    assert.equal(lines[0]!.at(-1)!.scopes.at(-1), `comment.line.type${SUFFIX}`);
    for (const line of lines.slice(1)) assert.match(line.at(-1)!.scopes.at(-1)!, /^variable\.other\.field-names\./, line.map((t) => t.text).join(''));
  });

  it('colours each field of the extended report by its shape: time, IP, host, source, event, ids, addresses, numbers, replies', () => {
    const [receive, agentInfo, fail, defer] = tokenizeLines(grammar, EXTENDED_ROWS);
    const expected: [string, string][] = [
      ['2026-11-20T11:00:00.000Z', 'comment.timestamp'], ['198.51.100.30', 'constant.numeric.ip-address'], ['mail.fabrikam.com', 'entity.name.type.host'],
      ['SMTP', 'support.class.source'], ['RECEIVE', success('event')], ['3001', 'constant.numeric.integer'], ['<synthetic-c@fabrikam.com>', 'string.other.message-id'],
      ['cccc1111-2222-3333-4444-08de00000003', 'constant.numeric.guid'], ['mallory@fabrikam.com', 'variable.other.email'], ['4000', 'constant.numeric.integer'],
    ];
    for (const [text, scope] of expected) assert.equal(scopeOf(receive!, text), scope, text);
    assert.equal(scopeOf(agentInfo!, 'AGENTINFO'), other('event'));
    assert.equal(scopeOf(fail!, 'FAIL'), failure('event'));
    assert.equal(scopeOf(fail!, '550 5.1.10'), `${OUTCOME_SCOPES.failure}.status-code`);
    assert.equal(scopeOf(fail!, '<>'), 'variable.other.email');
    assert.equal(scopeOf(defer!, 'DEFER'), delay('event'));
    assert.equal(scopeOf(defer!, '451 4.4.316'), `${OUTCOME_SCOPES.delay}.status-code`);
  });

  it('colours each event of Recipient_status by its outcome, and keeps the quoted subject one string', () => {
    const [receive, , , defer] = tokenizeLines(grammar, EXTENDED_ROWS);
    const entry = receive!.filter((t) => t.scopes.some((scope) => scope.startsWith('meta.recipient-status')));
    assert.deepEqual(entry.filter((t) => /\w/.test(t.text)).map((t) => [t.text, t.scopes.at(-1)!.slice(0, -SUFFIX.length)]), [
      ['ivan@contoso.com', 'variable.other.email'], ['Receive', success('event')], ['Fail', failure('event')],
    ]);
    assert.equal(scopeOf(defer!, 'Defer'), delay('event'));
    const subject = receive!.find((t) => t.text.includes('Lost address, again'))!;
    assert.ok(subject.scopes.includes(`string.quoted.double.field${SUFFIX}`), JSON.stringify(subject));
    assert.equal(scopeOf(receive!, '4000'), 'constant.numeric.integer');
  });

  it('decodes custom_data into agent groups and keys', () => {
    const [, agentInfo] = tokenizeLines(grammar, EXTENDED_ROWS);
    assert.deepEqual(agentInfo!.filter((t) => t.scopes.at(-1)!.startsWith('support.class.agent')).map((t) => t.text), ['SFA', 'AMA']);
    assert.deepEqual(agentInfo!.filter((t) => t.scopes.at(-1)!.startsWith('entity.other.attribute-name.key')).map((t) => t.text), ['SFV', 'SCL', 'SRV', 'CTRY', 'v', 'action', 'name']);
  });

  it('colours every Status value and every tracking event as the knowledge base says, in any case and quoted or not', () => {
    const colour = { failed: failure('status'), pending: delay('status'), quarantined: delay('status'), filtered: delay('status'), delivered: success('status'), expanded: other('status'), none: other('status') };
    // Synthetic Get-MessageTraceV2 rows, en-US dates as Windows PowerShell 5.1 writes them.
    const rows = traceStatuses.map((status, i) => `"contoso.onmicrosoft.com","<synthetic-${i}@contoso.com>","11/20/2026 8:15:02 AM","a@contoso.com","b@fabrikam.com","Subject","${status.name}"`);
    const lines = tokenizeLines(grammar, rows);
    traceStatuses.forEach((status, i) => {
      assert.equal(scopeOf(lines[i]!, status.name), colour[status.outcome], status.name);
      assert.equal(scopeOf(lines[i]!, '11/20/2026 8:15:02 AM'), 'comment.timestamp');
    });
    const events = tokenizeLines(grammar, trackingEvents.map((e) => `2026-11-20T11:00:00.000Z,SMTP,${e.id},${e.id.charAt(0) + e.id.slice(1).toLowerCase()}`));
    trackingEvents.forEach((event, i) => {
      const expected = `${OUTCOME_SCOPES[event.outcome]}.event.${event.outcome}`;
      assert.equal(scopeOf(events[i]!, event.id), expected, event.id);
      assert.equal(scopeOf(events[i]!, event.id.charAt(0) + event.id.slice(1).toLowerCase()), expected, `${event.id} in title case`);
    });
  });

  it('reads the detail export: culture dates, the reply inside a Fail reason, a quoted field over two lines', () => {
    // Synthetic Get-MessageTraceDetailV2 export from PowerShell 7 with de-DE dates.
    const lines = tokenizeLines(grammar, [
      '"Action","Data","Date","Detail","Event","MessageId","MessageTraceId","Organization","RecipientAddress","SenderAddress"',
      '"","","20.11.2026 13:15:02","Reason: [{LED=554 5.2.2 mailbox full};{MSG=};{FQDN=mx.contoso.com}]","Fail","<d1@fabrikam.com>","91111111-aaaa-bbbb-cccc-08de00000031","contoso.onmicrosoft.com","quinn@contoso.com","sales@fabrikam.com"',
      '"","<root><MEP Name=""ConnectorId"" String=""Inbound',
      'from partners""/></root>","20.11.2026 13:16:02","Message received","Receive","<d2@fabrikam.com>","91111111-aaaa-bbbb-cccc-08de00000032","contoso.onmicrosoft.com","quinn@contoso.com","sales@fabrikam.com"',
    ]);
    assert.equal(scopeOf(lines[1]!, '20.11.2026 13:15:02'), 'comment.timestamp');
    assert.equal(scopeOf(lines[1]!, '554 5.2.2'), `${OUTCOME_SCOPES.failure}.status-code`);
    assert.equal(scopeOf(lines[1]!, 'Fail'), failure('event'));
    assert.ok(lines[3]![0]!.scopes.includes(`string.quoted.double.field${SUFFIX}`), 'the line break stays inside the quoted Data field');
    assert.equal(scopeOf(lines[3]!, 'Receive'), success('event'));
    assert.equal(scopeOf(lines[3]!, '91111111-aaaa-bbbb-cccc-08de00000032'), 'constant.numeric.guid');
  });

  it('gets through hostile lines: 200,000 commas, an unclosed quote, 200,000 characters of custom_data and of Recipient_status, binary junk', () => {
    const lines = [
      ','.repeat(200_000),
      '"never closed',
      '2026-11-20T11:00:00.000Z,S:SFA=' + 'a=b|'.repeat(50_000),
      '2026-11-20T11:00:00.000Z,"' + 'x@contoso.com##Receive, Deliver;'.repeat(6_000) + '"',
      '\u0000\u0001\uFFFD\uD800'.repeat(50_000),
      '2026-11-20T11:00:00.000Z,SMTP,FAIL',
    ];
    const tokenized = tokenizeLines(grammar, lines);
    assert.equal(tokenized.length, lines.length);
    assert.equal(scopeOf(tokenized.at(-1)!, 'FAIL'), failure('event'));
  });
});
