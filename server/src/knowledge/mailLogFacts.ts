// Look-ups in the mail-log fact table (knowledge/data/mailLogFields.ts).

import { type MailLogFieldFact, mailLogFieldFacts, ROUTINE_WARNINGS } from './data/mailLogFields';

const byKey = new Map<string, MailLogFieldFact>();
for (const fact of mailLogFieldFacts) byKey.set(`${fact.system}|${fact.token}`, fact);

/** The meaning of a field ("relay=") or an Exim flag ("=>") as written by one system. */
export function mailLogField(system: MailLogFieldFact['system'], token: string): MailLogFieldFact | undefined {
  return byKey.get(`${system}|${token}`);
}

/** The severity of a Postfix "warning:", "error:", "fatal:" or "panic:" line. */
export function warningSeverity(level: 'warning' | 'error' | 'fatal' | 'panic', text: string): 'error' | 'warning' | 'information' {
  if (level !== 'warning') return 'error';
  const lower = text.toLowerCase();
  return ROUTINE_WARNINGS.some((fragment) => lower.includes(fragment)) ? 'information' : 'warning';
}
