// Exchange Server's own reading of the enhanced status codes it documents, Exchange 2000 to
// Exchange 2019 / Subscription Edition: one entry per code, version differences noted in the text.
// Codes, NDR strings, event IDs and cmdlet names are facts; all prose here is our own wording.

import type { VendorCodeEntry } from '../model';

const ES2019 = 'Exchange Server NDR reference (Exchange 2016/2019)';
const ES2013 = 'Exchange 2013 DSN and NDR reference';
const EX2003_TABLE = 'Exchange 2000/2003 NDR event-log table';
const EX2003_KB = 'Exchange 2000/2003 DSN reference (KB 284204)';
const EX2007 = 'Exchange 2007 NDR reference';
const TRACKING = 'Exchange message tracking log reference';

const ALL_VERSIONS = ['2000', '2003', '2007', '2010', '2013', '2016', '2019', 'SE'] as const;
const UP_TO_2013 = ['2000', '2003', '2007', '2010', '2013'] as const;
const ONLY_2007 = ['2007'] as const;

export const exchangeServerCodes: readonly VendorCodeEntry[] = [
  // ---- 4.x.x: transient ----
  {
    code: '4.2.2',
    product: 'Exchange Server',
    versions: ['2000', '2007'],
    title: 'Mailbox over quota (legacy transient code)',
    meaning:
      'Exchange 2000 up to SP2 used this retryable code for a recipient whose mailbox had outgrown its limit; from SP3 on the same condition is reported as 5.2.2. '
      + 'An SMTP virtual server could also raise it when its drop directory passed its disk quota.',
    causes: [
      'Recipient mailbox has grown past its storage limit.',
      'Drop directory of the SMTP virtual server over its disk quota (Exchange 2000/2003).',
      'Server still on Exchange 2000 SP2 or older, which predates the 5.2.2 code.',
    ],
    fixes: [
      'Have the recipient archive or delete items, or raise their storage limit.',
      'On current versions read Get-MailboxStatistics <user> | fl TotalItemSize and adjust Set-Mailbox -ProhibitSendReceiveQuota.',
      'Free space on the volume that holds the virtual server drop directory.',
      'Update Exchange 2000 to SP3 or later so quota failures carry 5.2.2.',
    ],
    actors: ['recipient-admin', 'sender'],
    sources: [EX2003_KB, EX2007],
  },
  {
    code: '4.3.1',
    product: 'Exchange Server',
    versions: ALL_VERSIONS,
    eventId: 3001,
    basicCode: '452',
    ndrText: 'Insufficient system resources',
    title: 'Insufficient system resources',
    meaning:
      'The server ran short of disk space or memory and put the message back for a later attempt. '
      + 'From Exchange 2007 on, this is the reply back pressure gives while the queue database disk or memory is under strain.',
    causes: [
      'Low free space on the volume holding the transport queue database (back pressure).',
      'Too little memory, for example an Exchange VM running on dynamic memory.',
      'Exchange 2000/2003: SMTP queue on a FAT volume hitting the file-handle limit, shown as out-of-memory.',
    ],
    fixes: [
      'Free disk space, or move the queue database to a bigger volume via EdgeTransport.exe.config.',
      'Look for back pressure events 15004-15007 in the Application log; watch Get-Queue for growth.',
      'Give Exchange virtual machines fixed (static) memory.',
      'Exchange 2000/2003: keep the SMTP queue folder on an NTFS volume with room to spare.',
    ],
    actors: ['recipient-admin', 'sender-admin'],
    sources: [ES2019, ES2013, EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '4.3.2',
    product: 'Exchange Server',
    versions: ALL_VERSIONS,
    eventId: 3002,
    basicCode: '421',
    ndrText: 'Service not available',
    title: 'Service not available',
    meaning:
      'The server is refusing to take mail for now. On Exchange 2000 SP1 and 2003 this nearly always meant someone froze the queue; '
      + 'Exchange 2013 calls it "System not accepting network messages", and on 2016 and later it points to inactive transport components or a connector conflict.',
    causes: [
      'Queue frozen by an administrator in the Exchange System Manager queue viewer (2000 SP1/2003).',
      'Server left in maintenance mode, so its transport components are inactive.',
      'Custom port 25 receive connector created in the Transport service instead of Front End Transport.',
      'A transport agent that misbehaves after a cumulative update.',
    ],
    fixes: [
      'Run Get-ServerComponentState <server>; reactivate with Set-ServerComponentState -Component ServerWideOffline -State Active -Requester Maintenance.',
      'Check Get-ReceiveConnector | fl Name,Bindings,TransportRole; port 25 custom connectors belong to FrontendTransport.',
      'Review Get-TransportAgent and disable the agent that started failing.',
      'Exchange 2000/2003: unfreeze the queue in the Exchange System Manager queue viewer.',
    ],
    actors: ['recipient-admin', 'sender-admin'],
    sources: [ES2019, ES2013, EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '4.4.1',
    product: 'Exchange Server',
    versions: ALL_VERSIONS,
    eventId: 3003,
    ndrText: 'Connection timed out',
    title: 'Connection timed out',
    meaning:
      'The destination host did not answer, so Exchange keeps the message and tries again later. '
      + 'Should the host stay silent until the message expires, the sender receives a permanent NDR instead.',
    causes: [
      'Destination mail server down, restarting or overloaded.',
      'Firewall or ISP blocking outbound TCP port 25.',
      'Outdated MX or A record pointing at a host with no SMTP listener.',
      'Smart host on the send connector unreachable.',
    ],
    fixes: [
      'List failing queues with Get-Queue | ? {$_.LastError} and retry one with Retry-Queue -Identity <queue>.',
      'Test port 25 from the Exchange server: Test-NetConnection <host> -Port 25.',
      'Confirm the destination with Resolve-DnsName <domain> -Type MX.',
      'Review Get-SendConnector | fl SmartHosts,DNSRoutingEnabled.',
    ],
    actors: ['network-owner', 'recipient-admin', 'sender-admin'],
    sources: [ES2019, ES2013, EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '4.4.2',
    product: 'Exchange Server',
    versions: ALL_VERSIONS,
    eventId: 3004,
    ndrText: 'Connection dropped',
    title: 'Connection dropped',
    meaning:
      'The SMTP session to the next hop was cut off before the transfer finished. '
      + 'Exchange counts this as temporary and keeps retrying until the message expiration timeout.',
    causes: [
      'Passing network fault, or the remote server restarting during the session.',
      'Remote side closing the session after a size or message rate limit was reached.',
      'Firewall, SMTP proxy or anti-spam appliance interfering with the SMTP dialogue.',
    ],
    fixes: [
      'Watch Get-Message -Queue <queue> | fl LastError and retry with Retry-Queue.',
      'Enable Set-SendConnector <name> -ProtocolLoggingLevel Verbose to see where the session ends.',
      'Switch off SMTP inspection on firewalls between Exchange and the next hop.',
      'Compare the message size with Get-SendConnector | fl MaxMessageSize and the remote limit.',
    ],
    actors: ['network-owner', 'recipient-admin', 'sender-admin'],
    sources: [ES2019, ES2013, EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '4.4.6',
    product: 'Exchange Server',
    versions: ['2000', '2003', '2007'],
    eventId: 3005,
    title: 'Maximum hop count exceeded',
    meaning:
      'The message went through more SMTP hops than the virtual server permits, which nearly always means it is bouncing between systems. '
      + 'This transient form belongs to the SMTP virtual server era; later Exchange versions report loops as 5.4.6.',
    causes: [
      'Loop between servers of two different organisations that each pass the message back.',
      'Forwarding or alternate-recipient settings bouncing mail between two recipients.',
      'Hop limit on the SMTP virtual server set too low for a genuinely long route.',
    ],
    fixes: [
      'Read the Received headers of the returned message to find which servers keep handing it over.',
      'Fix the connector, MX or forwarding setting that causes the loop before touching any limit.',
      'Exchange 2000/2003: the limit sits under virtual server Delivery > Advanced; default 15 on 2000, 30 on 2003.',
      'On 2007, compare Get-SendConnector | fl AddressSpaces with Get-AcceptedDomain for overlaps.',
    ],
    actors: ['sender-admin', 'recipient-admin'],
    sources: [EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '4.4.7',
    product: 'Exchange Server',
    versions: ALL_VERSIONS,
    eventId: 3006,
    basicCode: '550',
    ndrText: 'QUEUE.Expired; message expired',
    title: 'Message expired in queue',
    meaning:
      'The message stayed queued past its expiration time (two days by default) without being delivered or handed on. '
      + 'Exchange writes the final status as 550 4.4.7: retrying has stopped even though the enhanced code stays in the 4 class.',
    causes: [
      'Destination unreachable for the whole retry window.',
      'DNS or MX trouble, or a send connector using DNS where a smart host is needed (or vice versa).',
      'Smart host rejecting or ignoring the server; remote SPF or HELO name checks failing.',
      'Mailbox Transport Delivery service stopped on the destination mailbox server.',
    ],
    fixes: [
      'Find the stuck queue: Get-Queue | fl Identity,NextHopDomain,LastError; run Retry-Queue once fixed.',
      'Review Get-SendConnector | fl AddressSpaces,DNSRoutingEnabled,SmartHosts,Fqdn.',
      'Check the destination with Resolve-DnsName <domain> -Type MX and a port 25 test.',
      'Follow the message with Get-MessageTrackingLog -MessageId <id> -EventId DEFER.',
    ],
    actors: ['sender-admin', 'recipient-admin', 'network-owner'],
    sources: [ES2019, ES2013, EX2003_TABLE, EX2003_KB, EX2007, TRACKING],
  },
  {
    code: '4.4.9',
    product: 'Exchange Server',
    versions: ['2003', '2007'],
    eventId: 3007,
    title: 'Temporary routing error',
    meaning:
      'Routing could not pick a usable next hop and deferred the message. '
      + 'Exchange 2003 raises it when an address cannot be reached over DNS, such as a non-SMTP address space on a DNS-routed connector or a deleted routing group.',
    causes: [
      'SMTP connector routing by DNS that also holds a non-SMTP (for example X.400) address space.',
      'Recipient tied to a removed routing or administrative group, so mail is addressed in MSGWIA.X500 form.',
      'Malformed smart host value on the SMTP connector (IP addresses belong in square brackets).',
    ],
    fixes: [
      'Serve non-SMTP address spaces through a connector that forwards to a smart host, not DNS.',
      'Move users from deleted administrative or routing groups into a valid group.',
      'Inspect routing groups and connector address spaces with the WinRoute tool.',
      'Enter smart host IP addresses in brackets, e.g. [192.0.2.10].',
    ],
    actors: ['sender-admin'],
    sources: [EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '4.6.5',
    product: 'Exchange Server',
    versions: ['2003', '2007'],
    title: 'Code page conversion failed',
    meaning:
      'Exchange could not convert an inbound SMTP message because the character set it names is not installed on the receiving server. '
      + 'The notice returned to the sender holds only the original headers, not the content.',
    causes: [
      'Message uses a character set whose language support is missing on the Exchange server.',
      'Sending client labels the message with an unusual or wrong charset.',
    ],
    fixes: [
      'Inspect the Content-Type charset in the MIME source of the original message.',
      'Install the missing language or code page support on the receiving server.',
      'Ask the sender to resend in a common encoding such as UTF-8.',
    ],
    actors: ['recipient-admin', 'sender'],
    sources: [EX2003_KB, EX2007],
  },

  // ---- 5.0.x and 5.1.x: addressing ----
  {
    code: '5.0.0',
    product: 'Exchange Server',
    versions: UP_TO_2013,
    eventId: 3008,
    ndrText: 'HELO / EHLO requires domain address',
    title: 'Generic permanent failure',
    meaning:
      'A catch-all permanent failure. On Exchange 2000/2003 it mostly means routing found no path for the address (before Exchange 2000 SP1 it also stood in for 4.3.2 and 5.4.0, and for 5.4.4 and 5.5.0); '
      + 'Exchange 2013 lists it for a HELO or EHLO that lacks a domain.',
    causes: [
      'No connector address space matches the recipient domain.',
      'DNS answers authoritatively that the destination host does not exist.',
      'Routing groups with no connector joining them (2000/2003).',
      'Device greeting with HELO/EHLO but no domain, or another SMTP protocol error.',
    ],
    fixes: [
      'Check Get-SendConnector | fl AddressSpaces; Internet mail needs an SMTP:* space on some connector.',
      'Verify the destination domain with Resolve-DnsName <domain> -Type MX.',
      'Exchange 2000/2003: link routing groups with a connector; install SP1 or later for specific codes.',
      'Configure the device to greet with a fully qualified name (EHLO host.contoso.com).',
    ],
    actors: ['sender-admin', 'sender'],
    sources: [ES2013, EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '5.1.0',
    product: 'Exchange Server',
    versions: ALL_VERSIONS,
    eventId: 3009,
    basicCode: '554',
    ndrText: 'Sender denied',
    title: 'Sender denied / address lookup failure',
    meaning:
      'An address attribute needed for delivery could not be resolved in the directory, so the categorizer rejected it. '
      + 'From Exchange 2007 the Sender Filter agent also answers 554 5.1.0 when it blocks a sender.',
    causes: [
      'Reply to an old message or to a message saved as a file, whose stored address no longer resolves.',
      'Contact lacking targetAddress, or a user whose homeMDB cannot be found (2000/2003).',
      'Sender blocked by sender filtering or a Blocked Senders list via safelist aggregation.',
    ],
    fixes: [
      'Have the sender choose the recipient again from the address book rather than replying.',
      'Check Get-Recipient <address> | fl RecipientType,EmailAddresses,ExternalEmailAddress.',
      'Review Get-SenderFilterConfig | fl BlockedSenders,BlockedDomains,Action.',
      'Exchange 2000/2003: examine targetAddress and homeMDB with ADSI Edit.',
    ],
    actors: ['sender', 'sender-admin', 'recipient-admin'],
    sources: [ES2019, ES2013, EX2003_TABLE, EX2003_KB, EX2007, 'Exchange sender filtering reference'],
  },
  {
    code: '5.1.1',
    product: 'Exchange Server',
    versions: ALL_VERSIONS,
    eventId: 3028,
    basicCode: '550',
    ndrText: 'RESOLVER.ADR.ExRecipNotFound; not found',
    title: 'Recipient not found',
    meaning:
      'No mailbox, contact or group in the destination organisation carries this address. '
      + 'Inside an organisation it often means Outlook used a cached X.500 (LegacyExchangeDN) address that no object holds any more.',
    causes: [
      'Mistyped address, or the mailbox has been deleted.',
      'Mailbox recreated, so autocomplete entries still carry the old LegacyExchangeDN.',
      'User moved between administrative groups, or an outdated personal address book entry (2000/2003).',
      'Contact set up with characters that SMTP does not allow.',
    ],
    fixes: [
      'Check the spelling, remove the stale autocomplete entry in Outlook or OWA, and resend.',
      'Look the address up: Get-Recipient -Filter "EmailAddresses -eq \'smtp:user@contoso.com\'".',
      'Compare the IMCEAEX address in the NDR with Get-Mailbox <user> | fl LegacyExchangeDN; add it as an X500 proxy.',
      'Trace the failure with Get-MessageTrackingLog -Recipients <address> -EventId FAIL.',
    ],
    actors: ['sender', 'recipient-admin'],
    sources: [ES2019, ES2013, EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '5.1.2',
    product: 'Exchange Server',
    versions: UP_TO_2013,
    eventId: 3031,
    ndrText: 'Invalid X.400 address',
    title: 'Bad destination system address',
    meaning:
      'The recipient address points to a host or address type Exchange cannot route: it is not local and no connector serves it. '
      + 'Exchange 2013 words it as an invalid X.400 address; for SMTP it usually means the host part cannot be found.',
    causes: [
      'Domain part of the address mistyped or not resolvable.',
      'Non-SMTP address (for example X.400) with no connector whose address space covers it.',
      'Foreign mail system retired while addresses still point at it.',
    ],
    fixes: [
      'Check the domain with Resolve-DnsName <domain> -Type MX.',
      'Compare with Get-SendConnector | fl AddressSpaces; add a connector for the foreign system if it must be reached.',
      'Ask the sender to correct the address and send again.',
    ],
    actors: ['sender', 'sender-admin'],
    sources: [ES2013, EX2003_TABLE, EX2007],
  },
  {
    code: '5.1.3',
    product: 'Exchange Server',
    versions: ALL_VERSIONS,
    eventId: 3010,
    ndrText: 'STOREDRV.Submit; invalid recipient address',
    title: 'Invalid recipient address syntax',
    meaning:
      'The recipient address is badly formed, for instance it holds characters SMTP does not permit or lacks an address type. '
      + 'From Exchange 2013 the store driver raises it when a submitted message carries such an address.',
    causes: [
      'Disallowed characters, spaces or missing parts in the typed address.',
      'Contact whose targetAddress has no address type prefix (2000/2003).',
      'Mixed Exchange 5.5/2000 site whose recipient policy holds an invalid SMTP domain.',
      'Empty address on a contact, or a damaged autocomplete entry.',
    ],
    fixes: [
      'Retype the address without special characters and resend.',
      'Inspect the contact: Get-MailContact <name> | fl ExternalEmailAddress,EmailAddresses.',
      'Exchange 2000/2003: correct the SMTP domains listed in the recipient policy.',
    ],
    actors: ['sender', 'sender-admin'],
    sources: [ES2019, ES2013, EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '5.1.4',
    product: 'Exchange Server',
    versions: ALL_VERSIONS,
    eventId: 3029,
    ndrText: 'Recipient address reserved by RFC 2606',
    title: 'Ambiguous address / reserved top-level domain',
    meaning:
      'Through Exchange 2013 this means two directory objects share the same proxy address, so the categorizer cannot choose where to deliver. '
      + 'In Exchange 2016 and later a receive connector uses it to refuse recipients in the RFC 2606 top-level domains .test, .example, .invalid and .localhost.',
    causes: [
      'Two recipients holding the same proxy address (2000-2013).',
      'Duplicate left behind by a migration or a hand-edited proxy address.',
      'Recipient in a reserved test top-level domain (2016 and later).',
    ],
    fixes: [
      'Find every holder: Get-Recipient -Filter "EmailAddresses -eq \'smtp:user@contoso.com\'"; remove the duplicate.',
      'Review each object with Get-Mailbox <user> | Format-List EmailAddresses.',
      'If test domains are wanted, run Set-ReceiveConnector <id> -RejectReservedTopLevelRecipientDomains $false.',
    ],
    actors: ['recipient-admin', 'sender'],
    sources: [ES2019, ES2013, EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '5.1.5',
    product: 'Exchange Server',
    versions: ['2007', '2016', '2019', 'SE'],
    ndrText: 'Recipient address reserved by RFC 2606',
    title: 'Reserved second-level domain',
    meaning:
      'In Exchange 2016 and later a receive connector refuses recipients in example.com, example.net or example.org. '
      + 'A 2007-era list calls it an invalid destination address, though RFC 3463 defines X.1.5 as a valid one.',
    causes: [
      'Message addressed to example.com, example.net or example.org.',
      'Test scripts or monitoring probes using documentation domains.',
      'RejectReservedSecondLevelRecipientDomains switched on for the receive connector.',
    ],
    fixes: [
      'Test with a domain you own rather than the RFC 2606 names.',
      'Check Get-ReceiveConnector | fl Name,RejectReservedSecondLevelRecipientDomains.',
      'If needed, run Set-ReceiveConnector <id> -RejectReservedSecondLevelRecipientDomains $false.',
    ],
    actors: ['sender', 'recipient-admin'],
    sources: [ES2019, EX2007],
  },
  {
    code: '5.1.6',
    product: 'Exchange Server',
    versions: ['2000', '2003', '2007', '2016', '2019', 'SE'],
    eventId: 3011,
    ndrText: 'Recipient addresses in single label domains not accepted',
    title: 'Broken mailbox attributes / single-label domain',
    meaning:
      'On Exchange 2000 SP2 and 2003 the recipient object lacks attributes transport needs, such as homeMDB or msExchHomeServerName. '
      + 'In Exchange 2016 and later a receive connector uses it to refuse recipients in a single-label domain (user@contoso rather than user@contoso.com).',
    causes: [
      'homeMDB or msExchHomeServerName missing or damaged, e.g. after a failed mailbox move (2000/2003).',
      'Recipient Update Service not stamping new users (2000/2003).',
      'Recipient written with a domain that has no top-level part (2016 and later).',
    ],
    fixes: [
      'Exchange 2000/2003: check the attributes with ADSI Edit and run the Recipient Update Service again.',
      'Correct the recipient to a fully qualified domain.',
      'Check Get-ReceiveConnector | fl RejectSingleLabelRecipientDomains; set $false only if such domains are intended.',
    ],
    actors: ['recipient-admin', 'sender'],
    sources: [ES2019, EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '5.1.7',
    product: 'Exchange Server',
    versions: ALL_VERSIONS,
    eventId: 3012,
    ndrText: 'Unknown sender address',
    title: 'Invalid sender address',
    meaning:
      'The sender address is missing or malformed. '
      + 'On Exchange 2000 SP2 and 2003 the categorizer refuses mail whose sender object has no valid mail attribute.',
    causes: [
      'Sender object without a valid mail attribute or primary SMTP address (2000/2003).',
      'Application or device submitting a malformed MAIL FROM.',
      'Gateway or address rewriting producing a broken sender address.',
    ],
    fixes: [
      'Check Get-Recipient <sender> | fl PrimarySmtpAddress,EmailAddresses.',
      'Correct the sender address configured on the application or scanner.',
      'Exchange 2000/2003: confirm the mail attribute in Active Directory Users and Computers.',
    ],
    actors: ['sender-admin', 'sender'],
    sources: [ES2019, ES2013, EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '5.1.8',
    product: 'Exchange Server',
    versions: ['2007', '2016', '2019', 'SE'],
    ndrText: 'Access denied, bad outbound sender',
    title: 'Bad outbound sender',
    meaning:
      'Exchange 2016 and later return it when a sender goes over a message rate limit. '
      + 'Exchange 2007-era lists only say that the sender address is at fault.',
    causes: [
      'Application server or script pushing a burst of mail through Exchange.',
      'Compromised account sending bulk mail.',
      'Low message rate limit on the receive connector or throttling policy.',
    ],
    fixes: [
      'Check Get-ReceiveConnector | fl MessageRateLimit,MessageRateSource for the connector in use.',
      'Review Get-ThrottlingPolicy | fl MessageRateLimit for the sender.',
      'Confirm the volume is legitimate with Get-MessageTrackingLog -Sender <address>; reset credentials if not.',
      'Give bulk senders a dedicated relay connector with suitable limits.',
    ],
    actors: ['sender-admin', 'sender'],
    sources: [ES2019, EX2007],
  },

  // ---- 5.2.x: mailbox ----
  {
    code: '5.2.1',
    product: 'Exchange Server',
    versions: ALL_VERSIONS,
    eventId: 3013,
    ndrText: 'Content Filter agent quarantined this message',
    title: 'Mailbox unavailable / quarantined by content filter',
    meaning:
      'The reading changed over time: Exchange 2000/2003 refused local delivery (message too big, recipient not mail-enabled or lacking a master account SID), '
      + 'Exchange 2007 and 2013 could not open the mailbox ("Mailbox cannot be accessed"), and Exchange 2016 and later report a Content Filter agent quarantine.',
    causes: [
      'Spam confidence level above the quarantine threshold (2016 and later).',
      'Recipient mailbox disabled, offline or on a dismounted database (2007/2013).',
      'Public folder permissions not letting the sender post.',
      'Recipient not mail-enabled or missing its master account SID; oversized message (2000/2003).',
    ],
    fixes: [
      'Check Get-ContentFilterConfig | fl SCLQuarantineThreshold,QuarantineMailbox; exempt with Set-ContentFilterConfig -BypassedSenders.',
      'Confirm the mailbox database is mounted: Get-MailboxDatabase -Status | fl Name,Mounted.',
      'For public folders, review Get-PublicFolderClientPermission "\\Folder".',
      'Exchange 2000/2003: check msExchMasterAccountSid and that the recipient is mail-enabled.',
    ],
    actors: ['recipient-admin', 'sender'],
    sources: [ES2019, ES2013, EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '5.2.2',
    product: 'Exchange Server',
    versions: ALL_VERSIONS,
    eventId: 3000,
    basicCode: '554',
    ndrText: 'Mailbox full',
    title: 'Mailbox full',
    meaning:
      'The recipient mailbox has passed its storage quota and refuses new mail. '
      + 'It replaced 4.2.2 from Exchange 2000 SP3; on 2000/2003 it could also mean the SMTP drop directory reached its disk quota.',
    causes: [
      'Mailbox above its ProhibitSendReceiveQuota.',
      'Database default quota too small for the user.',
      'Drop directory of the SMTP virtual server over its disk quota (2000/2003).',
    ],
    fixes: [
      'Check size with Get-MailboxStatistics <user> | fl TotalItemSize.',
      'Raise the limit: Set-Mailbox <user> -UseDatabaseQuotaDefaults $false -ProhibitSendReceiveQuota 10GB.',
      'Have the recipient archive or delete mail, then ask the sender to resend.',
    ],
    actors: ['recipient-admin', 'sender'],
    sources: [ES2019, ES2013, EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '5.2.3',
    product: 'Exchange Server',
    versions: ALL_VERSIONS,
    eventId: 3014,
    basicCode: '550',
    ndrText: 'RESOLVER.RST.RecipSizeLimit; message too large for this recipient',
    title: 'Message too large for recipient',
    meaning:
      'The message is bigger than the receive size limit that applies to this recipient, whether set on the mailbox or by the receiving organisation.',
    causes: [
      'Recipient MaxReceiveSize smaller than the message.',
      'Large attachments; Base64 encoding adds roughly a third to their size.',
      'Receiving organisation limiting incoming message size for that user.',
    ],
    fixes: [
      'Check Get-Mailbox <user> | fl MaxReceiveSize; raise it with Set-Mailbox -MaxReceiveSize.',
      'Compare with Get-TransportConfig | fl MaxReceiveSize,MaxSendSize.',
      'Share large files as a link instead of attaching them.',
    ],
    actors: ['sender', 'recipient-admin'],
    sources: [ES2019, ES2013, EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '5.2.4',
    product: 'Exchange Server',
    versions: ['2003', '2007', '2010', '2013'],
    eventId: 3032,
    ndrText: 'Mailing list expansion problem',
    title: 'Distribution group expansion problem',
    meaning:
      'Exchange could not turn a distribution group into its list of members. '
      + 'On Exchange 2003 it typically meant a query-based group whose LDAP filter or base DN was wrong.',
    causes: [
      'Query-based (dynamic) group with an invalid filter or container.',
      'Expansion server configured for the group is offline.',
      'Damaged group or member objects in the directory.',
    ],
    fixes: [
      'Check Get-DynamicDistributionGroup <name> | fl RecipientFilter,RecipientContainer.',
      'Check Get-DistributionGroup <name> | fl ExpansionServer; clear it or point it at a running server.',
      'Exchange 2003: raise categorizer logging and look for events 6025/6026 naming the bad attribute.',
    ],
    actors: ['recipient-admin'],
    sources: [ES2013, EX2003_TABLE, EX2007],
  },

  // ---- 5.3.x: mail system ----
  {
    code: '5.3.0',
    product: 'Exchange Server',
    versions: ['2003', '2007', '2016', '2019', 'SE'],
    eventId: 3015,
    ndrText: 'Too many related errors',
    title: 'Mail system error (MTA misroute / poison message)',
    meaning:
      'Exchange 2003 returned it when mail was routed to the message transfer agent on a server set up to run without the MTA. '
      + 'In Exchange 2016 and later it means transport judged the message malformed and moved it to the poison message queue.',
    causes: [
      'MTA service disabled and store gateway threads set to 0 while routing still uses the MTA (2003).',
      'Routing information not replicated consistently between servers (2003).',
      'Malformed message crashing transport repeatedly, so it lands in the Poison queue (2016 and later).',
    ],
    fixes: [
      'Exchange 2003: check routes with the WinRoute tool; keep the MTA running in normal setups.',
      'List poisoned items: Get-Message -Queue <server>\\Poison | fl Subject,FromAddress.',
      'Export a sample with Export-Message for analysis, then delete it with Remove-Message.',
      'If many messages are poisoned, review recent transport agents and updates.',
    ],
    actors: ['sender-admin', 'recipient-admin'],
    sources: [ES2019, EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '5.3.1',
    product: 'Exchange Server',
    versions: ONLY_2007,
    title: 'Mail system full',
    meaning:
      'The receiving mail system reports that its storage is exhausted and it cannot take the message. '
      + 'Listed for Exchange 2007 with the RFC 3463 meaning.',
    causes: [
      'Volume with the queue or mailbox database on the receiving server out of space.',
      'Storage quota exceeded on a remote mail system.',
    ],
    fixes: [
      'Free space on the receiving server; check Get-MailboxDatabase -Status | fl Name,DatabaseSize,AvailableNewMailboxSpace.',
      'Look for back pressure with Get-Queue and Application log events.',
      'If the rejection comes from outside, ask the remote administrator to clear space.',
    ],
    actors: ['recipient-admin'],
    sources: [EX2007],
  },
  {
    code: '5.3.2',
    product: 'Exchange Server',
    versions: ['2007', '2016', '2019', 'SE'],
    ndrText: 'STOREDRV.Deliver: Missing or bad StoreDriver MDB properties',
    title: 'System not accepting messages / address book policy routing',
    meaning:
      'Exchange 2007-era lists read it as a system that is not taking network messages. '
      + 'In Exchange 2016 and later the store driver returns it when the ABP Routing agent is on and the recipient is missing from the GAL of their address book policy.',
    causes: [
      'Recipient outside the GAL assigned by their address book policy, with ABP routing enabled.',
      'Address list membership stale after attribute changes.',
      'Connectivity problem outside Exchange stopping the remote system (2007-era reading).',
    ],
    fixes: [
      'Check Get-Mailbox <user> | fl AddressBookPolicy and Get-AddressBookPolicy | fl GlobalAddressList.',
      'Confirm the user matches Get-GlobalAddressList <name> | fl RecipientFilter.',
      'Check the agent state with Get-TransportAgent "ABP Routing Agent".',
    ],
    actors: ['recipient-admin'],
    sources: [ES2019, EX2007],
  },
  {
    code: '5.3.3',
    product: 'Exchange Server',
    versions: ALL_VERSIONS,
    eventId: 3016,
    basicCode: '500',
    ndrText: 'Unrecognized command',
    title: 'Unrecognized command / remote storage full',
    meaning:
      'On Exchange 2000/2003 the remote Exchange server had no disk space left (often with BDAT transfers) or an SMTP protocol error occurred. '
      + 'From Exchange 2013 it is the "Unrecognized command" reply, usually because an internal receive connector lacks Exchange Server authentication.',
    causes: [
      'Receive connector between Exchange servers without ExchangeServer in AuthMechanism.',
      'Firewall or appliance stripping ESMTP verbs such as X-EXPS or BDAT.',
      'Remote Exchange 2000/2003 server out of disk space during a BDAT transfer.',
    ],
    fixes: [
      'Run Get-ReceiveConnector | fl Name,AuthMechanism,PermissionGroups,RemoteIPRanges; add ExchangeServer where servers connect.',
      'Read the SMTP protocol log for the command that was refused.',
      'Exchange 2000/2003: free disk space on the remote server and check its SMTP log.',
    ],
    actors: ['recipient-admin', 'sender-admin', 'network-owner'],
    sources: [ES2019, ES2013, EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '5.3.4',
    product: 'Exchange Server',
    versions: ['2007', '2010', '2013', '2016', '2019', 'SE'],
    basicCode: '552',
    ndrText: 'Message size exceeds fixed maximum message size',
    title: 'Message too big for system',
    meaning:
      'The message is over a size limit for the organisation, a connector or a server, on either the sending or the receiving side.',
    causes: [
      'Organisation limit exceeded (MaxSendSize or MaxReceiveSize in Get-TransportConfig).',
      'Send or receive connector MaxMessageSize smaller than the message.',
      'Remote organisation enforcing a lower limit.',
    ],
    fixes: [
      'Check Get-TransportConfig | fl MaxSendSize,MaxReceiveSize.',
      'Check Get-ReceiveConnector | fl MaxMessageSize and Get-SendConnector | fl MaxMessageSize.',
      'Resend without the large attachments, or share them by link.',
    ],
    actors: ['sender', 'sender-admin', 'recipient-admin'],
    sources: [ES2019, ES2013, EX2007],
  },
  {
    code: '5.3.5',
    product: 'Exchange Server',
    versions: ALL_VERSIONS,
    eventId: 3017,
    ndrText: 'System incorrectly configured',
    title: 'System incorrectly configured (loop back to itself)',
    meaning:
      'Exchange noticed that the message would come straight back to the same server. '
      + 'On 2000/2003 that pointed at virtual servers sharing ports or connectors covering the local domain; from 2013 at a receive connector FQDN copied from another server.',
    causes: [
      'Receive connector Fqdn equal to the name of another server or device in the mail path.',
      'Several SMTP virtual servers on one IP and port, or set to All Unassigned (2000/2003).',
      'Connector address space covering the organisation\'s own domain (2000/2003).',
    ],
    fixes: [
      'Check Get-ReceiveConnector | fl Name,Fqdn,Bindings and give each a non-conflicting FQDN.',
      'Check Get-SendConnector | fl AddressSpaces for entries that match your accepted domains.',
      'Exchange 2000/2003: give every SMTP virtual server its own IP and port in Exchange System Manager.',
    ],
    actors: ['sender-admin', 'recipient-admin'],
    sources: [ES2019, ES2013, EX2003_TABLE, EX2003_KB, EX2007],
  },

  // ---- 5.4.x: network and routing ----
  {
    code: '5.4.0',
    product: 'Exchange Server',
    versions: ['2000', '2003', '2007'],
    eventId: 3018,
    title: 'DNS or smart host lookup failure',
    meaning:
      'Exchange 2000 SP1 and later use it when the next hop cannot be located: no authoritative DNS answer, a bad smart host, or an address space that resolves nowhere.',
    causes: [
      'Authoritative DNS reports that the destination host does not exist.',
      'Wrong smart host name, or an IP address not written as a bracketed IPv4 literal.',
      'Stale HOSTS file entry (fixed in Windows 2000 SP3) or bad FQDN on the SMTP virtual server.',
      'A contact\'s SMTP domain that matches no SMTP address space.',
    ],
    fixes: [
      'Test name resolution from the server with nslookup or Dnsdiag.exe.',
      'Correct the smart host in Exchange System Manager, writing IP addresses as [a.b.c.d].',
      'On Exchange 2007, check Get-SendConnector | fl SmartHosts,DNSRoutingEnabled,AddressSpaces.',
    ],
    actors: ['sender-admin', 'network-owner'],
    sources: [EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '5.4.1',
    product: 'Exchange Server',
    versions: ONLY_2007,
    title: 'No answer from host',
    meaning:
      'The destination host never responded and Exchange stopped trying; it is the permanent counterpart of 4.4.1. Listed for Exchange 2007.',
    causes: [
      'Destination server offline for the whole retry period.',
      'Firewall blocking port 25 towards the destination.',
      'MX record pointing at a machine that does not run SMTP.',
    ],
    fixes: [
      'Test reachability from the server with telnet <host> 25.',
      'Check the destination MX with nslookup -type=mx <domain>.',
      'Review Get-Queue | fl NextHopDomain,LastError for the failing queue.',
    ],
    actors: ['network-owner', 'recipient-admin'],
    sources: [EX2007],
  },
  {
    code: '5.4.2',
    product: 'Exchange Server',
    versions: ONLY_2007,
    title: 'Bad connection',
    meaning:
      'The connection to the next hop failed in a way Exchange treats as final. Listed for Exchange 2007 with no extra detail.',
    causes: [
      'Remote server repeatedly resetting the session.',
      'Network device corrupting or cutting SMTP traffic.',
      'TLS negotiation with the remote server failing.',
    ],
    fixes: [
      'Enable Set-SendConnector <name> -ProtocolLoggingLevel Verbose and find where the session breaks.',
      'Bypass SMTP inspection on firewalls between Exchange and the Internet.',
      'Check the certificate used for TLS with Get-ExchangeCertificate.',
    ],
    actors: ['network-owner', 'recipient-admin'],
    sources: [EX2007],
  },
  {
    code: '5.4.3',
    product: 'Exchange Server',
    versions: ONLY_2007,
    title: 'Routing server failure',
    meaning:
      'Routing found no usable path, for example because a DNS or directory server it depends on was unavailable. Listed for Exchange 2007.',
    causes: [
      'DNS server used by transport unreachable.',
      'Active Directory unreachable, so the routing topology cannot be read.',
      'No send connector covering the destination domain.',
    ],
    fixes: [
      'Check transport DNS settings with Get-TransportServer | fl *DNS*.',
      'Confirm a domain controller answers, e.g. nltest /dsgetdc:<domain>.',
      'Check that Get-SendConnector | fl AddressSpaces covers the destination.',
    ],
    actors: ['sender-admin', 'network-owner'],
    sources: [EX2007],
  },
  {
    code: '5.4.4',
    product: 'Exchange Server',
    versions: ALL_VERSIONS,
    eventId: 3019,
    basicCode: '554',
    ndrText: 'SMTPSEND.DNS.NonExistentDomain; nonexistent domain',
    title: 'Unable to route / nonexistent domain',
    meaning:
      'Exchange has no route for the message. On 2000 SP1/2003 the categorizer found no next hop (typically routing groups without a connector); '
      + 'Exchange 2013 lists it as "Invalid arguments"; Exchange 2016 and later raise it when DNS says the destination domain does not exist.',
    causes: [
      'Recipient domain misspelt, or its DNS zone missing or expired.',
      'Exchange querying the wrong DNS servers, or adapter order sending lookups the wrong way.',
      'Routing groups with no routing group connector between them (2000/2003).',
    ],
    fixes: [
      'Test from the server with Resolve-DnsName <domain> -Type MX.',
      'Review Get-TransportService | fl ExternalDNS*,InternalDNS* and the same on Get-FrontEndTransportService.',
      'Check DNS servers and adapter order in the server network settings.',
      'Exchange 2000/2003: add a routing group connector between the routing groups.',
    ],
    actors: ['sender', 'sender-admin', 'recipient-admin'],
    sources: [ES2019, ES2013, EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '5.4.6',
    product: 'Exchange Server',
    versions: ALL_VERSIONS,
    eventId: 3020,
    basicCode: '554',
    ndrText: 'Hop count exceeded - possible mail loop',
    title: 'Routing loop detected',
    meaning:
      'The message is travelling in a circle. Exchange 2000/2003 report a categorizer forwarding loop, e.g. targetAddress set on a mailbox user; '
      + 'Exchange 2013 and later break a loop after 20 passes and return this NDR.',
    causes: [
      'Loop between on-premises and cloud connectors, e.g. a hybrid send connector using DNS, or wrong accepted-domain type.',
      'Forwarding or Inbox rules sending mail back and forth.',
      'targetAddress set on a mailbox user, or contacts naming each other as alternate recipients.',
    ],
    fixes: [
      'Check Get-AcceptedDomain | fl DomainName,DomainType; a shared domain must be InternalRelay where not all mailboxes live.',
      'Check Get-Mailbox <user> | fl ForwardingSmtpAddress,ForwardingAddress and Get-InboxRule -Mailbox <user>.',
      'Clear targetAddress on mailbox users; review Get-SendConnector | fl AddressSpaces,SmartHosts.',
      'Restart the Transport and Front End Transport services after removing servers or changing routing.',
    ],
    actors: ['recipient-admin', 'sender-admin'],
    sources: [ES2019, ES2013, EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '5.4.7',
    product: 'Exchange Server',
    versions: ONLY_2007,
    title: 'Delivery time expired',
    meaning:
      'Delivery did not complete in the time allowed and Exchange gave up. Listed for Exchange 2007; Exchange normally reports queue expiry as 4.4.7.',
    causes: [
      'Destination unreachable until the message expiration timeout.',
      'Very slow link, or a remote server deferring the message again and again.',
    ],
    fixes: [
      'Find the failing queue with Get-Queue | fl NextHopDomain,LastError.',
      'Check Get-TransportServer | fl MessageExpirationTimeout (Get-TransportService on 2013 and later).',
      'Ask the sender to resend once the destination is back.',
    ],
    actors: ['recipient-admin', 'network-owner', 'sender-admin'],
    sources: [EX2007],
  },
  {
    code: '5.4.8',
    product: 'Exchange Server',
    versions: ['2000', '2003', '2007'],
    eventId: 3021,
    title: 'Loop: recipient policy matches a server FQDN',
    meaning:
      'Exchange 2000 SP1 and later return it when a recipient policy claims, as a local domain, the FQDN of an Exchange server; mail to that name would loop, so the categorizer stops it.',
    causes: [
      'Recipient policy listing server1.contoso.com instead of contoso.com.',
      'Host name added to a recipient policy so mail addressed to it is accepted.',
    ],
    fixes: [
      'Exchange 2000/2003: remove the server FQDN from the recipient policy and keep only mail domains.',
      'On Exchange 2007, check Get-AcceptedDomain and Get-EmailAddressPolicy for a server FQDN.',
    ],
    actors: ['sender-admin', 'recipient-admin'],
    sources: [EX2003_TABLE, EX2003_KB, EX2007],
  },

  // ---- 5.5.x: protocol ----
  {
    code: '5.5.0',
    product: 'Exchange Server',
    versions: ['2000', '2003', '2007'],
    eventId: 3022,
    title: 'SMTP protocol error',
    meaning:
      'The remote SMTP server gave a 5xx answer (often to EHLO), so Exchange closed the connection and returned the message. '
      + 'Exchange 2000 SP1 introduced this code for what earlier builds reported as 5.0.0.',
    causes: [
      'Remote server refusing EHLO or a later command with a 500 or 550 reply.',
      'Remote mailbox closed, answered with 550 by the other side.',
      'Firewall or proxy altering SMTP commands.',
    ],
    fixes: [
      'Read the remote reply quoted in the NDR or in the SMTP log.',
      'Capture the session with Network Monitor, or send connector protocol logging on 2007.',
      'Send the exact reply text to the remote administrator.',
    ],
    actors: ['recipient-admin', 'sender-admin'],
    sources: [EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '5.5.1',
    product: 'Exchange Server',
    versions: ONLY_2007,
    title: 'Invalid command',
    meaning:
      'The other side did not accept an SMTP command Exchange sent. Rare; it appears in Exchange 2007-era code lists.',
    causes: [
      'Remote server or firewall not supporting an ESMTP command.',
      'Firewall SMTP inspection rewriting commands.',
    ],
    fixes: [
      'Enable send connector protocol logging and find the refused command.',
      'Turn off SMTP fixup or inspection on the firewall.',
    ],
    actors: ['network-owner', 'recipient-admin'],
    sources: [EX2007],
  },
  {
    code: '5.5.2',
    product: 'Exchange Server',
    versions: ALL_VERSIONS,
    eventId: 3023,
    basicCode: '503',
    ndrText: 'Send hello first',
    title: 'Command out of sequence (send hello first)',
    meaning:
      'An SMTP command came in the wrong order, for example AUTH or MAIL FROM before the client introduced itself with EHLO or HELO. '
      + 'Exchange 2000/2003 were also seen to produce it when the system disk was full.',
    causes: [
      'Application or device skipping EHLO/HELO.',
      'Manual telnet test typing commands out of order.',
      'System disk or virtual memory exhausted (2000/2003).',
    ],
    fixes: [
      'Make the client send EHLO right after connecting.',
      'Read the receive connector protocol log to see the sequence received.',
      'Exchange 2000/2003: free disk space, check virtual memory and review the SMTP log.',
    ],
    actors: ['sender-admin', 'sender'],
    sources: [ES2019, ES2013, EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '5.5.3',
    product: 'Exchange Server',
    versions: ALL_VERSIONS,
    eventId: 3024,
    ndrText: 'Too many recipients',
    title: 'Too many recipients',
    meaning:
      'Counting To, Cc and Bcc together, the message names more recipients than the organisation, receive connector or sender limit allows.',
    causes: [
      'Mass mailing above Get-TransportConfig MaxRecipientEnvelopeLimit.',
      'Receive connector MaxRecipientsPerMessage lower than the recipient count.',
      'Per-mailbox RecipientLimits set on the sender.',
    ],
    fixes: [
      'Check Get-TransportConfig | fl MaxRecipientEnvelopeLimit; raise it with Set-TransportConfig if justified.',
      'Check Get-ReceiveConnector | fl MaxRecipientsPerMessage and Get-Mailbox <user> | fl RecipientLimits.',
      'Address a distribution group instead, or split the message.',
      'Exchange 2000/2003: the limit (default 5,000) lives in Exchange System Manager Message Delivery defaults.',
    ],
    actors: ['sender', 'sender-admin'],
    sources: [ES2019, ES2013, EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '5.5.4',
    product: 'Exchange Server',
    versions: UP_TO_2013,
    eventId: 3025,
    ndrText: 'Invalid domain name',
    title: 'Invalid command arguments / domain name',
    meaning:
      'An SMTP command carried an argument the server would not accept, usually a domain or address with non-standard characters.',
    causes: [
      'Non-standard characters in the sender or recipient address.',
      'Invalid domain given by an application in EHLO or MAIL FROM.',
    ],
    fixes: [
      'Look for characters outside the standard set in the addresses and correct them.',
      'Read the receive connector protocol log for the exact command.',
      'Fix the domain name configured on the application or device.',
    ],
    actors: ['sender', 'sender-admin'],
    sources: [ES2013, EX2003_TABLE, EX2007],
  },
  {
    code: '5.5.5',
    product: 'Exchange Server',
    versions: ONLY_2007,
    title: 'Wrong protocol version',
    meaning:
      'The two mail systems could not agree on a protocol version. Listed for Exchange 2007 and seldom seen.',
    causes: [
      'Non-standard SMTP implementation at the other end.',
      'Proxy or gateway speaking another protocol on port 25.',
    ],
    fixes: [
      'Test the remote server by hand: telnet <host> 25, then EHLO.',
      'Identify which device answers on port 25 at the destination.',
    ],
    actors: ['recipient-admin', 'network-owner'],
    sources: [EX2007],
  },
  {
    code: '5.5.6',
    product: 'Exchange Server',
    versions: UP_TO_2013,
    eventId: 3026,
    ndrText: 'Invalid message content',
    title: 'Invalid message content',
    meaning:
      'The message content or its MIME structure is corrupt, which Exchange treats as a protocol error. '
      + 'On Exchange 2000/2003 a failed X-LINK2STATE exchange between servers could also lead to it.',
    causes: [
      'Broken MIME produced by a client or application.',
      'Damaged attachment or invalid encoding.',
      'Link state (X-LINK2STATE) failure between Exchange 2000/2003 servers.',
    ],
    fixes: [
      'Resend, if possible without the attachment.',
      'Check the Application log for transport errors at the time of failure.',
      'Exchange 2000/2003: look for X-LINK2STATE errors between routing group servers.',
    ],
    actors: ['sender', 'sender-admin'],
    sources: [ES2013, EX2003_TABLE, EX2007],
  },

  // ---- 5.6.x: content ----
  {
    code: '5.6.0',
    product: 'Exchange Server',
    versions: ONLY_2007,
    title: 'Corrupt message content',
    meaning:
      'Exchange could not process the message content, commonly because of a damaged body or attachment. Listed for Exchange 2007.',
    causes: [
      'Damaged attachment or broken MIME parts.',
      'Content conversion (for example TNEF to MIME) failing.',
    ],
    fixes: [
      'Resend without the attachment, or compress it first.',
      'Check Get-RemoteDomain | fl DomainName,TNEFEnabled,ContentType for the destination.',
    ],
    actors: ['sender', 'sender-admin'],
    sources: [EX2007],
  },
  {
    code: '5.6.1',
    product: 'Exchange Server',
    versions: ONLY_2007,
    title: 'Media not supported',
    meaning:
      'The message carries a media type the destination does not support. Listed for Exchange 2007.',
    causes: [
      'Attachment type blocked or unsupported at the destination.',
      'Attachment filtering on an Edge Transport server.',
    ],
    fixes: [
      'On the Edge server, review Get-AttachmentFilterEntry.',
      'Send the content in another format or as a link.',
    ],
    actors: ['sender', 'recipient-admin'],
    sources: [EX2007],
  },
  {
    code: '5.6.3',
    product: 'Exchange Server',
    versions: ['2003', '2007'],
    title: 'Too many attachments / malformed header',
    meaning:
      'From Exchange 2003, returned when a message has more than 250 attachments (the store fails with MAPI_E_TOO_BIG) or carries a malformed addr822 header; '
      + 'the NDR text misleadingly blames the P2 headers.',
    causes: [
      'More than 250 attachments in one message.',
      'Malformed addr822 header written by the sending application.',
    ],
    fixes: [
      'Cut the number of attachments, e.g. by packing them into one archive, and resend.',
      'Correct the header generated by the sending application.',
    ],
    actors: ['sender', 'sender-admin'],
    sources: [EX2003_KB, EX2007],
  },

  // ---- 5.7.x: security and policy ----
  {
    code: '5.7.1',
    product: 'Exchange Server',
    versions: ALL_VERSIONS,
    eventId: 3027,
    basicCode: '550',
    ndrText: 'Unable to relay',
    title: 'Delivery not authorized / unable to relay',
    meaning:
      'The sender lacks permission for this delivery: relaying is refused, the recipient takes mail only from authenticated or listed senders, or the sender may not use the From address. '
      + 'Anonymous submission that is not allowed gets "530 5.7.1 Client was not authenticated"; the check on unauthenticated senders to groups arrived with Exchange 2003.',
    causes: [
      'Application or device relaying anonymously through a connector not allowed to relay.',
      'Group restricted to authenticated senders (RequireSenderAuthenticationEnabled) or to listed senders.',
      'Missing Send As or Send on Behalf permission for the From address.',
      'Mail flow rule rejecting the message with the default code.',
    ],
    fixes: [
      'Check Get-ReceiveConnector | fl PermissionGroups,RemoteIPRanges,AuthMechanism; add a dedicated relay connector for device IPs.',
      'Check Get-DistributionGroup <group> | fl RequireSenderAuthenticationEnabled,AcceptMessagesOnlyFrom*.',
      'Grant the right with Add-ADPermission <mailbox> -User <user> -ExtendedRights "Send As".',
      'Find the rejecting component with Get-MessageTrackingLog -Sender <address> -EventId FAIL.',
    ],
    actors: ['sender-admin', 'recipient-admin', 'sender'],
    sources: [ES2019, ES2013, EX2003_TABLE, EX2003_KB, EX2007],
  },
  {
    code: '5.7.2',
    product: 'Exchange Server',
    versions: ONLY_2007,
    title: 'Distribution list expansion prohibited',
    meaning:
      'Policy or permissions stopped a distribution list from being expanded, so its members did not get the message. Listed for Exchange 2007.',
    causes: [
      'Sender not permitted to send to the group.',
      'Expansion restricted, or the group hidden from the sender.',
    ],
    fixes: [
      'Check Get-DistributionGroup <group> | fl AcceptMessagesOnlyFrom*,RejectMessagesFrom*.',
      'Check the expansion server with Get-DistributionGroup <group> | fl ExpansionServer.',
    ],
    actors: ['recipient-admin', 'sender'],
    sources: [EX2007],
  },
  {
    code: '5.7.3',
    product: 'Exchange Server',
    versions: ALL_VERSIONS,
    eventId: 3033,
    ndrText: 'Cannot achieve Exchange Server authentication',
    title: 'Not authorized / Exchange Server authentication failed',
    meaning:
      'On Exchange 2000/2003 it means the sender forbade redirecting the message to an alternate recipient. '
      + 'From Exchange 2007 on it means two servers could not complete Exchange Server authentication, or the sender was not authorized.',
    causes: [
      'Firewall or SMTP proxy removing the X-EXPS verb needed for Exchange Server authentication.',
      'Internal traffic hitting a receive connector without ExchangeServer authentication (check RemoteIPRanges).',
      'Edge subscription or certificates out of step between Hub and Edge.',
      'Sender prohibited reassignment to an alternate recipient (2000/2003).',
    ],
    fixes: [
      'Check Get-ReceiveConnector | fl AuthMechanism,PermissionGroups,RemoteIPRanges on the receiving server.',
      'Disable SMTP inspection on firewalls between Exchange servers.',
      'Resync with Start-EdgeSynchronization, or recreate the subscription with New-EdgeSubscription.',
    ],
    actors: ['sender-admin', 'recipient-admin', 'network-owner'],
    sources: [ES2019, ES2013, EX2003_TABLE, EX2007],
  },
  {
    code: '5.7.4',
    product: 'Exchange Server',
    versions: ONLY_2007,
    title: 'Security features not supported',
    meaning:
      'A security feature requested for delivery, such as TLS or an authentication method, is not supported by the other side. Listed for Exchange 2007.',
    causes: [
      'Send connector requiring TLS towards a server without STARTTLS.',
      'Unsupported authentication mechanism requested.',
    ],
    fixes: [
      'Check Get-SendConnector | fl RequireTLS,SmartHostAuthMechanism.',
      'Agree TLS and authentication settings with the remote administrator.',
    ],
    actors: ['sender-admin', 'recipient-admin'],
    sources: [EX2007],
  },
  {
    code: '5.7.5',
    product: 'Exchange Server',
    versions: ONLY_2007,
    title: 'Cryptographic failure',
    meaning:
      'A signing or encryption step failed during delivery. Listed for Exchange 2007.',
    causes: [
      'Invalid or expired certificate used for signing or TLS.',
      'Encrypted message the destination cannot decrypt.',
    ],
    fixes: [
      'Test by sending the same message without encryption or signature.',
      'Check certificates with Get-ExchangeCertificate | fl Thumbprint,Services,NotAfter.',
    ],
    actors: ['sender', 'sender-admin'],
    sources: [EX2007],
  },
  {
    code: '5.7.6',
    product: 'Exchange Server',
    versions: ONLY_2007,
    title: 'Cryptographic algorithm not supported',
    meaning:
      'The encryption algorithm or certificate type requested is not supported at the destination. Listed for Exchange 2007.',
    causes: [
      'Encryption stronger than the recipient system supports.',
      'Certificate type the destination does not accept.',
    ],
    fixes: [
      'Choose a more widely supported algorithm in the client security settings and resend.',
      'Check the certificates in use with Get-ExchangeCertificate.',
    ],
    actors: ['sender', 'sender-admin'],
    sources: [EX2007],
  },
  {
    code: '5.7.7',
    product: 'Exchange Server',
    versions: ONLY_2007,
    title: 'Message integrity failure',
    meaning:
      'An integrity check on the message failed, for example its signature no longer verified after transit. Listed for Exchange 2007.',
    causes: [
      'Gateway or disclaimer rule modifying a signed message.',
      'Content damaged in transit.',
    ],
    fixes: [
      'Check Get-TransportRule for disclaimers or changes applied to signed mail.',
      'Resend and compare with a plain, unsigned message.',
    ],
    actors: ['sender-admin', 'sender'],
    sources: [EX2007],
  },
  {
    code: '5.7.900-999',
    product: 'Exchange Server',
    versions: ['2016', '2019', 'SE'],
    basicCode: '550',
    ndrText: 'Delivery not authorized, message refused',
    title: 'Rejected by a mail flow rule (custom code)',
    meaning:
      'A mail flow (transport) rule rejected the message with a custom enhanced code picked from this range; rules without a custom code use 5.7.1.',
    causes: [
      'Transport rule with RejectMessageEnhancedStatusCode between 5.7.900 and 5.7.999 matched.',
      'Data loss prevention rule blocking sensitive content.',
    ],
    fixes: [
      'Find the rule: Get-TransportRule | fl Name,RejectMessageEnhancedStatusCode,RejectMessageReasonText.',
      'See which rule acted: Get-MessageTrackingLog -MessageId <id> -EventId AGENTINFO | Format-List.',
      'Adjust the rule conditions or add an exception if the block was unintended.',
    ],
    actors: ['sender', 'recipient-admin', 'sender-admin'],
    sources: [ES2019],
  },
];
