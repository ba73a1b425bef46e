// Header blocks at their edges: which lines are fields (name length and characters, a colon first,
// blanks inside a name), where a block stops (a continuation with nothing before it, a boundary line
// holding a colon, the field cap, a limit inside a line), name lookups, and decoded values with
// their blank runs. All headers are synthetic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodedValue, header, headers, parseHeaderBlock, type HeaderField } from '../../server/src/formats/mime/headers';
import type { LineSpan } from '../../server/src/formats/mime/lines';

const names = (text: string): string[] => parseHeaderBlock(text, 0).fields.map((f) => f.name);

describe('field lines', () => {
  it('take names of up to 120 characters, as the email grammar does', () => {
    assert.deepEqual(names(`${'X'.repeat(120)}: v\nTo: a`), ['X'.repeat(120), 'To']);
    assert.deepEqual(names(`${'X'.repeat(121)}: v\nTo: a`), []);
  });

  it('need a name before the colon', () => {
    const block = parseHeaderBlock(':x\nTo: a', 0);
    assert.deepEqual(block.fields, []);
    assert.equal(block.bodyStart, 0);
    assert.equal(block.missingSeparator, true);
  });

  it('end at a line without a colon or with a blank inside the name', () => {
    assert.deepEqual(names('Subject: a\nnocolonhere\nTo: b'), ['Subject']);
    assert.deepEqual(names('Subject: a\nBody text: with a colon\nTo: b'), ['Subject']);
  });

  it('take printable ASCII names only, ! and ~ included', () => {
    assert.deepEqual(names('X!: a\nX~: b\nTo: c'), ['X!', 'X~', 'To']);
    assert.deepEqual(names('X\u0001Y: a\nTo: b'), []);
    assert.deepEqual(names('Sübject: a\nTo: b'), []);
  });
});

describe('where a block stops', () => {
  it('at a continuation line with no field before it', () => {
    const block = parseHeaderBlock(' folded\nSubject: x', 0);
    assert.deepEqual(block.fields, []);
    assert.equal(block.missingSeparator, true);
  });

  it('at the end of a text of headers only, with no separator missing', () => {
    const block = parseHeaderBlock('Subject: x\n', 0);
    assert.deepEqual(block.fields.map((f) => f.value), ['x']);
    assert.equal(block.missingSeparator, false);
  });

  it('at a boundary line, even one that reads as a field, and asks only about lines starting with a dash', () => {
    // RFC 2046 allows a colon in a boundary.
    const text = 'X-A: 1\n--b:c\nX-B: 2\n\nbody';
    const asked: string[] = [];
    const isDelimiter = (line: LineSpan): boolean => {
      asked.push(text.slice(line.start, line.end));
      return text.slice(line.start, line.end) === '--b:c';
    };
    const block = parseHeaderBlock(text, 0, text.length, isDelimiter);
    assert.deepEqual(block.fields.map((f) => f.name), ['X-A']);
    assert.deepEqual(asked, ['--b:c']);
    // Without a delimiter test, such a line is a field.
    assert.deepEqual(names('-x: y\n\n'), ['-x']);
  });

  it('after 5,000 fields', () => {
    const text = `${'X-F: v\n'.repeat(5001)}\nbody`;
    const block = parseHeaderBlock(text, 0);
    assert.equal(block.fields.length, 5000);
    assert.equal(block.bodyStart, 5000 * 7);
    assert.equal(block.missingSeparator, true);
  });

  it('at its limit, also inside the blanks after a colon', () => {
    const block = parseHeaderBlock('Subject:   x', 0, 9);
    assert.equal(block.fields[0]!.valueStart, 9);
    assert.equal(block.fields[0]!.value, '');
  });
});

describe('looking fields up', () => {
  it('matches the whole name, not a longer one starting with it', () => {
    const block = parseHeaderBlock('Subject-Extra: a\nSubject: b\n\n', 0);
    assert.equal(header(block, 'subject')!.value, 'b');
    assert.deepEqual(headers(block, 'subject').map((f) => f.value), ['b']);
  });

  it('reads fields built elsewhere by their key, and no block as no fields', () => {
    const field = (key: string, value: string): HeaderField => ({ name: key, key, start: 0, nameEnd: 0, valueStart: 0, end: 0, value, folds: [] });
    const block = { fields: [field('to', 'a'), field('date', 'b'), field('date', 'c')] };
    assert.equal(header(block, 'date')!.value, 'b');
    assert.equal(header(block, 'from'), undefined);
    assert.equal(header(undefined, 'date'), undefined);
    assert.deepEqual(headers(undefined, 'date'), []);
  });
});

describe('decoded values', () => {
  const decoded = (value: string): string => decodedValue(parseHeaderBlock(`Subject: ${value}\n\n`, 0).fields[0]);

  it('collapse runs of blanks and tabs and trim the ends', () => {
    assert.equal(decoded('a  b  '), 'a b');
    assert.equal(decoded('a\tb'), 'a b');
    assert.equal(decoded('a b '), 'a b');
    assert.equal(decoded('a b'), 'a b');
  });

  it('are empty for no field, and cut after 8 KiB', () => {
    assert.equal(decodedValue(undefined), '');
    assert.equal(decoded('x'.repeat(9000)), 'x'.repeat(8192));
  });
});
