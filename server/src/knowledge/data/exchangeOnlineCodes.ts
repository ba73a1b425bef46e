// Exchange Online's own readings of enhanced status codes: the NDR table, the mail flow
// intelligence (connector) codes and the ranges Microsoft's troubleshooting pages cover.
// Codes, reply codes and the short quoted NDR texts are facts; every other sentence here is our own.

import type { VendorCodeEntry } from '../model';

const NDR_REF = 'Exchange Online NDR reference';
const MFI = 'Mail flow intelligence in Exchange Online';
const MTA_STS = 'Microsoft Purview: enhancing mail flow with MTA-STS';
const DANE = 'Microsoft Purview: how SMTP DANE works';

export const exchangeOnlineCodes: readonly VendorCodeEntry[] = [
  // ---------------------------------------------------------------- 4.x.x: deferrals
  {
    code: '4.3.2',
    product: 'Exchange Online',
    basicCode: '432',
    ndrText: 'STOREDRV.Deliver; recipient thread limit exceeded',
    title: 'Recipient mailbox is being throttled',
    meaning:
      'Exchange Online held the message back because one mailbox was taking in mail faster than the store permits. '
      + 'The throttle is intentional so that one busy mailbox cannot slow down its neighbours; the sender retries later.',
    causes: [
      'A burst of messages to one mailbox, for example from a monitoring or alerting system.',
      'An application opening many parallel deliveries to the same address.',
      'A reply-all storm or loop that concentrates on a single recipient.',
    ],
    fixes: [
      'Let the sending server keep retrying; the deferral normally clears once the burst is over.',
      'Slow down or batch the automated sender so it delivers to one mailbox at a gentler rate.',
      'Find the source of the burst with Get-MessageTraceV2 -RecipientAddress over the deferral window.',
    ],
    actors: ['sender-admin', 'recipient-admin'],
    sources: [NDR_REF],
  },
  {
    code: '4.4.7',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'Message expired / QUEUE.Expired; message expired',
    title: 'Message expired in the queue',
    meaning:
      'Exchange Online retried delivery for about 24 hours and then gave up, returning the message to the sender. '
      + 'The cause almost always sits at the destination, which kept answering with temporary errors or not at all.',
    causes: [
      'The destination server is offline, unreachable, or keeps replying with 4xx errors.',
      'The recipient domain has no MX record, or one that points to the wrong host.',
      'Each attempt times out because of network trouble or an aggressive filter at the destination.',
      'Duplicate proxy addresses make the recipient ambiguous (AmbiguousRecipientTransientException).',
    ],
    fixes: [
      'Read the last deferral reason with Get-MessageTraceDetailV2 to see what the destination said on each retry.',
      'Check the destination with Resolve-DnsName -Type MX and the Outbound SMTP Email test of the Remote Connectivity Analyzer.',
      'Ask the recipient organisation to stop blocking Exchange Online or repair its mail server.',
      'For on-premises recipients in hybrid, check Get-OutboundConnector and rerun the Hybrid Configuration Wizard after IP or firewall changes.',
    ],
    actors: ['recipient-admin', 'sender-admin', 'network-owner'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 4.4.7 page'],
  },
  {
    code: '4.4.8',
    product: 'Exchange Online',
    ndrText: 'MX hosts of [...] failed MTA-STS validation',
    title: 'MX host not allowed by the MTA-STS policy (deferred)',
    meaning:
      'The recipient domain publishes an MTA-STS policy, and the MX host Exchange Online would have used is not named in it. '
      + 'Exchange Online defers the message instead of delivering over a route the policy does not vouch for.',
    causes: [
      'The policy file still lists the MX names of a previous mail provider.',
      'A new MX record was added without adding a matching mx: line to the policy.',
      'The policy was edited but its id in the _mta-sts TXT record was not changed, so senders keep a stale copy.',
    ],
    fixes: [
      'Compare Resolve-DnsName -Type MX output with the mx: lines in /.well-known/mta-sts.txt on the mta-sts host of the domain.',
      'Check the _mta-sts TXT record with Resolve-DnsName -Type TXT and bump its id after every policy change.',
      'Recipient admins: list every MX host in the policy, or switch to mode: testing while repairing it.',
    ],
    actors: ['recipient-admin'],
    sources: [NDR_REF, MTA_STS],
  },
  {
    code: '4.4.312',
    product: 'Exchange Online',
    basicCode: '450',
    ndrText: 'DNS query failed',
    title: 'DNS lookup of the destination failed',
    meaning:
      'Exchange Online could not resolve the smart host of a connector, or the MX of the destination domain, so the message waits in the queue. '
      + 'It is retried for up to 24 hours before an NDR is sent.',
    causes: [
      'An outage or misconfiguration at the DNS hosting provider of the domain.',
      'The domain registration lapsed, so its MX record no longer resolves.',
      'A recent MX or smart host change that cached DNS answers have not caught up with yet.',
    ],
    fixes: [
      'Resolve the names yourself: Resolve-DnsName -Type MX for the domain, -Type A for a smart host.',
      'Check what the connector uses with Get-OutboundConnector | fl SmartHosts,UseMXRecord.',
      'Have the DNS host or registrar restore the records; for a partner domain, alert the partner.',
    ],
    actors: ['sender-admin', 'recipient-admin', 'network-owner'],
    sources: [MFI],
  },
  {
    code: '4.4.315',
    product: 'Exchange Online',
    basicCode: '450',
    ndrText: 'Connection timed out',
    title: 'Connection to the destination timed out',
    meaning:
      'Exchange Online tried to open an SMTP session with the destination, often your own on-premises server behind a connector, and got no answer in time. '
      + 'The messages stay queued and are retried.',
    causes: [
      'The on-premises or partner mail server is down.',
      'The connector points to a wrong smart host IP address.',
      'A network change, such as a new ISP and public IP, left an outdated address in the connector.',
    ],
    fixes: [
      'Check the smart hosts with Get-OutboundConnector | fl SmartHosts and correct them under Mail flow > Connectors in the EAC.',
      'Confirm the server answers on TCP port 25 from the internet.',
      'When the destination belongs to a partner, ask them to check their server.',
    ],
    actors: ['sender-admin', 'recipient-admin', 'network-owner'],
    sources: [MFI],
  },
  {
    code: '4.4.316',
    product: 'Exchange Online',
    basicCode: '450',
    ndrText: 'Connection refused [Message=Socket error code 10061]',
    title: 'Destination refused the connection',
    meaning:
      'The destination host actively turned down the TCP connection from Exchange Online, so the message was queued for another try. '
      + 'The IP address shown in the error tells you whose server or network has to be fixed.',
    causes: [
      'A firewall blocks Exchange Online IP addresses on port 25.',
      'The on-premises server was shut down after a completed migration while a connector still points to it.',
      'The SMTP service on the destination host is stopped.',
    ],
    fixes: [
      'Allow the published Exchange Online IP ranges through to the mail server on TCP port 25.',
      'After a finished migration, disable the connector to on-premises and make the domain Authoritative (see Get-AcceptedDomain).',
      'Use the IP address in the error to find the owner of the server and have them check the SMTP service.',
    ],
    actors: ['recipient-admin', 'network-owner', 'sender-admin'],
    sources: [NDR_REF, MFI],
  },
  {
    code: '4.4.317',
    product: 'Exchange Online',
    basicCode: '450',
    ndrText: 'Cannot connect to remote server',
    title: 'Destination answered but the session could not proceed',
    meaning:
      'Exchange Online reached the destination server, but it replied with an immediate error or failed a connection requirement such as TLS. '
      + 'A frequent variant carries [Message=UntrustedRoot]: the certificate chain could not be built.',
    causes: [
      'The connector requires TLS, but the destination does not offer STARTTLS.',
      'The destination presents only its leaf certificate without the intermediate CAs (UntrustedRoot).',
      'The destination returns a "service not available" reply straight away.',
    ],
    fixes: [
      'Compare Get-OutboundConnector | fl TlsSettings,TlsDomain with what the destination actually supports.',
      'Make the destination server send its full certificate chain, intermediates included.',
      'Check the certificate and TLS settings of the on-premises server, or ask the partner to check theirs.',
    ],
    actors: ['recipient-admin', 'sender-admin'],
    sources: [MFI, 'Exchange Online: NDR 450 4.4.317 UntrustedRoot page'],
  },
  {
    code: '4.4.318',
    product: 'Exchange Online',
    basicCode: '450',
    ndrText: 'Connection was closed abruptly',
    title: 'Connection dropped during the session',
    meaning:
      'The SMTP session between Exchange Online and the destination broke off before the message was handed over. '
      + 'The message stays queued and is tried again.',
    causes: [
      'A firewall with SMTP inspection rules interferes with the conversation.',
      'The destination server hangs, crashes or runs short of resources and closes the connection.',
      'An unstable network path between Exchange Online and the destination.',
    ],
    fixes: [
      'Turn off SMTP inspection (fixup) on the firewall in front of the mail server.',
      'Check event logs and resource use on the destination at the times shown in message trace.',
      'Ask the network team to trace the path between Exchange Online and the server.',
    ],
    actors: ['recipient-admin', 'network-owner', 'sender-admin'],
    sources: [MFI],
  },
  {
    code: '4.5.3',
    product: 'Exchange Online',
    ndrText: 'Too many recipients',
    title: 'Too many envelope recipients in one transaction',
    meaning:
      'Exchange Online takes at most 200 envelope recipients (RCPT TO) of one domain per SMTP transaction and deferred the ones beyond that. '
      + 'The sending server is expected to send the rest in further transactions.',
    causes: [
      'A sending server or application puts more than 200 recipients of one domain in a single transaction.',
      'A bulk mailer that does not retry recipients refused with a temporary code.',
    ],
    fixes: [
      'Configure the sending server to split recipient lists into chunks of 200 or fewer per transaction.',
      'Make sure deferred recipients are retried rather than dropped.',
    ],
    actors: ['sender-admin'],
    sources: [NDR_REF],
  },
  {
    code: '4.7.5',
    product: 'Exchange Online',
    ndrText: 'Remote certificate failed MTA-STS validation',
    title: 'MX certificate failed MTA-STS validation (deferred)',
    meaning:
      'The recipient domain enforces MTA-STS, and the certificate its MX host showed did not pass the checks, so Exchange Online deferred delivery. '
      + 'The Reason part of the NDR names the failed check.',
    causes: [
      'The certificate does not chain to a trusted root certificate authority.',
      'Neither the CN nor any SAN matches the MX name listed in the policy.',
      'The certificate has expired.',
    ],
    fixes: [
      'Look at the certificate the MX serves after STARTTLS, for example with openssl s_client -starttls smtp.',
      'Recipient admins: install a publicly trusted certificate whose SANs cover every MX name in the policy.',
      'Set the policy to mode: testing while the certificate is replaced.',
    ],
    actors: ['recipient-admin'],
    sources: [NDR_REF, MTA_STS],
  },
  {
    code: '4.7.26',
    product: 'Exchange Online',
    ndrText: 'Access denied, a message sent over IPv6 [2001:db8::25] must pass either SPF or DKIM validation',
    title: 'Mail over IPv6 must pass SPF or DKIM',
    meaning:
      'Exchange Online accepts anonymous inbound mail over IPv6 only when it passes SPF or DKIM. '
      + 'This message passed neither and was not signed, so it was deferred.',
    causes: [
      'The sending IPv6 address is missing from the SPF record of the envelope sender domain.',
      'The sending system does not DKIM-sign its messages.',
    ],
    fixes: [
      'Add the IPv6 sending addresses to SPF and verify the record with Resolve-DnsName -Type TXT.',
      'Sign outgoing mail with DKIM for the sending domain.',
      'Deliver over IPv4 until SPF or DKIM is in place.',
    ],
    actors: ['sender-admin'],
    sources: [NDR_REF, 'Support for anonymous inbound email over IPv6 in Microsoft 365'],
  },
  {
    code: '4.7.320',
    product: 'Exchange Online',
    basicCode: '450',
    ndrText: 'Certificate validation failed',
    title: 'Destination certificate could not be validated',
    meaning:
      'While sending through a connector, Exchange Online rejected the TLS certificate of the destination server, so the messages wait in the queue. '
      + 'The error detail says which check failed.',
    causes: [
      'The certificate on the destination has expired.',
      'The certificate subject does not match the name the connector expects (TlsDomain).',
      'The certificate was revoked or is otherwise no longer valid.',
    ],
    fixes: [
      'Renew or replace the certificate on the on-premises or partner server.',
      'Make the connector and the certificate agree: Get-OutboundConnector | fl TlsSettings,TlsDomain.',
      'If the server belongs to a partner, ask them to fix the certificate.',
    ],
    actors: ['recipient-admin', 'sender-admin'],
    sources: [MFI],
  },
  {
    code: '4.7.321',
    product: 'Exchange Online',
    ndrText: 'starttls-not-supported: Destination mail server must support TLS to receive mail.',
    title: 'DANE: destination offers no working STARTTLS (deferred)',
    meaning:
      'The recipient domain passed the DNSSEC checks that switch on DANE, but its mail server did not offer STARTTLS or the TLS handshake failed. '
      + 'Exchange Online will not fall back to plain text, so delivery is deferred.',
    causes: [
      'STARTTLS is disabled or broken on the destination server.',
      'The handshake fails, for example because no protocol version or cipher is shared.',
    ],
    fixes: [
      'Test the MX host with openssl s_client -starttls smtp to see whether STARTTLS is advertised and completes.',
      'Recipient admins: enable TLS on the receiving server or repair the handshake.',
      'Confirm the recipient address and that the destination server is meant to receive mail.',
    ],
    actors: ['recipient-admin'],
    sources: [NDR_REF, DANE],
  },
  {
    code: '4.7.322',
    product: 'Exchange Online',
    ndrText: 'certificate-expired: Destination mail server\'s certificate is expired.',
    title: 'DANE: destination certificate expired (deferred)',
    meaning:
      'DNSSEC validation succeeded, but the destination mail server presented an expired X.509 certificate during TLS. '
      + 'Exchange Online defers the message instead of trusting it.',
    causes: [
      'The certificate of the receiving server was not renewed in time.',
      'A renewed certificate was installed but the SMTP service still serves the old one.',
    ],
    fixes: [
      'Recipient admins: renew the certificate and bind it to the SMTP service.',
      'Publish TLSA records for the new certificate or key before switching to it.',
      'Check the served certificate dates with openssl s_client -starttls smtp.',
    ],
    actors: ['recipient-admin'],
    sources: [NDR_REF, DANE],
  },
  {
    code: '4.7.323',
    product: 'Exchange Online',
    ndrText: 'tlsa-invalid: The domain failed DANE validation.',
    title: 'DANE: TLSA validation failed (deferred)',
    meaning:
      'The records were DNSSEC-authentic, yet the certificate of the destination did not match its TLSA record, or the TLSA setup itself was faulty. '
      + 'Exchange Online defers delivery rather than send over an unverified channel.',
    causes: [
      'The served certificate does not match the published TLSA record, often after a certificate renewal.',
      'The TLSA record is malformed or uses unsuitable parameters.',
      'The certificate start date lies in the future, or the connection is being tampered with.',
    ],
    fixes: [
      'Compare dig +dnssec TLSA _25._tcp.mx1.contoso.com with the certificate the server presents.',
      'Roll certificates safely: publish the new TLSA record first, switch, then remove the old one.',
      'Ask the recipient organisation to check its DANE setup when the domain is theirs.',
    ],
    actors: ['recipient-admin'],
    sources: [NDR_REF, DANE],
  },
  {
    code: '4.7.324',
    product: 'Exchange Online',
    ndrText: 'dnssec-invalid: Destination domain returned invalid DNSSEC records',
    title: 'DANE: DNSSEC records could not be validated (deferred)',
    meaning:
      'The destination domain claims to be DNSSEC-signed, but Exchange Online could not validate its records. '
      + 'Without trustworthy DNS it defers delivery.',
    causes: [
      'Expired RRSIG signatures in the zone.',
      'The DS record at the parent does not match the DNSKEY of the zone, for example after a key rollover.',
      'A DNS provider change that broke the chain of trust.',
    ],
    fixes: [
      'Query the zone with Resolve-DnsName -Type DNSKEY -DnssecOk and compare it with -Type DS at the parent.',
      'Recipient admins: re-sign the zone or correct the DS record at the registrar.',
      'Validate the MX answer with a validating resolver such as delv.',
    ],
    actors: ['recipient-admin', 'network-owner'],
    sources: [NDR_REF, DANE],
  },
  {
    code: '4.7.325',
    product: 'Exchange Online',
    ndrText: 'certificate-host-mismatch: Remote certificate MUST have a common name or subject alternative name matching the hostname (DANE)',
    title: 'DANE: certificate name does not match the host (deferred)',
    meaning:
      'The certificate presented by the destination host carried no CN or SAN that matches the domain or its MX host name. '
      + 'Exchange Online defers the message.',
    causes: [
      'The certificate was issued for another name than the MX host.',
      'A load balancer or shared host serves a default certificate.',
    ],
    fixes: [
      'Recipient admins: install a certificate whose SAN includes the exact MX host name.',
      'List the names in the served certificate with openssl s_client -starttls smtp against the MX host on port 25.',
    ],
    actors: ['recipient-admin'],
    sources: [NDR_REF, DANE],
  },
  {
    code: '4.7.500-699',
    product: 'Exchange Online',
    basicCode: '451',
    ndrText: 'Access denied, please try again later',
    title: 'Sending IP temporarily throttled (ASxxx)',
    meaning:
      'Exchange Online Protection saw the sending IP suddenly behave differently from its history, such as a jump in volume, and is slowing it down while it evaluates it. '
      + 'This graylisting lifts by itself when the traffic proves legitimate.',
    causes: [
      'A new sending server without a history of mail to Microsoft 365.',
      'A large, sudden increase in volume from a known sending IP.',
      'An on-premises server relaying through Microsoft 365 without a matching inbound connector.',
    ],
    fixes: [
      'Keep retrying; the restriction usually disappears within a few days of steady, clean traffic.',
      'If you relay through Microsoft 365, create an inbound connector for your mail server (check Get-InboundConnector).',
      'When a third-party service sits in front of Exchange Online, configure a partner connector for it.',
      'Send production mail from a custom domain, not the onmicrosoft.com domain.',
    ],
    actors: ['sender-admin'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 451 4.7.500-699 (ASxxx) page'],
  },
  {
    code: '4.7.850-899',
    product: 'Exchange Online',
    ndrText: 'Access denied, please try again later',
    title: 'Sending IP temporarily restricted',
    meaning:
      'Exchange Online Protection noticed suspicious activity from the connecting IP address and is holding back its mail while it looks closer. '
      + 'Legitimate traffic is released once the review finishes.',
    causes: [
      'The sending IP recently sent spam-like or unusual traffic.',
      'A shared or newly assigned IP address with a poor reputation.',
    ],
    fixes: [
      'Let the sender retry; the restriction is lifted shortly if the traffic is valid.',
      'Check the sending server for compromise or an open relay.',
      'Keep volume steady and follow sender best practices (SPF, DKIM, DMARC).',
    ],
    actors: ['sender-admin', 'network-owner'],
    sources: [NDR_REF],
  },

  // ---------------------------------------------------------------- 5.0 - 5.3
  {
    code: '5.0.350',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'Generic error / x-dg-ref header is too long / Requested action not taken: policy violation detected (AS345)',
    title: 'Generic rejection from the recipient system',
    meaning:
      'Exchange Online wraps many unspecific errors returned by the recipient organisation in 5.0.350. '
      + 'Two texts have known causes: a too-long x-dg-ref header from Rich Text (TNEF) mail, and AS345 for an attachment that embeds too many files.',
    causes: [
      'A Rich Text message whose attachments include a message with further attached messages (x-dg-ref too long).',
      'An attachment, such as a Word document, with 20 or more embedded files (AS345).',
      'Any other rejection by the recipient system that Exchange Online passes on unchanged.',
    ],
    fixes: [
      'For x-dg-ref, send as HTML instead of Rich Text, or stop TNEF to that domain with Set-RemoteDomain -TNEFEnabled $false.',
      'For AS345, remove some embedded files from the attachment and resend.',
      'Otherwise read the remote reply under Diagnostic information for administrators and contact that organisation.',
    ],
    actors: ['sender', 'recipient-admin', 'sender-admin'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 550 5.0.350 page'],
  },
  {
    code: '5.1.0',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'Sender denied',
    title: 'Sender denied or recipient not resolvable',
    meaning:
      'The message was refused because the recipient could not be resolved or because the destination will not accept mail from this sender. '
      + 'A classic trigger is replying to a message saved as a file, whose recipient survives only as an old legacyExchangeDN.',
    causes: [
      'A reply to a saved message opened offline; its stored legacyExchangeDN no longer resolves.',
      'The recipient address is badly formatted.',
      'The recipient blocks your address, your organisation, or Exchange Online as a whole.',
      'Your SPF record misses a sending source ("Recipient address rejected: SPF Permanent Error").',
    ],
    fixes: [
      'Write a new message and type the address instead of replying from the saved file.',
      'Delete the cached Auto-Complete entry in Outlook or Outlook on the web and resend.',
      'Check your SPF record with Resolve-DnsName -Type TXT.',
      'Ask the recipient whether they block you.',
    ],
    actors: ['sender', 'sender-admin', 'recipient-admin'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 550 5.1.0 page'],
  },
  {
    code: '5.1.1',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'Bad destination mailbox address',
    title: 'Recipient address does not exist',
    meaning:
      'The destination has no mailbox for the address used, so the message was refused. '
      + 'Sending the same message again gives the same result.',
    causes: [
      'The address was mistyped.',
      'The mailbox was removed or its address changed.',
      'The mailbox moved and the sender\'s Outlook Auto-Complete entry still points to the old identity.',
      'The recipient has an invalid legacyExchangeDN in Active Directory.',
    ],
    fixes: [
      'Check the spelling and send a new message rather than resending the old one.',
      'Delete the Auto-Complete (nickname cache) entry and type the address in full.',
      'Recipient admins: confirm the address with Get-Recipient -Identity and add a missing X500 proxy address if needed.',
      'Verify the recipient domain MX record points to the current system (Resolve-DnsName -Type MX).',
    ],
    actors: ['sender', 'recipient-admin'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 5.1.1 through 5.1.20 page'],
  },
  {
    code: '5.1.1-20',
    product: 'Exchange Online',
    basicCode: '550',
    title: 'Recipient address problem (5.1.1 to 5.1.20)',
    meaning:
      'Microsoft groups 5.1.1 through 5.1.20 as recipient address failures: the address does not exist, cannot be resolved, or a cached copy of it is wrong. '
      + 'The detail number and the NDR text narrow down which.',
    causes: [
      'A typo in the address, or the recipient was deleted.',
      'A broken Auto-Complete entry after the recipient moved between on-premises Exchange and Exchange Online.',
      'The recipient forwards mail, by Inbox rule or mail flow rule, to an address that no longer exists.',
      'A stale or ambiguous MX record for the recipient domain.',
    ],
    fixes: [
      'Compare the failed address in the NDR with the one in Sent Items; a difference points to forwarding.',
      'Remove the Auto-Complete entry and type the address again.',
      'Look up the recipient with Get-Recipient and review redirect rules under Mail flow > Rules in the EAC.',
      'Make sure the domain has one correct MX record (Resolve-DnsName -Type MX).',
    ],
    actors: ['sender', 'recipient-admin'],
    sources: ['Exchange Online: fix NDR 5.1.1 through 5.1.20 page'],
  },
  {
    code: '5.1.8',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'Access denied, bad outbound sender',
    title: 'Sending account blocked for spam',
    meaning:
      'Exchange Online stopped this account from sending because it sent too much spam. '
      + 'That nearly always means the account was compromised.',
    causes: [
      'Credentials stolen through phishing or malware and used to send spam.',
      'A script or device using the account sent bulk mail that was classed as spam.',
    ],
    fixes: [
      'Treat the account as compromised: reset the password, enforce MFA, and remove unknown Inbox rules and delegates.',
      'Unblock it on the Restricted entities page of the Microsoft 365 Defender portal, or with Remove-BlockedSenderAddress.',
      'Review outbound limits and alerts with Get-HostedOutboundSpamFilterPolicy.',
    ],
    actors: ['sender-admin', 'sender'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 5.1.8 page'],
  },
  {
    code: '5.1.10',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'Recipient not found',
    title: 'Recipient not found by SMTP address lookup',
    meaning:
      'Address lookup in the destination organisation found no recipient with this SMTP address (RESOLVER.ADR.RecipientNotFound). '
      + 'If you never sent the original, the NDR is likely backscatter from someone spoofing your address.',
    causes: [
      'The address does not exist or is misspelled.',
      'The user has no Exchange Online licence, or the mailbox was deleted.',
      'A forwarding setting or mail flow rule sends the message on to an invalid address.',
      'The accepted domain type does not fit a domain shared with another system (Authoritative vs InternalRelay).',
    ],
    fixes: [
      'Check the address and clear its Auto-Complete entry before resending.',
      'Recipient admins: confirm the user exists and is licensed, and check Get-Recipient for the address.',
      'Review mailbox forwarding and Mail flow > Rules in the EAC.',
      'Check the domain with Get-AcceptedDomain | fl DomainName,DomainType.',
    ],
    actors: ['sender', 'recipient-admin'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 550 5.1.10 page'],
  },
  {
    code: '5.1.20',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'Multiple From addresses are not allowed without Sender address',
    title: 'Several From addresses but no Sender',
    meaning:
      'The message header listed more than one From address and no Sender field, which RFC 5322 section 3.6.2 forbids, so it was refused.',
    causes: [
      'An application or script builds messages with several From addresses.',
      'A client lets the user add extra From addresses without setting Sender.',
    ],
    fixes: [
      'Send with a single From address.',
      'When several From addresses are really needed, put exactly one address in the Sender header.',
      'Correct the generating application and confirm with a message trace.',
    ],
    actors: ['sender', 'sender-admin'],
    sources: ['Exchange Online: NDR 550 5.1.20 multiple From addresses page'],
  },
  {
    code: '5.1.90',
    product: 'Exchange Online',
    ndrText: '... you\'ve reached your daily limit for message recipients',
    title: 'Daily recipient limit reached',
    meaning:
      'The sender addressed more recipients within 24 hours than the Exchange Online recipient rate limit allows, so sending is blocked for now.',
    causes: [
      'A compromised account used to send spam.',
      'Legitimate bulk mail from a user mailbox beyond the service limits.',
      'An application sending to many recipients through a user mailbox.',
    ],
    fixes: [
      'Check for compromise: unknown items in Sent Items, new Inbox rules, odd sign-ins.',
      'Compare with the limits in Get-HostedOutboundSpamFilterPolicy | fl RecipientLimit*,ActionWhenThresholdReached.',
      'Move bulk or application mail to a service built for it.',
    ],
    actors: ['sender', 'sender-admin'],
    sources: [NDR_REF, 'Exchange Online limits: sending limits'],
  },
  {
    code: '5.2.2',
    product: 'Exchange Online',
    ndrText: 'Submission quota exceeded / The message can\'t be submitted because the sender\'s submission quota was exceeded',
    title: 'Submission quota exceeded (sender over a sending limit)',
    meaning:
      'When the reply says "Submission quota exceeded", Exchange Online\'s 5.2.2 means the sender went over a sending limit, the recipient rate or the message rate. '
      + 'Exchange Online also sends 5.2.2 for a full mailbox or public folder ("mailbox full", QuotaExceededException); the reply\'s words tell the two apart.',
    causes: [
      'The account is compromised and being used to send spam.',
      'A user or application sent to more than 10,000 recipients in 24 hours.',
      'Too many messages submitted per minute (message rate limit).',
    ],
    fixes: [
      'Check whether the account is compromised and secure it: reset the password, enforce MFA, remove unknown rules.',
      'If the volume was genuine, wait for the 24-hour window to pass before sending more.',
      'Inspect the limits with Get-HostedOutboundSpamFilterPolicy | fl RecipientLimit*,ActionWhenThresholdReached.',
      'If the user got blocked, release it on the Restricted entities page of the Microsoft 365 Defender portal.',
    ],
    actors: ['sender', 'sender-admin'],
    sources: [NDR_REF, 'Exchange Online: fix NDR "submission quota exceeded" page'],
  },
  {
    code: '5.2.121',
    product: 'Exchange Online',
    ndrText: 'Recipient\'s per hour message receive limit from specific sender exceeded',
    title: 'Hourly limit from one sender to one recipient exceeded',
    meaning:
      'One sender sent more messages to a single Exchange Online recipient within an hour than the service accepts, so the excess was rejected. '
      + 'The limit shields mailboxes from floods by misbehaving notification systems.',
    causes: [
      'An automated or monitoring system sending many alerts to one address.',
      'A mail loop or auto-reply ping-pong between one sender and one recipient.',
    ],
    fixes: [
      'Lower the hourly rate to that recipient, for example by sending digests.',
      'Retry the rejected messages later, spread out over time.',
      'Identify the sender with Get-MessageTraceV2 -SenderAddress and -RecipientAddress.',
    ],
    actors: ['sender', 'sender-admin'],
    sources: [NDR_REF],
  },
  {
    code: '5.2.122',
    product: 'Exchange Online',
    ndrText: 'Recipient\'s per hour message receive limit exceeded',
    title: 'Recipient hourly receive limit exceeded',
    meaning:
      'The Exchange Online recipient received more messages within an hour, counting all senders together, than it may accept, so this one was rejected.',
    causes: [
      'A mail storm, such as a reply-all storm, aimed at one mailbox.',
      'Many automated systems delivering to the same mailbox at once.',
      'A shared or service mailbox used as a high-volume drop box.',
    ],
    fixes: [
      'Have senders retry later and reduce what they send per hour to this mailbox.',
      'Find the biggest senders with Get-MessageTraceV2 -RecipientAddress.',
      'Spread high-volume feeds over several mailboxes or another ingestion method.',
    ],
    actors: ['sender-admin', 'recipient-admin'],
    sources: [NDR_REF],
  },
  {
    code: '5.3.190',
    product: 'Exchange Online',
    ndrText: 'Journaling on-premises messages to Microsoft 365 ... not supported when Journaling Archive is disabled',
    title: 'On-premises journaling into Exchange Online refused',
    meaning:
      'An on-premises journal rule sends its journal reports to Exchange Online, but Journaling Archive is off for the tenant, so they are refused.',
    causes: [
      'An on-premises Exchange journal rule targets a recipient hosted in Exchange Online.',
      'Journaling Archive was never switched on for the tenant, or was switched off.',
    ],
    fixes: [
      'If journaling into Exchange Online is wanted, have the Microsoft 365 admin turn on Journaling Archive.',
      'Otherwise send the journal reports elsewhere with Set-JournalRule -JournalEmailAddress on-premises.',
      'List the on-premises journal rules with Get-JournalRule to find the one involved.',
    ],
    actors: ['sender-admin', 'recipient-admin'],
    sources: [NDR_REF],
  },

  // ---------------------------------------------------------------- 5.4 - 5.6
  {
    code: '5.4.1',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'Relay Access Denied / Recipient address rejected: Access denied',
    title: 'Recipient domain or address not accepted',
    meaning:
      'The receiving server would not take the message for this recipient. '
      + 'Either it does not accept mail for the domain at all (Relay Access Denied), or Directory Based Edge Blocking found no such address in the tenant.',
    causes: [
      'The MX record of the recipient domain points to a server that does not host the domain.',
      'The domain is missing from the accepted domains, or has the wrong type.',
      'The address does not exist in an Authoritative domain, so Directory Based Edge Blocking rejects it at the edge.',
      'Hybrid connectors changed, or DNS changes are still spreading (up to 72 hours).',
    ],
    fixes: [
      'Check the MX with Resolve-DnsName -Type MX; a domain hosted in Exchange Online points to *.mail.protection.outlook.com.',
      'Check the domain and its type with Get-AcceptedDomain | fl DomainName,DomainType.',
      'For DBEB rejections, confirm the recipient with Get-Recipient, or use InternalRelay if some mailboxes live elsewhere.',
      'In hybrid, verify the connectors and rerun the Hybrid Configuration Wizard.',
    ],
    actors: ['recipient-admin', 'sender'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 550 5.4.1 page', 'Directory Based Edge Blocking in Exchange Online'],
  },
  {
    code: '5.4.6',
    product: 'Exchange Online',
    basicCode: '554',
    ndrText: 'Hop count exceeded - possible mail loop / Routing loop detected',
    title: 'Mail loop stopped by on-premises Exchange',
    meaning:
      'On-premises Exchange Server halted a message that kept circling between servers; by default it gives up after 20 hops. '
      + 'Seen in hybrid deployments, it usually means on-premises and Exchange Online each route the domain to the other.',
    causes: [
      'Hybrid connectors send the domain back and forth between on-premises and Exchange Online.',
      'The Exchange Online connector to on-premises uses MX (DNS) routing instead of the on-premises smart host.',
      'Forwarding rules or automatic replies on both sides keep generating new messages.',
    ],
    fixes: [
      'Check routing with Get-OutboundConnector | fl Name,SmartHosts,UseMXRecord,RouteAllMessagesViaOnPremises.',
      'Rerun the Hybrid Configuration Wizard to restore the hybrid connectors.',
      'Review forwarding settings and Inbox rules of the sender and recipient mailboxes.',
    ],
    actors: ['recipient-admin', 'sender-admin'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 5.4.6 or 5.4.14 page'],
  },
  {
    code: '5.4.6-20',
    product: 'Exchange Online',
    title: 'Mail loop or routing problem (5.4.6 to 5.4.20)',
    meaning:
      'Microsoft treats 5.4.6 through 5.4.20 as mail loops or broken routes: the message bounced between systems or could not be sent on correctly. '
      + 'On-premises Exchange reports 5.4.6, Exchange Online 5.4.14.',
    causes: [
      'The recipient domain is not an authoritative accepted domain where Exchange Online expects one.',
      'Hybrid connectors set to DNS routing, or scoped to accepted domains.',
      'Forwarding between mailboxes or systems that leads back to the start.',
    ],
    fixes: [
      'Verify accepted domains with Get-AcceptedDomain; make a domain fully hosted in Exchange Online Authoritative.',
      'Check the hybrid connectors with Get-OutboundConnector and Get-InboundConnector, or rerun the Hybrid Configuration Wizard.',
      'Follow the hops with Get-MessageTraceDetailV2 to see where the message turns around.',
    ],
    actors: ['recipient-admin', 'sender-admin'],
    sources: ['Exchange Online: fix NDR 5.4.6 or 5.4.14 page'],
  },
  {
    code: '5.4.8',
    product: 'Exchange Online',
    ndrText: 'MX hosts of [...] failed MTA-STS validation',
    title: 'MX host not allowed by the MTA-STS policy',
    meaning:
      'Permanent form of 4.4.8: the MX host chosen for the recipient domain is not named in its enforced MTA-STS policy, so Exchange Online returned the message.',
    causes: [
      'The policy lists the MX names of a former mail provider.',
      'An MX record was added without a matching mx: line in the policy.',
      'The policy changed but its id did not, so senders hold an outdated copy.',
    ],
    fixes: [
      'Compare Resolve-DnsName -Type MX with the mx: lines of /.well-known/mta-sts.txt on the mta-sts host.',
      'Update the policy, then change the id in the _mta-sts TXT record (check with Resolve-DnsName -Type TXT).',
      'Resend once the recipient domain has corrected its policy.',
    ],
    actors: ['recipient-admin', 'sender'],
    sources: [NDR_REF, MTA_STS],
  },
  {
    code: '5.4.14',
    product: 'Exchange Online',
    ndrText: 'Hop count exceeded - possible mail loop ATTR34 / Routing loop detected',
    title: 'Mail loop stopped by Exchange Online',
    meaning:
      'Exchange Online accepted the message for the recipient domain but could not route it correctly and stopped it as a loop. '
      + 'Accepted domain settings or hybrid connectors are the usual cause.',
    causes: [
      'The accepted domain type does not match where the mailboxes actually live.',
      'In hybrid, the connector to on-premises is missing, not of type On-premises, or scoped to accepted domains.',
      'RouteAllMessagesViaOnPremises is on and the on-premises side sends the message straight back.',
    ],
    fixes: [
      'Check Get-AcceptedDomain | fl DomainName,DomainType and correct the type.',
      'Check Get-OutboundConnector | fl Name,ConnectorType,RecipientDomains,RouteAllMessagesViaOnPremises.',
      'Rerun the Hybrid Configuration Wizard to rebuild the hybrid connectors.',
    ],
    actors: ['recipient-admin', 'sender-admin'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 5.4.6 or 5.4.14 page'],
  },
  {
    code: '5.4.300',
    product: 'Exchange Online',
    ndrText: 'Message expired',
    title: 'Message expired before delivery',
    meaning:
      'Delivery took too long and the message timed out: the destination never answered, or an earlier NDR for the message could not reach the original sender.',
    causes: [
      'The destination server was unreachable for the whole retry period.',
      'A bounce for the message could not be returned to the original sender.',
    ],
    fixes: [
      'Read the last deferral reason with Get-MessageTraceDetailV2.',
      'Check the destination with Resolve-DnsName -Type MX and the Remote Connectivity Analyzer.',
      'Make sure the original sender address can receive mail, so NDRs can reach it.',
    ],
    actors: ['recipient-admin', 'sender-admin'],
    sources: [NDR_REF],
  },
  {
    code: '5.5.0',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'Requested action not taken: mailbox unavailable',
    title: 'Outlook.com or Hotmail recipient not found',
    meaning:
      'The recipient is at outlook.com or hotmail.com and the consumer service found no such address. '
      + 'It is the consumer-side counterpart of 5.1.10.',
    causes: [
      'A misspelled outlook.com or hotmail.com address.',
      'The consumer account was closed or never existed.',
    ],
    fixes: [
      'Confirm the address with the recipient through another channel.',
      'Delete the cached Auto-Complete entry and type the address again.',
    ],
    actors: ['sender'],
    sources: [NDR_REF],
  },
  {
    code: '5.6.11',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'Invalid characters',
    title: 'Bare line feeds the destination cannot take',
    meaning:
      'The message contains bare line feeds (LF without CR), and the destination server cannot accept those because it lacks SMTP chunking (BDAT). '
      + 'Exchange Online no longer strips bare line feeds, since doing so would break DKIM signatures.',
    causes: [
      'The sending client or application ends lines with LF only, often inside an attachment.',
      'The receiving server is old or rejects bare line feeds and does not support BDAT.',
    ],
    fixes: [
      'Send from another client, such as Outlook on the web, or without the affected attachment.',
      'Recipient admins on Exchange Server: Set-ReceiveConnector -BareLinefeedRejectionEnabled $false on the internet Receive connector.',
      'Upgrade the receiving server to software that supports BDAT (RFC 3030).',
    ],
    actors: ['recipient-admin', 'sender'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 550 5.6.11 page'],
  },

  // ---------------------------------------------------------------- 5.7.1 - 5.7.367
  {
    code: '5.7.1',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'Delivery not authorized / Unable to relay / Client was not authenticated',
    title: 'Not authorized: permission, relay or authentication',
    meaning:
      'A permission or security setting stopped the message. '
      + 'The text says which: the sender may not write to this recipient, the server refuses to relay to a domain it does not host, or it insists on authentication first (often as 530).',
    causes: [
      'A group or recipient accepts mail only from listed senders or members.',
      'A mail flow (transport) rule rejected the message.',
      'The MX record points to a server that does not accept the domain, or a client relays without permission.',
      'The receiving server requires SMTP authentication and the sending system did not authenticate.',
    ],
    fixes: [
      'Check restrictions with Get-DistributionGroup | fl AcceptMessagesOnlyFromSendersOrMembers,RequireSenderAuthenticationEnabled.',
      'Spot a rejecting rule with Get-MessageTraceDetailV2 and review Mail flow > Rules in the EAC.',
      'For Unable to relay, correct the MX record or make the receiving system accept the domain (Get-AcceptedDomain).',
      'For Client was not authenticated, configure the sending system to authenticate to that server.',
    ],
    actors: ['recipient-admin', 'sender-admin', 'sender'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 550 5.7.1 page'],
  },
  {
    code: '5.7.5',
    product: 'Exchange Online',
    ndrText: 'Remote certificate failed MTA-STS validation',
    title: 'MX certificate failed MTA-STS validation',
    meaning:
      'Permanent form of 4.7.5: under an enforced MTA-STS policy the certificate of the MX host failed validation, so the message was returned.',
    causes: [
      'The certificate does not chain to a trusted root certificate authority.',
      'No CN or SAN matches the MX name listed in the policy.',
      'The certificate has expired.',
    ],
    fixes: [
      'Inspect the served certificate with openssl s_client -starttls smtp.',
      'Recipient admins: deploy a publicly trusted certificate covering every MX name in the policy.',
      'Resend after the recipient domain has fixed its certificate.',
    ],
    actors: ['recipient-admin', 'sender'],
    sources: [NDR_REF, MTA_STS],
  },
  {
    code: '5.7.12',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'Sender was not authenticated by organization',
    title: 'Recipient accepts only internal senders',
    meaning:
      'The recipient is set to take mail only from senders inside its own organisation, and this sender is outside it. '
      + 'Only the recipient organisation can lift that.',
    causes: [
      'Require that all senders are authenticated is turned on for the recipient.',
      'The recipient is internal-only on purpose, such as an all-staff address.',
    ],
    fixes: [
      'Recipient admins: clear the sender authentication requirement under Message delivery restrictions in the EAC.',
      'In PowerShell: Set-Mailbox or Set-DistributionGroup with -RequireSenderAuthenticationEnabled $false.',
      'Or keep the restriction and add the external sender, as a mail contact, to the allowed senders.',
    ],
    actors: ['recipient-admin'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 5.7.12 page'],
  },
  {
    code: '5.7.13',
    alsoCodes: ['5.7.135'],
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'Sender was not authenticated for public folder',
    title: 'Public folder accepts only internal senders',
    meaning:
      'The mail-enabled public folder refuses messages from outside its organisation, and this sender is external. '
      + 'Exchange Online reports the same case as 5.7.135.',
    causes: [
      'Require that all senders are authenticated is on for the public folder.',
      'The public folder accepts mail only from a list that does not include the sender.',
    ],
    fixes: [
      'Check Get-MailPublicFolder | fl RequireSenderAuthenticationEnabled,AcceptMessagesOnlyFrom*.',
      'Allow outside senders with Set-MailPublicFolder -RequireSenderAuthenticationEnabled $false, or in EAC Public folders > Mail flow settings.',
      'Or accept only chosen outsiders by adding mail contacts for them to the accept list.',
    ],
    actors: ['recipient-admin'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 5.7.13 or 5.7.135 page'],
  },
  {
    code: '5.7.23',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'The message was rejected because of Sender Policy Framework violation',
    title: 'Rejected for failing SPF',
    meaning:
      'The destination checks SPF on inbound mail and this message failed it, so it was refused. '
      + 'The fault normally lies in the SPF setup of the sending organisation.',
    causes: [
      'The SPF record omits some sending sources, such as on-premises servers relaying through Exchange Online.',
      'Mail sent from a domain that is not added and verified in the tenant.',
      'The message was judged outbound spam and left through the high-risk delivery pool, which fails SPF.',
    ],
    fixes: [
      'Check the record with Resolve-DnsName -Type TXT; it should include spf.protection.outlook.com and every other source.',
      'Add and verify every domain you send from in Microsoft 365.',
      'Look for outbound spam verdicts in message trace and enable notifications in the outbound spam policy (Get-HostedOutboundSpamFilterPolicy).',
    ],
    actors: ['sender-admin'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 5.7.23 page'],
  },
  {
    code: '5.7.25',
    product: 'Exchange Online',
    ndrText: 'Access denied, the sending IPv6 address [...] must have a reverse DNS record',
    title: 'IPv6 sender has no reverse DNS',
    meaning:
      'Exchange Online requires a PTR (reverse DNS) record for any IPv6 address that sends it anonymous mail, and this one had none.',
    causes: [
      'The IPv6 address of the sending server has no PTR record.',
      'Reverse DNS is managed by the hosting provider and was never set.',
    ],
    fixes: [
      'Check with Resolve-DnsName -Type PTR on the sending IPv6 address.',
      'Ask whoever owns the IPv6 range to publish a PTR record naming the mail server.',
      'Send over IPv4 until reverse DNS exists.',
    ],
    actors: ['sender-admin', 'network-owner'],
    sources: [NDR_REF, 'Support for anonymous inbound email over IPv6 in Microsoft 365'],
  },
  {
    code: '5.7.57',
    product: 'Exchange Online',
    basicCode: '530',
    ndrText: 'Client was not authenticated to send anonymous mail during MAIL FROM',
    title: 'Device or application did not authenticate to smtp.office365.com',
    meaning:
      'A device or application submitted mail to smtp.office365.com without first signing in as a user with an Exchange Online mailbox, so the submission was refused.',
    causes: [
      'Wrong or missing credentials in the device or application settings.',
      'The device cannot negotiate TLS, which must come before authentication.',
      'SMTP AUTH is disabled for the mailbox or for the whole organisation.',
    ],
    fixes: [
      'Check the credentials and that the device uses port 587 with STARTTLS.',
      'Check SMTP AUTH with Get-CASMailbox | fl SmtpClientAuthenticationDisabled and Get-TransportConfig | fl SmtpClientAuthenticationDisabled.',
      'If the device cannot authenticate, switch it to direct send or to SMTP relay through an inbound connector.',
    ],
    actors: ['sender-admin', 'sender'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 5.7.57 page'],
  },
  {
    code: '5.7.64',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'TenantAttribution; Relay Access Denied',
    title: 'Mail from on-premises no longer matches its inbound connector',
    meaning:
      'Mail from your own servers reached Exchange Online but did not match the inbound connector meant for it, so it could not be tied to your tenant and relaying was refused.',
    causes: [
      'The public IP of the on-premises server changed and is no longer listed on the connector.',
      'The certificate name the server presents no longer matches the connector, for example after renewal.',
    ],
    fixes: [
      'Compare Get-InboundConnector | fl SenderIPAddresses,TlsSenderCertificateName,RestrictDomainsToCertificate with the real server.',
      'Update the connector, or rerun the Hybrid Configuration Wizard in hybrid setups.',
      'Read the original error in the Diagnostic information for administrators section of the NDR.',
    ],
    actors: ['sender-admin'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 5.7.64 page'],
  },
  {
    code: '5.7.124',
    product: 'Exchange Online',
    ndrText: 'Sender not in allowed-senders list',
    title: 'Sender not allowed to send to the group',
    meaning:
      'The distribution group accepts mail only from its allowed senders, and this sender is not among them. '
      + 'Depending on the setup, even the owner of the group may have to be added.',
    causes: [
      'Delivery management of the group is limited to specific senders.',
      'The sender writes from another address than the one on the list.',
    ],
    fixes: [
      'Check Get-DistributionGroup | fl AcceptMessagesOnlyFromSendersOrMembers.',
      'Add the sender under Groups > Settings > Delivery management in the EAC, or with Set-DistributionGroup -AcceptMessagesOnlyFromSendersOrMembers @{Add="ann@contoso.com"}.',
      'Ask the group owner for permission, or to add you as a member.',
    ],
    actors: ['recipient-admin', 'sender'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 5.7.124 page'],
  },
  {
    code: '5.7.133',
    product: 'Exchange Online',
    ndrText: 'Sender not authenticated for group',
    title: 'Group accepts only internal senders',
    meaning:
      'The distribution group refuses mail from outside its organisation, and this sender is external (RESOLVER.RST.SenderNotAuthenticatedForGroup). '
      + 'The recipient admin or the group owner can change it.',
    causes: [
      'RequireSenderAuthenticationEnabled is true on the group, the default for new groups.',
      'The group is meant for internal use only.',
    ],
    fixes: [
      'Check Get-DistributionGroup | fl RequireSenderAuthenticationEnabled.',
      'Allow outside senders with Set-DistributionGroup -RequireSenderAuthenticationEnabled $false, or under Delivery management in the EAC.',
      'Or keep it internal and add a mail contact for the external sender to the allowed senders.',
    ],
    actors: ['recipient-admin'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 5.7.133 page'],
  },
  {
    code: '5.7.134',
    product: 'Exchange Online',
    ndrText: 'Sender was not authenticated for mailbox',
    title: 'Mailbox accepts only internal senders',
    meaning:
      'The recipient mailbox refuses mail from outside its organisation, and this sender is external. '
      + 'Only an admin of the recipient organisation can change that.',
    causes: [
      'RequireSenderAuthenticationEnabled is set on the mailbox.',
      'The mailbox, often a shared one, was deliberately limited to internal senders.',
    ],
    fixes: [
      'Check Get-Mailbox | fl RequireSenderAuthenticationEnabled.',
      'Allow outside senders with Set-Mailbox -RequireSenderAuthenticationEnabled $false, or in EAC Mailboxes > Manage mail flow settings.',
      'Or accept only chosen outsiders by adding them as mail contacts to the accept list.',
    ],
    actors: ['recipient-admin'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 5.7.134 page'],
  },
  {
    code: '5.7.136',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'Sender was not authenticated',
    title: 'Mail user accepts only internal senders',
    meaning:
      'The recipient is a mail user that refuses mail from outside its organisation, and this sender is external. '
      + 'Only an admin of the recipient organisation can change it.',
    causes: [
      'RequireSenderAuthenticationEnabled is set on the mail user.',
      'The mail user accepts mail only from a list that leaves out the sender.',
    ],
    fixes: [
      'Check Get-MailUser | fl RequireSenderAuthenticationEnabled.',
      'Allow outside senders with Set-MailUser -RequireSenderAuthenticationEnabled $false, or in the classic EAC under Recipients > Contacts.',
      'Or add the external sender, as a mail contact, to the allowed senders of the mail user.',
    ],
    actors: ['recipient-admin'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 5.7.136 page'],
  },
  {
    code: '5.7.193',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'UnifiedGroupAgent; Delivery failed because the sender isn\'t a group member or external senders aren\'t permitted to send to this group',
    title: 'Microsoft 365 group refuses external senders',
    meaning:
      'An external sender wrote to a Microsoft 365 group that is not set up to receive mail from outside the organisation.',
    causes: [
      'The group keeps the default that blocks external senders.',
      'The group only accepts mail from its members.',
    ],
    fixes: [
      'Group owner: edit the group in Outlook and allow people outside the organisation to email it.',
      'Admin: Set-UnifiedGroup -RequireSenderAuthenticationEnabled $false, or Allow external senders under Groups > Settings in the EAC.',
      'Allow up to an hour for the change to take effect.',
    ],
    actors: ['recipient-admin'],
    sources: ['Exchange Online: NDR 550 5.7.193 for external senders to a Microsoft 365 group page'],
  },
  {
    code: '5.7.321',
    product: 'Exchange Online',
    ndrText: 'starttls-not-supported: Destination mail server must support TLS to receive mail.',
    title: 'DANE: destination offers no working STARTTLS',
    meaning:
      'Permanent form of 4.7.321: the DANE-protected destination never completed TLS, either lacking STARTTLS or failing the handshake, so the message was returned.',
    causes: [
      'STARTTLS is disabled or broken on the destination server.',
      'The handshake fails because no protocol version or cipher is shared.',
    ],
    fixes: [
      'Test the MX host with openssl s_client -starttls smtp.',
      'Recipient admins: enable TLS on the receiving server or fix the handshake.',
      'Resend once the destination accepts TLS.',
    ],
    actors: ['recipient-admin', 'sender'],
    sources: [NDR_REF, DANE],
  },
  {
    code: '5.7.322',
    product: 'Exchange Online',
    ndrText: 'certificate-expired: Destination mail server\'s certificate is expired.',
    title: 'DANE: destination certificate expired',
    meaning:
      'Permanent form of 4.7.322: DNSSEC checks passed, but the destination served an expired certificate, so the message was returned.',
    causes: [
      'The certificate of the receiving server was not renewed in time.',
      'A renewed certificate was installed but not bound to the SMTP service.',
    ],
    fixes: [
      'Recipient admins: renew the certificate and bind it to the SMTP service.',
      'Publish TLSA records for the new certificate or key before switching to it.',
      'Resend after the certificate has been replaced.',
    ],
    actors: ['recipient-admin', 'sender'],
    sources: [NDR_REF, DANE],
  },
  {
    code: '5.7.323',
    product: 'Exchange Online',
    ndrText: 'tlsa-invalid: The domain failed DANE validation.',
    title: 'DANE: TLSA validation failed',
    meaning:
      'Permanent form of 4.7.323: the DNSSEC-authentic TLSA record did not match the certificate of the destination, or was itself faulty, so the message was returned.',
    causes: [
      'The certificate was renewed without updating the TLSA record.',
      'The TLSA record is malformed or uses unsuitable parameters.',
      'The certificate start date lies in the future, or the connection is being tampered with.',
    ],
    fixes: [
      'Compare dig +dnssec TLSA _25._tcp.mx1.contoso.com with the certificate the server presents.',
      'Publish the new TLSA record before every certificate or key change.',
      'Resend once the recipient domain has repaired its DANE setup.',
    ],
    actors: ['recipient-admin', 'sender'],
    sources: [NDR_REF, DANE],
  },
  {
    code: '5.7.324',
    product: 'Exchange Online',
    ndrText: 'dnssec-invalid: Destination domain returned invalid DNSSEC records',
    title: 'DANE: DNSSEC records could not be validated',
    meaning:
      'Permanent form of 4.7.324: the destination domain claims DNSSEC, but Exchange Online could not validate its answers, so the message was returned.',
    causes: [
      'Expired RRSIG signatures in the zone.',
      'A DS record at the parent that does not match the DNSKEY of the zone.',
    ],
    fixes: [
      'Query Resolve-DnsName -Type DNSKEY -DnssecOk and compare with the DS record at the parent.',
      'Recipient admins: re-sign the zone or correct the DS record with the registrar.',
    ],
    actors: ['recipient-admin', 'network-owner'],
    sources: [NDR_REF, DANE],
  },
  {
    code: '5.7.325',
    product: 'Exchange Online',
    ndrText: 'certificate-host-mismatch: Remote certificate MUST have a common name or subject alternative name matching the hostname (DANE)',
    title: 'DANE: certificate name does not match the host',
    meaning:
      'Permanent form of 4.7.325: no CN or SAN in the destination certificate matches the domain or its MX host, so the message was returned.',
    causes: [
      'The certificate was issued for a name other than the MX host.',
      'A load balancer or shared host serves a default certificate.',
    ],
    fixes: [
      'Recipient admins: install a certificate whose SAN lists the exact MX host name.',
      'Check the served names with openssl s_client -starttls smtp against the MX host.',
    ],
    actors: ['recipient-admin', 'sender'],
    sources: [NDR_REF, DANE],
  },
  {
    code: '5.7.367',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'Remote server returned not permitted to relay',
    title: 'Forwarded or relayed message refused downstream',
    meaning:
      'Exchange Online forwarded or relayed a message for an outside sender from its relay pool, and the next server, often a third-party gateway, refused to relay it. '
      + 'It happens when the message failed SPF and DKIM on its way into Microsoft 365.',
    causes: [
      'Inbound mail passes a third-party gateway first, so SPF is checked against the gateway IP and fails.',
      'The sender domain is not an accepted domain and the message carries no valid DKIM signature.',
      'Auto-forwarding or multi-hop relay chains that break authentication.',
    ],
    fixes: [
      'Enable Enhanced Filtering for Connectors on the connector from the gateway (Set-InboundConnector -EFSkipLastIP $true or -EFSkipIPs).',
      'Add sender domains you own as accepted domains (check Get-AcceptedDomain).',
      'Reduce forwarding hops; an extended message trace showing RegularRelayOutboundPool confirms the relay pool was used.',
    ],
    actors: ['recipient-admin', 'sender-admin'],
    sources: ['Exchange Online: forwarded message rejected, NDR 5.7.367 page'],
  },

  // ---------------------------------------------------------------- 5.7.5xx - 5.7.8xx: EOP blocks
  {
    code: '5.7.501',
    product: 'Exchange Online',
    ndrText: 'Access denied, spam abuse detected',
    title: 'Sending account banned for spam abuse',
    meaning:
      'Exchange Online Protection banned the sending account after detecting spam from it.',
    causes: [
      'A compromised account used to send spam.',
      'Bulk or unsolicited mail sent from the account.',
    ],
    fixes: [
      'Secure the account first: reset its credentials, enforce MFA, remove unknown rules.',
      'Check Get-BlockedSenderAddress and the Restricted entities page for the account.',
      'Contact Microsoft support through your usual channel to restore sending.',
    ],
    actors: ['sender-admin', 'sender'],
    sources: [NDR_REF],
  },
  {
    code: '5.7.502',
    alsoCodes: ['5.7.503'],
    product: 'Exchange Online',
    ndrText: 'Access denied, banned sender',
    title: 'Sending account banned',
    meaning:
      'Exchange Online Protection banned the sending account because of detected spam activity.',
    causes: [
      'A compromised account used to send spam.',
      'Bulk or unsolicited mail sent from the account.',
    ],
    fixes: [
      'Resolve the account problem and reset its credentials.',
      'Check Get-BlockedSenderAddress and the Restricted entities page for the account.',
      'Contact Microsoft support through your usual channel to restore sending.',
    ],
    actors: ['sender-admin', 'sender'],
    sources: [NDR_REF],
  },
  {
    code: '5.7.504',
    product: 'Exchange Online',
    ndrText: 'Recipient address rejected: Access denied',
    title: 'Recipient address rejected',
    meaning:
      'Exchange Online Protection refused the recipient because the address is not valid.',
    causes: [
      'A misspelled or outdated recipient address.',
      'The address does not exist in the recipient tenant (Directory Based Edge Blocking).',
    ],
    fixes: [
      'Check the recipient address and send again.',
      'Recipient admins: confirm the address exists with Get-Recipient.',
    ],
    actors: ['sender', 'recipient-admin'],
    sources: [NDR_REF],
  },
  {
    code: '5.7.505',
    product: 'Exchange Online',
    ndrText: 'Access denied, banned recipient',
    title: 'Recipient banned',
    meaning:
      'Exchange Online Protection treats the recipient you wrote to as invalid and refuses mail for it.',
    causes: [
      'The recipient address has been banned or is not valid.',
      'A typo or an outdated address that the service has marked as invalid.',
    ],
    fixes: [
      'Check the recipient address with the recipient through another channel.',
      'If you believe the block is wrong, contact Microsoft support.',
    ],
    actors: ['sender', 'recipient-admin'],
    sources: [NDR_REF],
  },
  {
    code: '5.7.506',
    product: 'Exchange Online',
    ndrText: 'Access Denied, Bad HELO',
    title: 'Sending server used the receiver\'s name in HELO',
    meaning:
      'The connecting server greeted Exchange Online (HELO/EHLO) with the name of the server it was connecting to rather than its own FQDN. '
      + 'That is typical spambot behaviour and is refused.',
    causes: [
      'A misconfigured mail server or appliance that announces the destination host name.',
      'A spam bot impersonating the receiving server.',
    ],
    fixes: [
      'Configure the sending server to use its own fully qualified name in HELO/EHLO.',
      'Check the sending host for malware if you did not configure it that way.',
    ],
    actors: ['sender-admin'],
    sources: [NDR_REF],
  },
  {
    code: '5.7.507',
    product: 'Exchange Online',
    ndrText: 'Access denied, rejected by recipient',
    title: 'Sending IP blocked by the recipient organisation',
    meaning:
      'The recipient organisation has blocked the IP address the message came from.',
    causes: [
      'The recipient added your sending IP to its IP block list.',
      'Earlier unwanted mail from the IP led the recipient to block it.',
    ],
    fixes: [
      'Contact the recipient and ask them to remove the block.',
      'Recipient admins: check Get-HostedConnectionFilterPolicy | fl IPBlockList.',
    ],
    actors: ['recipient-admin', 'sender-admin'],
    sources: [NDR_REF],
  },
  {
    code: '5.7.508',
    product: 'Exchange Online',
    ndrText: 'Access denied, [...] has exceeded permitted limits within [...] range',
    title: 'IPv6 range exceeded its sending limits',
    meaning:
      'The IPv6 range of the sender tried to deliver too many messages in too short a time, so Exchange Online refused more.',
    causes: [
      'A bulk send over IPv6 from one range.',
      'Several servers in one IPv6 range sending at the same time.',
    ],
    fixes: [
      'Slow the sending rate and retry later.',
      'Spread volume over time, or deliver over IPv4 with an established reputation.',
    ],
    actors: ['sender-admin'],
    sources: [NDR_REF],
  },
  {
    code: '5.7.509',
    product: 'Exchange Online',
    ndrText: 'Access denied, sending domain [...] does not pass DMARC verification and has a DMARC policy of reject',
    title: 'DMARC failed and the domain policy is reject',
    meaning:
      'The domain in the From header (5322.From) failed DMARC, and its owner publishes p=reject, so Exchange Online refused the message.',
    causes: [
      'SPF and DKIM both fail or do not align with the From domain.',
      'The message is not DKIM-signed, or the public key is missing from DNS.',
      'Forwarding along the way broke SPF and DKIM.',
    ],
    fixes: [
      'Check _dmarc and SPF records with Resolve-DnsName -Type TXT and read the Authentication-Results in the returned headers.',
      'Sign the mail with DKIM for the From domain and align the envelope sender with it.',
      'Use DMARC aggregate reports to find sources that are not yet authenticated.',
    ],
    actors: ['sender-admin'],
    sources: [NDR_REF],
  },
  {
    code: '5.7.510',
    product: 'Exchange Online',
    ndrText: 'Access denied, [...] does not accept email over IPv6',
    title: 'Recipient does not accept mail over IPv6',
    meaning:
      'The message was sent to the recipient over IPv6, but the recipient domain does not take mail over IPv6.',
    causes: [
      'The sending server prefers IPv6 for a domain that only accepts IPv4.',
      'An IPv6-only sending host with no IPv4 route to fall back on.',
    ],
    fixes: [
      'Configure the sending server to deliver to this domain over IPv4.',
      'Retry over IPv4 and confirm with a message trace.',
    ],
    actors: ['sender-admin'],
    sources: [NDR_REF],
  },
  {
    code: '5.7.511',
    product: 'Exchange Online',
    ndrText: 'Access denied, banned sender',
    title: 'Sending IP banned',
    meaning:
      'The IP address the message came from is banned by Exchange Online Protection.',
    causes: [
      'Spam or malicious traffic sent from the IP, often after a compromise.',
      'The IP has a poor reputation inherited from a previous user.',
    ],
    fixes: [
      'Clean up the cause on the sending server first.',
      'Request delisting by email to Microsoft (delist@microsoft.com) with the full NDR code and the IP address.',
    ],
    actors: ['sender-admin', 'network-owner'],
    sources: [NDR_REF, 'Microsoft 365 delist portal (sender.office.com) guidance'],
  },
  {
    code: '5.7.512',
    product: 'Exchange Online',
    ndrText: 'Access denied, message must be RFC 5322 section 3.6.2 compliant',
    title: 'Message lacks a valid From address',
    meaning:
      'The message had no valid address in its From header, which RFC 5322 section 3.6.2 requires, so Microsoft 365 refused it.',
    causes: [
      'An application writes an empty or malformed From header.',
      'The From address lacks proper syntax, such as angle brackets around the address.',
    ],
    fixes: [
      'Make the sending application set a valid From header, for example <alerts@contoso.com>.',
      'Test with a message and inspect the headers it produces.',
    ],
    actors: ['sender-admin', 'sender'],
    sources: [NDR_REF],
  },
  {
    code: '5.7.513',
    product: 'Exchange Online',
    ndrText: 'Service unavailable, Client host [...] blocked by [...] using Customer Block list (AS16012607)',
    title: 'Sending IP on the recipient\'s own block list',
    meaning:
      'The recipient domain has put your sending IP address on its custom block list in Exchange Online.',
    causes: [
      'The recipient organisation added the IP deliberately after unwanted mail from it.',
      'The IP was added by mistake, or belongs to a shared range that another sender abused.',
    ],
    fixes: [
      'Contact the recipient directly and ask them to remove the IP.',
      'Recipient admins: review the IP block list with Get-HostedConnectionFilterPolicy | fl IPBlockList.',
    ],
    actors: ['recipient-admin', 'sender-admin'],
    sources: [NDR_REF],
  },
  {
    code: '5.7.606-649',
    product: 'Exchange Online',
    ndrText: 'Access denied, banned sending IP [...]',
    title: 'Sending IP on Microsoft\'s block list',
    meaning:
      'The IP address the message came from is on the Microsoft 365 block list, so Exchange Online refuses its mail.',
    causes: [
      'Spam or malicious traffic from the IP, for example after a server compromise.',
      'An open relay or misconfigured server on the IP.',
      'A poor reputation carried over from a previous user of the address.',
    ],
    fixes: [
      'Fix the cause and follow email deliverability best practice before asking for removal.',
      'Request removal through the delist portal at sender.office.com.',
    ],
    actors: ['sender-admin', 'network-owner'],
    sources: [NDR_REF, 'Microsoft 365 delist portal (sender.office.com) guidance'],
  },
  {
    code: '5.7.700-749',
    product: 'Exchange Online',
    ndrText: 'Access denied, tenant has exceeded threshold / Access denied, traffic not accepted from this IP',
    title: 'Tenant blocked from sending',
    meaning:
      'Most traffic from the sending Microsoft 365 tenant looked suspicious, so Exchange Online banned the tenant, or its IP, from sending.',
    causes: [
      'A compromised on-premises server relaying spam through Exchange Online.',
      'A compromised admin account used to create rogue connectors.',
      'An open relay passing mail through the tenant.',
    ],
    fixes: [
      'Find the source with the outbound mail flow reports and Get-MessageTraceV2.',
      'Check Get-InboundConnector for connectors you did not create, and secure admin accounts.',
      'After fixing the cause, contact Microsoft support to lift the block.',
    ],
    actors: ['sender-admin'],
    sources: ['Exchange Online NDR reference (2021)', 'Exchange Online: fix NDR 5.7.700 through 5.7.750 page'],
  },
  {
    code: '5.7.703',
    product: 'Exchange Online',
    ndrText: 'Your message can\'t be delivered because messages to ... are blocked by your organization using Tenant Allow Block List',
    title: 'Recipient blocked by your own Tenant Allow/Block List',
    meaning:
      'A user in your organisation wrote to an address or domain that your Tenant Allow/Block List blocks. '
      + 'The whole message is stopped for every recipient, not just the blocked one.',
    causes: [
      'A block entry for the address or domain exists in the Tenant Allow/Block List.',
      'A broad domain block catches a partner address.',
    ],
    fixes: [
      'Find the entry with Get-TenantAllowBlockListItems -ListType Sender -Block.',
      'Remove or narrow the entry if the block is unintended (Remove-TenantAllowBlockListItems).',
      'Resend without the blocked recipient if the block is deliberate.',
    ],
    actors: ['sender-admin', 'sender'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 5.7.703, 5.7.705, 5.7.708, 5.7.750 page'],
  },
  {
    code: '5.7.705',
    product: 'Exchange Online',
    ndrText: 'Access denied, tenant has exceeded threshold',
    title: 'Tenant blocked for sending too much spam',
    meaning:
      'The tenant sent too much spam or bulk mail, so Exchange Online blocked all its outgoing mail.',
    causes: [
      'A compromised on-premises server routing spam through Exchange Online.',
      'A compromised admin account used to set up connectors for spam.',
      'Rarely, an expired subscription that was just renewed and is still syncing.',
    ],
    fixes: [
      'Investigate with the outbound mail flow status report, Top senders and recipients, and Get-MessageTraceV2.',
      'Review Get-InboundConnector for rogue connectors and secure compromised accounts.',
      'Once the cause is fixed, ask Microsoft support to remove the block.',
    ],
    actors: ['sender-admin'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 5.7.703, 5.7.705, 5.7.708, 5.7.750 page'],
  },
  {
    code: '5.7.708',
    product: 'Exchange Online',
    ndrText: 'Access denied, traffic not accepted from this IP',
    title: 'Sending IP has too low a reputation',
    meaning:
      'The message left from an IP address with low reputation, something that mostly affects new or trial tenants.',
    causes: [
      'A Microsoft 365 trial tenant sending from low-reputation IP addresses.',
      'Suspicious traffic from the tenant lowered the IP reputation.',
    ],
    fixes: [
      'During a trial, ask Microsoft support for an IP exception until licences are assigned.',
      'Check for compromised accounts or connectors sending unwanted mail.',
    ],
    actors: ['sender-admin'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 5.7.703, 5.7.705, 5.7.708, 5.7.750 page'],
  },
  {
    code: '5.7.750',
    product: 'Exchange Online',
    ndrText: 'Service unavailable. Client blocked from sending from unregistered domains',
    title: 'Sending from domains not registered in the tenant',
    meaning:
      'The tenant sent a suspicious volume of mail from domains that are not added and verified in Microsoft 365, so such mail is blocked.',
    causes: [
      'An on-premises server or application relays mail for domains never added to the tenant.',
      'Misconfigured connectors accepting mail for arbitrary domains.',
      'An attacker created an inbound connector to relay spam.',
    ],
    fixes: [
      'Add and verify every domain you send from, then check them with Get-AcceptedDomain.',
      'Use a certificate-based connector whose certificate domain is an accepted domain.',
      'Audit Get-InboundConnector for unknown connectors, then ask Microsoft support to lift the block.',
    ],
    actors: ['sender-admin'],
    sources: [NDR_REF, 'Exchange Online: fix NDR 5.7.700 through 5.7.750 page'],
  },
  {
    code: '4.4.62',
    product: 'Exchange Online',
    basicCode: '451',
    ndrText: 'Mail sent to the wrong Office 365 region. ATTR35',
    title: 'Mail sent to the wrong Microsoft 365 region',
    meaning:
      'The sending server handed the message to a Microsoft 365 endpoint that does not serve the recipient\'s tenant, because its MX record or smart host points to a retired or wrong address. The message is deferred, not lost.',
    causes: [
      'A smart host set to mail.messaging.microsoft.com, mail.global.frontbridge.com or a fixed Microsoft 365 IP address.',
      'An MX record that is not the tenant\'s own <domain>.mail.protection.outlook.com.',
    ],
    fixes: [
      'Point the MX record at the value the Microsoft 365 admin center gives for the domain: Resolve-DnsName domain -Type MX.',
      'Set send connectors and devices to the MX name (or the initial onmicrosoft.com domain\'s MX): Get-SendConnector | fl SmartHosts.',
    ],
    actors: ['sender-admin', 'network-owner'],
    sources: [NDR_REF, 'Exchange Online: ATTR35 reply code when mail is sent to EOP/EXO'],
  },
  {
    code: '5.7.54',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'Unable to relay recipient in non-accepted domain',
    title: 'Relay to an outside domain not allowed for this connection',
    meaning:
      'An application, device or on-premises server sent mail through Exchange Online to a domain the tenant does not own, and Exchange Online could not tie the connection to the tenant, so it refused to relay.',
    causes: [
      'No inbound connector matches the sending IP address or certificate.',
      'The sender uses direct send (to the MX endpoint), which only delivers to the tenant\'s own domains.',
    ],
    fixes: [
      'Create or fix an inbound connector from the organisation\'s server by IP or certificate: Get-InboundConnector | fl SenderIPAddresses,TlsSenderCertificateName.',
      'Or submit with authentication to smtp.office365.com on port 587.',
    ],
    actors: ['sender-admin'],
    sources: [NDR_REF, 'Exchange Online: set up a device or application to send mail (SMTP relay)'],
  },
  {
    code: '5.7.129',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'RESOLVER.RST.RestrictedToRecipientsPermission',
    title: 'Sender may send only to certain recipients',
    meaning:
      'An admin restricted which recipients this sender may write to, and this recipient is not one of them. The recipient\'s address itself is fine.',
    causes: ['A recipient restriction placed on the sending account, for example while it is investigated or for a limited-purpose mailbox.'],
    fixes: ['Ask the sender\'s admin whether the restriction is meant and, if not, remove it from the account.'],
    actors: ['sender-admin'],
    sources: [NDR_REF],
  },
  {
    code: '5.7.232',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'Your message can\'t be sent because your trial tenant has exceeded its daily limit for sending email to external recipients (tenant external recipient rate limit)',
    title: 'Trial tenant over its daily external recipient limit',
    meaning:
      'Across all its mailboxes and applications, the trial tenant sent to more external recipients in the last 24 hours than Exchange Online allows a trial tenant. Sending to outside addresses resumes as the rolling window moves on.',
    causes: ['A campaign or an application sending to many outside addresses.', 'A compromised account sending spam.'],
    fixes: [
      'Wait until the 24-hour count falls below the limit; mail inside the tenant is not affected.',
      'Buy paid licences: the tenant external recipient rate limit (TERRL) of a paid tenant is higher and grows with the licence count.',
      'See the count in the Exchange admin center under Reports > Mail flow > Tenant outbound external recipients.',
    ],
    actors: ['sender-admin'],
    sources: [NDR_REF, 'Microsoft Exchange team: tenant outbound email limits (TERRL), 2025'],
  },
  {
    code: '5.7.233',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'Your message can\'t be sent because your tenant exceeded its daily limit for sending email to external recipients (tenant external recipient rate limit)',
    title: 'Tenant over its daily external recipient limit',
    meaning:
      'Across all its mailboxes and applications, the tenant sent to more external recipients in the last 24 hours than its tenant external recipient rate limit (TERRL), which Exchange Online derives from the number of paid licences. Sending to outside addresses resumes as the rolling window moves on.',
    causes: ['A bulk send or an application mailing many outside addresses.', 'A compromised account or an unexpected mail loop to outside addresses.'],
    fixes: [
      'Find the senders in the Exchange admin center under Reports > Mail flow > Tenant outbound external recipients.',
      'Move bulk mail to a service made for it; wait for the rolling window to pass.',
      'Check for compromised accounts: Get-MessageTraceV2 -SenderAddress user -StartDate (Get-Date).AddDays(-1).',
    ],
    actors: ['sender-admin'],
    sources: [NDR_REF, 'Microsoft Exchange team: tenant outbound email limits (TERRL), 2025'],
  },
  {
    code: '5.7.350',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'Remote server returned message detected as spam',
    title: 'The remote server refused the message as spam',
    meaning:
      'Exchange Online passes on a refusal from a server outside Microsoft 365: that server judged the message to be spam, sometimes because of the reputation of the Microsoft server that relayed it. The recipient\'s address is fine.',
    causes: [
      'The destination\'s filter, or a block list it uses, rated the message or the relaying IP as spam.',
      'Forwarded mail that was spam before it was forwarded.',
    ],
    fixes: [
      'Read the remote server\'s own words in the NDR for the list or filter that refused it.',
      'If a Microsoft relay IP is listed, ask the recipient\'s admin to allow it, or route the mail through a connector with an IP of your own.',
    ],
    actors: ['sender-admin', 'recipient-admin'],
    sources: [NDR_REF, 'Microsoft 365 service incident EX703958 (January 2024)'],
  },
  {
    code: '5.7.520',
    product: 'Exchange Online',
    basicCode: '550',
    ndrText: 'Access denied, Your organization does not allow external forwarding',
    title: 'Automatic forwarding to an outside address blocked',
    meaning:
      'A mailbox rule or forwarding setting tried to send the message on to an outside address, and the sender\'s organisation blocks automatic external forwarding (the default of the outbound anti-spam policy). The outside address was never tried.',
    causes: [
      'An inbox rule or mailbox forwarding (ForwardingSmtpAddress) to an outside address.',
      'The outbound spam filter policy sets automatic forwarding to Off or System-controlled.',
    ],
    fixes: [
      'Find the forwarding: Get-InboxRule -Mailbox user | where {$_.ForwardTo -or $_.RedirectTo} and Get-Mailbox user | fl ForwardingSmtpAddress.',
      'If the forwarding is wanted, allow it for that user in a dedicated outbound policy: Set-HostedOutboundSpamFilterPolicy -AutoForwardingMode On.',
      'If it is not wanted, remove the rule: a forwarding rule nobody set up may mean a compromised account.',
    ],
    actors: ['sender-admin'],
    sources: [NDR_REF, 'Microsoft Defender for Office 365: control automatic external email forwarding'],
  },
  {
    code: '5.7.800',
    product: 'Exchange Online',
    ndrText: 'Access denied, banned sender',
    title: 'Sender domain banned',
    meaning:
      'The domain in the EHLO, the envelope sender (P1) or the From header (P2) has been banned because of detected spam.',
    causes: [
      'Spam sent using the domain, by its owner or by an abuser.',
      'A compromised account or server sending under the domain.',
    ],
    fixes: [
      'Stop the source of the spam and secure affected accounts.',
      'Contact Microsoft support to restore the domain\'s ability to send.',
    ],
    actors: ['sender-admin'],
    sources: [NDR_REF],
  },
];
