// The CSV scanner looking ahead with indexOf (SeekingStops, what the message-trace reader passes)
// reads every record exactly as it does character by character (CHARACTER_STOPS, whose rules the
// csvScanner tests pin by hand): same fields, offsets, flags and record ends, on synthetic texts
// made of the characters the scanner stops at, in order and from any offset in any order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import '../support/fuzzSeed';
import { CHARACTER_STOPS, FieldStore, type RecordStartTest, SeekingStops, scanRecord, type StopFinder } from '../../server/src/formats/csv';

/** Every record of a text from its start, one after the other, with one finder. */
function allRecords(text: string, stops: StopFinder, isRecordStart?: RecordStartTest) {
  const store = new FieldStore(16);
  const records: { end: number; next: number; innerLineBreaks: number; fields: [number, number, number][] }[] = [];
  let pos = 0;
  while (pos < text.length) {
    const first = store.length;
    const end = scanRecord(text, pos, store, isRecordStart, stops);
    const fields: [number, number, number][] = [];
    for (let i = first; i < store.length; i++) fields.push([store.starts[i]!, store.ends[i]!, store.flags[i]!]);
    records.push({ ...end, fields });
    if (end.next === pos) break;
    pos = end.next;
  }
  return records;
}

/** The record at `start` read with `stops`: its fields and where it ends. */
function recordAt(text: string, start: number, stops: StopFinder, isRecordStart?: RecordStartTest) {
  const store = new FieldStore(16);
  const end = scanRecord(text, start, store, isRecordStart, stops);
  const held = (values: Int32Array | Uint8Array): number[] => [...values.subarray(0, store.length)];
  return { ...end, starts: held(store.starts), ends: held(store.ends), flags: held(store.flags) };
}

// Texts made of what the scanner stops at (commas, quotes, doubled quotes, CR, LF, CRLF), letters
// between them, and "ROW" where the record-start test below says a record begins.
const piece = fc.constantFrom('a', 'bc', ',', '"', '""', '\r', '\n', '\r\n', 'ROW', ' ', ',"', '",');
const syntheticText = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));
const startsWithRow: RecordStartTest = (text, pos) => text.startsWith('ROW', pos);

describe('CSV scanner: looking ahead with indexOf reads the same records as reading each character', () => {
  it('every record of a text, in order, with and without a record-start test', () => {
    fc.assert(fc.property(syntheticText, fc.boolean(), (text, withTest) => {
      const test = withTest ? startsWithRow : undefined;
      assert.deepEqual(allRecords(text, new SeekingStops(text), test), allRecords(text, CHARACTER_STOPS, test));
    }), { numRuns: 2000 });
  });

  it('records read from any offsets in any order with one SeekingStops: what it kept never answers for an offset it does not cover', () => {
    const offsets = fc.array(fc.nat(), { minLength: 1, maxLength: 12 });
    fc.assert(fc.property(syntheticText.filter((t) => t.length > 0), offsets, fc.boolean(), (text, starts, withTest) => {
      const test = withTest ? startsWithRow : undefined;
      const stops = new SeekingStops(text);
      for (const offset of starts) {
        const start = offset % text.length;
        assert.deepEqual(recordAt(text, start, stops, test), recordAt(text, start, CHARACTER_STOPS, test), `record at ${start} of ${JSON.stringify(text)}`);
      }
    }), { numRuns: 2000 });
  });

  it('a text without one of the characters (no CR, no quote, no comma) reads to its end', () => {
    for (const text of ['a,b\nc,d\n', '"a","b"\r\n"c"', 'abc\ndef\nghi', 'a,"b\n']) {
      assert.deepEqual(allRecords(text, new SeekingStops(text)), allRecords(text, CHARACTER_STOPS), JSON.stringify(text));
    }
  });
});
