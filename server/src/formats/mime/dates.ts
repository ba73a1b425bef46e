// RFC 5322 date-times as mail software really writes them: with or without the day name and the
// seconds, two- or four-digit years, numeric zones or the old names (GMT, EST, JST...), comments.
// Returns milliseconds since the epoch (UTC), or undefined.

const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };

/** Zone names seen in Date and Received headers, as minutes east of UTC. */
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  jst: 540, kst: 540, cet: 60, cest: 120, met: 60, mest: 120, eet: 120, eest: 180, bst: 60, ist: 330, hkt: 480, sgt: 480, aest: 600, aedt: 660,
};

// day? DD Mon YYYY HH:MM(:SS)? zone? — each part bounded, no nested repeats.
const RFC_DATE = /(\d{1,2})\s{1,5}([A-Za-z]{3})[a-z]{0,6}\.?\s{1,5}(\d{2,4})\s{1,5}(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d{1,6})?\s{0,5}([+-]\d{4}|[A-Za-z]{1,5})?/;
// asctime style: Mon Apr 29 23:34:45 2010 (sendmail's "received at" lines, mbox From lines).
const ASCTIME = /([A-Za-z]{3})\s{1,3}(\d{1,2})\s{1,3}(\d{1,2}):(\d{2}):(\d{2})\s{1,3}(?:([A-Za-z]{1,5})\s{1,3})?(\d{4})/;
const ISO = /(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d{1,7})?\s?(Z|[+-]\d{2}:?\d{2})?/;

export function parseMailDate(text: string): number | undefined {
  const value = text.length > 300 ? text.slice(0, 300) : text;
  let m = RFC_DATE.exec(value);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (month === undefined) return undefined;
    let year = Number(m[3]);
    if (m[3]!.length <= 2) year += year < 50 ? 2000 : 1900;
    else if (m[3]!.length === 3) year += 1900; // RFC 5322 obsolete three-digit years
    return utc(year, month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), zoneMinutes(m[7]));
  }
  m = ASCTIME.exec(value);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    if (month === undefined) return undefined;
    return utc(Number(m[7]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), zoneMinutes(m[6]));
  }
  m = ISO.exec(value);
  if (m) {
    const zone = m[7] === undefined || m[7] === 'Z' ? 0 : zoneMinutes(m[7].replace(':', ''));
    return utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), zone);
  }
  return undefined;
}

function zoneMinutes(zone: string | undefined): number {
  if (!zone) return 0;
  if (zone[0] === '+' || zone[0] === '-') {
    const sign = zone[0] === '-' ? -1 : 1;
    return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  }
  return ZONES[zone.toLowerCase()] ?? 0;
}

function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, zone: number): number | undefined {
  if (day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return undefined;
  return Date.UTC(year, month, day, hour, minute, second) - zone * 60_000;
}

/** "3 min 12 s", "2 h 5 min", "1 d 4 h": the two largest units. Negative durations get a minus sign. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  let seconds = Math.round(Math.abs(ms) / 1000);
  const units: [string, number][] = [['d', 86400], ['h', 3600], ['min', 60], ['s', 1]];
  const parts: string[] = [];
  for (const [name, size] of units) {
    if (seconds >= size || (name === 's' && parts.length === 0)) {
      const count = Math.floor(seconds / size);
      seconds -= count * size;
      parts.push(`${count} ${name}`);
    }
    if (parts.length === 2) break;
  }
  return sign + parts.join(' ');
}
