// Hovers, outline, references, highlights, folding and the trace quick fix in Exchange logs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, type Position, type Range, SymbolKind } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/languageService';
import { lookupTrackingEvent, lookupTrackingSource } from '../../server/src/knowledge/exchangeLogFacts';
import { trackingFieldsByVersion, trackingLogFields } from '../../server/src/knowledge/data/exchangeLogFormats';
import { OPEN_POWERSHELL_COMMAND } from '../../server/src/common/protocol';
import { unescapeMarkdown } from '../support/markdownText.mjs';
import { parsePowerShell } from '../support/powershellGrammar';

const service = getLanguageService();
const FIXTURE = readFileSync('test/e2e/fixtures/MSGTRK20261123-1.LOG', 'utf8');
const RECV = readFileSync('test/e2e/fixtures/RECV2026112310-1.LOG', 'utf8');
const HEAD30 = FIXTURE.split('\n').slice(0, 5).join('\n');
const tracking = TextDocument.create('file:///MSGTRK20261123-1.LOG', 'exchange-tracking-log', 1, FIXTURE);
const protocol = TextDocument.create('file:///RECV2026112310-1.LOG', 'exchange-protocol-log', 1, RECV);

/** Position of the n-th occurrence of `needle` (plus `offset` characters). */
function at(document: TextDocument, needle: string, offset = 0, nth = 0): Position {
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

const textOf = (document: TextDocument, range: Range) => document.getText(range);
const meaningOf = (field: string) => trackingLogFields.find((f) => f.name === field)!.meaning;

describe('hovers in tracking logs', () => {
  it('a #Fields name and any value of that column explain the field', () => {
    const onName = service.doHover(tracking, at(tracking, 'recipient-status', 3))!;
    assert.match(unescapeMarkdown((onName.contents as { value: string }).value), /^\*\*recipient-status\*\* · column 14 of 30/);
    assert.equal(textOf(tracking, onName.range!), 'recipient-status');
    assert.ok(hoverText(tracking, at(tracking, 'recipient-status', 3)).includes(meaningOf('recipient-status')));
    const onValue = hoverText(tracking, at(tracking, 'Q4 forecast', 2));
    assert.match(onValue, /^\*\*message-subject\*\* · column 19 of 30/);
    assert.ok(onValue.includes(meaningOf('message-subject')));
  });

  it('an event ID explains the event, a source explains the source', () => {
    const event = hoverText(tracking, at(tracking, ',FAIL,', 2));
    assert.match(event, /\*\*event-id\*\*/);
    assert.ok(event.includes(lookupTrackingEvent('FAIL')!.meaning));
    assert.match(event, /failure/);
    const source = hoverText(tracking, at(tracking, ',ROUTING,', 2));
    assert.match(source, /\*\*source\*\*/);
    assert.ok(source.includes(lookupTrackingSource('ROUTING')!.meaning));
  });

  it('status codes and transport strings inside fields keep the code hover, which wins', () => {
    assert.match(hoverText(tracking, at(tracking, 'RESOLVER.ADR.RecipNotFound', 3)), /Transport status RESOLVER\.ADR\.RecipNotFound/);
    assert.match(hoverText(tracking, at(tracking, '550 5.1.1', 5)), /5\.1\.1/);
    assert.doesNotMatch(hoverText(tracking, at(tracking, '550 5.1.1', 5)), /column 14 of 30/);
  });

  it('a number in total-bytes or recipient-count is the field, never an SMTP reply', () => {
    const row = trackingFieldsByVersion['2016'].map((name) => ({ 'date-time': '2026-11-23T10:00:00.000Z', 'event-id': 'DELIVER', 'total-bytes': '550', 'recipient-count': '421' } as Record<string, string>)[name] ?? '').join(',');
    const document = TextDocument.create('file:///MSGTRK.LOG', 'exchange-tracking-log', 1, `${HEAD30}\n${row}`);
    const bytes = hoverText(document, at(document, ',550,', 2));
    assert.match(bytes, /^\*\*total-bytes\*\*/);
    assert.match(bytes, /550 bytes/);
    assert.doesNotMatch(bytes, /SMTP reply|permanent/);
    const count = hoverText(document, at(document, ',421,', 2));
    assert.match(count, /^\*\*recipient-count\*\*/);
    assert.doesNotMatch(count, /SMTP reply|transient/);
  });

  it('a recipient shows its own status, a custom-data item its key and value', () => {
    const text = `${HEAD30}\n${trackingFieldsByVersion['2016'].map((name) => ({
      'date-time': '2026-11-23T10:00:00.000Z', 'event-id': 'FAIL', 'recipient-address': 'a@x.example;b@x.example',
      'recipient-status': '"550 5.1.1 RESOLVER.ADR.RecipNotFound; not found;250 2.1.5 Recipient OK"', 'custom-data': 'S:DeliveryPriority=Normal;S:AccountForest=contoso.com',
    } as Record<string, string>)[name] ?? '').join(',')}`;
    const document = TextDocument.create('file:///MSGTRK.LOG', 'exchange-tracking-log', 1, text);
    const second = service.doHover(document, at(document, 'b@x.example', 1))!;
    assert.equal(textOf(document, second.range!), 'b@x.example');
    assert.match(unescapeMarkdown((second.contents as { value: string }).value), /Status of b@x\.example: 250 2\.1\.5 Recipient OK/);
    const item = service.doHover(document, at(document, 'AccountForest', 2))!;
    assert.equal(textOf(document, item.range!), 'S:AccountForest=contoso.com');
    assert.match(unescapeMarkdown((item.contents as { value: string }).value), /\*\*AccountForest\*\* = contoso\.com/);
  });

  it('a message-id counts the rows that carry it; a #Version names the product', () => {
    assert.match(hoverText(tracking, at(tracking, '<q4-forecast-81f2@contoso.com>', 3)), /4 rows in this file carry this message-id/);
    assert.match(hoverText(tracking, at(tracking, '15.02.1544.004', 2)), /Exchange 2019/);
  });

  it('protocol logs: the event symbol, the session-id, and the reply keeps its code hover', () => {
    assert.match(hoverText(protocol, at(protocol, ',<,EHLO', 1)), /\*\*<\*\* received: /);
    // The event symbol is escaped in the Markdown itself, so it never opens an HTML tag.
    assert.match((service.doHover(protocol, at(protocol, ',<,EHLO', 1))!.contents as { value: string }).value, /^\*\*\\<\*\* received/m);
    assert.match(hoverText(protocol, at(protocol, '08DE2B1C4A7F5001', 2)), /12 lines in this file carry this session-id/);
    assert.match(hoverText(protocol, at(protocol, '550 5.7.1', 5)), /SMTP reply 550/);
  });
});

describe('outline, references, highlights and folding', () => {
  it('one symbol per message named by subject and sender, its events as children in order', () => {
    const symbols = service.findDocumentSymbols(tracking);
    assert.deepEqual(symbols.map((s) => s.name), ['Q4 forecast · alex@contoso.com', 'Undeliverable: Q4 forecast · postmaster@contoso.com', 'Weekly export · reports@contoso.com']);
    const [q4] = symbols;
    assert.equal(q4!.kind, SymbolKind.Object);
    assert.match(q4!.detail!, /^RECEIVE › AGENTINFO › FAIL › DELIVER/);
    assert.deepEqual(q4!.children!.map((c) => [c.name, c.range.start.line]), [['RECEIVE', 5], ['AGENTINFO', 6], ['FAIL', 7], ['DELIVER', 9]]);
    assert.equal(textOf(tracking, q4!.selectionRange), '<q4-forecast-81f2@contoso.com>');
    assert.equal(textOf(tracking, q4!.children![2]!.selectionRange), 'FAIL');
    for (const child of q4!.children!) assert.ok(child.range.start.line >= q4!.range.start.line && child.range.end.line <= q4!.range.end.line);
  });

  it('protocol logs: one symbol per session, its lines as children', () => {
    const [session, ...rest] = service.findDocumentSymbols(protocol);
    assert.equal(rest.length, 0);
    assert.equal(session!.name, '203.0.113.9:51234 · EHLO mail.partner.example');
    assert.equal(session!.children!.length, 12);
    assert.equal(session!.children![8]!.name, '> 550 5.7.1 Unable to relay');
  });

  it('references on a message-id list every row of the message, and the DSN that names it', () => {
    const references = service.findReferences(tracking, at(tracking, '<q4-forecast-81f2@contoso.com>', 5));
    assert.deepEqual(references.map((r) => r.range.start.line), [5, 6, 7, 8, 9]);
    assert.ok(references.every((r) => textOf(tracking, r.range) === '<q4-forecast-81f2@contoso.com>' && r.uri === tracking.uri));
    // The caret just after the value counts too, as an editor places it.
    const after = at(tracking, '<q4-forecast-81f2@contoso.com>', '<q4-forecast-81f2@contoso.com>'.length);
    assert.equal(service.findReferences(tracking, after).length, 5);
  });

  it('references and highlights on internal-message-id and network-message-id', () => {
    assert.deepEqual(service.findReferences(tracking, at(tracking, '86157228441601', 3)).map((r) => r.range.start.line), [5, 6, 7, 9]);
    const highlights = service.findDocumentHighlights(tracking, at(tracking, '3f2a9c1e-5b7d', 3));
    assert.deepEqual(highlights.map((h) => h.range.start.line), [5, 6, 7, 9]);
    assert.ok(highlights.every((h) => textOf(tracking, h.range) === '3f2a9c1e-5b7d-4e21-08de-2b1c4a7f3e10'));
    assert.deepEqual(service.findReferences(tracking, at(tracking, 'Q4 forecast', 1)), []);
  });

  it('references on a session-id in a protocol log', () => {
    const references = service.findReferences(protocol, at(protocol, '08DE2B1C4A7F5001', 1, 5));
    assert.equal(references.length, 12);
    assert.equal(references[0]!.range.start.line, 5);
  });

  it('folds the header block and each protocol session', () => {
    assert.deepEqual(service.getFoldingRanges(tracking).map((r) => [r.startLine, r.endLine, r.kind]), [[0, 4, 'comment']]);
    assert.deepEqual(service.getFoldingRanges(protocol).map((r) => [r.startLine, r.endLine, r.kind]), [[0, 4, 'comment'], [5, 16, 'region']]);
  });

  it('other languages get none of these', () => {
    const eml = TextDocument.create('file:///a.eml', 'email', 1, FIXTURE);
    assert.deepEqual([service.findDocumentSymbols(eml), service.findReferences(eml, { line: 5, character: 160 }), service.getFoldingRanges(eml)], [[], [], []]);
  });
});

describe('quick fix: trace this message in PowerShell', () => {
  async function actionsFor(document: TextDocument): Promise<{ diagnostics: Diagnostic[]; actions: ReturnType<typeof service.getCodeActions> }> {
    const diagnostics = await service.doValidation(document);
    return { diagnostics, actions: service.getCodeActions(document, diagnostics) };
  }

  it('is offered on FAIL and DEFER, not on the DSN, with a command that opens PowerShell', async () => {
    const { diagnostics, actions } = await actionsFor(tracking);
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.diagnostics![0]!.code]), [
      ['Trace this message in PowerShell', 'quickfix', 'FAIL'],
      ['Trace this message in PowerShell', 'quickfix', 'DEFER'],
    ]);
    assert.equal(diagnostics.length, 3);
    assert.equal(actions[0]!.command!.command, OPEN_POWERSHELL_COMMAND);
  });

  it('names the server, brackets the message in time, and parses as PowerShell with real parameters', async () => {
    const { actions } = await actionsFor(tracking);
    const [fail, defer] = actions.map((a) => (a.command!.arguments![0] as { text: string }).text);
    assert.match(fail!, /^Get-MessageTrackingLog -Server 'EX02' -MessageId '<q4-forecast-81f2@contoso\.com>' -Start '2026-11-23T08:44:02Z' -End '2026-11-23T09:44:04Z' -ResultSize Unlimited \|\n\s+Sort-Object -Property 'Timestamp' \|\n\s+Format-Table /);
    // The deferred message's only row names the next hop, not this server: no -Server.
    assert.match(defer!, /^Get-MessageTrackingLog -MessageId '<weekly-export-22@contoso\.com>' -Start '2026-11-23T09:00:11Z' -End '2026-11-23T10:00:12Z' -ResultSize Unlimited/);
    for (const text of [fail!, defer!]) {
      const parsed = await parsePowerShell(text);
      assert.deepEqual(parsed.issues, []);
      assert.deepEqual(parsed.commands.map((c) => c.name), ['Get-MessageTrackingLog', 'Sort-Object', 'Format-Table']);
    }
    assert.deepEqual((await parsePowerShell(fail!)).commands[0]!.parameters, ['Server', 'MessageId', 'Start', 'End', 'ResultSize']);
  });

  it('never offers a command built from a value that could break out of its quotes', async () => {
    const hostile = FIXTURE.replaceAll("<weekly-export-22@contoso.com>", "<x'; Remove-Item C:\\ -Recurse; '@contoso.com>").replaceAll(',EX02,', ",EX02'$(calc),");
    const { diagnostics, actions } = await actionsFor(TextDocument.create('file:///MSGTRK.LOG', 'exchange-tracking-log', 1, hostile));
    assert.deepEqual(diagnostics.map((d) => d.code), ['FAIL', 'DSN', 'DEFER']);
    assert.equal(actions.length, 1);
    const text = (actions[0]!.command!.arguments![0] as { text: string }).text;
    assert.doesNotMatch(text, /calc|Remove-Item/);
    assert.match(text, /^Get-MessageTrackingLog -MessageId '<q4-forecast-81f2@contoso\.com>'/);
  });

  it('is not offered for diagnostics of other sources or codes', async () => {
    const { diagnostics } = await actionsFor(tracking);
    const foreign = diagnostics.map((d) => ({ ...d, source: 'other' }));
    assert.deepEqual(service.getCodeActions(tracking, foreign), []);
    assert.deepEqual(service.getCodeActions(tracking, diagnostics.filter((d) => d.code === 'DSN')), []);
  });
});
