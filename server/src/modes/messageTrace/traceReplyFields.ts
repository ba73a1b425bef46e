// The reply fields of a trace recipient, shared by the trace problems and the mail flow records so
// both give one reason for one reply.

import type { ProblemFields } from '../../common/problemFields';
import type { RecipientTraceOutcome } from '../../analysis/messageTraceOutcomes';
import { replyReason } from '../../analysis/replyReason';

/** Reasons read once per reply text: a trace repeats a few. */
const reasons = new Map<string, ReturnType<typeof replyReason>>();

/**
 * A recipient's reply as problem fields: its codes, the reply as written, and the bounce engine's
 * reason when the reply has codes (else the trace's own verdict), for the Problems panel and the
 * mail flow report alike.
 */
export function traceReplyFields(item: RecipientTraceOutcome | undefined, failed: boolean): ProblemFields {
  if (!item) return {};
  const reply = item.reply;
  let read: ReturnType<typeof replyReason> | undefined;
  if (reply && item.reason && (reply.basic || reply.enhanced)) {
    const cacheKey = item.reason;
    read = reasons.get(cacheKey);
    if (!read) {
      read = replyReason(item.reason, reply.basic, reply.enhanced);
      if (reasons.size >= 2048) reasons.clear();
      reasons.set(cacheKey, read);
    }
  }
  return {
    ...(reply?.enhanced ? { deliverystatus: reply.enhanced } : {}),
    ...(reply?.basic ? { replycode: reply.basic } : {}),
    ...(item.reason ? { diagnosticcode: item.reason } : {}),
    ...(reply?.transport ? { transportstring: reply.transport } : {}),
    reason: read?.reason ?? item.verdict.toLowerCase(),
    ...(read?.firstActor ? { whoacts: read.firstActor } : {}),
    ...(failed ? { hardbounce: reply ? reply.permanent : true } : {}),
  };
}
