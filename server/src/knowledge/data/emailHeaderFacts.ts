// What the headers an administrator reads in a bounce or a suspicious message mean, and the
// meaning of their values (DSN actions, Auto-Submitted values, authentication results, and the
// keys of Microsoft's anti-spam headers). Written in our own words from the RFCs and Microsoft's
// documentation of the anti-spam message headers.

export interface HeaderFact {
  /** Lower-case header name. */
  readonly name: string;
  /** The name as usually written. */
  readonly display: string;
  readonly meaning: string;
  /** What to look at, one short sentence each. */
  readonly tips?: readonly string[];
  readonly source: string;
  /** Meanings of whole values (lower case), for headers with a small set of them. */
  readonly values?: Readonly<Record<string, string>>;
}

const DSN = 'RFC 3464 (delivery status notifications)';

export const headerFacts: readonly HeaderFact[] = [
  {
    name: 'received', display: 'Received', source: 'RFC 5321 §4.4, RFC 5322 §3.6.7',
    meaning: 'Each server that accepted the message added one of these on top: which host it came from (from), which host took it (by), the protocol (with), the queue ID (id), the recipient (for) and the time after the semicolon.',
    tips: ['Read the chain from the bottom up to follow the message from its sender to its last stop.', 'A large gap between two stamps is where the message waited; clock skew between servers can make a gap negative.'],
  },
  {
    name: 'return-path', display: 'Return-Path', source: 'RFC 5321 §4.4',
    meaning: 'The envelope sender (MAIL FROM), written by the server that delivered the message. Bounces go to this address, not to From.',
    tips: ['An empty Return-Path (<>) marks a bounce or another automatic notice: it must never bounce itself.'],
  },
  {
    name: 'auto-submitted', display: 'Auto-Submitted', source: 'RFC 3834',
    meaning: 'Says whether a person or a program wrote the message, so that automatic responders do not answer one another.',
    values: {
      'no': 'Written by a person.',
      'auto-generated': 'Produced by a program on its own, not as an answer (a notification, a report).',
      'auto-replied': 'An automatic answer to a message: an out-of-office reply or a delivery status notification.',
      'auto-notified': 'A notification sent because of an earlier message (used by Sieve notify).',
    },
  },
  {
    name: 'authentication-results', display: 'Authentication-Results', source: 'RFC 8601',
    meaning: 'The receiving server\'s verdicts on the checks it ran: SPF (is the sending IP allowed for the envelope domain), DKIM (does a signature verify), DMARC (does a passing check align with the From domain), and for Microsoft 365 compauth (its combined verdict).',
    tips: ['The first item names the server that ran the checks; trust the results only from your own servers.', 'A fail for dmarc with a p=reject policy is the usual cause of 5.7.26 and 5.7.509 rejections.'],
  },
  {
    name: 'arc-authentication-results', display: 'ARC-Authentication-Results', source: 'RFC 8617',
    meaning: 'A copy of the authentication verdicts an intermediary (a mailing list, a forwarding service) saw, sealed so that later servers can trust them after the message was changed on the way.',
    tips: ['i= numbers the intermediaries in order; i=1 is the first one.'],
  },
  {
    name: 'arc-seal', display: 'ARC-Seal', source: 'RFC 8617',
    meaning: 'An intermediary\'s signature over the ARC headers so far; cv= says whether the chain it received was valid (none for the first, pass or fail later).',
  },
  {
    name: 'arc-message-signature', display: 'ARC-Message-Signature', source: 'RFC 8617',
    meaning: 'A DKIM-like signature of the message as the intermediary passed it on, numbered with i=.',
  },
  {
    name: 'received-spf', display: 'Received-SPF', source: 'RFC 7208 §9.1',
    meaning: 'The SPF verdict for the connecting IP and the envelope sender, with the details of the check in the comment and key=value pairs.',
  },
  {
    name: 'dkim-signature', display: 'DKIM-Signature', source: 'RFC 6376',
    meaning: 'A signature by the domain in d= over the headers listed in h= and the body hash in bh=. The public key is published in DNS at <s>._domainkey.<d> (TXT record).',
    tips: ['Look the key up with nslookup -type=txt selector._domainkey.example.com.', 'For DMARC, d= must match the From domain (or its organisational domain).'],
  },
  {
    name: 'x-failed-recipients', display: 'X-Failed-Recipients', source: 'Exim',
    meaning: 'Exim lists the recipients that failed in this header of its bounce.',
  },
  {
    name: 'x-ms-exchange-organization-scl', display: 'X-MS-Exchange-Organization-SCL', source: 'Microsoft anti-spam message headers',
    meaning: 'The spam confidence level Exchange or Exchange Online gave the message: -1 means filtering was skipped (a trusted or internal sender), 0 and 1 not spam, 5 and 6 spam, 8 and 9 high-confidence spam.',
  },
  {
    name: 'x-ms-exchange-organization-authas', display: 'X-MS-Exchange-Organization-AuthAs', source: 'Microsoft Exchange transport headers',
    meaning: 'How the sender was authenticated when Exchange received the message.',
    values: {
      'anonymous': 'Not authenticated: the message came in from the internet or an anonymous connector.',
      'internal': 'Authenticated as a sender inside the organisation.',
      'partner': 'Authenticated as a partner over a domain-secured (mutual TLS) connector.',
    },
  },
  {
    name: 'x-ms-exchange-organization-authsource', display: 'X-MS-Exchange-Organization-AuthSource', source: 'Microsoft Exchange transport headers',
    meaning: 'The Exchange server that authenticated the sender (the first server of the organisation to take the message).',
  },
  {
    name: 'x-forefront-antispam-report', display: 'X-Forefront-Antispam-Report', source: 'Microsoft anti-spam message headers',
    meaning: 'Exchange Online Protection\'s filtering record for the message, as KEY:value pairs separated by semicolons. Hover a key for its meaning.',
  },
  {
    name: 'x-microsoft-antispam', display: 'X-Microsoft-Antispam', source: 'Microsoft anti-spam message headers',
    meaning: 'More of Exchange Online Protection\'s filtering record; BCL is the bulk complaint level (hover it).',
  },
  // The delivery status notification fields (message/delivery-status parts).
  { name: 'reporting-mta', display: 'Reporting-MTA', source: DSN, meaning: 'The server that wrote this delivery report.' },
  { name: 'received-from-mta', display: 'Received-From-MTA', source: DSN, meaning: 'The server the reporting server received the original message from.' },
  { name: 'arrival-date', display: 'Arrival-Date', source: DSN, meaning: 'When the reporting server received the original message.' },
  { name: 'original-envelope-id', display: 'Original-Envelope-Id', source: DSN, meaning: 'The envelope ID the sender gave with ENVID, for matching the report to the message it sent.' },
  { name: 'final-recipient', display: 'Final-Recipient', source: DSN, meaning: 'The recipient this group of fields is about, as the reporting server finally tried it (after aliases and forwarding).' },
  { name: 'original-recipient', display: 'Original-Recipient', source: DSN, meaning: 'The recipient as the sender gave it (RCPT TO ... ORCPT), before any rewriting.' },
  {
    name: 'action', display: 'Action', source: DSN, meaning: 'What happened to the message for this recipient.',
    values: {
      'failed': 'Delivery failed and will not be retried: the message did not reach this recipient.',
      'delayed': 'Not delivered yet; the server keeps retrying until Will-Retry-Until or its queue expiry.',
      'delivered': 'Delivered to the recipient\'s mailbox (reported because a delivery notification was requested).',
      'relayed': 'Passed on to a system that sends no delivery reports, so nothing more will be heard.',
      'expanded': 'Delivered to a list or alias and passed on to its members.',
    },
  },
  { name: 'status', display: 'Status', source: DSN, meaning: 'The enhanced status code (RFC 3463) for this recipient: class.subject.detail. Hover the code for its meaning.' },
  { name: 'remote-mta', display: 'Remote-MTA', source: DSN, meaning: 'The server that answered with the Diagnostic-Code: usually the recipient\'s mail server.' },
  { name: 'diagnostic-code', display: 'Diagnostic-Code', source: DSN, meaning: 'The remote server\'s own reply, word for word ("smtp;" then the reply code and text). It usually says more than Status.' },
  { name: 'last-attempt-date', display: 'Last-Attempt-Date', source: DSN, meaning: 'When the reporting server last tried to deliver to this recipient.' },
  { name: 'will-retry-until', display: 'Will-Retry-Until', source: DSN, meaning: 'For a delayed message: when the server gives up and sends a failure report instead.' },
  { name: 'final-log-id', display: 'Final-Log-ID', source: DSN, meaning: 'The reporting server\'s log or queue ID for this delivery attempt, to find it in its logs.' },
];

export interface AntispamKeyFact {
  readonly key: string;
  readonly meaning: string;
  /** Meanings of specific values, upper case. */
  readonly values?: Readonly<Record<string, string>>;
}

/** Keys of X-Forefront-Antispam-Report (and X-Microsoft-Antispam), upper case. */
export const antispamKeys: readonly AntispamKeyFact[] = [
  { key: 'CIP', meaning: 'The connecting IP address: the server that handed the message to Exchange Online.' },
  { key: 'CTRY', meaning: 'The country the connecting IP address is located in, as a two-letter code.' },
  { key: 'LANG', meaning: 'The language the message was detected to be written in.' },
  { key: 'PTR', meaning: 'The reverse DNS (PTR) name of the connecting IP address; empty when it has none.' },
  {
    key: 'CAT', meaning: 'The protection category that applied to the message (when several matched, the highest-priority one).',
    values: {
      BULK: 'bulk mail', DIMP: 'domain impersonation', GIMP: 'impersonation detected by mailbox intelligence', HPHSH: 'high-confidence phishing',
      HPHISH: 'high-confidence phishing', HSPM: 'high-confidence spam', MALW: 'malware', PHSH: 'phishing', SPM: 'spam', SPOOF: 'spoofed sender',
      UIMP: 'user impersonation', AMP: 'anti-malware', SAP: 'Safe Attachments', FTBP: 'blocked file type', INTOS: 'phishing inside the organisation',
      OSPM: 'outbound spam', NONE: 'no category matched',
    },
  },
  {
    key: 'IPV', meaning: 'What the connection filter concluded about the connecting IP.',
    values: { CAL: 'the IP is on an allow list, so spam filtering was skipped', NLI: 'the IP is on no reputation list' },
  },
  { key: 'SFTY', meaning: 'A safety tip category: the message was flagged as phishing or impersonation (values such as 9.19 for domain impersonation and 9.20 for user impersonation).' },
  {
    key: 'SRV', meaning: 'A service verdict; SRV:BULK means the message was marked as bulk mail because its BCL reached the policy threshold.',
    values: { BULK: 'marked as bulk mail: its bulk complaint level reached the threshold of the anti-spam policy' },
  },
  { key: 'SFS', meaning: 'The IDs of the spam filter rules that matched, for Microsoft support; they are not documented publicly.' },
  { key: 'H', meaning: 'The HELO/EHLO name the connecting server announced.' },
  {
    key: 'SFV', meaning: 'The spam filtering verdict.',
    values: {
      BLK: 'filtering was skipped and the message blocked: the sender is on the recipient\'s blocked senders list',
      NSPM: 'not spam: the message went to the recipient',
      SFE: 'filtering was skipped: the sender is on the recipient\'s safe senders list',
      SKA: 'filtering was skipped: the sender is on an allowed senders or domains list of the anti-spam policy',
      SKB: 'marked as spam: the sender is on a blocked senders or domains list of the anti-spam policy',
      SKI: 'filtering was skipped: an internal message within the organisation',
      SKN: 'marked as not spam before filtering, for example by a mail flow rule',
      SKQ: 'released from the quarantine to its recipients',
      SKS: 'marked as spam before filtering, for example by a mail flow rule',
      SPM: 'spam',
    },
  },
  { key: 'SCL', meaning: 'The spam confidence level: -1 filtering skipped, 0-1 not spam, 5-6 spam, 8-9 high-confidence spam.' },
  { key: 'DIR', meaning: 'The direction of the message: INB inbound, OUT outbound, INT within the organisation.' },
  { key: 'PCL', meaning: 'The phishing confidence level (a legacy score: higher means more likely phishing).' },
  { key: 'BCL', meaning: 'The bulk complaint level: 0 not bulk, 1-3 bulk with few complaints, 4-7 bulk with a mixed record, 8-9 bulk with many complaints. Messages at or above the policy\'s threshold (7 by default) are treated as bulk.' },
];

/** What authentication results mean, lower case. */
export const authResultMeanings: Readonly<Record<string, string>> = {
  pass: 'the check succeeded',
  fail: 'the check failed: the receiver may reject or quarantine the message, according to the sender\'s published policy',
  softfail: 'SPF found the IP not authorised but the domain asks only for suspicion (~all): usually accepted and marked',
  neutral: 'the domain states nothing about this IP (?all)',
  none: 'there was nothing to check (no SPF record, no DKIM signature, no DMARC record)',
  temperror: 'a temporary error (usually a DNS timeout): the check may pass later',
  permerror: 'a permanent error in the published record (bad syntax, too many DNS lookups in SPF)',
  policy: 'the signature verified but a local policy did not accept it',
  bestguesspass: 'no SPF record, but the IP matches the domain\'s A or MX records (a Microsoft guess, not a real pass)',
  hardfail: 'the check failed',
};

export const AUTH_METHODS: Readonly<Record<string, string>> = {
  spf: 'SPF: is the connecting IP allowed to send for the envelope (MAIL FROM) domain',
  dkim: 'DKIM: does a signature on the message verify with the key the signing domain publishes',
  dmarc: 'DMARC: did SPF or DKIM pass for a domain aligned with the From address, and what the From domain asks receivers to do otherwise',
  arc: 'ARC: is the chain of intermediaries\' authentication records intact',
  compauth: 'composite authentication: Microsoft 365\'s overall verdict combining SPF, DKIM, DMARC and its own signals',
  auth: 'SMTP authentication of the submitting client',
  'sender-id': 'Sender ID: a retired Microsoft variant of SPF that checked the purported responsible address',
  'dkim-atps': 'DKIM authorised third-party signatures',
  'iprev': 'reverse DNS: does the connecting IP have a PTR name that resolves back to it',
  'bimi': 'BIMI: brand logo eligibility',
};
