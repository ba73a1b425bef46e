// The bounce engine's reason for one reply read from a log or trace (a tracking log's
// recipient-status, a protocol log's reply, a message trace's Detail): the same classifier as
// bounces (analysis/bounce), for the Exchange families' problems and mail flow records alike.

import { bounceReasons, type BounceReason } from '../knowledge/data/bounceReasons';
import { classifyFailure } from './bounce/classify';
import { readWording } from './bounce/wording';

export interface ReplyReason {
  readonly reason: BounceReason;
  /** Who must act first for this reason: "sender", "sender-admin", "recipient-admin" or "network-owner". */
  readonly firstActor?: string;
}

/**
 * The reason of a reply with its codes as scanned. A 5 in either code reads as a failure, anything
 * else as a delay (a deferral's reply is not a bounce yet).
 */
export function replyReason(text: string, basic: string | undefined, enhanced: string | undefined): ReplyReason {
  const failed = basic?.startsWith('5') || enhanced?.startsWith('5');
  const wording = readWording(text);
  const { reason } = classifyFailure({
    action: failed ? 'failed' : 'delayed', status: enhanced, replyCode: basic, near: [wording], stage: wording.stage, hosts: [],
  });
  const actor = bounceReasons[reason].actors[0];
  return actor ? { reason, firstActor: actor } : { reason };
}
