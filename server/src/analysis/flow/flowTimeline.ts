// The report's timeline (received, delivered, failed and deferred per hour, or per day when the
// span is over three days) and its delivery delays (nearest-rank percentiles, the slowest ten).

import type { FlowPlace, SlowDelivery, TimelineBucket } from '../../common/mailFlow';
import { compareText } from './countTable';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Longer spans are drawn per day. */
export const HOURLY_SPAN_MS = 3 * DAY_MS;
/** Buckets at most: a dense run when the span fits, else the first this many buckets that hold something. */
export const MAX_BUCKETS = 2_000;

export type TimelineSeries = 'received' | 'delivered' | 'failed' | 'deferred';

type MutableBucket = { -readonly [K in keyof TimelineBucket]: TimelineBucket[K] };

export class Timeline {
  readonly unit: 'hour' | 'day';
  private readonly size: number;
  private readonly origin: number;
  /** Dense when the span fits in MAX_BUCKETS, else keyed by start (bounded). */
  private readonly dense?: MutableBucket[];
  private readonly sparse = new Map<number, MutableBucket>();

  constructor(firstMs: number | undefined, lastMs: number | undefined) {
    const span = firstMs !== undefined && lastMs !== undefined ? lastMs - firstMs : 0;
    this.unit = span > HOURLY_SPAN_MS ? 'day' : 'hour';
    this.size = this.unit === 'day' ? DAY_MS : HOUR_MS;
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
