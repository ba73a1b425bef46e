// Authentication-Results (RFC 8601), ARC-Authentication-Results and Received-SPF: each method's
// verdict ("spf=fail", "dkim=pass") with its offset in the unfolded value.

import type { HeaderField } from './headers';

export interface AuthVerdict {
  /** Lower case: "spf", "dkim", "dmarc", "arc", "compauth", "auth". */
  readonly method: string;
  /** Lower case: "pass", "fail", "softfail", "neutral", "none", "temperror", "permerror", "policy"... */
  readonly result: string;
  /** Offsets in the field's unfolded value. */
  readonly start: number;
  readonly end: number;
}

/** Results that mean the check did not pass. */
export const FAILING_RESULTS = new Set(['fail', 'softfail', 'permerror', 'temperror', 'hardfail']);

const METHOD_RESULT = /(?:^|[\s;])([a-z][a-z0-9-]{0,20})\s{0,3}=\s{0,3}([a-z][a-z0-9]{0,20})/gi;

export function authVerdicts(field: Pick<HeaderField, 'key' | 'value'>): AuthVerdict[] {
  const raw = field.value.length > 20_000 ? field.value.slice(0, 20_000) : field.value;
  if (field.key === 'received-spf') {
    const m = /^\s{0,5}([A-Za-z]{1,12})/.exec(raw);
    if (!m) return [];
    const start = m.index + m[0].length - m[1]!.length;
    return [{ method: 'spf', result: m[1]!.toLowerCase(), start, end: start + m[1]!.length }];
  }
  const verdicts: AuthVerdict[] = [];
  // Comments ("(p=reject)") are blanked out, keeping offsets, so their pairs are not read as methods.
  const value = raw.replace(/\([^()]{0,500}\)/g, (comment) => ' '.repeat(comment.length));
  // The first item is the authserv-id ("mx.example.com;" or "i=1; mx.example.com;" in ARC): skip it.
  let from = 0;
  if (field.key === 'arc-authentication-results') from = Math.max(0, value.indexOf(';') + 1);
  from = value.indexOf(';', from);
  if (from < 0) return verdicts;
  METHOD_RESULT.lastIndex = from;
  for (let m = METHOD_RESULT.exec(value); m; m = METHOD_RESULT.exec(value)) {
    const method = m[1]!.toLowerCase();
    // Property pairs ("smtp.mailfrom=", "header.d=") carry a dot and are skipped by the pattern;
    // the "reason" and "action" keys are comments, not methods.
    if (method === 'reason' || method === 'action' || method === 'client-ip' || method === 'receiver' || method === 'helo') continue;
    const start = m.index + m[0].indexOf(m[1]!);
    verdicts.push({ method, result: m[2]!.toLowerCase(), start, end: m.index + m[0].length });
  }
  return verdicts;
}
