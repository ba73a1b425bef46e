// What the fields and flags of Postfix, Exim and Sendmail log lines mean, in our own words, each
// with where it is documented. The hovers of mail logs read this table only.

export interface MailLogFieldFact {
  /** As written in the log: "delays=", "R=", "=>". */
  readonly token: string;
  readonly system: 'postfix' | 'exim' | 'sendmail';
  readonly title: string;
  readonly meaning: string;
  readonly source: string;
}

const POSTFIX_LOGGING = 'Postfix documentation: postconf(5), RELEASE_NOTES-2.3 (delays=, dsn=) and the delivery agents\' manual pages';
const EXIM_SPEC = 'Exim specification, chapter "Log files" (log line flags and the fields of log lines)';
const SENDMAIL_OPS = 'Sendmail Installation and Operation Guide, section "Log information"';

export const DELAYS_PARTS: readonly { readonly title: string; readonly meaning: string }[] = [
  { title: 'before the queue manager', meaning: 'receiving the message and handing it to the queue manager (includes the client sending it)' },
  { title: 'in the queue manager', meaning: 'waiting in the active queue for a delivery agent (long when the queue or a destination is congested)' },
  { title: 'connection set-up', meaning: 'DNS look-ups, the TCP connection, the greeting, HELO and the TLS handshake' },
  { title: 'transmission', meaning: 'sending the envelope and the message to the next server and waiting for its reply' },
];

export const mailLogFieldFacts: readonly MailLogFieldFact[] = [
  { token: 'to=', system: 'postfix', title: 'Recipient', meaning: 'The recipient this delivery attempt was for (after alias and virtual rewriting).', source: POSTFIX_LOGGING },
  { token: 'orig_to=', system: 'postfix', title: 'Original recipient', meaning: 'The recipient as the sender gave it, before aliases, virtual maps or forwarding changed it.', source: POSTFIX_LOGGING },
  { token: 'relay=', system: 'postfix', title: 'Next hop', meaning: 'Where Postfix handed the message: a remote host as name[address]:port, a local transport (local, virtual, a pipe command), or none when no server could be reached.', source: POSTFIX_LOGGING },
  { token: 'delay=', system: 'postfix', title: 'Total delay', meaning: 'Seconds from the message\'s arrival in the queue to the end of this attempt.', source: POSTFIX_LOGGING },
  { token: 'delays=', system: 'postfix', title: 'Delay breakdown', meaning: 'The total delay split into four parts, in seconds: before the queue manager / in the queue manager / connection set-up / transmission.', source: POSTFIX_LOGGING },
  { token: 'dsn=', system: 'postfix', title: 'Enhanced status code', meaning: 'The RFC 3463 code Postfix gives this attempt: 2.x.x delivered, 4.x.x temporary (it will retry), 5.x.x permanent (it returns the message).', source: POSTFIX_LOGGING },
  { token: 'status=', system: 'postfix', title: 'Outcome of the attempt', meaning: 'sent: handed over; deferred: a temporary failure, the message stays queued and is retried; bounced: a permanent failure, a non-delivery notification goes back to the sender; expired: retried until maximal_queue_lifetime (5 days by default) and then returned to the sender.', source: POSTFIX_LOGGING },
  { token: 'from=', system: 'postfix', title: 'Envelope sender', meaning: 'The MAIL FROM address; <> is the null sender of bounces and other notifications.', source: POSTFIX_LOGGING },
  { token: 'size=', system: 'postfix', title: 'Size', meaning: 'The message size in bytes as queued.', source: POSTFIX_LOGGING },
  { token: 'nrcpt=', system: 'postfix', title: 'Recipient count', meaning: 'How many recipients the queue file holds for this message.', source: POSTFIX_LOGGING },
  { token: 'message-id=', system: 'postfix', title: 'Message-ID', meaning: 'The Message-ID header cleanup found (or added); the same message keeps it across servers.', source: POSTFIX_LOGGING },
  { token: 'client=', system: 'postfix', title: 'Client', meaning: 'The server or program that handed the message over: name[address].', source: POSTFIX_LOGGING },
  { token: '<=', system: 'exim', title: 'Message arrival', meaning: 'A message was received and queued; the address after it is the envelope sender (<> for a bounce).', source: EXIM_SPEC },
  { token: '=>', system: 'exim', title: 'Normal delivery', meaning: 'The message was delivered to this address.', source: EXIM_SPEC },
  { token: '->', system: 'exim', title: 'Additional address', meaning: 'Delivered to a further address in the same delivery as the line before.', source: EXIM_SPEC },
  { token: '*>', system: 'exim', title: 'Delivery suppressed', meaning: 'The delivery was not actually made (the -N option or a test run).', source: EXIM_SPEC },
  { token: '**', system: 'exim', title: 'Delivery failed', meaning: 'A permanent failure for this address: Exim will not try again and sends a bounce to the sender.', source: EXIM_SPEC },
  { token: '==', system: 'exim', title: 'Delivery deferred', meaning: 'A temporary failure: the address stays queued and is retried by the retry rules.', source: EXIM_SPEC },
  { token: 'Completed', system: 'exim', title: 'Message completed', meaning: 'Every address is done (delivered or failed); the message has left the queue.', source: EXIM_SPEC },
  { token: 'H=', system: 'exim', title: 'Host', meaning: 'The remote host: its name, the HELO name in parentheses when it differs, and its address in brackets.', source: EXIM_SPEC },
  { token: 'P=', system: 'exim', title: 'Protocol', meaning: 'How the message came in (smtp, esmtp, esmtps with TLS, esmtpa or esmtpsa when authenticated, local); on a delivery line, the envelope sender used.', source: EXIM_SPEC },
  { token: 'S=', system: 'exim', title: 'Size', meaning: 'The message size in bytes.', source: EXIM_SPEC },
  { token: 'R=', system: 'exim', title: 'Router or bounce reference', meaning: 'On a delivery line, the router that chose the route; on the arrival of a bounce (<= <>), the id of the message the bounce is about.', source: EXIM_SPEC },
  { token: 'T=', system: 'exim', title: 'Transport', meaning: 'On a delivery line, the transport that made the delivery (remote_smtp, local_delivery); on an arrival line with log_selector +subject, the subject.', source: EXIM_SPEC },
  { token: 'X=', system: 'exim', title: 'TLS cipher', meaning: 'The TLS version and cipher suite of the connection.', source: EXIM_SPEC },
  { token: 'CV=', system: 'exim', title: 'Certificate verified', meaning: 'Whether the peer\'s TLS certificate was verified: yes, no, or dane when DANE (TLSA records) validated it.', source: EXIM_SPEC },
  { token: 'A=', system: 'exim', title: 'Authenticator', meaning: 'The authenticator (and the authenticated id) the client or the server used.', source: EXIM_SPEC },
  { token: 'C=', system: 'exim', title: 'Confirmation', meaning: 'The remote server\'s reply to the message data, as it confirmed the delivery.', source: EXIM_SPEC },
  { token: 'U=', system: 'exim', title: 'Local user', meaning: 'The local user that submitted the message.', source: EXIM_SPEC },
  { token: 'F=', system: 'exim', title: 'Envelope sender', meaning: 'The sender address given in MAIL FROM, on reject and delivery lines.', source: EXIM_SPEC },
  { token: 'id=', system: 'exim', title: 'Message-ID', meaning: 'The Message-ID header of the arriving message.', source: EXIM_SPEC },
  { token: 'stat=', system: 'sendmail', title: 'Delivery status', meaning: 'Sent when delivered; Deferred with the reason when it will be retried; any other text is a permanent failure.', source: SENDMAIL_OPS },
  { token: 'dsn=', system: 'sendmail', title: 'Enhanced status code', meaning: 'The RFC 3463 code of the attempt.', source: SENDMAIL_OPS },
  { token: 'relay=', system: 'sendmail', title: 'Relay', meaning: 'On a from= line the host that sent the message, on a to= line the host it went to.', source: SENDMAIL_OPS },
  { token: 'delay=', system: 'sendmail', title: 'Total delay', meaning: 'Time from the message\'s arrival to this attempt, as [days+]hh:mm:ss.', source: SENDMAIL_OPS },
  { token: 'xdelay=', system: 'sendmail', title: 'Transaction delay', meaning: 'Time this delivery attempt itself took, as hh:mm:ss.', source: SENDMAIL_OPS },
  { token: 'mailer=', system: 'sendmail', title: 'Mailer', meaning: 'The delivery agent used (esmtp, relay, local, a program).', source: SENDMAIL_OPS },
  { token: 'msgid=', system: 'sendmail', title: 'Message-ID', meaning: 'The Message-ID header of the message.', source: SENDMAIL_OPS },
  { token: 'nrcpts=', system: 'sendmail', title: 'Recipient count', meaning: 'How many recipients the message has.', source: SENDMAIL_OPS },
];

/** Warnings that are routine on any Internet-facing server: information, not warnings. */
export const ROUTINE_WARNINGS: readonly string[] = [
  'does not resolve to address',
  'address not listed for hostname',
  'hostname nor servname provided',
  'name or service not known',
  'non-smtp command from',
  'dnsblog reply timeout',
];
