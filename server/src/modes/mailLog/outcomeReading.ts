// What a recipient's last reply means, read by the same engine as bounces: the codes and their
// explanation (analysis/replyExplanation) and the bounce engine's reason, hard or soft and who acts
// (analysis/bounce). One reading per distinct reply: production logs repeat the same few.

import { classifyFailure, isHardBounce } from '../../analysis/bounce/classify';
import { readWording } from '../../analysis/bounce/wording';
import { ACTOR_TEXT, explainReply, type ReplyExplanation } from '../../analysis/replyExplanation';
import { productsOf } from '../../analysis/writerOf';
import { scanReplies } from '../../detection/replyScanner';
import { bounceReasons, type BounceReason } from '../../knowledge/data/bounceReasons';

export interface OutcomeReading {
  /** "550 5.1.1", or "" when the reply has no code. */
  readonly codes: string;
  readonly basic?: string;
  readonly enhanced?: string;
  readonly explanation?: ReplyExplanation;
  /** The reading in a few words: the explanation's summary, or the reason's title. */
  readonly reading: string;
  readonly reason: BounceReason;
  readonly hard: boolean;
  /** "the sender, the recipient's admin" */
  readonly whoActs: string;
  /** The first actor's id, as the other families write it in ProblemFields (sender, sender-admin, ...). */
  readonly firstActor?: string;
  readonly fix: string;
}

const cache = new Map<string, OutcomeReading>();
const MAX_CACHED = 2048;

/**
 * The reading of a reply for a recipient that bounced (`permanent`) or is being retried. `dsn` is
 * the enhanced code the MTA logged beside the reply (Postfix dsn=, Sendmail dsn=), `relay` the host
 * that answered.
 */
export function readOutcome(
  reply: string | undefined, dsn: string | undefined, relay: string | undefined, recipient: string, permanent: boolean,
): OutcomeReading {
  const domain = recipient.slice(recipient.lastIndexOf('@') + 1);
  const relayHost = relay?.replace(/\[.*$/, '') ?? '';
  const key = `${permanent ? 1 : 0}|${dsn ?? ''}|${relayHost}|${domain}|${reply ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const reading = read(reply ?? '', dsn, [relayHost, domain].filter(Boolean), permanent);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, reading);
  return reading;
}

function read(reply: string, dsn: string | undefined, hosts: string[], permanent: boolean): OutcomeReading {
  const mention = scanReplies(reply).find((m) => m.basic || m.enhanced);
  const basic = mention?.basic?.text;
  const enhanced = dsn && /^[245]\.\d{1,3}\.\d{1,3}$/.test(dsn) ? dsn : mention?.enhanced?.text;
  const explanation = basic || enhanced ? explainReply({ basic, enhanced }, { prefer: productsOf({ hosts, texts: [reply] }), reply, hosts }) : undefined;
  const wording = readWording(reply);
  const { reason } = classifyFailure({
    action: permanent ? 'failed' : 'delayed', status: enhanced, replyCode: basic, near: [wording], stage: wording.stage, hosts,
  });
  const entry = bounceReasons[reason];
  return {
    codes: [basic, enhanced].filter(Boolean).join(' '),
    ...(basic ? { basic } : {}),
    ...(enhanced ? { enhanced } : {}),
    ...(explanation ? { explanation } : {}),
    reading: explanation?.summary ?? entry.title,
    reason,
    hard: isHardBounce(reason, permanent),
    whoActs: entry.actors.map((a) => ACTOR_TEXT[a]).join(', '),
    ...(entry.actors[0] ? { firstActor: entry.actors[0] } : {}),
    fix: entry.fix,
  };
}
