// node scripts/gen-message-trace.mjs OUT SIZE_MB
// Writes a deterministic, SYNTHETIC Exchange Online extended message-trace report of about SIZE_MB
// megabytes for the bench. No real export could be found in public, so its shape follows the facts in
// ../shared/reference/microsoft-facts/message-trace-formats.md: the extended report's columns (the
// time column as date_time_utc, which no source confirms), UTF-16LE with a byte order mark and CRLF as
// the admin center's downloads are read, RFC 4180 quoting, Recipient_status as address##events joined
// by ";", events of message tracking (RECEIVE, AGENTINFO, DELIVER, SEND, DEFER, FAIL, EXPAND) and
// custom_data agent groups (S:SFA, S:AMA, S:TRA). Outcomes: Delivered, Failed, Pending, Quarantined,
// FilteredAsSpam and Expanded. Documentation addresses only (contoso.com, fabrikam.com, example domains).
import { Buffer } from 'node:buffer';
import { createWriteStream } from 'node:fs';
import { generatorArguments, seededRandom } from './generatorSupport.mjs';

const { out, targetBytes } = generatorArguments('gen-message-trace.mjs');
const { random, pick, between, hex } = seededRandom(0x7ace5eed);
const guid = () => `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-08de${hex(8)}`;

// The extended report's columns, grouped by what they hold. Their order is not documented and readers
// map them by name, so this order need not be, and is not, the tracking log's.
const COLUMNS = ['dateTimeUtc', 'eventId', 'source', 'sourceContext', 'recipientStatus', 'recipientAddress', 'recipientCount', 'relatedRecipientAddress',
  'senderAddress', 'returnPath', 'messageSubject', 'messageId', 'networkMessageId', 'internalMessageId', 'reference', 'totalBytes', 'directionality',
  'connectorId', 'clientIp', 'clientHostname', 'serverIp', 'serverHostname', 'originalClientIp', 'originalServerIp', 'messageInfo', 'tenantId', 'customData'];
/** Column names as the report writes them (date_time_utc), from the camelCase keys below. */
const header = (key) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
const TENANT = '7a3c1e52-9d84-4b6f-8e21-3f5d6c7b8a90';
const INSIDE = ['contoso.com'];
const OUTSIDE = ['fabrikam.com', 'example.net', 'example.org', 'partner.example'];
const NAMES = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'kim', 'leo', 'mike', 'nina', 'oscar', 'peggy'];
const SUBJECTS = ['Quarterly report', 'Invoice 2026-11', 'Re: meeting tomorrow', 'Shipping notice, order 4471', 'Your "weekly" digest', 'Town hall: agenda',
  'Contract draft v3', 'Fwd: travel plans', 'Password expiry notice', 'Lunch?'];
const FAILURES = ['550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup', '550 5.7.509 Access denied, sending domain does not pass DMARC verification',
  '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException', '550 5.4.1 Recipient address rejected: Access denied'];
const DEFERRALS = ['451 4.4.316 Connection refused', '451 4.7.500 Server busy. Please try again later', '452 4.2.2 The email account that you tried to reach is over quota'];

let clock = Date.UTC(2026, 10, 20, 0, 0, 0);
const iso = (at) => new Date(at).toISOString();
/** RFC 4180: quoted when the value holds a comma, a quote or a line break; quotes doubled. */
const csv = (value) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

const stream = createWriteStream(out);
let written = 0;
function write(text) {
  const bytes = Buffer.from(text, 'utf16le');
  written += bytes.length;
  stream.write(bytes);
}

/** The spam filter's verdict in custom_data, the keys of X-Forefront-Antispam-Report. */
function spamVerdict(kind) {
  const country = pick(['US', 'GB', 'DE', 'NL', 'FR']);
  if (kind === 'spam') return `S:SFA=SUM|SFV=SPM|IPV=NLI|SRV=|SFS=|SCL=${pick(['5', '6', '9'])}|SCORE=${between(10, 99)}|CTRY=${country}|LANG=en|SFP=1102|DI=SJ`;
  if (kind === 'bulk') return `S:SFA=SUM|SFV=BLK|IPV=NLI|SRV=BULK|SCL=6|CTRY=${country}|LANG=en|SFP=1501|DI=SJ`;
  return `S:SFA=SUM|SFV=NSPM|IPV=CAL|SRV=|SCL=1|CTRY=${country}|LANG=en|SFP=1501|DI=SN`;
}

while (written < targetBytes) {
  if (written === 0) write(`\uFEFF${COLUMNS.map(header).join(',')}\r\n`);
  clock += between(500, 20_000);
  const inbound = random() < 0.55;
  const sender = `${pick(NAMES)}@${inbound ? pick(OUTSIDE) : pick(INSIDE)}`;
  const group = !inbound && random() < 0.05;
  const count = group ? between(2, 6) : random() < 0.85 ? 1 : between(2, 4);
  const recipients = group ? [`team${between(1, 20)}@contoso.com`] : Array.from({ length: count }, () => `${pick(NAMES)}${between(1, 50)}@${inbound ? pick(INSIDE) : pick(OUTSIDE)}`);
  const members = group ? Array.from({ length: count }, () => `${pick(NAMES)}${between(1, 50)}@contoso.com`) : [];
  const fate = random();
  const outcome = group ? 'Expand' : fate < 0.8 ? (inbound ? 'Deliver' : 'Send') : fate < 0.88 ? 'Fail' : fate < 0.93 ? 'Defer' : fate < 0.97 ? 'Quarantined' : 'FilteredAsSpam';
  const events = outcome === 'Quarantined' || outcome === 'FilteredAsSpam' ? `Receive, Deliver, ${outcome}` : `Receive, ${outcome}`;
  const recipientStatus = recipients.map((r) => `${r}##${events}`).join(';');
  const common = {
    internalMessageId: String(between(1_000_000, 9_999_999)),
    messageId: `<${hex(12)}.${hex(6)}@${inbound ? sender.split('@')[1] : 'contoso.com'}>`,
    networkMessageId: guid(),
    recipientStatus: recipientStatus,
    totalBytes: String(between(2_000, 900_000)),
    messageSubject: pick(SUBJECTS),
    senderAddress: sender,
    returnPath: sender,
    directionality: inbound ? '1' : '2',
    tenantId: TENANT,
    originalClientIp: inbound ? '' : `10.0.${between(0, 9)}.${between(2, 250)}`,
  };
  const rows = [];
  let at = clock;
  const row = (values) => rows.push({ ...common, dateTimeUtc: iso(at), recipientAddress: recipients.join(';'), recipientCount: String(recipients.length), ...values });
  row({ clientIp: inbound ? `198.51.100.${between(1, 254)}` : `10.0.0.${between(2, 250)}`, clientHostname: inbound ? `mail.${sender.split('@')[1]}` : 'EX01.contoso.com',
    source: 'SMTP', eventId: 'RECEIVE', connectorId: inbound ? 'Inbound from partners' : '', serverHostname: 'AM6PR01MB1234.eurprd01.prod.outlook.com' });
  at += between(200, 2000);
  const verdict = outcome === 'FilteredAsSpam' ? 'spam' : outcome === 'Quarantined' ? pick(['spam', 'bulk']) : 'clean';
  let customData = spamVerdict(verdict);
  if (random() < 0.1) customData += `;S:TRA=ETR|ruleId=${guid()}|st=${iso(at)}|action=SetSCL|sev=1|mode=Enforce`;
  if (outcome === 'Quarantined' && random() < 0.3) customData += ';S:AMA=SUM|v=1|action=b|name=EICAR-Test-File|file=invoice.zip';
  row({ source: 'AGENT', eventId: 'AGENTINFO', sourceContext: 'CDP', customData: customData });
  at += between(200, 3000);
  if (outcome === 'Expand') {
    row({ source: 'ROUTING', eventId: 'EXPAND', recipientAddress: members.join(';'), recipientCount: String(members.length), relatedRecipientAddress: recipients[0] });
    at += between(100, 900);
    row({ source: 'STOREDRIVER', eventId: 'DELIVER', recipientAddress: members.join(';'), recipientCount: String(members.length), messageInfo: iso(clock - 1000) });
  } else if (outcome === 'Deliver' || outcome === 'Quarantined' || outcome === 'FilteredAsSpam') {
    row({ source: 'STOREDRIVER', eventId: 'DELIVER', messageInfo: iso(clock - 1000) });
  } else if (outcome === 'Send') {
    row({ source: 'SMTP', eventId: 'SEND', serverIp: `203.0.113.${between(1, 254)}`, serverHostname: `mx.${recipients[0].split('@')[1]}`, connectorId: 'Outbound to internet', messageInfo: iso(clock - 1000) });
  } else if (outcome === 'Defer') {
    for (let i = between(1, 3); i > 0; i--) {
      row({ source: 'SMTP', eventId: 'DEFER', sourceContext: pick(DEFERRALS), serverHostname: `mx.${recipients[0].split('@')[1]}` });
      at += between(300_000, 1_800_000);
    }
  } else {
    row({ source: 'SMTP', eventId: 'FAIL', sourceContext: pick(FAILURES), serverHostname: `mx.${recipients[0].split('@')[1]}` });
    row({ source: 'DSN', eventId: 'DSN', reference: `<${hex(16)}@AM6PR01MB1234.eurprd01.prod.outlook.com>` });
  }
  write(rows.map((r) => COLUMNS.map((c) => csv(r[c] ?? '')).join(',')).join('\r\n') + '\r\n');
}
stream.end();
