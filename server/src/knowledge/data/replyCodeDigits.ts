// What each digit of a basic reply code says on its own (RFC 5321 §4.2.1); the prose is our own.

/** First digit: how the command went. */
export const replyFirstDigit: Readonly<Record<string, string>> = {
  '2': 'positive completion: the command worked',
  '3': 'positive intermediate: accepted, the server waits for more',
  '4': 'transient negative completion: failed for now, may work later',
  '5': 'permanent negative completion: failed, repeating it will not help',
};

/** Second digit: what area the reply is about. */
export const replySecondDigit: Readonly<Record<string, string>> = {
  '0': 'syntax',
  '1': 'information',
  '2': 'the connection',
  '3': 'unspecified',
  '4': 'unspecified',
  '5': 'the mail system',
};

export const REPLY_DIGITS_SOURCE = 'RFC 5321 §4.2.1';
