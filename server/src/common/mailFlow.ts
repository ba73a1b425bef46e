// The mail flow report (#15): what each document family hands the report engine (flow records, read
// from the same analysis as the Problems panel), and the aggregates the engine computes from them.
// The webview page, the saved HTML file, the Markdown copy and `mailflow-lens report` all render a
// MailFlowReport; none of them reads a document again.

import type { ProblemFields } from './problemFields';

/**
 * What became of one recipient of one message: delivered; failed (bounced, a permanent failure or a
 * final FAIL); expired (given up after retrying); deferred (still being retried when the source
 * ends); quarantined (held as spam or by policy); rejected (refused while the message was being
 * received, so never queued); unknown (the source does not say: never guessed).
 */
export type FlowOutcome = 'delivered' | 'failed' | 'expired' | 'deferred' | 'quarantined' | 'rejected' | 'unknown';

/** A line of one source of the report (0-based line of sources[source]). */
export interface FlowPlace {
  readonly source: number;
  readonly line: number;
}

/** A message as it entered (or was first seen by) the system that logged it. */
export interface FlowMessage {
  /** Queue id, Exim message id, Exchange internal or network message id, trace message id, or the bounce file's name. */
  readonly key: string;
  readonly sender?: string;
  readonly messageid?: string;
  /** When it was received, in milliseconds since 1970 (UTC, or the server's local time: see FlowRecords.timesInUtc). */
  readonly receivedMs?: number;
  readonly size?: number;
  readonly recipientCount?: number;
  /** The line where it entered, or its first line. */
  readonly line: number;
}

/** One recipient of one message: the record most of the report is counted from. */
export interface FlowRecipient extends ProblemFields {
  /** FlowMessage.key of its message. */
  readonly key: string;
  readonly recipient: string;
  readonly outcome: FlowOutcome;
  /** When the outcome was logged (the last attempt, or the failure). */
  readonly settledMs?: number;
  /** From reception to the outcome, for delivered recipients (the log's own delay= when it has one). */
  readonly delayMs?: number;
  /** The slowest part of that delay, in words, e.g. "in the queue manager (delays= b) 41 s" or "hop 2 to mx.contoso.com 12 s". */
  readonly slowestPart?: string;
  /** Deferrals logged before the outcome. */
  readonly deferrals?: number;
  /** For deferred recipients: when the first deferral was logged. */
  readonly firstDeferredMs?: number;
  /** Where delivery was tried: relay host, next hop, connector or recipient domain's MX as logged. */
  readonly destination?: string;
  /** A block list named in the reply (Spamhaus, Barracuda, ...). */
  readonly blockList?: string;
  /** The decisive line (the outcome's line). */
  readonly line: number;
}

/** A client refused before a message was queued: postscreen, smtpd NOQUEUE reject, an Exchange protocol log 5xx. */
export interface FlowRejection extends ProblemFields {
  readonly client?: string;
  readonly blockList?: string;
  readonly timeMs?: number;
  readonly line: number;
}

/** All a document family read from one source, for the report. */
export interface FlowRecords {
  readonly messages: readonly FlowMessage[];
  readonly recipients: readonly FlowRecipient[];
  readonly rejections: readonly FlowRejection[];
  /** True when the source's time stamps name their offset; false when they are a server's local time. */
  readonly timesInUtc?: boolean;
  /** What the reader wants the admin to know: year inferred, log starts mid-trail, culture assumed, lines skipped. */
  readonly notes: readonly string[];
  /**
   * The command that looks further at a deferred recipient (the queue, the message's trail), built
   * by the family that read it with text/shell.ts or text/powerShell.ts; the report calls it for
   * the oldest recipient of each row of its deferral queue only. Without it the report uses the
   * family's standard search (analysis/flow/lookFurther.ts).
   */
  readonly lookFurther?: (recipient: FlowRecipient) => FlowCommand | undefined;
  /**
   * The slowest part of the delay of recipients[index], for a family whose records leave it out
   * because putting it in words costs more than counting: the report asks for the candidates for
   * its ten slowest only.
   */
  readonly slowestPartOf?: (index: number) => string | undefined;
}

/** A command shown to the admin, never run by us. */
export interface FlowCommand {
  readonly language: 'powershell' | 'shellscript';
  readonly text: string;
}

/** One source the report read. */
export interface ReportSource {
  readonly uri: string;
  /** File name for display. */
  readonly name: string;
  /** Language id of the family that read it. */
  readonly language: string;
  readonly notes: readonly string[];
}

/** A source left out: unreadable, or no family reads it. */
export interface SkippedSource {
  readonly uri: string;
  readonly name: string;
  readonly reason: string;
}

/** Every row of a table or bar of a chart links to a line, and to all lines of its group. */
export interface ReportLink {
  /** The first (or most telling) line of the group. */
  readonly at?: FlowPlace;
  /** The filter query (Mailflow Lens: Filter Lines) that shows every line of the group in sources[at.source]. */
  readonly query?: string;
}

export interface ReportTotals {
  readonly messages: number;
  readonly recipients: number;
  readonly delivered: number;
  readonly failed: number;
  readonly expired: number;
  readonly deferred: number;
  readonly quarantined: number;
  /** Recipients refused during reception plus clients rejected at connection (FlowRejection). */
  readonly rejected: number;
  readonly unknown: number;
}

/**
 * How long a timeline bucket is: an hour, or a day when the span is over three days; under two hours,
 * 5 minutes, or a minute under half an hour, so a short log is not drawn as one band.
 */
export type TimelineUnit = 'minute' | '5 minutes' | 'hour' | 'day';

export const TIMELINE_UNIT_MS: Readonly<Record<TimelineUnit, number>> = { minute: 60_000, '5 minutes': 300_000, hour: 3_600_000, day: 86_400_000 };

export interface TimelineBucket {
  /** Start of the bucket (minute, 5 minutes, hour or day), in ms (same clock as the sources). */
  readonly startMs: number;
  readonly received: number;
  readonly delivered: number;
  readonly failed: number;
  readonly deferred: number;
}

export interface CountRow extends ReportLink {
  readonly label: string;
  readonly count: number;
}

export interface ReasonRow extends CountRow {
  /** True when every failure of the reason is permanent, false when every one is temporary, undefined when mixed or unknown. */
  readonly hardbounce?: boolean;
}

export interface DomainRow extends ReportLink {
  readonly domain: string;
  readonly failed: number;
  readonly deferred: number;
}

export interface DeferralRow extends ReportLink {
  readonly destination: string;
  readonly lastReply: string;
  readonly count: number;
  /** Age of the oldest deferral at the end of the source, in ms. */
  readonly oldestAgeMs?: number;
  /** A command that looks further, built with text/powerShell.ts or text/shell.ts; never run by us. */
  readonly command?: FlowCommand;
}

export interface SlowDelivery extends ReportLink {
  readonly key: string;
  readonly recipient: string;
  readonly delayMs: number;
  readonly slowestPart?: string;
}

export interface FailedRecipientRow extends ReportLink {
  readonly recipient: string;
  readonly outcome: FlowOutcome;
  readonly code?: string;
  readonly reason?: string;
  readonly whoacts?: string;
  readonly timeMs?: number;
}

export interface MailFlowReport {
  readonly sources: readonly ReportSource[];
  readonly skipped: readonly SkippedSource[];
  /** First and last time seen. */
  readonly span?: { readonly firstMs: number; readonly lastMs: number; readonly timesInUtc: boolean };
  readonly totals: ReportTotals;
  readonly timeline: { readonly unit: TimelineUnit; readonly buckets: readonly TimelineBucket[] };
  readonly failureReasons: readonly ReasonRow[];
  readonly failureCodes: readonly CountRow[];
  /** Recipient domains with the most failures and deferrals. */
  readonly domains: readonly DomainRow[];
  readonly deferrals: readonly DeferralRow[];
  readonly delays: {
    readonly count: number;
    readonly p50Ms?: number;
    readonly p90Ms?: number;
    readonly p99Ms?: number;
    readonly slowest: readonly SlowDelivery[];
  };
  readonly topSenders: readonly CountRow[];
  readonly rejectedClients: readonly CountRow[];
  readonly blockLists: readonly CountRow[];
  /** Every failed, expired, rejected or quarantined recipient, up to a cap; `total` counts them all. */
  readonly failedRecipients: { readonly rows: readonly FailedRecipientRow[]; readonly total: number };
}
