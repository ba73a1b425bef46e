// Numbers, times and durations as the report writes them, the same in every rendering. Times are the
// sources' own clock (UTC or the server's local time, see MailFlowReport.span), so they are written
// with the UTC fields and never moved to the reader's time zone.

import type { TimelineUnit } from '../common/mailFlow';

/** 12345 -> "12,345". */
export function formatCount(value: number): string {
  return Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** A time stamp to the second: "2026-12-01 14:05:09". */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** The start of a timeline bucket: "2026-12-01 14:05" for minutes or an hour, "2026-12-01" for a day. */
export function formatTime(ms: number, unit: TimelineUnit): string {
  const full = formatDateTime(ms);
  return unit === 'day' ? full.slice(0, 10) : full.slice(0, 16);
}

/** The heading of a timeline table's first column. */
export function timelineColumn(unit: TimelineUnit): string {
  return unit === 'day' ? 'Day' : unit === 'hour' ? 'Hour' : 'Time';
}

/** A duration in the two largest units that matter: "850 ms", "4.2 s", "3 min 20 s", "5 h 2 min", "2 d 3 h". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  const wholeSeconds = Math.round(seconds);
  const minutes = Math.floor(wholeSeconds / 60);
  if (minutes < 60) return `${minutes} min ${wholeSeconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** What the report's time stamps are: "UTC" or "server time". */
export function clockName(timesInUtc: boolean): string {
  return timesInUtc ? 'UTC' : 'server time';
}
