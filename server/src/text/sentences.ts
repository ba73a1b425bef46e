// Putting one of our sentences inside another ("FAIL <id>: the recipient does not exist"): its first
// word loses its capital unless it is a name or an acronym.

/** Names that open some of our sentences and keep their capital anywhere. */
const NAMES = new Set([
  'Exchange', 'Microsoft', 'Outlook', 'Office', 'Hotmail', 'Windows', 'Azure', 'Defender', 'Teams', 'Gmail', 'Google', 'Yahoo', 'Apple',
  'Postfix', 'Exim', 'Sendmail', 'Domino', 'Spamhaus',
]);

/** "The mailbox is full" -> "the mailbox is full"; "Exchange Online ..." and "DNS ..." stay as they are. */
export function lowerCaseLead(sentence: string): string {
  const word = /^[A-Z][a-z]*(?=$|[^A-Za-z])/.exec(sentence)?.[0];
  if (word === undefined || NAMES.has(word)) return sentence;
  // A single capital is a word only when a space follows ("A recipient"), not an initial ("X-Header").
  if (word.length === 1 && sentence.charAt(1) !== ' ') return sentence;
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}
