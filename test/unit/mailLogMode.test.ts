// Issue #13 in the editor: problems per recipient and outcome, line problems, the outline, folding,
// references, hovers and the Trace this message quick fix of Postfix, Exim and Sendmail logs. Expected
// values are read from the logs' own lines; synthetic lines are labelled.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity, DocumentSymbol } from 'vscode-languageserver-types';
import manifest from '../../package.json';
import { correctedLogLanguage, languageOfFile } from '../../server/src/common/languages';
import type { ProblemFields } from '../../server/src/common/problemFields';
import { defaultSettings, getLanguageService } from '../../server/src/languageService';
import { looksLikeMailLog } from '../../server/src/modes/mailLog/mailLogMode';
import { readShared } from '../support/shared';

const service = getLanguageService();
const CORPUS = 'corpus/unix-mail-logs';
let version = 1;
const open = (text: string, languageId = 'mail-log'): TextDocument => TextDocument.create('file:///var/log/mail.log', languageId, version++, text);
const corpusDoc = (file: string, languageId = 'mail-log'): TextDocument => open(readShared(`${CORPUS}/${file}`), languageId);
const lines = (document: TextDocument): string[] => document.getText().split(/\r?\n/);
const lineOf = (document: TextDocument, needle: string): number => {
  const line = lines(document).findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, needle);
  return line;
};
const data = (d: Diagnostic): ProblemFields => d.data as ProblemFields;
/** Our problems' messages are plain strings. */
type Problem = Diagnostic & { message: string };
const validate = async (document: TextDocument, settings = defaultSettings): Promise<Problem[]> =>
  (await service.doValidation(document, settings)) as Problem[];

describe('mail-log language', () => {
  const languages = manifest.contributes.languages;
  it('file names: mail.log and its rotations, maillog, mail.err, mail.warn, mainlog, rejectlog', () => {
    for (const name of ['/var/log/mail.log', 'mail.log.1', 'mail.log.2.gz', 'maillog', 'maillog-20240101', 'mail.err', 'mail.warn.1', '/var/log/exim4/mainlog', 'mainlog.1', 'rejectlog']) {
      assert.equal(languageOfFile(name, '', languages), 'mail-log', name);
    }
    assert.equal(languageOfFile('/var/log/syslog.log', '', languages), 'log');
  });

  it('the Exchange header correction never moves a mail log', () => {
    const head = readShared(`${CORPUS}/lightmeter/individual_files/18_expired.log`).slice(0, 2000);
    assert.equal(correctedLogLanguage('log', head, languages), undefined);
    assert.equal(correctedLogLanguage('plaintext', head, languages), undefined);
  });

  it('claims Postfix, Exim and Sendmail logs opened as log or plaintext by content, and nothing else', () => {
    for (const file of ['lightmeter/individual_files/18_expired.log', 'exim_exporter/mainlog', 'exim_exporter/rejectlog', 'parse-syslog-mail/sendmail-plain.log', 'crowdsec-hub/postfix-logs.log', 'fail2ban/postfix', 'alaveteli/exim-mainlog-2016-04-28']) {
      assert.equal(looksLikeMailLog(corpusDoc(file, 'log')), true, file);
    }
    assert.equal(looksLikeMailLog(open('2024-01-02 03:04:05 INFO app started\n2024-01-02 03:04:06 INFO ready\n', 'log')), false);
    assert.equal(looksLikeMailLog(open('Jan  2 03:04:05 host sshd[1]: Accepted publickey\n', 'log')), false);
    assert.equal(looksLikeMailLog(open(readShared('corpus/unix-mail-logs/README.md').slice(0, 2000), 'plaintext')), false);
  });

  it('a claimed log document gets the trail problems, not one problem per code', async () => {
    const asLog = await validate(corpusDoc('lightmeter/individual_files/18_expired.log', 'log'));
    const asMailLog = await validate(corpusDoc('lightmeter/individual_files/18_expired.log'));
    assert.deepEqual(asLog.map((d) => d.message), asMailLog.map((d) => d.message));
  });
});

describe('mail-log problems', () => {
  it('an expired message: one error on the expiry line, naming the recipient, attempts, last reply and reading', async () => {
    const document = corpusDoc('lightmeter/individual_files/18_expired.log');
    const diagnostics = await validate(document);
    assert.equal(diagnostics.length, 1);
    const [expired] = diagnostics;
    const deferrals = lines(document).filter((l) => l.includes('23EBE3D5C0: to=') && l.includes('status=deferred')).length;
    assert.equal(expired!.severity, DiagnosticSeverity.Error);
    assert.equal(expired!.code, 'expired');
    assert.equal(expired!.range.start.line, lineOf(document, 'status=expired'));
    assert.ok(expired!.message.startsWith('h-664d01@h-695da2287.com: expired'), expired!.message);
    assert.ok(expired!.message.includes(`${deferrals} attempts`), expired!.message);
    assert.ok(expired!.message.includes('452 4.1.1'), expired!.message);
    assert.match(expired!.message, /\((\w+), soft bounce; .+ must act: .+\)$/);
    const fields = data(expired!);
    assert.equal(fields.recipient, 'h-664d01@h-695da2287.com');
    assert.equal(fields.queueid, '23EBE3D5C0');
    assert.equal(fields.outcome, 'expired');
    assert.equal(fields.deliverystatus, '4.1.1');
    assert.equal(fields.replycode, '452');
    assert.equal(fields.hardbounce, false);
    assert.equal(fields.messageid, 'h-dea85411b67a40a063ef58e0ab590721@h-daa2fe3dd7fc0b5c2017db90829038b.com');
    // "Sep 30 20:46:08" of the last deferral, the server's local time: no Z.
    assert.match(fields.timestamp!, /^\d{4}-09-30T20:46:08$/);
  });

  it('bounced recipients are errors on their status, one each; delivered ones report nothing', async () => {
    const document = corpusDoc('lightmeter/individual_files/2_multiple_recipients_some_bounces.log');
    const diagnostics = await validate(document);
    const bouncedLines = lines(document).map((l, i) => [l, i] as const).filter(([l]) => l.includes('status=bounced'));
    const bounced = diagnostics.filter((d) => d.code === 'bounced');
    assert.equal(bounced.length, bouncedLines.length);
    for (const [line, number] of bouncedLines) {
      const recipient = /to=<([^>]*)>/.exec(line)![1]!;
      const problem = bounced.find((d) => d.range.start.line === number)!;
      assert.ok(problem.message.startsWith(`${recipient}: bounced, `), problem.message);
      assert.equal(problem.severity, DiagnosticSeverity.Error);
      assert.equal(lines(document)[number]!.slice(problem.range.start.character, problem.range.start.character + 14), 'status=bounced');
      assert.equal(data(problem).deliverystatus, /dsn=([\d.]+)/.exec(line)![1]);
    }
    assert.equal(diagnostics.length, bounced.length);
  });

  it('issue #12: dsn=5.1.10 and "said: 550 5.1.10" give one problem naming the recipient (synthetic line)', async () => {
    const line = 'Nov 23 09:14:02 mx1 postfix/smtp[2211]: 4F1A2B3C4D: to=<bob@contoso.com>, relay=contoso-com.mail.protection.outlook.com[192.0.2.5]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.1.10, status=bounced (host contoso-com.mail.protection.outlook.com[192.0.2.5] said: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient bob@contoso.com not found by SMTP address lookup (in reply to RCPT TO command))';
    const diagnostics = await validate(open(`${line}\n`));
    assert.equal(diagnostics.length, 1);
    assert.ok(diagnostics[0]!.message.startsWith('bob@contoso.com: bounced, 550 5.1.10'), diagnostics[0]!.message);
    assert.equal(data(diagnostics[0]!).recipient, 'bob@contoso.com');
  });

  it('deferred then delivered: an information entry with the delay, no error or warning', async () => {
    const document = corpusDoc('lightmeter/individual_files/6_deferred_message_retry.log');
    const diagnostics = await validate(document);
    assert.ok(diagnostics.length > 0);
    for (const d of diagnostics) {
      assert.equal(d.severity, DiagnosticSeverity.Information, d.message);
      assert.equal(d.code, 'delivered-after-deferral');
      assert.match(d.message, /: delivered .* after \d+ deferrals?$/);
    }
  });

  it('still deferred at the end of the log: one warning with attempts, span and last reply (synthetic lines)', async () => {
    const attempt = (time: string) => `Nov 23 ${time} mx postfix/smtp[2211]: 8D4B32A1C3: to=<carol@example.org>, relay=none, delay=1, delays=1/0/0/0, dsn=4.4.1, status=deferred (connect to example.org[192.0.2.9]:25: Connection timed out)`;
    const document = open([
      'Nov 23 09:14:05 mx postfix/smtpd[2212]: 8D4B32A1C3: client=a.example.net[192.0.2.8]',
      'Nov 23 09:14:05 mx postfix/qmgr[2213]: 8D4B32A1C3: from=<alice@example.net>, size=900, nrcpt=1 (queue active)',
      attempt('09:14:06'), attempt('09:30:06'), attempt('10:14:06'),
    ].join('\n'));
    const diagnostics = await validate(document);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Warning);
    assert.equal(diagnostics[0]!.range.start.line, 4);
    assert.match(diagnostics[0]!.message, /^carol@example\.org: still deferred at the end of the log after 3 attempts over 1 h; last reply 4\.4\.1: /);
  });

  it('a clean delivery reports nothing', async () => {
    assert.deepEqual(await validate(corpusDoc('lightmeter/individual_files/11_single_successful_delivery.log')), []);
  });

  it('rejects, block lists, SASL failures: warnings naming the client and the reading', async () => {
    const document = corpusDoc('crowdsec-hub/postfix-logs.log');
    const diagnostics = await validate(document);
    const relay = diagnostics.find((d) => d.range.start.line === lineOf(document, '2024-08-25T12:31:56'))!;
    assert.equal(relay.code, 'rejected');
    assert.equal(relay.severity, DiagnosticSeverity.Warning);
    assert.ok(relay.message.includes('454 4.7.1'), relay.message);
    const sasl = diagnostics.find((d) => d.code === 'auth-failure')!;
    assert.equal(sasl.range.start.line, lineOf(document, 'SASL LOGIN authentication failed'));
    const rbl = await validate(corpusDoc('fail2ban/postfix-rbl'));
    const listed = rbl.filter((d) => d.code === 'blocklist');
    assert.ok(listed.length > 0);
    assert.ok(listed.some((d) => /block list [a-z0-9.-]+/.test(d.message)));
    const exim = await validate(corpusDoc('crowdsec-hub/exim-logs.log'));
    assert.ok(exim.some((d) => d.code === 'auth-failure'));
    assert.ok(exim.some((d) => d.code === 'rejected' || d.code === 'blocklist'));
  });

  it('a storm of lost connections from one client is one warning (synthetic lines)', async () => {
    const lost = Array.from({ length: 12 }, (_, i) => `Nov 23 09:${String(10 + i).padStart(2, '0')}:00 mx postfix/smtpd[${300 + i}]: lost connection after AUTH from unknown[198.51.100.7]`);
    const diagnostics = await validate(open(lost.join('\n')));
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.code, 'lost-connections');
    assert.match(diagnostics[0]!.message, /^12 connections from unknown\[198\.51\.100\.7\] were lost mid-session \(after AUTH ×12\)/);
  });

  it('warning lines: routine ones are information, the rest warnings, fatal errors (synthetic lines)', async () => {
    const document = open([
      'Nov 23 09:14:02 mx postfix/smtpd[1]: warning: hostname x.example does not resolve to address 192.0.2.1',
      'Nov 23 09:14:03 mx postfix/smtpd[1]: warning: TLS library problem: error:0A000126:SSL routines::unexpected eof while reading',
      'Nov 23 09:14:04 mx postfix/smtpd[1]: warning: database /etc/postfix/virtual.db is older than source file /etc/postfix/virtual',
      'Nov 23 09:14:05 mx postfix/master[1]: fatal: bind 0.0.0.0 port 25: Address already in use',
    ].join('\n'));
    const diagnostics = await validate(document);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.code, d.severity]), [
      [0, 'warning', DiagnosticSeverity.Information],
      [1, 'tls-failure', DiagnosticSeverity.Warning],
      [2, 'warning', DiagnosticSeverity.Warning],
      [3, 'warning', DiagnosticSeverity.Error],
    ]);
  });

  it('Exim: ** and retry timeout exceeded are errors per recipient, == still deferred a warning', async () => {
    const document = corpusDoc('exim_exporter/mainlog');
    const diagnostics = await validate(document);
    const molly = diagnostics.find((d) => d.range.start.line === lineOf(document, '** molly@zee.corp'))!;
    assert.equal(molly.code, 'bounced');
    assert.ok(molly.message.startsWith('molly@zee.corp: bounced, 554 5.2.0'), molly.message);
    const bob = diagnostics.find((d) => d.range.start.line === lineOf(document, '** bob@null.corp: retry timeout exceeded'))!;
    assert.equal(bob.code, 'expired');
  });

  it('capped by maxProblems, with one last entry saying how many more', async () => {
    const document = open(readShared(`${CORPUS}/fail2ban/postfix`));
    const all = await validate(document);
    const capped = await validate(open(document.getText()), { ...defaultSettings, diagnostics: { ...defaultSettings.diagnostics, maxProblems: 3 } });
    assert.equal(capped.length, 4);
    assert.match(capped[3]!.message, new RegExp(`^${all.length - 3} more problems not shown`));
  });
});

describe('mail-log outline, folding, references, hovers', () => {
  it('one outline entry per message, named by its id, with sender, recipients, outcome and its lines', () => {
    const document = corpusDoc('lightmeter/individual_files/18_expired.log');
    const symbols = service.findDocumentSymbols(document);
    const expired = symbols.find((s) => s.name === '23EBE3D5C0')!;
    assert.equal(expired.detail, 'from h-498b874f2bf0cf639807ad80e1@h-5e67b9b4406.com to h-664d01@h-695da2287.com: expired');
    const own = lines(document).map((l, i) => [l, i] as const).filter(([l]) => l.includes(' 23EBE3D5C0: ')).map(([, i]) => i);
    assert.deepEqual(expired.children!.map((c) => c.range.start.line), own);
    assert.equal(expired.children![0]!.name, lines(document)[own[0]!]!.split('23EBE3D5C0: ')[1]);
  });

  it('every outline entry is a valid LSP DocumentSymbol (the VS Code client drops the whole list otherwise)', () => {
    const symbols = service.findDocumentSymbols(corpusDoc('lightmeter/individual_files/18_expired.log'));
    assert.ok(symbols.length > 0);
    for (const symbol of symbols) assert.ok(DocumentSymbol.is(symbol), symbol.name);
  });

  it('folds each message from its first to its last line, without crossing folds', () => {
    const document = corpusDoc('exim_exporter/mainlog');
    const folds = service.getFoldingRanges(document);
    const first = folds.find((f) => f.startLine === lineOf(document, '1jmFYj-00039V-QX <='))!;
    assert.equal(first.endLine, lines(document).map((l, i) => [l, i] as const).filter(([l]) => l.includes(' 1jmFYj-00039V-QX ')).at(-1)![1]);
    for (const a of folds) for (const b of folds) assert.ok(!(a.startLine < b.startLine && b.startLine <= a.endLine && a.endLine < b.endLine), 'crossing folds');
  });

  it('references on a queue id: every line of the message; on the notification id: its lines and the naming line', () => {
    const document = corpusDoc('lightmeter/individual_files/18_expired.log');
    const at = lineOf(document, '23EBE3D5C0: client=');
    const character = lines(document)[at]!.indexOf('23EBE3D5C0') + 2;
    const refs = service.findReferences(document, { line: at, character });
    const own = lines(document).map((l, i) => [l, i] as const).filter(([l]) => l.includes(' 23EBE3D5C0: ')).map(([, i]) => i);
    assert.deepEqual(refs.map((r) => r.range.start.line), own);
    const notificationLine = lineOf(document, 'sender non-delivery notification: A7E673C067');
    const ndr = service.findReferences(document, { line: notificationLine, character: lines(document)[notificationLine]!.lastIndexOf('A7E673C067') + 1 });
    const ndrLines = lines(document).map((l, i) => [l, i] as const).filter(([l]) => l.includes('A7E673C067')).map(([, i]) => i);
    assert.deepEqual(ndr.map((r) => r.range.start.line), ndrLines);
    assert.deepEqual(service.findDocumentHighlights(document, { line: at, character }).map((h) => h.range.start.line), own);
  });

  it('references on an Exim id include the bounce that names it (R=)', () => {
    const document = corpusDoc('exim_exporter/mainlog');
    const at = lineOf(document, '1jmFYj-00039V-QX <=');
    const refs = service.findReferences(document, { line: at, character: lines(document)[at]!.indexOf('1jmFYj') + 1 });
    const expected = lines(document).map((l, i) => [l, i] as const).filter(([l]) => l.includes('1jmFYj-00039V-QX')).map(([, i]) => i);
    assert.deepEqual(refs.map((r) => r.range.start.line), expected);
  });

  it('references on a Message-ID list every message carrying it', () => {
    const document = corpusDoc('lightmeter/individual_files/12_two_independent_deliveries_in_the_same_smtpd_process_mixed.log');
    const at = lineOf(document, 'BA8F630001DA: message-id=<264dc34c');
    const refs = service.findReferences(document, { line: at, character: lines(document)[at]!.indexOf('264dc34c') + 3 });
    const carriers = new Set(lines(document).filter((l) => l.includes('message-id=<264dc34c')).map((l) => /\]: ([0-9A-F]+): /.exec(l)![1]));
    assert.equal(carriers.size, 2);
    const expected = lines(document).map((l, i) => [l, i] as const).filter(([l]) => [...carriers].some((id) => l.includes(`]: ${id}: `))).map(([, i]) => i);
    assert.deepEqual(refs.map((r) => r.range.start.line), expected);
  });

  const hoverText = (document: TextDocument, line: number, character: number): string => {
    const hover = service.doHover(document, { line, character });
    assert.ok(hover, `hover at ${line}:${character}`);
    return (hover.contents as { value: string }).value;
  };

  it('a queue id shows the journey: sender, size, recipients and outcomes, the notification it caused', () => {
    const document = corpusDoc('lightmeter/individual_files/18_expired.log');
    const at = lineOf(document, '23EBE3D5C0: removed');
    const text = hoverText(document, at, lines(document)[at]!.indexOf('23EBE3D5C0') + 1);
    assert.ok(text.includes('`23EBE3D5C0`'));
    assert.ok(text.includes('312343 bytes'));
    assert.ok(text.includes('`h-664d01@h-695da2287.com`: **expired**'));
    assert.ok(text.includes('`A7E673C067`'));
  });

  it('delays=a/b/c/d explains its four parts and names the slowest', () => {
    const document = corpusDoc('lightmeter/individual_files/18_expired.log');
    const at = lineOf(document, 'delays=440372/0.04/1.6/0.84');
    const text = hoverText(document, at, lines(document)[at]!.indexOf('delays=') + 10);
    for (const part of ['before the queue manager', 'in the queue manager', 'connection set\\-up', 'transmission']) assert.ok(text.includes(part), part);
    assert.match(text, /1\. \*\*before the queue manager\*\*.*\*\*slowest\*\*/);
  });

  it('relay=, status=, Exim flags and fields say what they mean; status codes keep their hover', () => {
    const postfix = corpusDoc('lightmeter/individual_files/18_expired.log');
    const at = lineOf(postfix, 'status=deferred');
    assert.ok(hoverText(postfix, at, lines(postfix)[at]!.indexOf('relay=') + 2).includes('Next hop'));
    assert.ok(hoverText(postfix, at, lines(postfix)[at]!.indexOf('status=') + 2).includes('Outcome of the attempt'));
    const code = hoverText(postfix, at, lines(postfix)[at]!.indexOf('452 4.1.1') + 5);
    assert.match(code, /452 4\\?\.1\\?\.1/);
    const exim = corpusDoc('exim_exporter/mainlog');
    const arrival = lineOf(exim, '1jmFYj-00039V-QX <=');
    assert.ok(hoverText(exim, arrival, lines(exim)[arrival]!.indexOf('<=')).includes('Message arrival'));
    assert.ok(hoverText(exim, arrival, lines(exim)[arrival]!.indexOf(' S=') + 1).includes('Size'));
    const failed = lineOf(exim, '** molly@zee.corp');
    assert.ok(hoverText(exim, failed, lines(exim)[failed]!.indexOf('**')).includes('Delivery failed'));
    assert.ok(hoverText(exim, failed, lines(exim)[failed]!.indexOf('CV=') + 1).includes('Certificate verified'));
  });

  it('a time stamp without a year says the year is inferred', () => {
    const document = corpusDoc('lightmeter/individual_files/18_expired.log');
    assert.match(hoverText(document, 0, 3), /has no year.*is inferred/);
    const zoned = corpusDoc('crowdsec-hub/postfix-logs.log');
    const at = lineOf(zoned, '2024-08-26T01:33:38');
    assert.ok(!hoverText(zoned, at, 3).includes('inferred'));
  });
});

describe('mail-log quick fix', () => {
  it('Trace this message opens a shell script with the queue commands for that id', async () => {
    const document = corpusDoc('lightmeter/individual_files/18_expired.log');
    const diagnostics = await validate(document);
    const actions = service.getCodeActions(document, diagnostics);
    assert.equal(actions.length, 1);
    const args = actions[0]!.command!.arguments![0] as { text: string; language: string };
    assert.equal(args.language, 'shellscript');
    assert.ok(args.text.includes("postqueue -c '/etc/postfix-239.58.50.50' -p | grep -A 3 -F -- '23EBE3D5C0'"), args.text);
    assert.ok(args.text.includes("postcat -c '/etc/postfix-239.58.50.50' -h -e -q '23EBE3D5C0'"));
    assert.ok(args.text.includes("zgrep -h -F -- 'h-dea85411b67a40a063ef58e0ab590721@h-daa2fe3dd7fc0b5c2017db90829038b.com'"));
  });

  it('Exim ids get exigrep and exim -Mvh', async () => {
    const document = corpusDoc('exim_exporter/mainlog');
    const diagnostics = await validate(document);
    const molly = diagnostics.find((d) => d.message.startsWith('molly@zee.corp'))!;
    const [action] = service.getCodeActions(document, [molly]);
    const { text } = action!.command!.arguments![0] as { text: string };
    assert.ok(text.includes("exim -Mvh '1jmKso-0009d4-Uf'"));
    assert.ok(text.includes("exigrep '1jmKso-0009d4-Uf' /var/log/exim4/mainlog"));
  });
});
