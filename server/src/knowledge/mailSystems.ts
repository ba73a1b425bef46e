// Lookups in the table of mail systems (data/mailSystems.ts). Each answers one question about one
// kind of evidence; analysis/writerOf.ts combines them to name who wrote a reply or a report.

import { mailSystems, type MailSystem, type MailSystemId } from './data/mailSystems';

export type { MailSystem, MailSystemId } from './data/mailSystems';

const byId = new Map(mailSystems.map((system) => [system.id, system]));

export function mailSystem(id: MailSystemId): MailSystem {
  return byId.get(id)!;
}

/** True when the host name or mail domain (any case) is one of the system's. */
export function hasHost(system: MailSystem, host: string): boolean {
  return system.hosts !== undefined && host.length > 0 && system.hosts.test(host.toLowerCase());
}

/** True when the text carries the marks of the system's replies, logs or headers. */
export function hasMark(system: MailSystem, text: string): boolean {
  return system.marks !== undefined && system.marks.test(text);
}

/** True when a report's opening (in lower case) carries the marks of the system's own reports. */
export function hasReportMark(system: MailSystem, lowerCaseSample: string): boolean {
  return system.reportMarks !== undefined && system.reportMarks.test(lowerCaseSample);
}
