// The report's timeline (received, delivered, failed and deferred per hour, per day when the span
// is over three days, per 5 minutes or per minute when it is short) and its delivery delays
// (nearest-rank percentiles, the slowest ten).

import { type FlowPlace, type SlowDelivery, TIMELINE_UNIT_MS, type TimelineBucket, type TimelineUnit } from '../../common/mailFlow';
import { compareText } from './countTable';

const HOUR_MS = TIMELINE_UNIT_MS.hour;
/** Longer spans are drawn per day. */
export const HOURLY_SPAN_MS = 3 * TIMELINE_UNIT_MS.day;
/** Shorter spans are drawn per 5 minutes (at most 24 buckets): per hour they would be one to two bands. */
export const FIVE_MINUTE_SPAN_MS = 2 * HOUR_MS;
/** Shorter spans are drawn per minute (at most 30 buckets). */
export const MINUTE_SPAN_MS = HOUR_MS / 2;

/** The bucket for a span from the first to the last time stamp. */
export function timelineUnit(spanMs: number): TimelineUnit {
  if (spanMs > HOURLY_SPAN_MS) return 'day';
  if (spanMs >= FIVE_MINUTE_SPAN_MS) return 'hour';
  return spanMs >= MINUTE_SPAN_MS ? '5 minutes' : 'minute';
}
/** Buckets at most: a dense run when the span fits, else the first this many buckets that hold something. */
export const MAX_BUCKETS = 2_000;

export type TimelineSeries = 'received' | 'delivered' | 'failed' | 'deferred';

type MutableBucket = { -readonly [K in keyof TimelineBucket]: TimelineBucket[K] };

export class Timeline {
  readonly unit: TimelineUnit;
  private readonly size: number;
  private readonly origin: number;
  /** Dense when the span fits in MAX_BUCKETS, else keyed by start (bounded). */
  private readonly dense?: MutableBucket[];
  private readonly sparse = new Map<number, MutableBucket>();

  constructor(firstMs: number | undefined, lastMs: number | undefined) {
    const span = firstMs !== undefined && lastMs !== undefined ? lastMs - firstMs : 0;
    this.unit = timelineUnit(span);
    this.size = TIMELINE_UNIT_MS[this.unit];
    this.origin = firstMs === undefined ? 0 : Math.floor(firstMs / this.size) * this.size;
    if (firstMs === undefined || lastMs === undefined) return;
    const count = Math.floor(lastMs / this.size) - Math.floor(firstMs / this.size) + 1;
    if (count <= MAX_BUCKETS) {
      this.dense = Array.from({ length: count }, (_, i) => emptyBucket(this.origin + i * this.size));
    }
  }

  add(series: TimelineSeries, ms: number | undefined): void {
    if (ms === undefined || !Number.isFinite(ms)) return;
    const start = Math.floor(ms / this.size) * this.size;
    let bucket: MutableBucket | undefined;
    if (this.dense) bucket = this.dense[(start - this.origin) / this.size];
    else {
      bucket = this.sparse.get(start);
      if (!bucket && this.sparse.size < MAX_BUCKETS) this.sparse.set(start, bucket = emptyBucket(start));
    }
    if (bucket) bucket[series]++;
  }

  buckets(): TimelineBucket[] {
    return this.dense ?? [...this.sparse.values()].sort((a, b) => a.startMs - b.startMs);
  }
}

function emptyBucket(startMs: number): MutableBucket {
  return { startMs, received: 0, delivered: 0, failed: 0, deferred: 0 };
}

/**
 * The nearest-rank percentile (the smallest value with at least p% of the values at or below it:
 * rank ⌈p/100 × n⌉ of the sorted values), so every answer is a delay that was measured.
 */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export const SLOWEST = 10;

/** The delays of delivered recipients, and the slowest few with their links. */
export class DelayTally {
  private values = new Float64Array(1024);
  private length = 0;
  readonly slowest: SlowDelivery[] = [];

  add(delayMs: number, slow: () => { key: string; recipient: string; slowestPart?: string; at: FlowPlace; query?: string }): void {
    if (!Number.isFinite(delayMs) || delayMs < 0) return;
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = delayMs;
    const last = this.slowest[this.slowest.length - 1];
    if (this.slowest.length < SLOWEST || (last && delayMs > last.delayMs)) {
      this.slowest.push({ ...slow(), delayMs });
      this.slowest.sort((a, b) => b.delayMs - a.delayMs || compareText(a.key, b.key) || compareText(a.recipient, b.recipient));
      if (this.slowest.length > SLOWEST) this.slowest.pop();
    }
  }

  summary(): { count: number; p50Ms?: number; p90Ms?: number; p99Ms?: number; slowest: SlowDelivery[] } {
    const sorted = this.values.slice(0, this.length).sort();
    const count = this.length;
    if (!count) return { count, slowest: [] };
    return { count, p50Ms: nearestRank(sorted, 50), p90Ms: nearestRank(sorted, 90), p99Ms: nearestRank(sorted, 99), slowest: this.slowest };
  }
}
