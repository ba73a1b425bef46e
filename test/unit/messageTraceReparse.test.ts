// A new version of a message trace is read again only where it changed: after any edits the reused
// reading must equal a full parse of the edited text, and the problems and references of the
// edited document must equal those of the same text opened fresh. Every trace here is synthetic:
// the fixtures of test/fixtures/message-trace, and a report built in this file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseTraceTable, type TraceTable } from '../../server/src/formats/messageTrace/traceTable';
import { reparseTraceTable } from '../../server/src/formats/messageTrace/traceReparse';
import { traceTableOf } from '../../server/src/modes/messageTrace/traceDocument';
import { getLanguageService } from '../../server/src/languageService';
import { traceFixture } from '../support/messageTraceFixtures';
import '../support/fuzzSeed';

/** A synthetic extended report whose first column is not its time: no line can be told to start a record. */
const SENDER_FIRST = [
  'sender_address,event_id,date_time_utc,recipient_status,recipient_address,message_subject,message_id,network_message_id',
  ...Array.from({ length: 24 }, (_, i) => [
    `s${i}@fabrikam.example`, ['RECEIVE', 'FAIL', 'DEFER', 'DELIVER'][i % 4], `2026-11-20T00:${String(i).padStart(2, '0')}:00Z`,
    `"r${i}@contoso.example##Receive, ${['Deliver', 'Fail', 'Defer', 'Deliver'][i % 4]}"`, `r${i}@contoso.example`,
    i % 5 === 0 ? `"Subject, ${i}"` : `Subject ${i}`, `<m${i >> 1}@fabrikam.example>`, `nid-${i >> 1}`,
  ].join(',')),
  '',
].join('\n');

/** The traces edited: admin-center reports (dated first column), quoted exports (PowerShell) and the sender-first report. */
const BASES: Record<string, string> = {
  extended: traceFixture('synthetic-extended-utf16le.csv'),
  enhanced: traceFixture('synthetic-enhanced-summary.csv'),
  ps51: traceFixture('synthetic-get-messagetracev2-ps51.csv'),
  enGb: traceFixture('synthetic-get-messagetracev2-ps7-en-gb.csv'),
  detail: traceFixture('synthetic-get-messagetracedetailv2-ps7-de-de.csv'),
  senderFirst: SENDER_FIRST,
};

/** Everything a reader of a table sees. */
function observable(table: TraceTable | undefined) {
  if (!table) return undefined;
  const { fields } = table;
  return {
    kind: table.kind, typeLine: table.typeLine, header: table.header, columns: [...table.columns], timeColumn: table.timeColumn,
    timeZone: table.timeZone, dates: table.dates, rows: table.rows.map((r) => ({ ...r })),
    fields: Array.from({ length: fields.length }, (_, i) => [fields.starts[i], fields.ends[i], fields.flags[i]]),
  };
}

const edit = (text: string, from: number, to: number, insert: string): string => text.slice(0, from) + insert + text.slice(to);

/** What edits write: separators, quotes, line breaks, and the starts of records, events and dates that change a row's meaning. */
const pieces = fc.constantFrom(
  'a', ',', '"', '""', '\n', '\r\n', '\r', ' ', ';', '##', '/', '13/', '2026-11-20T00:00:01Z,', '\n2026-11-21T09:00:00Z,', '"\n"x","', '","',
  '05/11/2026 14:03:10', '25/11/2026 09:00:00', 'FAIL', 'Defer', 'Quarantined', '550 5.1.1 ',
);
const anEdit = fc.record({
  // Integers, not doubles: fast-check's doubles gather at 0 and 1, the head and the end of the text.
  at: fc.integer({ min: 0, max: 9999 }).map((n) => n / 10_000),
  remove: fc.integer({ min: 0, max: 400 }),
  insert: fc.array(pieces, { maxLength: 5 }).map((p) => p.join('')),
});

describe('a new version of a message trace is read again only where it changed', () => {
  it('reads the same trace as a full parse, whatever the edits (random edits, seeded)', () => {
    let reused = 0;
    let edited = 0;
    fc.assert(fc.property(fc.constantFrom(...Object.keys(BASES)), fc.array(anEdit, { minLength: 1, maxLength: 8 }), (name, edits) => {
      let text = BASES[name]!;
      let table = parseTraceTable(text);
      for (const { at, remove, insert } of edits) {
        const from = Math.floor(at * text.length);
        text = edit(text, from, Math.min(text.length, from + remove), insert);
        const next = table ? reparseTraceTable(table, text) : parseTraceTable(text);
        edited++;
        if (table && next && next.rows.length > 0 && next.rows[0] === table.rows[0]) reused++;
        assert.deepEqual(observable(next), observable(parseTraceTable(text)));
        table = next;
      }
    }), { numRuns: 600 });
    // The property must have exercised the reuse, not only full parses.
    assert.ok(reused > edited / 4, `${reused} of ${edited} edits reused rows`);
  });

  it('gives the same problems and references as the edited text opened fresh (random edits through the document, seeded)', async () => {
    const service = getLanguageService();
    let serial = 0;
    let referenced = 0;
    await fc.assert(fc.asyncProperty(fc.constantFrom(...Object.keys(BASES)), fc.array(anEdit, { minLength: 1, maxLength: 5 }), async (name, edits) => {
      const uri = `file:///synthetic/edited-${++serial}.csv`;
      const document = TextDocument.create(uri, 'exchange-message-trace', 1, BASES[name]!);
      await service.doValidation(document);
      for (const [n, { at, remove, insert }] of edits.entries()) {
        const text = document.getText();
        const from = Math.floor(at * text.length);
        const to = Math.min(text.length, from + remove);
        TextDocument.update(document, [{ range: { start: document.positionAt(from), end: document.positionAt(to) }, text: insert }], n + 2);
      }
      const fresh = TextDocument.create(`file:///synthetic/fresh-${serial}.csv`, 'exchange-message-trace', 1, document.getText());
      assert.deepEqual(await service.doValidation(document), await service.doValidation(fresh));
      // References on the IDs of a few rows: the same ranges.
      for (const line of [1, 3, Math.floor(document.lineCount / 2), document.lineCount - 2]) {
        const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
        for (const needle of ['<', 'nid-', '-08de']) {
          const character = lineText.indexOf(needle);
          if (character < 0) continue;
          const references = service.findReferences(document, { line, character: character + 1 }).map((l) => l.range);
          assert.deepEqual(references, service.findReferences(fresh, { line, character: character + 1 }).map((l) => l.range));
          if (references.length > 0) referenced++;
        }
      }
    }), { numRuns: 150 });
    assert.ok(referenced > 50, `only ${referenced} reference lists compared were not empty`);
  });

  it('keeps the rows before the edit as they are and moves the rows after it', () => {
    const text = BASES.extended!;
    const table = parseTraceTable(text)!;
    const at = text.indexOf('\n', text.length >> 1) + 10;
    const target = table.rows.findIndex((r) => r.start <= at && at <= r.end);
    const next = reparseTraceTable(table, edit(text, at, at, 'x'))!;
    assert.ok(target > 1 && target < table.rows.length - 1);
    assert.equal(next.rows[target - 1], table.rows[target - 1], 'the very same row object, not an equal copy');
    assert.notEqual(next.rows[target], table.rows[target]);
    assert.equal(next.rows[target + 1]!.start, table.rows[target + 1]!.start + 1);
    assert.equal(next.rows.length, table.rows.length);
  });

  it('votes again on the order of slash dates when an edit writes a day above 12', () => {
    const text = BASES.enGb!;
    const table = parseTraceTable(text)!;
    assert.equal(table.dates.assumed, true, 'the fixture\'s days are all 12 or less');
    const at = text.indexOf('05/11/2026 15:03:10');
    const next = reparseTraceTable(table, edit(text, at, at + 2, '25'))!;
    assert.deepEqual(next.dates, parseTraceTable(edit(text, at, at + 2, '25'))!.dates);
    assert.equal(next.dates.slashOrder, 'day-first');
    assert.equal(next.dates.assumed, false);
  });

  it('builds each version of a document from the one before', () => {
    const document = TextDocument.create('file:///synthetic/versions.csv', 'exchange-message-trace', 1, BASES.extended!);
    const first = traceTableOf(document)!;
    assert.equal(traceTableOf(document), first, 'same version, same reading');
    const at = document.getText().length - 30;
    TextDocument.update(document, [{ range: { start: document.positionAt(at), end: document.positionAt(at) }, text: 'y' }], 2);
    const second = traceTableOf(document)!;
    assert.notEqual(second, first);
    assert.equal(second.rows[1], first.rows[1], 'rows before the edit are reused');
    assert.equal(second.text, document.getText());
  });
});
