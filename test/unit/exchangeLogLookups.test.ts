// Reading a parsed Exchange log back at its edges: the binary search, short rows, commas and empty
// fields under a caret, positions in a row whose quoted field holds every kind of line break (after
// a byte order mark), and timestamps at each limit of the calendar and the clock. All logs are synthetic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseExchangeLog } from '../../server/src/formats/exchangeLog';
import {
  columnValue, digitsAt, fieldAtOffset, fieldOf, fieldRange, fieldValueRange, isValidTimestamp, isWellFormed, lastIndexWhere,
  offsetInRow, positionInRow, rowAtLine, timestampMs, valueOf,
} from '../../server/src/formats/exchangeLogLookups';

// No header, so the columns are inferred. Offsets: BOM 0; row 0 is 1-41 (time 1-20, comma 21,
// RECEIVE 22-28, comma 29, quoted field 30-39 with CR at 32, LF at 34, CR LF at 36-37, comma 40, x 41);
// row 1 is 43-68 (time 43-62, an empty field at 64, SEND 65-68). Lines start at 0, 33, 35, 38 and 43.
const SPLIT = '\uFEFF2026-11-23T10:00:00Z,RECEIVE,"a\rb\nc\r\nd",x\n2026-11-23T10:00:01Z,,SEND';

describe('Exchange log lookups', () => {
  it('lastIndexWhere finds the last index of the prefix, at either end and in a one-item range', () => {
    assert.equal(lastIndexWhere(0, 9, (i) => i <= 6), 6);
    assert.equal(lastIndexWhere(0, 9, () => true), 9);
    assert.equal(lastIndexWhere(0, 9, () => false), -1);
    assert.equal(lastIndexWhere(3, 3, () => true), 3);
    assert.equal(lastIndexWhere(3, 3, () => false), -1);
    assert.equal(lastIndexWhere(5, 4, () => true), -1);
  });

  it('a short row lacks its last columns, and only a full row is well formed', () => {
    const log = parseExchangeLog('#Fields: date-time,event-id,x\n2026-11-23T10:00:00Z,RECEIVE\n2026-11-23T10:00:01Z,SEND,y\n', 'tracking');
    const [short, full] = log.rows;
    assert.equal(fieldOf(short!, 'event-id'), 1);
    assert.equal(fieldOf(short!, 'x'), -1);
    assert.equal(fieldOf(short!, 'no-such-column'), -1);
    assert.equal(columnValue(log, short!, 'x'), '');
    assert.equal(isWellFormed(short!), false);
    assert.equal(fieldOf(full!, 'x'), 4);
    assert.equal(columnValue(log, full!, 'x'), 'y');
    assert.equal(isWellFormed(full!), true);
  });

  it('reads the first field of the log, a quoted value and its ranges', () => {
    const log = parseExchangeLog(SPLIT, 'tracking');
    assert.equal(valueOf(log, 0), '2026-11-23T10:00:00Z');
    assert.equal(valueOf(log, -1), '');
    assert.equal(valueOf(log, 2), 'a\rb\nc\r\nd');
    assert.deepEqual(fieldRange(log, 2), { start: 30, end: 40 });
    assert.deepEqual(fieldValueRange(log, 2), { start: 31, end: 39 });
  });

  it('finds the row of every line of a four-line row, and none past the last row', () => {
    const log = parseExchangeLog(SPLIT, 'tracking');
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((line) => rowAtLine(log, line)), [0, 0, 0, 0, 1, -1]);
  });

  it('finds no row for a header line before the first row, nor in a log of headers only', () => {
    const log = parseExchangeLog('#Version: 15.02.1544.004\n#Fields: date-time,event-id\n2026-11-23T10:00:00Z,RECEIVE\n', 'tracking');
    assert.deepEqual([0, 1, 2].map((line) => rowAtLine(log, line)), [-1, -1, 0]);
    assert.equal(rowAtLine(parseExchangeLog('#Fields: date-time,event-id\n', 'tracking'), 0), -1);
  });

  it('finds the field under an offset: none on a comma or an empty field unless touching', () => {
    const log = parseExchangeLog(SPLIT, 'tracking');
    const [first, second] = log.rows;
    assert.equal(fieldAtOffset(log, first!, 0), -1, 'the byte order mark');
    assert.equal(fieldAtOffset(log, first!, 1), 0);
    assert.equal(fieldAtOffset(log, first!, 20), 0);
    assert.equal(fieldAtOffset(log, first!, 21), -1, 'the comma after the time');
    assert.equal(fieldAtOffset(log, first!, 21, true), 0);
    assert.equal(fieldAtOffset(log, first!, 22), 1);
    assert.equal(fieldAtOffset(log, second!, 42), -1, 'the line break before the row');
    assert.equal(fieldAtOffset(log, second!, 64), -1, 'the empty field');
    assert.equal(fieldAtOffset(log, second!, 64, true), -1, 'an empty field is never touched');
    assert.equal(fieldAtOffset(log, second!, 69), -1, 'the end of the row');
    assert.equal(fieldAtOffset(log, second!, 69, true), 6);
    assert.equal(fieldAtOffset(log, second!, 70, true), -1, 'past the end of the row');
  });

  it('maps offsets to positions and back across a lone CR, a lone LF and a CR LF, the byte order mark counted', () => {
    const log = parseExchangeLog(SPLIT, 'tracking');
    const [first, second] = log.rows;
    const cases: [number, number, number][] = [
      [31, 0, 31], [32, 0, 32], [33, 1, 0], [34, 1, 1], [35, 2, 0], [36, 2, 1], [38, 3, 0], [41, 3, 3],
    ];
    for (const [offset, line, character] of cases) {
      assert.deepEqual(positionInRow(log, first!, offset), { line, character }, `offset ${offset}`);
      assert.equal(offsetInRow(log, first!, line, character), offset, `line ${line}, character ${character}`);
    }
    assert.deepEqual(positionInRow(log, second!, 65), { line: 4, character: 22 });
    assert.equal(offsetInRow(log, second!, 4, 22), 65);
  });

  it('takes each limit of the calendar and the clock, and refuses one past it', () => {
    const valid = (value: string) => isValidTimestamp(value, 0, value.length);
    const good = [
      '2026-12-31T23:59:59Z', '2026-01-31T00:00:00Z', '2026-03-31T00:00:00Z', '2026-06-30T00:00:00Z', '2026-09-30T00:00:00Z', '2026-11-30T00:00:00Z',
      '2026-02-28T00:00:00Z', '2000-02-29T00:00:00Z', '1900-01-01T00:00:00Z', '2026-11-23T10:59:00Z', '2026-11-23T19:09:09.9Z', '2026-11-23T10:00:00.0Z',
      '2026-04-30T00:00:00Z', '2026-11-23T10:00:00.1234567Z',
    ];
    for (const value of good) assert.equal(valid(value), true, value);
    const bad = [
      '1900-02-29T00:00:00Z', '2100-02-29T00:00:00Z', '2026-06-31T00:00:00Z', '2026-09-31T00:00:00Z', '2026-11-31T00:00:00Z', '2026-01-32T00:00:00Z',
      '2026-00-10T00:00:00Z', '2026-11-00T00:00:00Z', '2026-11-23T24:00:00Z', '2026-11-23T10:60:00Z', '2026-11-23T10:00:60Z', '2026-11-23T10:00:00z',
      '2026-11-23T10:00:00Zx', '2026-11-23T10:00:00+0000', '2026-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-11-23 10:00:00Z',
      '2026-11-23T10:00:00.Z', '2026-11-23T10:00:00.12345678Z', '2026_11-23T10:00:00Z', '2026-11_23T10:00:00Z', '2026-11-23T10_00:00Z', '2026-11-23T10:00_00Z',
    ];
    for (const value of bad) assert.equal(valid(value), false, value);
    // A field inside a longer line: only [start, end) is read.
    const line = 'x,2026-11-23T10:00:00.5Z,y';
    assert.equal(isValidTimestamp(line, 2, 24), true);
    assert.equal(isValidTimestamp(line, 2, 23), false);
  });

  it('timestampMs reads each limit and each fraction length to the millisecond', () => {
    const ms = (value: string) => {
      const log = parseExchangeLog(`#Fields: event-id,date-time\nRECEIVE,${value}\n`, 'tracking');
      return timestampMs(log, fieldOf(log.rows[0]!, 'date-time'));
    };
    const cases: [string, number][] = [
      ['2026-12-31T23:59:59Z', Date.UTC(2026, 11, 31, 23, 59, 59)],
      ['1900-01-01T00:00:00Z', Date.UTC(1900, 0, 1)],
      ['2000-02-29T12:00:00Z', Date.UTC(2000, 1, 29, 12)],
      ['2026-01-31T00:00:00.5Z', Date.UTC(2026, 0, 31, 0, 0, 0, 500)],
      ['2026-11-23T10:00:00.12Z', Date.UTC(2026, 10, 23, 10, 0, 0, 120)],
      ['2026-11-23T10:00:00.099Z', Date.UTC(2026, 10, 23, 10, 0, 0, 99)],
      ['2026-11-23T10:00:00.0010000Z', Date.UTC(2026, 10, 23, 10, 0, 0, 1)],
      ['2026-11-23T10:00:00.9999999Z', Date.UTC(2026, 10, 23, 10, 0, 0, 999)],
      ['2026-11-23T09:09:09.0Z', Date.UTC(2026, 10, 23, 9, 9, 9)],
    ];
    for (const [value, expected] of cases) assert.equal(ms(value), expected, value);
    const bad = [
      '1899-12-31T23:59:59Z', '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z', '2026-11-31T00:00:00Z', '2026-11-23T10:60:00Z', '2026-11-23T10:00:60Z',
      '2026-11-23T10:x0:00Z', '2026-11-23T10:00:x0Z', '2026-11-23T10:00:00x1Z', '2026-11-23T10:00:00.12x4Z', '2026-11-23T10:00:00.Z',
      '2026_11-23T10:00:00Z', '2026-11_23T10:00:00Z', '2026-11-23T10_00:00Z', '2026-11-23T10:00_00Z', '2026-11-23 10:00:00Z', '2026-11-23T10:00:00.1',
      '2026-11-23T10:00:00.12', '2026-11-23T10:00:00z',
    ];
    for (const value of bad) assert.ok(Number.isNaN(ms(value)), value);
    const log = parseExchangeLog('#Fields: event-id,date-time\nRECEIVE\n', 'tracking');
    assert.ok(Number.isNaN(timestampMs(log, fieldOf(log.rows[0]!, 'date-time'))), 'a missing field');
  });

  it('digitsAt reads 0 to 9 and refuses the characters beside them', () => {
    assert.equal(digitsAt('x0123456789x', 1, 10), 123456789);
    assert.equal(digitsAt('9', 0, 1), 9);
    assert.equal(digitsAt('12/', 0, 3), -1);
    assert.equal(digitsAt('12:', 0, 3), -1);
    assert.equal(digitsAt('12', 0, 0), 0);
  });
});
