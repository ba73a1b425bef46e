// Times the mail flow report reads from Exchange logs: the latency parts a tracking log's
// message-info holds on DELIVER and SEND rows, and durations in words.

/** Longest part of message-info read: a hostile field is read from its start only. */
const MESSAGE_INFO_WINDOW = 2000;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?Z$/;
const LATENCY_ITEM = /^([A-Za-z][A-Za-z0-9-]{0,40})=(\d{1,9}(?:\.\d{1,9})?)$/;

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
  const origin = ISO_TIME.test(items[0]!.trim()) ? Date.parse(items[0]!.trim()) : Number.NaN;
  let best: TimedPart | undefined;
  for (const item of items) {
    const trimmed = item.trim();
    if (!trimmed.toUpperCase().startsWith('SRV=')) continue;
    const colon = trimmed.indexOf(':');
    if (colon < 0) continue;
    const server = trimmed.slice(4, colon);
    let serverBest: TimedPart | undefined;
    let totalBest: TimedPart | undefined;
    for (const part of trimmed.slice(colon + 1).split('|')) {
      const match = LATENCY_ITEM.exec(part.trim());
      if (!match) continue;
      const candidate = { label: `${match[1]} on ${server || 'a server'}`, ms: Math.round(Number(match[2]) * 1000) };
      const total = match[1]!.toUpperCase().startsWith('TOTAL');
      if (!total && (!serverBest || candidate.ms > serverBest.ms)) serverBest = candidate;
      if (total && (!totalBest || candidate.ms > totalBest.ms)) totalBest = candidate;
    }
    const chosen = serverBest ?? totalBest;
    if (chosen && (!best || chosen.ms > best.ms)) best = chosen;
  }
  return { ...(best ? { slowest: best } : {}), ...(Number.isFinite(origin) ? { originMs: origin } : {}) };
}

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
