// The RFC 4180 scanner under the log parser: exact ranges, quoting, recovery, and fuzzing against csv-parse.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse as csvParse } from 'csv-parse/sync';
import {
  afterLineBreak, ESCAPED_QUOTES, FieldStore, fieldValue, indexWithin, lineEnd, MULTILINE, parseCsv, QUOTED, scanRecord, TEXT_AFTER_QUOTE, UNTERMINATED,
  valueRange,
} from '../../server/src/formats/csv';
import '../support/fuzzSeed';

/** Fields of the record at `start`: raw text, decoded value and flags. */
function record(text: string, start = 0) {
  const store = new FieldStore();
  const end = scanRecord(text, start, store);
  const fields = Array.from({ length: store.length }, (_, i) => ({
    raw: text.slice(store.starts[i]!, store.ends[i]!),
    value: fieldValue(text, store.starts[i]!, store.ends[i]!, store.flags[i]!),
    flags: store.flags[i]!,
  }));
  return { fields, ...end };
}

/** RFC 4180 writer used by the properties: quotes only the fields that need it. */
function toCsv(records: string[][], lineBreak: string): string {
  return records.map((r) => r.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',')).join(lineBreak) + lineBreak;
}

describe('CSV scanner', () => {
  it('splits plain fields and keeps empty ones, including a trailing empty field', () => {
    const { fields, end, next } = record('a,,b,\nnext');
    assert.deepEqual(fields.map((f) => f.raw), ['a', '', 'b', '']);
    assert.equal(end, 5);
    assert.equal(next, 6);
  });

  it('reads quoted fields holding commas, CR, LF, CRLF and doubled quotes as one field each', () => {
    const text = '"a,b","line1\r\nline2","say ""hi""","cr\ronly",plain\r\nrow2';
    const { fields, innerLineBreaks, next } = record(text);
    assert.deepEqual(fields.map((f) => f.value), ['a,b', 'line1\r\nline2', 'say "hi"', 'cr\ronly', 'plain']);
    assert.equal(fields[0]!.flags, QUOTED);
    assert.equal(fields[1]!.flags, QUOTED | MULTILINE);
    assert.equal(fields[2]!.flags, QUOTED | ESCAPED_QUOTES);
    assert.equal(innerLineBreaks, 2);
    assert.equal(text.slice(next), 'row2');
  });

  it('keeps exact raw ranges, quotes included, and the range inside the quotes', () => {
    const text = 'x,"in,side",y';
    const store = new FieldStore();
    scanRecord(text, 0, store);
    assert.deepEqual([store.starts[1], store.ends[1]], [2, 11]);
    assert.deepEqual(valueRange(text, 2, 11, store.flags[1]!), { start: 3, end: 10 });
  });

  it('cuts an unterminated quote at the end of its line and reads the next lines as records', () => {
    const text = 'a,"never closed, at all\nb,c\nd,e';
    const first = record(text);
    assert.deepEqual(first.fields.map((f) => f.raw), ['a', '"never closed, at all']);
    assert.ok(first.fields[1]!.flags & UNTERMINATED);
    assert.equal(first.fields[1]!.value, 'never closed, at all');
    assert.deepEqual(parseCsv(text), [['a', 'never closed, at all'], ['b', 'c'], ['d', 'e']]);
  });

  it('lets a later quote close an open one, as RFC 4180 reads it, and flags what follows that quote', () => {
    const { fields } = record('a,"open\nb,"c,d');
    assert.deepEqual(fields.map((f) => f.value), ['a', 'open\nb,c', 'd']);
    assert.ok(fields[1]!.flags & TEXT_AFTER_QUOTE);
  });

  it('with a record-start test, an open quote stops before a line that must start a record', () => {
    const startsWithDigit = (text: string, pos: number) => /\d/.test(text.charAt(pos));
    const text = 'a,"open\nstill inside\n1,"closed",x';
    const store = new FieldStore();
    const first = scanRecord(text, 0, store, startsWithDigit);
    assert.equal(text.slice(store.starts[1]!, store.ends[1]!), '"open\nstill inside');
    assert.ok(store.flags[1]! & UNTERMINATED && store.flags[1]! & MULTILINE);
    assert.equal(first.innerLineBreaks, 1);
    assert.equal(text.slice(first.next), '1,"closed",x');
    // Without it, RFC 4180 pairs the stray quote with the next one.
    assert.deepEqual(parseCsv(text)[0], ['a', 'open\nstill inside\n1,closed"', 'x']);
  });

  it('keeps text after a closing quote in the same field and flags it', () => {
    const { fields } = record('"ab"cd,e');
    assert.equal(fields[0]!.raw, '"ab"cd');
    assert.equal(fields[0]!.value, 'abcd');
    assert.ok(fields[0]!.flags & TEXT_AFTER_QUOTE);
    assert.equal(fields[1]!.raw, 'e');
  });

  it('skips a UTF-8 byte order mark and treats a lone CR as a line break', () => {
    assert.deepEqual(parseCsv('\uFEFFa,b\rc,d\r\ne'), [['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('a store given room ahead keeps the fields it holds and takes more past that room', () => {
    const store = new FieldStore(4);
    const text = 'a,bb,"c",,e\nf';
    scanRecord(text, 0, store);
    store.reserve(5000.5);
    assert.ok(store.starts.length >= 5001);
    store.reserve(10);
    assert.ok(store.starts.length >= 5001, 'asking for less room keeps the room it has');
    let pos = 0;
    for (let i = 0; i < 2000; i++) pos = scanRecord(text, 0, store).next;
    assert.equal(pos, 12);
    assert.equal(store.length, 5 * 2001);
    const values = Array.from({ length: store.length }, (_, i) => fieldValue(text, store.starts[i]!, store.ends[i]!, store.flags[i]!));
    assert.deepEqual(values.slice(0, 5), ['a', 'bb', 'c', '', 'e']);
    assert.deepEqual(values.slice(-5), ['a', 'bb', 'c', '', 'e']);
    assert.equal(store.flags[2], QUOTED);
  });

  it('reads a row of 100 000 fields', () => {
    const { fields } = record(','.repeat(99_999));
    assert.equal(fields.length, 100_000);
  });

  it('round-trips any records through an RFC 4180 writer (fuzz)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Z', '5', ' ', ',', '"', '\r', '\n', ';', 'é', '\u0000'), maxLength: 12 });
    fc.assert(fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), (records, lineBreak) => {
      assert.deepEqual(parseCsv(toCsv(records, lineBreak)), records);
    }), { numRuns: 2000 });
  });

  it('agrees with csv-parse on well-formed input (fuzz)', () => {
    const field = fc.string({ unit: fc.constantFrom('x', '1', ' ', ',', '"', '\n', '-'), maxLength: 8 });
    fc.assert(fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (records) => {
      const text = toCsv(records, '\r\n');
      assert.deepEqual(parseCsv(text), csvParse(text, { relax_column_count: true, record_delimiter: '\r\n' }));
    }), { numRuns: 1000 });
  });

  it('never throws on arbitrary text, always advances, and returns ordered ranges inside the text (fuzz)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', '\uFEFF', '\uD800'), maxLength: 200 });
    fc.assert(fc.property(text, (t) => {
      const store = new FieldStore();
      let pos = 0;
      let records = 0;
      while (pos < t.length) {
        const before = store.length;
        const { end, next } = scanRecord(t, pos, store);
        assert.ok(next > pos, 'each record consumes text');
        assert.ok(end >= pos && end <= next && next <= t.length);
        let last = pos;
        for (let i = before; i < store.length; i++) {
          assert.ok(store.starts[i]! >= last && store.ends[i]! >= store.starts[i]! && store.ends[i]! <= end);
          last = store.ends[i]!;
          fieldValue(t, store.starts[i]!, store.ends[i]!, store.flags[i]!);
        }
        pos = next;
        records++;
      }
      assert.ok(records <= t.length);
    }), { numRuns: 3000 });
  });
});

// Each rule of the scanner with a synthetic case that needs it (RFC 4180 section 2: quoted fields may
// hold line breaks, a quote inside is written twice; our documented recovery for the rest).
describe('CSV scanner rules, each with a case that needs it', () => {
  it('a blank line inside quotes is two line breaks, CRLF or LF or CR alike, so later line numbers stay right', () => {
    for (const lineBreak of ['\n', '\r\n', '\r']) {
      const text = `"a${lineBreak}${lineBreak}b",c${lineBreak}next`;
      const { fields, innerLineBreaks, next } = record(text);
      assert.equal(innerLineBreaks, 2, JSON.stringify(lineBreak));
      assert.equal(fields[0]!.value, `a${lineBreak}${lineBreak}b`);
      assert.equal(fields[0]!.flags, QUOTED | MULTILINE);
      assert.equal(text.slice(next), 'next');
    }
  });

  it('an unclosed field keeps its doubled quotes as one quote each, and only those on its own line', () => {
    // Cut at the end of its first line: the doubled quote there counts.
    const cut = record('"x""y\nz""w');
    assert.equal(cut.fields[0]!.value, 'x"y');
    assert.equal(cut.fields[0]!.flags, QUOTED | UNTERMINATED | ESCAPED_QUOTES);
    // A doubled quote only on the lines after the cut says nothing about this field.
    const later = record('"xy\nz""w');
    assert.equal(later.fields[0]!.value, 'xy');
    assert.equal(later.fields[0]!.flags, QUOTED | UNTERMINATED);
    // A doubled quote that ends the text.
    const atEnd = record('"a""');
    assert.equal(atEnd.fields[0]!.value, 'a"');
    assert.equal(atEnd.fields[0]!.flags, QUOTED | UNTERMINATED | ESCAPED_QUOTES);
  });

  it('an unclosed field stopped before a record start keeps the doubled quotes of all its lines', () => {
    const store = new FieldStore();
    const text = '"p\nq""r\nROW,1';
    const end = scanRecord(text, 0, store, (t, pos) => t.startsWith('ROW', pos));
    assert.equal(fieldValue(text, store.starts[0]!, store.ends[0]!, store.flags[0]!), 'p\nq"r');
    assert.equal(store.flags[0], QUOTED | UNTERMINATED | ESCAPED_QUOTES | MULTILINE);
    assert.equal(end.innerLineBreaks, 1);
    assert.equal(text.slice(end.next), 'ROW,1');
  });

  it('"a""b"c: the doubled quote is one quote, the closing quote ends the quoted part, the text after it is kept', () => {
    const { fields } = record('"a""b"c,d');
    assert.deepEqual(fields.map((f) => [f.raw, f.value, f.flags]), [
      ['"a""b"c', 'a"bc', QUOTED | ESCAPED_QUOTES | TEXT_AFTER_QUOTE],
      ['d', 'd', 0],
    ]);
    assert.deepEqual(valueRange('"a""b"c', 0, 7, QUOTED | ESCAPED_QUOTES | TEXT_AFTER_QUOTE), { start: 1, end: 5 });
  });

  it('line ends and searches never read past their bounds', () => {
    assert.equal(lineEnd('ab\r\ncd', 0), 2);
    assert.equal(lineEnd('ab\ncd', 3), 5);
    assert.equal(afterLineBreak('a\r\nb', 1), 3);
    assert.equal(afterLineBreak('a\rb', 1), 2);
    assert.equal(afterLineBreak('a\nb', 1), 2);
    assert.equal(afterLineBreak('ab', 1), 1);
    assert.equal(indexWithin('a,b,c', 44, 2, 5), 3);
    assert.equal(indexWithin('a,b,c', 44, 2, 3), -1);
  });

  it('a store grows past its first size and moves appended offsets', () => {
    const source = new FieldStore(1);
    for (let i = 0; i < 1500; i++) source.push(i, i + 1, i % 2);
    assert.equal(source.length, 1500);
    assert.deepEqual([source.starts[1499], source.ends[1499], source.flags[1499]], [1499, 1500, 1]);
    const target = new FieldStore(2);
    target.push(0, 1, 0);
    target.appendShifted(source, 10, 1210, 100);
    assert.equal(target.length, 1201);
    assert.deepEqual([target.starts[1], target.ends[1], target.flags[1]], [110, 111, 0]);
    assert.deepEqual([target.starts[1200], target.ends[1200], target.flags[1200]], [1309, 1310, 1]);
    target.appendShifted(source, 0, 2, 0);
    assert.deepEqual([target.starts[1202], target.ends[1202]], [1, 2]);
  });

  it('a byte order mark is skipped only at the start of the text', () => {
    assert.deepEqual(parseCsv('\uFEFFa,b'), [['a', 'b']]);
    assert.deepEqual(parseCsv('a,\uFEFFb'), [['a', '\uFEFFb']]);
  });
});
