// Mail dates at the edges of their grammar: the zones and their signs, spacing, optional parts, the
// RFC 5322 rules for two- and three-digit years, the limits of each field, and how durations read.
// Every date below is synthetic; the expected instants are converted to UTC by hand.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDuration, parseMailDate } from '../../server/src/formats/mime/dates';

/** 29 April 2010, 14:34:45 UTC: every spelling below names this instant. */
const INSTANT = Date.UTC(2010, 3, 29, 14, 34, 45);

describe('RFC 5322 dates', () => {
  it('read the North American zone names west of UTC', () => {
    const local: [string, string][] = [
      ['EST', '09:34:45'], ['EDT', '10:34:45'], ['CST', '08:34:45'], ['CDT', '09:34:45'],
      ['MST', '07:34:45'], ['MDT', '08:34:45'], ['PST', '06:34:45'], ['PDT', '07:34:45'],
    ];
    for (const [zone, time] of local) assert.equal(parseMailDate(`Thu, 29 Apr 2010 ${time} ${zone}`), INSTANT, zone);
  });

  it('read numeric zones with their sign and minutes', () => {
    assert.equal(parseMailDate('Thu, 29 Apr 2010 09:34:45 -0500'), INSTANT);
    assert.equal(parseMailDate('Thu, 29 Apr 2010 20:04:45 +0530'), INSTANT);
    assert.equal(parseMailDate('Thu, 29 Apr 2010 11:04:45 -0330'), INSTANT);
  });

  it('allow folding whitespace between the parts', () => {
    assert.equal(parseMailDate('Thu, 29  Apr 2010 14:34:45 GMT'), INSTANT);
    assert.equal(parseMailDate('Thu, 29 Apr  2010 14:34:45 GMT'), INSTANT);
    assert.equal(parseMailDate('Thu, 29 Apr 2010  14:34:45 GMT'), INSTANT);
    assert.equal(parseMailDate('Thu, 29 Apr 2010 23:34:45  +0900'), INSTANT);
    assert.equal(parseMailDate('Thu, 29 Apr 2010 23:34:45+0900'), INSTANT);
  });

  it('take full month names, no seconds, fractions of a second and no zone', () => {
    assert.equal(parseMailDate('29 April 2010 14:34:45 GMT'), INSTANT);
    assert.equal(parseMailDate('29 Apr 2010 14:34 GMT'), Date.UTC(2010, 3, 29, 14, 34, 0));
    assert.equal(parseMailDate('29 Apr 2010 23:34:45.123 +0900'), INSTANT);
    // No zone: read as UTC, as a missing numeric zone would be.
    assert.equal(parseMailDate('29 Apr 2010 14:34:45'), INSTANT);
  });

  it('read two- and three-digit years as RFC 5322 section 4.3 says', () => {
    assert.equal(parseMailDate('29 Apr 49 14:34:45 GMT'), Date.UTC(2049, 3, 29, 14, 34, 45));
    assert.equal(parseMailDate('29 Apr 50 14:34:45 GMT'), Date.UTC(1950, 3, 29, 14, 34, 45));
    assert.equal(parseMailDate('29 Apr 99 14:34:45 GMT'), Date.UTC(1999, 3, 29, 14, 34, 45));
    assert.equal(parseMailDate('29 Apr 110 14:34:45 GMT'), INSTANT);
  });

  it('refuse an unknown month rather than guess one', () => {
    assert.equal(parseMailDate('29 Foo 2010 14:34:45 GMT'), undefined);
  });

  it('refuse fields out of range, but take 24:00 and a leap second', () => {
    assert.equal(parseMailDate('0 Apr 2010 14:34:45 GMT'), undefined);
    assert.equal(parseMailDate('32 Mar 2010 14:34:45 GMT'), undefined);
    assert.equal(parseMailDate('29 Apr 2010 25:34:45 GMT'), undefined);
    assert.equal(parseMailDate('29 Apr 2010 14:60:45 GMT'), undefined);
    assert.equal(parseMailDate('29 Apr 2010 14:34:61 GMT'), undefined);
    assert.equal(parseMailDate('1 Apr 2010 14:34:45 GMT'), Date.UTC(2010, 3, 1, 14, 34, 45));
    assert.equal(parseMailDate('31 Mar 2010 14:34:45 GMT'), Date.UTC(2010, 2, 31, 14, 34, 45));
    assert.equal(parseMailDate('29 Apr 2010 14:59:59 GMT'), Date.UTC(2010, 3, 29, 14, 59, 59));
    // 24:00 is the end of the day (ISO 8601); 23:59:60 the leap second that ended 2016.
    assert.equal(parseMailDate('29 Apr 2010 24:00:00 GMT'), Date.UTC(2010, 3, 30, 0, 0, 0));
    assert.equal(parseMailDate('31 Dec 2016 23:59:60 GMT'), Date.UTC(2017, 0, 1, 0, 0, 0));
  });

  it('look at the first 300 characters only', () => {
    // A hostile header cannot make the patterns scan further.
    assert.equal(parseMailDate(`${'x'.repeat(300)} 29 Apr 2010 14:34:45 GMT`), undefined);
    assert.equal(parseMailDate(`${'x'.repeat(270)} 29 Apr 2010 14:34:45 GMT`), INSTANT);
  });
});

describe('asctime dates', () => {
  it('read the space-padded day of asctime and date(1) output with a zone name', () => {
    assert.equal(parseMailDate('Thu Apr  9 14:34:45 2010'), Date.UTC(2010, 3, 9, 14, 34, 45));
    assert.equal(parseMailDate('Thu Apr 29  14:34:45 2010'), INSTANT);
    assert.equal(parseMailDate('Thu Apr 29 14:34:45  2010'), INSTANT);
    assert.equal(parseMailDate('Thu Apr 29 23:34:45 JST 2010'), INSTANT);
    assert.equal(parseMailDate('Thu Apr 29 23:34:45 JST  2010'), INSTANT);
  });

  it('refuse an unknown month', () => {
    assert.equal(parseMailDate('Thu Foo 29 14:34:45 2010'), undefined);
  });
});

describe('ISO 8601 dates', () => {
  it('read offsets with and without a colon, and no zone as UTC', () => {
    assert.equal(parseMailDate('2010-04-29T23:34:45+09:00'), INSTANT);
    assert.equal(parseMailDate('2010-04-29T20:04:45+05:30'), INSTANT);
    assert.equal(parseMailDate('2010-04-29T09:34:45-0500'), INSTANT);
    assert.equal(parseMailDate('2010-04-29 23:34:45 +0900'), INSTANT);
    assert.equal(parseMailDate('2010-04-29 14:34:45'), INSTANT);
  });

  it('take no seconds and fractions of a second', () => {
    assert.equal(parseMailDate('2010-04-29T14:34Z'), Date.UTC(2010, 3, 29, 14, 34, 0));
    assert.equal(parseMailDate('2010-04-29T23:34:45.1234567+09:00'), INSTANT);
  });
});

describe('durations', () => {
  it('show the two largest units, whole, and zero as 0 s', () => {
    assert.equal(formatDuration(0), '0 s');
    assert.equal(formatDuration(60_000), '1 min');
    assert.equal(formatDuration(3_600_000), '1 h');
    assert.equal(formatDuration(((26 * 60 + 3) * 60 + 4) * 1000), '1 d 2 h');
    assert.equal(formatDuration(-60_000), '−1 min');
  });
});
