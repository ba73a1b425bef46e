// The fixed taxonomy of bounce reasons: what each means, whether the address itself is dead
// (a hard bounce), who has to act and what they should do. Written in our own words.

import type { Actor } from '../model';

export const BOUNCE_REASONS = [
  'userunknown', 'mailboxfull', 'hostunknown', 'filtered', 'rejected', 'blocked', 'spamdetected', 'policyviolation',
  'securityerror', 'authfailure', 'expired', 'mesgtoobig', 'norelaying', 'networkerror', 'systemerror', 'systemfull',
  'toomanyconn', 'speeding', 'suspend', 'hasmoved', 'notaccept', 'contenterror', 'virusdetected', 'syntaxerror',
  'vacation', 'delivered', 'feedback', 'undefined',
] as const;

export type BounceReason = (typeof BOUNCE_REASONS)[number];

export interface BounceReasonEntry {
  readonly reason: BounceReason;
  /** A few words, lower case, as used in a problem message: "recipient not found". */
  readonly title: string;
  /** What happened, one or two sentences. */
  readonly meaning: string;
  /** True when a permanent failure of this kind means the address will never work: stop sending to it. */
  readonly addressIsDead: boolean;
  readonly actors: readonly Actor[];
  /** The first thing to do, short, with its actor as subject: "sender checks the address". */
  readonly fix: string;
  /** Further steps for the summary. */
  readonly steps: readonly string[];
}

export const bounceReasons: Record<BounceReason, BounceReasonEntry> = {
  userunknown: {
    reason: 'userunknown', title: 'recipient not found', addressIsDead: true, actors: ['sender', 'recipient-admin'],
    meaning: 'The destination domain exists, but it has no mailbox with this address.',
    fix: 'sender checks the address',
    steps: ['Look for a typo in the local part (before the @) and ask the recipient for the right address.', 'Remove the address from lists and address books if it stays unknown.', 'If the address is known to be valid, the recipient\'s admin checks the mailbox, alias or directory sync.'],
  },
  mailboxfull: {
    reason: 'mailboxfull', title: 'mailbox full', addressIsDead: false, actors: ['recipient-admin'],
    meaning: 'The recipient\'s mailbox is over its storage quota, so new mail is refused until space is freed.',
    fix: 'recipient frees space or their admin raises the quota',
    steps: ['Tell the recipient by another channel that their mailbox is full.', 'Send again once they have cleaned up; a transient failure is retried automatically.'],
  },
  hostunknown: {
    reason: 'hostunknown', title: 'domain not found', addressIsDead: true, actors: ['sender', 'network-owner'],
    meaning: 'The part after the @ does not resolve to any mail server: the domain does not exist or has no usable DNS records.',
    fix: 'sender checks the domain spelling',
    steps: ['Check the domain for typos (gmial.com, outlok.com).', 'If the domain is right, its DNS owner must publish MX or address records (check with nslookup -type=mx or dig mx).'],
  },
  filtered: {
    reason: 'filtered', title: 'refused by the recipient\'s filter', addressIsDead: false, actors: ['recipient-admin', 'sender'],
    meaning: 'The receiving system accepted the connection but a recipient-side rule (a filter, an allow list, a disabled or restricted mailbox) refused this message.',
    fix: 'recipient\'s admin checks their filtering rules',
    steps: ['Ask the recipient whether they block senders or accept mail only from a list.', 'Their admin reviews transport rules, allow lists and mailbox restrictions.'],
  },
  rejected: {
    reason: 'rejected', title: 'sender rejected', addressIsDead: false, actors: ['sender-admin'],
    meaning: 'The receiving server refused the sender: the envelope sender address or its domain was not acceptable.',
    fix: 'sender\'s admin checks the envelope sender address and domain',
    steps: ['Make sure the MAIL FROM address exists and its domain resolves.', 'Check that the sending domain is not on the recipient\'s block list.'],
  },
  blocked: {
    reason: 'blocked', title: 'sending server blocked', addressIsDead: false, actors: ['sender-admin', 'network-owner'],
    meaning: 'The receiving server refused the connection or the sending IP address: a block list, missing reverse DNS, poor reputation or an IP-based policy.',
    fix: 'sender\'s admin checks the sending IP\'s block-list status and reverse DNS',
    steps: ['Look the sending IP up on the block list named in the reply and request removal.', 'Make sure the IP has a PTR record whose name resolves back to it.', 'If reputation is the issue, slow down and send only wanted mail.'],
  },
  spamdetected: {
    reason: 'spamdetected', title: 'judged to be spam', addressIsDead: false, actors: ['sender', 'sender-admin'],
    meaning: 'The receiving system\'s content filter classified the message as spam.',
    fix: 'sender reviews the content and links',
    steps: ['Remove links to poorly rated domains, URL shorteners and spammy wording.', 'Make sure SPF, DKIM and DMARC pass for the sending domain.'],
  },
  policyviolation: {
    reason: 'policyviolation', title: 'refused by policy', addressIsDead: false, actors: ['sender-admin', 'sender'],
    meaning: 'The message broke a policy of the receiving side (content, headers, attachments or sender rules).',
    fix: 'sender\'s admin reads the policy named in the reply',
    steps: ['Follow the link or rule name in the reply to see which policy matched.', 'Change the message or the sending practice accordingly.'],
  },
  securityerror: {
    reason: 'securityerror', title: 'security requirement not met', addressIsDead: false, actors: ['sender-admin'],
    meaning: 'The receiving server requires something the sender did not provide: SMTP authentication, TLS, or a certificate it trusts.',
    fix: 'sender\'s admin enables authentication or TLS on the sending connector',
    steps: ['Authenticate before sending, or send through the server that is meant to relay for you.', 'Check TLS settings and certificates on both sides.'],
  },
  authfailure: {
    reason: 'authfailure', title: 'SPF, DKIM or DMARC failed', addressIsDead: false, actors: ['sender-admin'],
    meaning: 'The receiving server could not verify that the sending domain authorised this message: SPF, DKIM or DMARC failed.',
    fix: 'sender\'s admin fixes SPF, DKIM or DMARC for the sending domain',
    steps: ['Add every sending IP or service to the SPF record (check with nslookup -type=txt).', 'Sign with DKIM using the From domain, and publish the key.', 'Check the DMARC record\'s alignment and policy.'],
  },
  expired: {
    reason: 'expired', title: 'delivery timed out', addressIsDead: false, actors: ['network-owner', 'recipient-admin'],
    meaning: 'The sending server kept retrying but could not deliver before the message expired from its queue.',
    fix: 'recipient\'s admin checks that their mail servers accept connections',
    steps: ['Check the destination\'s MX records and that port 25 on them answers.', 'Look at the last error the sending server logged for the real cause.'],
  },
  mesgtoobig: {
    reason: 'mesgtoobig', title: 'message too large', addressIsDead: false, actors: ['sender'],
    meaning: 'The message is larger than the receiving side allows (for this server or this recipient).',
    fix: 'sender sends a smaller message or shares a link instead of attachments',
    steps: ['Compress or remove attachments; base64 adds about a third to their size.', 'Ask the recipient\'s admin about their size limit.'],
  },
  norelaying: {
    reason: 'norelaying', title: 'relaying refused', addressIsDead: false, actors: ['sender-admin'],
    meaning: 'The server was asked to pass the message on to another domain and refused, because it does not relay for this sender.',
    fix: 'sender\'s admin sends through the right server or authenticates first',
    steps: ['Check the outbound smart host or connector, and that the client authenticates.', 'Check that the recipient domain is configured as accepted on the receiving side.'],
  },
  networkerror: {
    reason: 'networkerror', title: 'network or routing problem', addressIsDead: false, actors: ['network-owner'],
    meaning: 'Delivery failed on the way: DNS lookups failed, the connection broke, or the message looped between servers.',
    fix: 'network/DNS owner checks DNS and routing between the servers',
    steps: ['Check the MX and address records of the destination.', 'Look for mail loops (the same server in several Received headers).'],
  },
  systemerror: {
    reason: 'systemerror', title: 'error on the receiving system', addressIsDead: false, actors: ['recipient-admin'],
    meaning: 'The receiving system had an internal problem (a local delivery agent, a store or a configuration error).',
    fix: 'recipient\'s admin checks their server logs',
    steps: ['Send again later; if it keeps failing, contact the recipient\'s admin with the error text.'],
  },
  systemfull: {
    reason: 'systemfull', title: 'receiving system out of space', addressIsDead: false, actors: ['recipient-admin'],
    meaning: 'The receiving server has no room to store mail (disk or queue full).',
    fix: 'recipient\'s admin frees disk space',
    steps: ['Send again later; the sending server retries on its own while the failure is transient.'],
  },
  toomanyconn: {
    reason: 'toomanyconn', title: 'too many connections or recipients', addressIsDead: false, actors: ['sender-admin'],
    meaning: 'The sending server opened too many connections, or sent to too many recipients in one go, for the receiving server\'s limits.',
    fix: 'sender\'s admin lowers concurrency or recipients per message',
    steps: ['Reduce simultaneous connections and recipients per message to that destination.'],
  },
  speeding: {
    reason: 'speeding', title: 'rate limited', addressIsDead: false, actors: ['sender-admin'],
    meaning: 'The sender sent too much mail too fast, and the receiving side is throttling it.',
    fix: 'sender\'s admin slows the sending rate',
    steps: ['Spread the mail over time and check for a compromised account sending in bulk.'],
  },
  suspend: {
    reason: 'suspend', title: 'mailbox disabled', addressIsDead: false, actors: ['sender', 'recipient-admin'],
    meaning: 'The mailbox exists but is disabled, suspended or inactive, so it takes no mail.',
    fix: 'sender contacts the recipient another way',
    steps: ['Stop sending to the address if it stays disabled.', 'The recipient\'s admin can re-enable the account if it should be active.'],
  },
  hasmoved: {
    reason: 'hasmoved', title: 'recipient has moved', addressIsDead: true, actors: ['sender'],
    meaning: 'The recipient no longer receives mail at this address; the reply may give the new one.',
    fix: 'sender updates the address',
    steps: ['Use the forwarding address in the reply, if there is one.'],
  },
  notaccept: {
    reason: 'notaccept', title: 'domain accepts no mail', addressIsDead: true, actors: ['sender', 'network-owner'],
    meaning: 'The destination domain says it takes no mail at all (a null MX, no MX, or a server that refuses all mail).',
    fix: 'sender checks the domain; its DNS owner publishes an MX record if mail is expected',
    steps: ['Check the domain\'s MX records (nslookup -type=mx).'],
  },
  contenterror: {
    reason: 'contenterror', title: 'malformed message', addressIsDead: false, actors: ['sender-admin'],
    meaning: 'The message is not well formed for the receiving server: invalid or duplicate headers, bad encoding or non-RFC 5322 content.',
    fix: 'sender\'s admin fixes the sending application\'s message format',
    steps: ['Check headers for duplicates (several From or Date fields), 8-bit data in headers and line lengths.'],
  },
  virusdetected: {
    reason: 'virusdetected', title: 'virus found', addressIsDead: false, actors: ['sender'],
    meaning: 'The receiving side found malware in the message.',
    fix: 'sender scans and removes the infected attachment',
    steps: ['Scan the sending computer; do not resend the same attachment.'],
  },
  syntaxerror: {
    reason: 'syntaxerror', title: 'SMTP protocol error', addressIsDead: false, actors: ['sender-admin'],
    meaning: 'The sending server spoke SMTP in a way the receiving server did not accept (bad command, order or syntax).',
    fix: 'sender\'s admin checks the sending software',
    steps: ['Look at the SMTP session in the sending server\'s protocol log.'],
  },
  vacation: {
    reason: 'vacation', title: 'automatic reply', addressIsDead: false, actors: [],
    meaning: 'An out-of-office or other automatic answer. The message was delivered.',
    fix: 'nothing: the message was delivered',
    steps: [],
  },
  delivered: {
    reason: 'delivered', title: 'delivered', addressIsDead: false, actors: [],
    meaning: 'The report says the message was delivered (or relayed) successfully.',
    fix: 'nothing to do',
    steps: [],
  },
  feedback: {
    reason: 'feedback', title: 'complaint or feedback report', addressIsDead: false, actors: ['sender-admin'],
    meaning: 'A feedback report (ARF): a recipient marked the message as spam or asked to be removed. The message was delivered.',
    fix: 'sender\'s admin removes the complaining address from the list',
    steps: ['Stop sending to addresses that complain, and review how they were subscribed.'],
  },
  undefined: {
    reason: 'undefined', title: 'reason not recognised', addressIsDead: false, actors: ['sender-admin'],
    meaning: 'The report does not say clearly why delivery failed.',
    fix: 'sender\'s admin reads the diagnostic text and the sending server\'s logs',
    steps: ['Use the reply code and the diagnostic text below, and the sending server\'s log for this recipient.'],
  },
};
