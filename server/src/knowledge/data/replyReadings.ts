// Readings a reply chooses by itself: a provider's own codes inside its replies (Outlook.com's
// S3150, Yahoo's TSS04, Gmail's 4.7.28), block lists named in a reply, and the words that pick
// between a product's reading of a code and the RFC's. Codes, list names, the short quoted
// fragments and the delisting addresses are facts from the sources named; every sentence is our own.

import type { ReadingChoiceEntry, ReplyReadingEntry } from '../model';

const GOOGLE_SMTP_ERRORS = 'Google Workspace Admin Help: SMTP error reference (support.google.com/a/answer/3726730)';
const GOOGLE_SENDERS = 'Google: email sender guidelines (support.google.com/a/answer/81126)';
const YAHOO_ERRORS = 'Yahoo Sender Hub: SMTP error codes (senders.yahooinc.com/smtp-error-codes)';
const OUTLOOK_COM = 'Microsoft: Outlook.com postmaster and sender support (sendersupport.olc.protection.outlook.com)';
const SISIMAI_PATTERNS = 'Sisimai 5 rhost patterns (shared/reference)';
const MS_NDR = 'Exchange Online NDR reference';

export const replyReadings: readonly ReplyReadingEntry[] = [
  {
    id: 'outlook-com-network-block', name: 'Outlook.com S3140 / S3150',
    // The code in parentheses is Outlook.com's own mark; its replies also name Microsoft 365's shared servers, so no writer is required.
    phrases: ['(s3150)', '(s3140)'],
    addressFine: true,
    act: 'sender\'s admin asks Outlook.com\'s sender support to lift the block',
    title: 'Outlook.com blocks the sending network',
    meaning: 'Consumer Outlook.com (Hotmail, Live, MSN) refuses mail from the sending IP address because the network it belongs to is on Microsoft\'s own block list. '
      + 'Nothing is wrong with the recipient\'s address, and the same message from another network would be taken.',
    causes: [
      'The sending IP, or addresses near it, sent mail Outlook.com users reported as junk.',
      'The IP belongs to a range Microsoft treats as unfit for direct sending (dynamic or residential addresses, a new or shared hosting range).',
    ],
    fixes: [
      'Send the delisting request with the IP and the full reply through Outlook.com\'s sender support form.',
      'Register the IP with Smart Network Data Services (SNDS) and the Junk Mail Reporting Program to see how Microsoft rates it.',
      'Until the block is lifted, relay mail for Outlook.com addresses through a smart host with a good reputation.',
    ],
    actors: ['sender-admin', 'network-owner'],
    sources: [OUTLOOK_COM, SISIMAI_PATTERNS],
  },
  {
    id: 'outlook-com-authentication-level', name: 'Outlook.com 5.7.515',
    codes: ['5.7.515'], writers: ['outlook-com', 'microsoft'], addressFine: true,
    act: 'sender\'s admin makes SPF, DKIM and DMARC pass for the From domain',
    title: 'Sender domain below Outlook.com\'s authentication level',
    meaning: 'Outlook.com requires domains that send it large volumes (about 5,000 messages a day or more) to pass SPF and DKIM, publish DMARC and align with the From domain. '
      + 'This message\'s From domain did not, so it was refused for good; the recipient\'s address is fine.',
    causes: [
      'No DMARC record for the From domain.',
      'SPF or DKIM fails, or passes only for a domain other than the From domain (a newsletter or CRM service sending in the domain\'s name).',
    ],
    fixes: [
      'Publish a DMARC record for the domain (p=none is enough to begin with): Resolve-DnsName _dmarc.domain -Type TXT.',
      'Make SPF include every service that sends as the domain and sign with DKIM for the From domain itself.',
      'Send a test to an Outlook.com mailbox and read Authentication-Results for spf, dkim and dmarc pass.',
    ],
    actors: ['sender-admin'],
    sources: ['Microsoft: fix NDR error 550 5.7.515 in Outlook.com', 'Microsoft: Outlook\'s requirements for high-volume senders (2025)'],
  },
  {
    id: 'yahoo-tss04', name: 'Yahoo TSS04',
    phrases: ['[tss04]', 'deferred due to unexpected volume or user complaints'],
    writers: ['yahoo'], addressFine: true,
    act: 'sender\'s admin slows down to Yahoo and looks at complaint rates; the retries continue',
    title: 'Yahoo defers mail for its volume or complaints',
    meaning: 'Yahoo (and AOL) put off mail from this IP for now because the volume looks unusual or its users marked recent mail as spam. '
      + 'It is a deferral: the sending server retries, and the recipient\'s address is fine.',
    causes: [
      'A sudden rise in volume from the IP, such as a campaign or a new IP without history.',
      'Complaints from Yahoo users about mail from the IP or the domain.',
    ],
    fixes: [
      'Let the queue retry at a lower rate: fewer connections and messages per connection to Yahoo.',
      'Check complaint rates through Yahoo\'s Complaint Feedback Loop and remove recipients who complain.',
      'Warm up new IPs slowly and make sure SPF, DKIM and DMARC pass.',
    ],
    actors: ['sender-admin'],
    sources: [YAHOO_ERRORS, SISIMAI_PATTERNS],
  },
  {
    id: 'yahoo-tss09', name: 'Yahoo TSS09',
    phrases: ['[tss09]', 'will be permanently deferred'],
    writers: ['yahoo'], addressFine: true,
    act: 'sender\'s admin fixes the sending practice and asks Yahoo\'s sender support for review',
    title: 'Yahoo refuses all mail from the IP',
    meaning: 'Yahoo refuses every message from this IP until further notice, because of its reputation; retrying will not help. '
      + 'The block is on the sender, not on the recipient\'s address.',
    causes: [
      'Long-standing complaints, spam traps or unknown recipients in mail from the IP.',
      'The IP is listed by a block list Yahoo uses, or failed authentication repeatedly.',
    ],
    fixes: [
      'Stop sending to Yahoo from the IP and clean the lists (unknown and inactive addresses, complainers).',
      'Open a ticket with Yahoo\'s sender support once the cause is fixed.',
    ],
    actors: ['sender-admin'],
    sources: [YAHOO_ERRORS, SISIMAI_PATTERNS],
  },
  {
    id: 'yahoo-tss11', name: 'Yahoo TSS11',
    phrases: ['[tss11]', 'excessive unknown recipients'],
    writers: ['yahoo'], addressFine: true,
    act: 'sender\'s admin removes unknown addresses from the lists',
    title: 'Yahoo defers mail for too many unknown recipients',
    meaning: 'Recent mail from this IP went to many Yahoo addresses that do not exist, a sign of an old or bought list, so Yahoo puts off further mail. '
      + 'The address in this reply may well be valid.',
    causes: ['Lists not cleaned of addresses that bounced as unknown.', 'Guessed or purchased addresses.'],
    fixes: ['Suppress every address that bounced as unknown and send only to confirmed subscribers.', 'Let the queue retry at a lower rate.'],
    actors: ['sender-admin'],
    sources: [YAHOO_ERRORS],
  },
  {
    id: 'gmail-rate-limit', name: 'Gmail 4.7.28 / 5.7.28',
    codes: ['4.7.28', '5.7.28'], writers: ['gmail'], addressFine: true,
    act: 'sender\'s admin lowers the rate to Gmail and checks Postmaster Tools',
    title: 'Gmail limits an unusual rate of mail',
    meaning: 'Gmail saw an unusual rate of mail, or of unwanted mail, from the sending IP or DKIM domain, and limits it: 4.7.28 defers for now, 5.7.28 refuses. '
      + 'The recipient\'s address is fine.',
    causes: [
      'A burst of mail from a new IP or domain without sending history.',
      'Recipients marking the mail as spam, or mail to many unknown Gmail addresses.',
    ],
    fixes: [
      'Slow down to Gmail and spread campaigns over time; let 4.7.28 retries run.',
      'Check the spam rate and IP and domain reputation in Google Postmaster Tools.',
      'Make sure the mail is authenticated and has one-click unsubscribe, as Google\'s sender guidelines require.',
    ],
    actors: ['sender-admin'],
    sources: [GOOGLE_SMTP_ERRORS, GOOGLE_SENDERS],
  },
  {
    id: 'gmail-unauthenticated', name: 'Gmail 5.7.26',
    codes: ['4.7.26', '5.7.26'], writers: ['gmail'], addressFine: true,
    act: 'sender\'s admin makes SPF or DKIM pass, and DMARC where the domain publishes it',
    title: 'Gmail refuses unauthenticated mail',
    meaning: 'Gmail requires every sender to pass SPF or DKIM, and the From domain\'s DMARC policy where it has one. '
      + 'This message passed neither, or failed a DMARC policy of reject, so it was refused; the recipient\'s address is fine.',
    causes: [
      'The sending server is not in the domain\'s SPF record and the message is not DKIM signed.',
      'DMARC fails: SPF and DKIM pass only for domains other than the From domain.',
    ],
    fixes: [
      'Add the sending service to SPF and sign with DKIM for the From domain.',
      'Check the published records: Resolve-DnsName domain -Type TXT and Resolve-DnsName _dmarc.domain -Type TXT.',
    ],
    actors: ['sender-admin'],
    sources: [GOOGLE_SMTP_ERRORS, GOOGLE_SENDERS],
  },
  {
    id: 'tls-required', name: 'TLS required',
    phrases: ['tls required for rcpt domain', 'must issue a starttls command first', 'starttls is required'],
    addressFine: true,
    act: 'sender\'s admin turns on STARTTLS for this destination',
    title: 'The receiving side requires TLS',
    meaning: 'The receiving server, or the recipient\'s domain, accepts mail only over an encrypted (STARTTLS) connection, and this one was not encrypted. '
      + 'As 421 4.7.0 it is a deferral and the retries continue; the recipient\'s address is fine.',
    causes: [
      'The sending server does not offer STARTTLS, or falls back to plain text after a TLS error.',
      'The recipient\'s admin requires TLS from all senders or from this sender (a Google Workspace or connector setting).',
    ],
    fixes: [
      'Enable opportunistic TLS: Postfix smtp_tls_security_level = may; in Exchange check Get-SendConnector | fl RequireTLS,TlsAuthLevel.',
      'Test the handshake: openssl s_client -starttls smtp -connect mx-host:25.',
    ],
    actors: ['sender-admin'],
    sources: [GOOGLE_SMTP_ERRORS, 'RFC 3207', SISIMAI_PATTERNS],
  },
  {
    id: 'spamhaus', name: 'Spamhaus block list',
    phrases: ['spamhaus'],
    addressFine: true,
    act: 'sender\'s admin looks the IP up at check.spamhaus.org and requests removal',
    title: 'Sending IP or domain listed by Spamhaus',
    meaning: 'The receiving server checked the sending IP (or a domain in the message) against Spamhaus\'s block lists, found it listed and refused the mail. '
      + 'The reply is about the sender\'s server: the recipient\'s address is fine, and the sender\'s side must act.',
    causes: [
      'SBL or CSS: the IP sent spam or sits in a range run by spammers.',
      'XBL: a machine behind the IP is infected or an open proxy.',
      'PBL: the IP is a dynamic or end-user address that should not send mail directly.',
      'DBL: a domain in the message (sender, links) is listed.',
    ],
    fixes: [
      'Look the IP or domain up at check.spamhaus.org; the result names the list and the removal steps.',
      'Fix the cause first (infected machine, compromised account, open relay); an XBL or CSS listing then expires or can be removed there.',
      'A PBL listing is lifted by the network owner, or the server sends through its provider\'s smart host.',
    ],
    actors: ['sender-admin', 'network-owner'],
    sources: ['Spamhaus: IP and domain reputation checker (check.spamhaus.org)', SISIMAI_PATTERNS],
  },
  {
    id: 'barracuda', name: 'Barracuda Reputation Block List',
    phrases: ['barracudacentral', 'barracuda reputation', 'b.barracudacentral.org', 'blocked using barracuda'],
    addressFine: true,
    act: 'sender\'s admin requests removal at barracudacentral.org',
    title: 'Sending IP listed by the Barracuda Reputation Block List',
    meaning: 'The receiving server uses Barracuda\'s reputation list (BRBL), which lists the sending IP, and refused the mail. The recipient\'s address is fine.',
    causes: ['Spam or a spam-trap hit from the IP.', 'An IP without reverse DNS, or one that changed hands with a poor history.'],
    fixes: [
      'Check the IP and file a removal request on barracudacentral.org (the request asks for a contact address and the reason).',
      'Give the IP a reverse DNS name that resolves back to it before asking.',
    ],
    actors: ['sender-admin'],
    sources: ['Barracuda Central: reputation lookup and removal request (barracudacentral.org/rbl)'],
  },
  {
    id: 'spamcop', name: 'SpamCop block list',
    phrases: ['spamcop'],
    addressFine: true,
    act: 'sender\'s admin stops the reported mail; the SpamCop listing then expires by itself',
    title: 'Sending IP listed by SpamCop',
    meaning: 'The receiving server uses the SpamCop block list, which lists the sending IP because its users reported mail from it or it hit spam traps. '
      + 'The recipient\'s address is fine.',
    causes: ['Mail from the IP reported as spam by SpamCop users.', 'Mail sent to SpamCop\'s spam traps (often old or bought lists, or bounces to forged senders).'],
    fixes: [
      'Look the IP up on spamcop.net/bl.shtml to see why it is listed.',
      'Stop the mail that was reported; SpamCop drops the listing on its own once reports stop (about a day).',
    ],
    actors: ['sender-admin'],
    sources: ['SpamCop: blocking list lookup and FAQ (spamcop.net/bl.shtml)'],
  },
  {
    id: 'uceprotect', name: 'UCEPROTECT block list',
    phrases: ['uceprotect'],
    addressFine: true,
    act: 'sender\'s admin checks which UCEPROTECT level lists the IP; levels 2 and 3 are the network owner\'s to fix',
    title: 'Sending IP or its network listed by UCEPROTECT',
    meaning: 'The receiving server uses UCEPROTECT\'s lists: level 1 lists the IP itself, level 2 its provider\'s allocation and level 3 the whole network (ASN). '
      + 'The recipient\'s address is fine; at level 2 or 3 the fault may lie with neighbours on the same network.',
    causes: ['Level 1: spam or spam-trap hits from the IP.', 'Levels 2 and 3: too many listed IPs in the same range or network.'],
    fixes: [
      'Look the IP up on uceprotect.net to see the level.',
      'Level 1 expires by itself some days after the spam stops; levels 2 and 3 need the network owner to act, or a smart host on another network.',
    ],
    actors: ['sender-admin', 'network-owner'],
    sources: ['UCEPROTECT: listing levels and removal policy (uceprotect.net)'],
  },
  {
    id: 'exchange-quota-exceeded', name: 'Exchange QuotaExceededException',
    phrases: ['quotaexceededexception', 'mapiexceptionshutoffquotaexceeded'],
    writers: ['exchange-online', 'exchange-server', 'microsoft'], permanence: 'permanent',
    act: 'recipient frees space or their admin raises the quota',
    title: 'Recipient mailbox over its quota (Exchange store)',
    meaning: 'The Exchange mailbox store refused to write the message because the recipient\'s mailbox, its Recoverable Items or the public folder is over its quota. '
      + 'A non-delivery report with it is final for this message; the address itself works once space is freed.',
    causes: [
      'The mailbox reached its ProhibitSendReceiveQuota.',
      'Recoverable Items is full on a mailbox under hold.',
      'A mail-enabled public folder over its quota (Exchange Online answers 554 5.2.2 mailbox full).',
    ],
    fixes: [
      'Compare Get-MailboxStatistics user | fl TotalItemSize,TotalDeletedItemSize with Get-Mailbox user | fl *Quota.',
      'For Recoverable Items: Get-MailboxFolderStatistics user -FolderScope RecoverableItems.',
      'For a public folder: Get-PublicFolderStatistics and Set-PublicFolder -ProhibitPostQuota.',
    ],
    actors: ['recipient-admin'],
    sources: [MS_NDR, 'Exchange Server: DSNs and NDRs (permanent failures)', 'observed in real Exchange NDRs'],
  },
];

export const readingChoices: readonly ReadingChoiceEntry[] = [
  // Exchange Online sends 5.2.2 both for a sender over its submission quota and for a full mailbox (public folders, QuotaExceededException).
  { code: '5.2.2', phrases: ['submission quota'], reading: 'Exchange Online', sources: [MS_NDR] },
  {
    code: '5.2.2',
    phrases: ['mailbox full', 'mailbox is full', 'quotaexceededexception', 'quota exceeded exception', 'over quota', 'out of storage', 'mailbox size limit'],
    reading: 'standard',
    sources: [MS_NDR, 'Exchange Online: "554 5.2.2 mailbox full" when sending to a mail-enabled public folder'],
  },
];
