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
  const fields: WritableFields = {};
  if (item) writeTraceReplyFields(fields, item, failed);
  return fields;
}

/** Problem fields as they are gathered: written one by one, in the order they are listed. */
export type WritableFields = { -readonly [K in keyof ProblemFields]: ProblemFields[K] };

/**
 * traceReplyFields of `item` added to `fields`: each set one by one rather than spread, since a
 * trace's problems are built by the thousand and conditional spreads cost a microsecond or more each.
 */
export function writeTraceReplyFields(fields: WritableFields, item: RecipientTraceOutcome, failed: boolean): void {
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
  if (reply?.enhanced) fields.deliverystatus = reply.enhanced;
  if (reply?.basic) fields.replycode = reply.basic;
  if (item.reason) fields.diagnosticcode = item.reason;
  if (reply?.transport) fields.transportstring = reply.transport;
  fields.reason = read?.reason ?? item.verdict.toLowerCase();
  if (read?.firstActor) fields.whoacts = read.firstActor;
  if (failed) fields.hardbounce = reply ? reply.permanent : true;
}
