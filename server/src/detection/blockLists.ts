// Finding the DNS block list a refusal names: "blocked using zen.spamhaus.org", "listed in
// bl.spamcop.net", or a list's name (Spamhaus, Barracuda, ...) in the reply's words.

/** Longest text searched: a hostile reply is read from its start only. */
const WINDOW = 2000;
/** A list's DNS zone: labels joined by dots, at least two. */
const ZONE = '([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\\.[A-Za-z0-9-]{1,63}){1,8})';
const BLOCKED_USING = new RegExp(`\\bblocked using ${ZONE}`, 'i');
const LISTED_IN = new RegExp(`\\b(?:listed|found) (?:in|on|at|by) ${ZONE}`, 'i');
/** Widely used public block lists, by the name their operators use (matched as whole words). */
const LIST_NAMES = /\b(Spamhaus|SpamCop|Barracuda|SORBS|UCEPROTECT|Mailspike|PSBL|SpamRATS|Invaluement|SURBL|URIBL)\b/i;

/** The block list a reply names, as written; undefined when it names none. */
export function blockListIn(reply: string): string | undefined {
  const text = reply.length > WINDOW ? reply.slice(0, WINDOW) : reply;
  // A zone ends on a label, so a sentence's full stop after it is never taken in.
  return BLOCKED_USING.exec(text)?.[1] ?? LISTED_IN.exec(text)?.[1] ?? LIST_NAMES.exec(text)?.[1];
}
