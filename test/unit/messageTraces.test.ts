// Message traces in the editor: problems (one per recipient that failed, is pending, was quarantined,
// filtered or expanded), hovers, outline, references, folding and the quick fix, from the synthetic
// fixtures in test/fixtures/message-trace. Expected values are read off the fixtures and the facts
// file (shared/reference/microsoft-facts/message-trace-formats.md), never off the engine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity, type Position } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/languageService';
import { OPEN_POWERSHELL_COMMAND } from '../../server/src/common/protocol';
import type { ProblemFields } from '../../server/src/common/problemFields';
import { antispamKeys } from '../../server/src/knowledge/data/emailHeaderFacts';
import { traceFixture } from '../support/messageTraceFixtures';
import { unescapeMarkdown } from '../support/markdownText.mjs';
import { parsePowerShell } from '../support/powershellGrammar';

const service = getLanguageService();
const { Error: E, Warning: W, Information: I } = DiagnosticSeverity;

function open(name: string, languageId = 'csv'): TextDocument {
  return TextDocument.create(`file:///traces/${name}`, languageId, 1, traceFixture(name));
}

function at(document: TextDocument, needle: string, offset = 1, nth = 0): Position {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = document.getText().indexOf(needle, index + 1);
  assert.ok(index >= 0, `${needle} not found`);
  return document.positionAt(index + offset);
}

function hoverText(document: TextDocument, position: Position): string {
  const hover = service.doHover(document, position);
  assert.ok(hover, `no hover at ${JSON.stringify(position)}`);
  return unescapeMarkdown((hover.contents as { value: string }).value);
}

async function problems(document: TextDocument): Promise<Diagnostic[]> {
  return service.doValidation(document);
}

const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

/** [severity, code, recipient] of each problem. */
const summaryOf = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => [d.severity, d.code, (d.data as ProblemFields | undefined)?.recipient]);

describe('message trace problems', () => {
  it('enhanced summary: failed, quarantined, filtered, pending and expanded recipients; delivered and sent ones nothing', async () => {
    const diagnostics = await problems(open('synthetic-enhanced-summary.csv'));
    assert.deepEqual(summaryOf(diagnostics), [
      [E, 'trace-failed', 'carol@contoso.com'],
      [W, 'trace-quarantined', 'dave@contoso.com'],
      [W, 'trace-filtered', 'erin@contoso.com'],
      [E, 'trace-failed', 'grace@fabrikam.com'],
      [W, 'trace-pending', 'heidi@fabrikam.com'],
      [I, 'trace-expanded', 'sales@contoso.com'],
    ]);
    // Each names the recipient, the message and the reason; the pending one says how long (07:00 to the newest row, 09:30).
    assert.match(messageOf(diagnostics[0]!), /^carol@contoso\.com: delivery failed \(Fail\) · "Invoice overdue"$/);
    assert.match(messageOf(diagnostics[1]!), /Quarantined/);
    assert.match(messageOf(diagnostics[2]!), /FilteredAsSpam/);
    assert.match(messageOf(diagnostics[4]!), /2 h 30 min/);
    assert.ok(diagnostics.every((d) => !/bob@|frank@/.test(messageOf(d))));
  });

  it('every problem carries ProblemFields: recipient, sender, ids, outcome, time', async () => {
    const diagnostics = await problems(open('synthetic-enhanced-summary.csv'));
    assert.deepEqual(diagnostics[0]!.data, {
      recipient: 'carol@contoso.com', sender: 'mallory@fabrikam.com', reason: 'fail', hardbounce: true,
      messageid: 'c3d4@fabrikam.com', queueid: '1f1e2d3c4b5a69788796a5b4c3d2e1f0', timestamp: '2026-11-20T08:20:00.000Z', outcome: 'failed',
    });
    assert.equal((diagnostics[4]!.data as ProblemFields).outcome, 'deferred');
  });

  it('extended report: the event rows give failures, deferrals (with the time since arrival) and the expanded group; quarantine comes from Recipient_status', async () => {
    const diagnostics = await problems(open('synthetic-extended-utf16le.csv'));
    assert.deepEqual(summaryOf(diagnostics), [
      [W, 'trace-pending', 'kim@partner.example'],
      [E, 'trace-failed', 'ivan@fabrikam.com'],
      [I, 'trace-expanded', 'sales@contoso.com'],
      [W, 'trace-quarantined', 'leo@contoso.com'],
    ]);
    // RECEIVE at 10:00:00, DEFER at 10:45:00.
    assert.match(messageOf(diagnostics[0]!), /45 min/);
  });

  it('Get-MessageTraceV2 export: one problem per Status that needs one; Delivered and GettingStatus nothing', async () => {
    const diagnostics = await problems(open('synthetic-get-messagetracev2-ps51.csv', 'plaintext'));
    assert.deepEqual(summaryOf(diagnostics), [
      [E, 'trace-failed', 'carol@contoso.com'],
      [W, 'trace-pending', 'heidi@fabrikam.com'],
      [W, 'trace-quarantined', 'dave@contoso.com'],
      [W, 'trace-filtered', 'erin@contoso.com'],
      [I, 'trace-expanded', 'sales@contoso.com'],
    ]);
    assert.match(messageOf(diagnostics[1]!), /2 h 30 min/);
  });

  it('detail export: the reply in Detail is read by the status-code knowledge base', async () => {
    const diagnostics = await problems(open('synthetic-get-messagetracedetailv2-ps7-de-de.csv'));
    assert.deepEqual(summaryOf(diagnostics), [[W, 'trace-pending', 'quinn@contoso.com'], [E, 'trace-failed', 'quinn@contoso.com']]);
    assert.match(messageOf(diagnostics[0]!), /451 4\.4\.0/);
    assert.match(messageOf(diagnostics[0]!), /25 min/); // 10:15:02 to 10:40:02
    const failed = diagnostics[1]!.data as ProblemFields;
    assert.equal(failed.deliverystatus, '5.2.2');
    assert.equal(failed.replycode, '554');
    assert.equal(failed.hardbounce, true);
    assert.equal(failed.messageid, 'd1@fabrikam.com');
  });

  it('says which date order it assumed, on the time column\'s header', async () => {
    const document = open('synthetic-get-messagetracev2-ps7-en-gb.csv');
    const diagnostics = await problems(document);
    const assumed = diagnostics.find((d) => d.code === 'trace-date-order')!;
    assert.equal(assumed.severity, I);
    assert.equal(document.getText(assumed.range), '"Received"');
    assert.match(messageOf(assumed), /day first \(en-GB\) assumed/);
  });

  it('a document of our language without a trace header gets one clear problem; UTF-16 read as UTF-8 is named', async () => {
    const garbled = new TextDecoder('utf-8').decode(Buffer.from('\uFEFForigin_timestamp_utc,sender_address\r\n', 'utf16le'));
    const [problem] = await service.doValidation(TextDocument.create('file:///traces/garbled.csv', 'exchange-message-trace', 1, garbled));
    assert.equal(problem!.code, 'trace-no-header');
    assert.match(messageOf(problem!), /UTF-16 LE/);
    const [other] = await service.doValidation(TextDocument.create('file:///traces/other.csv', 'exchange-message-trace', 1, 'a,b\n1,2\n'));
    assert.match(messageOf(other!), /no message trace header/);
  });
});

describe('message trace hovers', () => {
  const extended = open('synthetic-extended-utf16le.csv');
  const ps51 = open('synthetic-get-messagetracev2-ps51.csv');

  it('a header name and any value of its column explain the column', () => {
    assert.match(hoverText(extended, at(extended, 'network_message_id')), /network_message_id.*column 12 of 27.*extended report/s);
    assert.match(hoverText(extended, at(extended, 'network_message_id')), /every copy of one message shares/);
    assert.match(hoverText(extended, at(extended, 'Shipping notice')), /message_subject[\s\S]*first 256 characters/);
    assert.match(hoverText(ps51, at(ps51, 'RunspaceId')), /remoting/);
  });

  it('Status values, events and sources say what they mean', () => {
    assert.match(hoverText(ps51, at(ps51, 'FilteredAsSpam')), /FilteredAsSpam\*\*: Marked as spam/);
    assert.match(hoverText(ps51, at(ps51, 'Pending')), /retried/);
    assert.match(hoverText(extended, at(extended, 'DEFER')), /\*\*DEFER\*\*: Delivery was postponed/);
    assert.match(hoverText(extended, at(extended, 'STOREDRIVER')), /\*\*STOREDRIVER\*\*/);
  });

  it('a Recipient_status entry lists its events', () => {
    const text = hoverText(extended, at(extended, 'leo@contoso.com##', 2));
    assert.match(text, /leo@contoso\.com\*\* went through/);
    assert.match(text, /- \*\*RECEIVE\*\*[\s\S]*- \*\*DELIVER\*\*[\s\S]*- \*\*Quarantined\*\*: The message was put in quarantine/);
  });

  it('custom_data is decoded key by key with the X-Forefront-Antispam-Report table', () => {
    const meaning = (key: string) => antispamKeys.find((k) => k.key === key)!;
    const sfv = hoverText(extended, at(extended, 'SFV=SPM'));
    assert.match(sfv, /\*\*S:SFA\*\*: spam filter agent/);
    assert.ok(sfv.includes(meaning('SFV').meaning) && sfv.includes(meaning('SFV').values!.SPM!), sfv);
    assert.ok(hoverText(extended, at(extended, 'SRV=BULK')).includes(meaning('SRV').values!.BULK!));
    assert.ok(hoverText(extended, at(extended, 'CTRY=US')).includes(meaning('CTRY').meaning));
    assert.match(hoverText(extended, at(extended, 'SCL=9')), /high-confidence spam/);
    assert.match(hoverText(extended, at(extended, 'SFP=1501')), /does not describe publicly/);
    assert.match(hoverText(extended, at(extended, 'action=b')), /S:AMA[\s\S]*What the malware filter did\. Here: blocked/);
    assert.match(hoverText(extended, at(extended, 'name=Synthetic')), /name of the malware/);
    assert.match(hoverText(extended, at(extended, 'ruleId=')), /S:TRA[\s\S]*GUID of the mail flow rule/);
    assert.match(hoverText(extended, at(extended, 'mode=Enforce')), /test modes/);
  });

  it('the header hover of an e-mail and the trace read SFV from the same table', () => {
    const email = TextDocument.create('file:///m.eml', 'email', 1, 'X-Forefront-Antispam-Report: CIP:203.0.113.5;SFV:SPM;SCL:9\r\nSubject: x\r\n\r\nbody\r\n');
    const header = hoverText(email, at(email, 'SFV:SPM'));
    const trace = hoverText(extended, at(extended, 'SFV=SPM'));
    const spm = antispamKeys.find((k) => k.key === 'SFV')!.values!.SPM!;
    assert.ok(header.includes(spm) && trace.includes(spm));
  });

  it('directionality, connector_id, MessageTraceId and ids', () => {
    assert.match(hoverText(extended, at(extended, ',1,7a3c', 1)), /directionality[\s\S]*`1`: inbound/);
    assert.match(hoverText(extended, at(extended, 'Inbound from fabrikam')), /connector the message came in or left by/);
    assert.match(hoverText(ps51, at(ps51, '22222222-aaaa')), /MessageTraceId[\s\S]*Get-MessageTraceDetailV2[\s\S]*1 row in this file/);
    assert.match(hoverText(extended, at(extended, 'cccc1111', 1, 1)), /2 rows in this file carry this network_message_id/);
  });

  it('the #TYPE line and times in the exporting culture', () => {
    assert.match(hoverText(ps51, at(ps51, '#TYPE')), /Windows PowerShell 5\.1[\s\S]*-NoTypeInformation/);
    assert.match(hoverText(ps51, at(ps51, '11/20/2026 7:00')), /2026-11-20 07:00:00 in UTC[\s\S]*month first/);
  });

  it('a status code in a value keeps the status-code hover; sizes are never read as replies', () => {
    const detail = open('synthetic-get-messagetracedetailv2-ps7-de-de.csv');
    assert.match(hoverText(detail, at(detail, '554 5.2.2', 5)), /^\*\*554 5\.2\.2/);
    assert.match(hoverText(ps51, at(ps51, '"24512"', 2)), /Size[\s\S]*24,512 bytes/);
  });
});

describe('message trace navigation', () => {
  const extended = open('synthetic-extended-utf16le.csv');

  it('outline: one entry per message with its subject, sender and recipients with outcomes', () => {
    const symbols = service.findDocumentSymbols(extended);
    assert.deepEqual(symbols.map((s) => s.name), ['Shipping notice', 'Slow partner', 'Lost address', 'Town hall', 'Invoice attached']);
    assert.match(symbols[2]!.detail!, /from alice@contoso\.com · cccc1111-2222-3333-4444-08de00000003/);
    assert.deepEqual(symbols[3]!.children!.map((c) => [c.name, c.detail]), [
      ['sales@contoso.com', 'expanded'], ['mike@contoso.com', 'delivered'], ['nina@contoso.com', 'delivered'],
    ]);
  });

  it('references and highlights on network_message_id, message_id and internal_message_id', () => {
    const text = extended.getText();
    assert.equal(service.findReferences(extended, at(extended, 'dddd1111', 2)).length, 3);
    assert.equal(service.findDocumentHighlights(extended, at(extended, '<ext-a@', 2)).length, 3);
    const refs = service.findReferences(extended, at(extended, ',2001,', 2));
    assert.deepEqual(refs.map((r) => extended.getText(r.range)), ['2001', '2001']);
    assert.ok(text.length > 0);
    const ps51 = open('synthetic-get-messagetracev2-ps51.csv');
    assert.deepEqual(service.findReferences(ps51, at(ps51, '33333333', 2)).map((r) => ps51.getText(r.range)), ['33333333-aaaa-bbbb-cccc-08de00000013']);
  });

  it('folding: each message\'s rows in the extended report', () => {
    assert.deepEqual(service.getFoldingRanges(extended).map((r) => [r.startLine, r.endLine]), [[1, 3], [4, 5], [6, 7], [8, 10], [11, 12]]);
  });

  it('quick fix: Get-MessageTraceDetailV2 for the message and recipient, from the snippet set, and it parses', async () => {
    const diagnostics = await problems(extended);
    const failed = diagnostics.find((d) => d.code === 'trace-failed')!;
    const [action] = service.getCodeActions(extended, [failed]);
    assert.equal(action!.command!.command, OPEN_POWERSHELL_COMMAND);
    const { text } = action!.command!.arguments![0] as { text: string };
    assert.match(text, /^Get-MessageTraceDetailV2 -MessageTraceId 'cccc1111-2222-3333-4444-08de00000003' -RecipientAddress 'ivan@fabrikam\.com' /);
    const parsed = await parsePowerShell(text);
    assert.deepEqual(parsed.issues, []);
    assert.ok(parsed.commands.some((c) => c.name === 'Get-MessageTraceDetailV2' && c.parameters.includes('MessageTraceId') && c.parameters.includes('RecipientAddress')));
  });

  it('quick fix without a trace ID: Get-MessageTraceV2 -MessageId', async () => {
    // Synthetic: an enhanced summary without network_message_id.
    const text = 'origin_timestamp_utc,sender_address,Recipient_status,message_subject,message_id\n'
      + '2026-11-20T08:00:00Z,a@contoso.com,"bob@fabrikam.com##Receive, Fail",Hi,<x1@contoso.com>\n';
    const document = TextDocument.create('file:///traces/no-id.csv', 'csv', 1, text);
    const [action] = service.getCodeActions(document, await problems(document));
    const script = (action!.command!.arguments![0] as { text: string }).text;
    assert.match(script, /^Get-MessageTraceV2 -MessageId '<x1@contoso\.com>' /);
    assert.deepEqual((await parsePowerShell(script)).issues, []);
  });

  it('quick fix: a recipient that is not a plain address is never filled in; the Message-ID is used instead', async () => {
    // Synthetic and hostile: a recipient that would close the quote and run a command.
    const text = 'origin_timestamp_utc,sender_address,Recipient_status,message_subject,network_message_id,message_id\n'
      + '2026-11-20T08:00:00Z,a@contoso.com,"x\'; Remove-Item C:\\ -Recurse; \'@fabrikam.com##Receive, Fail",Hi,0f1e2d3c4b5a69788796a5b4c3d2e1f0,<x1@contoso.com>\n';
    const document = TextDocument.create('file:///traces/hostile.csv', 'csv', 1, text);
    const [action] = service.getCodeActions(document, await problems(document));
    const script = (action!.command!.arguments![0] as { text: string }).text;
    assert.match(script, /^Get-MessageTraceV2 -MessageId '<x1@contoso\.com>' /);
    assert.ok(!script.includes('Remove-Item'));
  });
});
