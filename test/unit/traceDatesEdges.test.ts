// The edges of reading message-trace times: the vote on the order of slash dates (a day above 12
// proves it, AM and PM point to en-US), the forms Export-Csv writes per culture, the calendar's
// limits, and durations as an administrator reads them. Expected times are written as ISO strings
// for Date.parse; every value is synthetic, in the cultures' documented forms.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DateReading, DateOrderVote, parseTraceTime, parseTraceTimeAt, traceDuration } from '../../server/src/formats/messageTrace/traceDates';

const utcMs = (text: string): number => Date.parse(text);
const voteOf = (...values: string[]): DateOrderVote => {
  const vote = new DateOrderVote();
  for (const value of values) vote.add(value);
  return vote;
};
const orderOf = (reading: DateReading): [string, boolean] => [reading.slashOrder, reading.assumed];
const MONTH_FIRST = voteOf('12/13/2026 10:00:00').decide();
const DAY_FIRST = voteOf('13/12/2026 10:00:00').decide();

describe('trace dates: the vote on slash dates', () => {
  it('is proven by a day above 12 in either place, 13 and not 12', () => {
    assert.deepEqual(orderOf(MONTH_FIRST), ['month-first', false]);
    assert.match(MONTH_FIRST.reason, /day above 12 in second place/);
    assert.deepEqual(orderOf(DAY_FIRST), ['day-first', false]);
    assert.match(DAY_FIRST.reason, /day above 12 in first place/);
    // Blanks around a value do not keep it from voting.
    assert.deepEqual(orderOf(voteOf(' 13/12/2026 10:00:00 ').decide()), ['day-first', false]);
    // 12/12 proves nothing; 13/13 is no date in either order and proves nothing either.
    assert.deepEqual(orderOf(voteOf('12/12/2026 10:00:00', '13/13/2026 10:00:00').decide()), ['day-first', true]);
  });

  it('assumes en-US when both orders are proven, en-GB for a 24-hour clock, en-US for AM and PM', () => {
    const mixed = voteOf('12/13/2026 10:00:00', '13/12/2026 10:00:00').decide();
    assert.deepEqual(orderOf(mixed), ['month-first', true]);
    assert.match(mixed.reason, /mixes both orders/);
    const clock24 = voteOf('01/02/2026 10:00:00').decide();
    assert.deepEqual(orderOf(clock24), ['day-first', true]);
    assert.match(clock24.reason, /24-hour clock/);
    const meridiem = voteOf('01/02/2026 10:00:00 AM', '03/04/2026 18:00:00').decide();
    assert.deepEqual(orderOf(meridiem), ['month-first', true]);
    assert.match(meridiem.reason, /AM and PM/);
  });

  it('counts only slash dates with the year last: ISO, dotted, year-first, long and unreadable values say nothing', () => {
    const none = voteOf('2026-11-20T13:00:00Z', '20.11.2026 13:00:00', '2026/11/20 13:00:00', '13/12/26', `13/12/2026 10:00:00${' '.repeat(50)}`, 'a/b').decide();
    assert.deepEqual(orderOf(none), ['month-first', false]);
    assert.match(none.reason, /no date in this file is written with slashes/);
    // A value of exactly 64 characters still votes.
    assert.deepEqual(orderOf(voteOf(`13/12/2026 10:00:00${' '.repeat(45)}`).decide()), ['day-first', false]);
  });

  it('takes a vote back with weight -1, and a copy counts on its own', () => {
    const vote = voteOf('12/13/2026 10:00:00', '01/02/2026 10:00:00 PM');
    const copy = vote.copy();
    vote.add('12/13/2026 10:00:00', -1);
    vote.add('01/02/2026 10:00:00 PM', -1);
    vote.add('13/12/2026 10:00:00');
    assert.deepEqual(orderOf(vote.decide()), ['day-first', false]);
    assert.deepEqual(orderOf(copy.decide()), ['month-first', false]);
    copy.add('12/13/2026 10:00:00', -1);
    // The copy still holds a slash date with PM, and no proof.
    assert.deepEqual(orderOf(copy.decide()), ['month-first', true]);
    const taken = voteOf('13/12/2026 10:00:00');
    taken.add('13/12/2026 10:00:00', -1);
    taken.add('01/02/2026 10:00:00');
    assert.deepEqual(orderOf(taken.decide()), ['day-first', true]);
  });
});

describe('trace dates: times', () => {
  it('reads ISO times with Z, UTC, offsets with or without a colon, a space for T and no seconds', () => {
    assert.equal(parseTraceTime('2026-11-20 10:15', MONTH_FIRST), utcMs('2026-11-20T10:15:00Z'));
    assert.equal(parseTraceTime('2026-11-20T10:15:30 UTC', MONTH_FIRST), utcMs('2026-11-20T10:15:30Z'));
    assert.equal(parseTraceTime('2026-11-20t10:15:30z', MONTH_FIRST), utcMs('2026-11-20T10:15:30Z'));
    assert.equal(parseTraceTime('2026-11-20T10:15:30z', MONTH_FIRST), utcMs('2026-11-20T10:15:30Z'));
    assert.equal(parseTraceTime('2026-11-20T10:15:30+0200', MONTH_FIRST), utcMs('2026-11-20T08:15:30Z'));
    assert.equal(parseTraceTime('2026-11-20T10:15:30-05:30', MONTH_FIRST), utcMs('2026-11-20T15:45:30Z'));
    assert.equal(parseTraceTime('  2026-11-20T10:15:30.5Z  ', MONTH_FIRST), utcMs('2026-11-20T10:15:30.500Z'));
  });

  it('reads the admin center\'s own form in place, and refuses its broken variants', () => {
    assert.equal(parseTraceTimeAt('x,2026-11-20T00:00:01.348Z,y', 2, 26, MONTH_FIRST), utcMs('2026-11-20T00:00:01.348Z'));
    assert.equal(parseTraceTimeAt('x,2026-11-20T00:00:01Z,y', 2, 22, MONTH_FIRST), utcMs('2026-11-20T00:00:01Z'));
    assert.equal(parseTraceTimeAt('x, 21.10.2022 17:25:36 ,y', 2, 23, MONTH_FIRST), utcMs('2022-10-21T17:25:36Z'));
    assert.equal(parseTraceTimeAt('x,2026-11-20T00:00:01+01:00,y', 2, 27, MONTH_FIRST), utcMs('2026-11-19T23:00:01Z'));
    for (const broken of ['2026-11-20T00:00:01.Z', '2026-11-20T00:00:01xZ', '2026-11-20T00:00:01.12345678Z', '2026-11-20X00:00:01Z',
      '2026/11-20T00:00:01Z', '2026-11/20T00:00:01Z', '2026-11-20T00-00:01Z', '2026-11-20T00:00-01Z', 'abcd-11-20T00:00:01Z',
      '2026-1a-20T00:00:01Z', '2026-11-2aT00:00:01Z', '2026-11-20T0a:00:01Z', '2026-11-20T00:0a:01Z', '2026-11-20T00:00:0aZ',
      '2026-11-20T00:00:01.1a3Z', '2026-02-29T00:00:01Z']) {
      assert.ok(Number.isNaN(parseTraceTimeAt(broken, 0, broken.length, MONTH_FIRST)), broken);
      assert.ok(Number.isNaN(parseTraceTime(broken, MONTH_FIRST)), broken);
    }
    // Seven digits without Z: the ISO pattern reads it as the wall clock.
    assert.equal(parseTraceTime('2026-11-20T00:00:01.1234567', MONTH_FIRST), utcMs('2026-11-20T00:00:01.123Z'));
  });

  it('reads slash dates in the order voted, dotted and dashed ones day first, year-first ones as written', () => {
    assert.equal(parseTraceTime('05/11/2026 14:03:10', DAY_FIRST), utcMs('2026-11-05T14:03:10Z'));
    assert.equal(parseTraceTime('05/11/2026 14:03:10', MONTH_FIRST), utcMs('2026-05-11T14:03:10Z'));
    assert.equal(parseTraceTime('05.11.2026 14:03:10', MONTH_FIRST), utcMs('2026-11-05T14:03:10Z'));
    assert.equal(parseTraceTime('05-11-2026 14:03', MONTH_FIRST), utcMs('2026-11-05T14:03:00Z'));
    assert.equal(parseTraceTime('2026/11/05 14:03:10', DAY_FIRST), utcMs('2026-11-05T14:03:10Z'));
    // hu-HU ends the date with a dot; fi-FI writes the time with dots; a fraction after a comma.
    assert.equal(parseTraceTime('2026. 11. 05. 14:03:10', MONTH_FIRST), Number.NaN);
    assert.equal(parseTraceTime('05.11.2026. 14:03:10', MONTH_FIRST), utcMs('2026-11-05T14:03:10Z'));
    assert.equal(parseTraceTime('5.11.2026 14.03.10', MONTH_FIRST), utcMs('2026-11-05T14:03:10Z'));
    assert.equal(parseTraceTime('05.11.2026 14:03:10,25', MONTH_FIRST), utcMs('2026-11-05T14:03:10.250Z'));
    // A two-digit year is not read: its century is unknown.
    assert.ok(Number.isNaN(parseTraceTime('05/11/26 14:03:10', MONTH_FIRST)));
  });

  it('reads AM and PM: 12 AM is midnight, 12 PM noon, and no hour 0 or above 12 with them', () => {
    assert.equal(parseTraceTime('11/20/2026 12:05:00 AM', MONTH_FIRST), utcMs('2026-11-20T00:05:00Z'));
    assert.equal(parseTraceTime('11/20/2026 12:05:00 PM', MONTH_FIRST), utcMs('2026-11-20T12:05:00Z'));
    assert.equal(parseTraceTime('11/20/2026 1:05:00 PM', MONTH_FIRST), utcMs('2026-11-20T13:05:00Z'));
    assert.equal(parseTraceTime('11/20/2026 11:05 a.m.', MONTH_FIRST), utcMs('2026-11-20T11:05:00Z'));
    assert.equal(parseTraceTime('11/20/2026 11:05pm', MONTH_FIRST), utcMs('2026-11-20T23:05:00Z'));
    assert.equal(parseTraceTime('11/20/2026 1:05 p.m.', MONTH_FIRST), utcMs('2026-11-20T13:05:00Z'));
    assert.ok(Number.isNaN(parseTraceTime('11/20/2026 0:05:00 AM', MONTH_FIRST)));
    assert.ok(Number.isNaN(parseTraceTime('11/20/2026 13:05:00 PM', MONTH_FIRST)));
  });

  it('refuses what the calendar does not have, by the leap rule, years 0 to 99 being 1900 to 1999', () => {
    for (const bad of ['2026-00-10T10:00:00', '2026-13-10T10:00:00', '2026-04-31T10:00:00', '2026-11-00T10:00:00', '2026-11-20T24:00:00',
      '2026-11-20T10:60:00', '2026-11-20T10:00:60', '2026-02-29T10:00:00', '2100-02-29T10:00:00', '29.02.0000 10:00', '29.02.0100 10:00',
      '31.06.2026 10:00', '31.09.2026 10:00', '31.11.2026 10:00', '32.01.2026 10:00', '10.00.2026 10:00']) {
      assert.ok(Number.isNaN(parseTraceTime(bad, MONTH_FIRST)), bad);
    }
    assert.equal(parseTraceTime('2000-02-29T10:00:00', MONTH_FIRST), utcMs('2000-02-29T10:00:00Z'));
    assert.equal(parseTraceTime('2024-02-29T23:59:59Z', MONTH_FIRST), utcMs('2024-02-29T23:59:59Z'));
    assert.equal(parseTraceTime('31.12.2026 23:59:59', MONTH_FIRST), utcMs('2026-12-31T23:59:59Z'));
    // The first day of the year, in each form.
    assert.equal(parseTraceTime('01.01.2026 00:00', MONTH_FIRST), utcMs('2026-01-01T00:00:00Z'));
    assert.equal(parseTraceTime('2026-01-01T00:00:00', MONTH_FIRST), utcMs('2026-01-01T00:00:00Z'));
    assert.equal(parseTraceTimeAt('2026-01-01T00:00:00Z', 0, 20, MONTH_FIRST), utcMs('2026-01-01T00:00:00Z'));
    assert.equal(parseTraceTime('30.04.2026 10:00', MONTH_FIRST), utcMs('2026-04-30T10:00:00Z'));
    assert.equal(parseTraceTime('28.02.2026 10:00', MONTH_FIRST), utcMs('2026-02-28T10:00:00Z'));
    // Date.UTC reads year 96 as 1996, a leap year; 99 as 1999, not one.
    assert.equal(parseTraceTime('29.02.0096 10:00', MONTH_FIRST), utcMs('1996-02-29T10:00:00Z'));
    assert.ok(Number.isNaN(parseTraceTime('29.02.0099 10:00', MONTH_FIRST)));
  });

  it('reads nothing of an empty or blank value, or of one over 64 characters', () => {
    assert.ok(Number.isNaN(parseTraceTime('', MONTH_FIRST)));
    assert.ok(Number.isNaN(parseTraceTime('   ', MONTH_FIRST)));
    // The ISO pattern allows blanks before the zone: 19 + 44 + 1 = 64 characters, then 65.
    assert.equal(parseTraceTime(`2026-11-20T10:15:30${' '.repeat(44)}Z`, MONTH_FIRST), utcMs('2026-11-20T10:15:30Z'));
    assert.ok(Number.isNaN(parseTraceTime(`2026-11-20T10:15:30${' '.repeat(45)}Z`, MONTH_FIRST)));
  });
});

describe('trace dates: durations', () => {
  it('rounds to seconds, then says minutes, hours and minutes, or days and hours', () => {
    assert.deepEqual([-5000, 0, 499, 500, 59_499, 59_500, 3_599_000, 3_600_000, 3_660_000, 47 * 3_600_000 + 59 * 60_000, 48 * 3_600_000, 49 * 3_600_000]
      .map(traceDuration), ['0 s', '0 s', '0 s', '1 s', '59 s', '1 min', '59 min', '1 h', '1 h 1 min', '47 h 59 min', '2 days', '2 days 1 h']);
  });
});
