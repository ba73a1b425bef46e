// The `code` and `reason` values Filter Lines (#15) reads from a reply in a log row or trace cell:
// the codes the reply scanner finds, and the bounce engine's reason for a failed or deferred one,
// so `reason:mailboxfull` finds the same rows in every family. One reading per distinct reply.

import { classifyFailure } from '../../analysis/bounce/classify';
import { readWording } from '../../analysis/bounce/wording';
import { scanReplies } from '../../detection/replyScanner';

export interface ReplyValues {
  /** Basic, enhanced and transport codes, as written. */
  readonly codes: readonly string[];
  /** The bounce engine's reason; undefined when the reply is not a failure or deferral. */
  readonly reason?: string;
}

/** Longest reply text read: a hostile field may be megabytes long. */
const MAX_REPLY_CHARS = 2000;
const MAX_CACHED = 4096;
const NONE: ReplyValues = { codes: [] };

export class ReplyValueReader {
  private readonly cache = new Map<string, ReplyValues>();

  /** `failure`: the reply is a permanent failure (true), a deferral (false) or neither (undefined: codes only). */
  read(reply: string, failure: boolean | undefined): ReplyValues {
    const text = reply.length > MAX_REPLY_CHARS ? reply.slice(0, MAX_REPLY_CHARS) : reply;
    if (!text) return NONE;
    const key = `${failure === undefined ? '-' : failure ? 'p' : 't'}${text}`;
    let values = this.cache.get(key);
    if (values) return values;
    const mention = scanReplies(text)[0] ?? scanReplies(text, false)[0];
    const codes = mention ? [mention.basic?.text, mention.enhanced?.text, mention.transport?.text].filter((c): c is string => !!c) : [];
    if (failure === undefined) values = { codes };
    else {
      const wording = readWording(text);
      const { reason } = classifyFailure({
        action: failure ? 'failed' : 'delayed', status: mention?.enhanced?.text, replyCode: mention?.basic?.text, near: [wording], stage: wording.stage, hosts: [],
      });
      values = { codes, reason };
    }
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(key, values);
    return values;
  }
}
