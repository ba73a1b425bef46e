// Lookups over the anti-spam verdict keys (data/emailHeaderFacts.ts): one table for the
// X-Forefront-Antispam-Report header and for custom_data's S:SFA group of message traces.

import { antispamKeys, type AntispamKeyFact } from './data/emailHeaderFacts';

const byKey = new Map(antispamKeys.map((k) => [k.key, k]));

/** The fact of an anti-spam key (any case), e.g. "SFV", "SCL". */
export function lookupAntispamKey(key: string): AntispamKeyFact | undefined {
  return byKey.get(key.toUpperCase());
}

/** What a value means for its key (SFV=SPM, IPV=CAL, SCL=9, BCL=7), when the table or the scale says. */
export function antispamValueMeaning(key: string, value: string): string | undefined {
  const upper = key.toUpperCase();
  const listed = byKey.get(upper)?.values?.[value.trim().toUpperCase()];
  if (listed) return listed;
  const number = Number.parseInt(value, 10);
  if (!Number.isFinite(number)) return undefined;
  if (upper === 'SCL') return sclMeaning(number);
  if (upper === 'BCL') return bclMeaning(number);
  return undefined;
}

export function sclMeaning(scl: number): string {
  if (scl < 0) return 'filtering was skipped (a trusted, allowed or internal sender)';
  if (scl <= 1) return 'not spam: delivered to the inbox';
  if (scl <= 4) return 'a low score, not used by Exchange Online: treated as not spam';
  if (scl <= 6) return 'spam: delivered to Junk Email or quarantined, as the anti-spam policy says';
  return 'high-confidence spam: quarantined or sent to Junk Email, as the anti-spam policy says';
}

export function bclMeaning(bcl: number): string {
  if (bcl <= 0) return 'not from a bulk sender';
  if (bcl <= 3) return 'bulk mail from a sender with few complaints';
  if (bcl <= 7) return 'bulk mail from a sender with a mixed complaint record';
  return 'bulk mail from a sender with many complaints';
}
