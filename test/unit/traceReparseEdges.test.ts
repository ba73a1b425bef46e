// Which rows a new version of a message trace reads again: none for the same text, the row holding
// the character before the edit, a row spanning lines inside quotes when the edit is within 260
// characters of its end (its record-start test looked that far), and every row from the first one
// whose quote never closes. Rows kept are the very same objects; rows read again are new. The
// reports are synthetic, in the extended report's columns.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTraceTable, type TraceTable } from '../../server/src/formats/messageTrace/traceTable';
import { reparseTraceTable } from '../../server/src/formats/messageTrace/traceReparse';

const HEADER = 'date_time_utc,event_id,recipient_status,recipient_address,message_subject,message_id';
type Shape = 'plain' | 'multiline' | 'loose';
const rowOf = (i: number, shape: Shape, subject = `Subject ${i}`): string => {
  const time = `2026-11-20T00:00:${String(i).padStart(2, '0')}Z`;
  if (shape === 'loose') return `${time},RECEIVE,"r${i}@contoso.example##Receive,r${i}@contoso.example,${subject},<m${i}@fabrikam.example>`;
  const status = shape === 'multiline' ? `"r${i}@contoso.example##Receive,\nDeliver"` : `"r${i}@contoso.example##Receive, Deliver"`;
  return `${time},DELIVER,${status},r${i}@contoso.example,${subject},<m${i}@fabrikam.example>`;
};
const traceOf = (rows: string[], afterHeader = '\n'): string => `${HEADER}${afterHeader}${rows.join('\n')}\n`;
const insert = (text: string, at: number, what: string): string => text.slice(0, at) + what + text.slice(at);
/** What a reader sees of the rows, to compare with a full parse. */
const seen = (table: TraceTable) => ({ dates: table.dates, rows: table.rows.map((r) => [r.start, r.end, r.line, r.fieldCount]) });
/** Indexes of the rows kept as the same objects. */
const kept = (before: TraceTable, after: TraceTable): number[] => before.rows.flatMap((row, i) => (after.rows[i] === row ? [i] : []));

/** Inserts `what` at `at`, checks the new reading against a full parse, and gives the rows kept. */
function keptAfter(text: string, at: number, what: string): number[] {
  const table = parseTraceTable(text)!;
  const edited = insert(text, at, what);
  const next = reparseTraceTable(table, edited)!;
  assert.deepEqual(seen(next), seen(parseTraceTable(edited)!));
  return kept(table, next);
}

describe('message trace reparse: rows read again', () => {
  it('gives the same table back for the same text', () => {
    const table = parseTraceTable(traceOf([0, 1, 2].map((i) => rowOf(i, 'plain'))))!;
    assert.equal(reparseTraceTable(table, table.text), table);
  });

  it('reads again from the row holding the character before the edit, at the start of a row too', () => {
    const text = traceOf([0, 1, 2, 3, 4].map((i) => rowOf(i, 'plain')));
    const rows = parseTraceTable(text)!.rows;
    // Inserting at row 3's start: the character before is row 2's line break.
    assert.deepEqual(keptAfter(text, rows[3]!.start, 'x'), [0, 1]);
  });

  it('reads everything again for an edit before the first row, after a blank line', () => {
    const text = traceOf([0, 1, 2].map((i) => rowOf(i, 'plain')), '\n\n');
    assert.deepEqual(keptAfter(text, parseTraceTable(text)!.rows[0]!.start, 'x'), []);
  });

  it('reads again a row spanning lines when the edit is within 260 characters of its end, and not past that', () => {
    // Row 3's subject is long, so an edit inside it can be 260 or 261 characters past row 2's end.
    const text = traceOf([rowOf(0, 'plain'), rowOf(1, 'plain'), rowOf(2, 'multiline'), rowOf(3, 'plain', 'a'.repeat(400)), rowOf(4, 'plain')]);
    const rows = parseTraceTable(text)!.rows;
    assert.equal(rows.length, 5);
    const row2End = rows[2]!.end;
    assert.deepEqual(keptAfter(text, row2End + 10, 'Z'), [0, 1]);
    assert.deepEqual(keptAfter(text, row2End + 260, 'Z'), [0, 1]);
    assert.deepEqual(keptAfter(text, row2End + 261, 'Z'), [0, 1, 2]);
    // A row on one line before the edit is not read again, however near.
    assert.deepEqual(keptAfter(text, rows[4]!.start + 3, 'Z'), [0, 1, 2, 3]);
  });

  it('reads again no row on one line before the edit when the edited row spans lines from its first field', () => {
    // Sender first: the edited row's sender is quoted over two lines; the row before it is on one line.
    const rows = [0, 1, 2, 3].map((i) => [i === 2 ? `"s${i}\n@fabrikam.example"` : `s${i}@fabrikam.example`, 'DELIVER', `2026-11-20T00:00:0${i}Z`,
      `"r${i}@contoso.example##Receive, Deliver"`, `r${i}@contoso.example`, `Subject ${i}`, `<m${i}@fabrikam.example>`, `nid-${i}`].join(','));
    const text = `sender_address,event_id,date_time_utc,recipient_status,recipient_address,message_subject,message_id,network_message_id\n${rows.join('\n')}\n`;
    const table = parseTraceTable(text)!;
    assert.equal(table.rows.length, 4);
    assert.deepEqual(keptAfter(text, table.rows[2]!.start + 4, 'Z'), [0, 1]);
  });

  it('reads again from the first row whose quote never closes', () => {
    const text = traceOf([rowOf(0, 'loose'), rowOf(1, 'plain'), rowOf(2, 'loose'), rowOf(3, 'plain'), rowOf(4, 'plain')]);
    const rows = parseTraceTable(text)!.rows;
    assert.equal(rows.length, 5);
    assert.deepEqual(keptAfter(text, rows[4]!.start + 3, 'Z'), []);
    const later = traceOf([rowOf(0, 'plain'), rowOf(1, 'loose'), rowOf(2, 'plain'), rowOf(3, 'loose'), rowOf(4, 'plain')]);
    assert.deepEqual(keptAfter(later, parseTraceTable(later)!.rows[4]!.start + 3, 'Z'), [0]);
  });
});
