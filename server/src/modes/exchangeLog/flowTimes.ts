// Times the mail flow report reads from Exchange logs: the latency parts a tracking log's
// message-info holds on DELIVER and SEND rows, and durations in words.

/** Longest part of message-info read: a hostile field is read from its start only. */
const MESSAGE_INFO_WINDOW = 2000;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?Z$/;
const LATENCY_NAME = /^[A-Za-z][A-Za-z0-9-]{0,40}$/;
/** A part longer than a year is not a latency. */
const MAX_SECONDS = 366 * 24 * 3600;

export interface TimedPart {
  /** "MTSS on EX03.contoso.com", as message-info names the part and the server. */
  readonly label: string;
  readonly ms: number;
}

export interface MessageInfoTimes {
  readonly slowest?: TimedPart;
  /** When the message was first submitted, from message-info's leading time. */
  readonly originMs?: number;
}

/**
 * The slowest part of message-info ("2026-11-23T09:14:02.015Z;SRV=EX03.contoso.com:TOTAL-SUB=0.410|SA=0.120|MTSS=0.200"):
 * the parts of each server, leaving out the TOTAL- sums unless a server gives nothing else.
 */
export function readMessageInfo(messageInfo: string): MessageInfoTimes {
  if (!messageInfo) return {};
  const items = messageInfo.slice(0, MESSAGE_INFO_WINDOW).split(';');
  const origin = originOf(items[0]!);
  let best: TimedPart | undefined;
  for (const item of items) {
    const trimmed = item.trim();
    if (!/^srv=/i.test(trimmed)) continue;
    const colon = trimmed.indexOf(':');
    if (colon < 0) continue;
    const server = trimmed.slice(4, colon) || 'a server';
    let serverBest: TimedPart | undefined;
    let totalBest: TimedPart | undefined;
    for (const part of trimmed.slice(colon + 1).split('|')) {
      const equals = part.indexOf('=');
      const name = part.slice(0, equals).trim();
      const seconds = equals > 0 && LATENCY_NAME.test(name) ? Number(part.slice(equals + 1)) : Number.NaN;
      if (!(seconds >= 0 && seconds < MAX_SECONDS)) continue;
      const ms = Math.round(seconds * 1000);
      // TOTAL- parts sum the others: they count only when a server gives nothing else.
      if (/^total/i.test(name)) {
        if (!totalBest || ms > totalBest.ms) totalBest = { label: `${name} on ${server}`, ms };
      } else if (!serverBest || ms > serverBest.ms) serverBest = { label: `${name} on ${server}`, ms };
    }
    const chosen = serverBest ?? totalBest;
    if (chosen && (!best || chosen.ms > best.ms)) best = chosen;
  }
  return { ...(best ? { slowest: best } : {}), ...(Number.isFinite(origin) ? { originMs: origin } : {}) };
}

/**
 * When the message was first submitted, from message-info's leading time; undefined when it has
 * none. Every delivered recipient needs it, and it is read without the latency parts.
 */
export function messageInfoOrigin(messageInfo: string): number | undefined {
  const semicolon = messageInfo.indexOf(';');
  const origin = originOf(messageInfo.slice(0, semicolon < 0 ? Math.min(messageInfo.length, MESSAGE_INFO_WINDOW) : Math.min(semicolon, MESSAGE_INFO_WINDOW)));
  return Number.isFinite(origin) ? origin : undefined;
}

function originOf(item: string): number {
  const head = item.trim();
  return isDigit(head.charCodeAt(0)) && ISO_TIME.test(head) ? Date.parse(head) : Number.NaN;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** "0.41 s", "12.3 s", "4 min 5 s", "2 h 3 min". */
export function describeSeconds(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 10) return `${Number(seconds.toFixed(2))} s`;
  if (seconds < 60) return `${Number(seconds.toFixed(1))} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes - hours * 60} min`;
}
