// Big documents and many edits: a new version of a log is parsed again only where the edits fell,
// the outline stays within its budget, and cancelled or superseded work stops early.
// Every log here is synthetic, built in this file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type ExchangeLog, parseExchangeLog, reparseExchangeLog } from '../../server/src/formats/exchangeLog';
import { MAX_OUTLINE_CHILDREN, MAX_OUTLINE_ENTRIES } from '../../server/src/features/exchangeLogSymbols';
import { exchangeLogOf } from '../../server/src/features/exchangeLogDocument';
import { getLanguageService } from '../../server/src/languageService';
import { trackingFieldsByVersion } from '../../server/src/knowledge/data/exchangeLogFormats';

const FIELDS = trackingFieldsByVersion['2016'];
const HEADER = ['#Software: Microsoft Exchange Server', '#Version: 15.02.1544.004', '#Log-type: Message Tracking Log', `#Fields: ${FIELDS.join(',')}`];

/** A synthetic 30-field tracking row. */
function row(i: number, event = 'RECEIVE', message = `<m${i}@synthetic.example>`, subject = `subject ${i}`): string {
  const values: Record<string, string> = {
    'date-time': `2026-11-23T00:${String(i % 60).padStart(2, '0')}:00.000Z`, 'event-id': event, 'message-id': message, 'message-subject': subject,
    'sender-address': 'a@synthetic.example', 'recipient-address': 'b@synthetic.example', 'source': 'SMTP',
    'recipient-status': event === 'FAIL' ? '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found' : '',
  };
  return FIELDS.map((name) => (values[name]?.includes(',') || values[name]?.includes(';') ? `"${values[name]}"` : values[name] ?? '')).join(',');
}

/** The parts of a parsed log a reader sees, with blocks named by their first line. */
function observable(log: ExchangeLog) {
  return {
    kind: log.kind,
    directives: log.directives.map((d) => [d.name, d.value, d.line, d.start, d.end]),
    rows: log.rows.map((r) => [r.line, r.lineCount, r.start, r.end, r.fieldCount, r.schema.names.length, r.schemaInferred, r.block?.startLine]),
    fields: [...log.fields.starts.subarray(0, log.fields.length)].map((s, i) => [s, log.fields.ends[i], log.fields.flags[i]]),
  };
}

/** Replaces [from, to) of `text` with `insert`. */
const edit = (text: string, from: number, to: number, insert: string): string => text.slice(0, from) + insert + text.slice(to);

describe('a new version of a log is parsed again only where it changed', () => {
  const base = [...HEADER, ...Array.from({ length: 40 }, (_, i) => row(i, i % 7 === 3 ? 'FAIL' : 'RECEIVE')), ''].join('\n');

  it('reads the same log as a full parse, whatever the edits (random edits, synthetic log)', () => {
    const pieces = fc.constantFrom('a', ',', '"', '\n', '\r\n', '\r', '#', '2026-11-23T09', ';', '""', ' ', '\n2026-11-23T01:00:00.000Z,');
    const anEdit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.integer({ min: 0, max: 600 }), insert: fc.array(pieces, { maxLength: 5 }).map((p) => p.join('')) });
    fc.assert(fc.property(fc.array(anEdit, { minLength: 1, maxLength: 6 }), (edits) => {
      let text = base;
      let log = parseExchangeLog(text, 'tracking');
      for (const { at, remove, insert } of edits) {
        const from = Math.floor(at * text.length);
        text = edit(text, from, Math.min(text.length, from + remove), insert);
        log = reparseExchangeLog(log, text, 'tracking');
        assert.deepEqual(observable(log), observable(parseExchangeLog(text, 'tracking')));
      }
    }), { numRuns: 400 });
  });

  it('keeps the rows before the edit as they are and moves the rows after it', () => {
    const log = parseExchangeLog(base, 'tracking');
    const target = log.rows[20]!;
    const at = base.indexOf('subject 20');
    const next = reparseExchangeLog(log, edit(base, at, at, 'x'), 'tracking');
    // The parse reused the unchanged rows: the very same row objects, not equal copies.
    assert.equal(next.rows[0], log.rows[0]);
    assert.equal(next.rows[18], log.rows[18]);
    assert.notEqual(next.rows[20], target);
    assert.equal(next.rows[21]!.start, log.rows[21]!.start + 1);
    assert.equal(next.rows.length, log.rows.length);
  });

  it('answers the same version from its cache and builds a new version from the one before', () => {
    const document = TextDocument.create('file:///synthetic/MSGTRK.LOG', 'exchange-tracking-log', 1, base);
    const first = exchangeLogOf(document)!;
    assert.equal(exchangeLogOf(document), first, 'same version, same parse');
    const at = base.indexOf('subject 30');
    TextDocument.update(document, [{ range: { start: document.positionAt(at), end: document.positionAt(at) }, text: 'y' }], 2);
    const second = exchangeLogOf(document)!;
    assert.notEqual(second, first);
    assert.equal(second.rows[5], first.rows[5], 'rows before the edit are reused');
    assert.equal(second.text, document.getText());
  });

  it('parses the whole text again when an edit writes a header line', () => {
    const log = parseExchangeLog(base, 'tracking');
    const at = base.indexOf(row(11));
    assert.ok(at > 0);
    const text = edit(base, at, at, `${HEADER[3]!.replace('date-time,', '')}\n`);
    const next = reparseExchangeLog(log, text, 'tracking');
    assert.deepEqual(observable(next), observable(parseExchangeLog(text, 'tracking')));
    assert.equal(next.blocks.length, 2);
  });
});
