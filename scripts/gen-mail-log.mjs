// node scripts/gen-mail-log.mjs OUT SIZE_MB
// Writes a deterministic, synthetic Postfix mail log of about SIZE_MB megabytes for the bench: the
// same seed always gives the same bytes. Its shapes follow the real logs in
// ../shared/corpus/unix-mail-logs (postfix-deliverability-analytics, lightmeter): messages whose lines
// interleave as on a busy server — smtpd connect, client=, cleanup message-id=, qmgr from=, one
// smtp or lmtp attempt per recipient (sent, deferred then retried, bounced, expired), bounce
// notifications that start a message of their own, removed, disconnect — plus NOQUEUE rejects, SASL
// failures, lost connections and warnings. Classic syslog time stamps (no year), one host.
import { createWriteStream } from 'node:fs';
import { generatorArguments, seededRandom } from './generatorSupport.mjs';

const { out, targetBytes } = generatorArguments('gen-mail-log.mjs');
const { random, pick, between, hex } = seededRandom(0x5eed1e55, '0123456789ABCDEF');

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
let clock = Date.UTC(2026, 10, 23, 0, 0, 0);
function stamp(at) {
  const d = new Date(at);
  const two = (n) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

const HOST = 'mx1';
const LOCAL_DOMAINS = ['contoso.com', 'fabrikam.com'];
const REMOTE = [
  { domain: 'gmail.com', relay: 'gmail-smtp-in.l.google.com', ip: '142.250.102.27' },
  { domain: 'outlook.com', relay: 'outlook-com.olc.protection.outlook.com', ip: '52.101.68.5' },
  { domain: 'yahoo.com', relay: 'mta7.am0.yahoodns.net', ip: '67.195.204.72' },
  { domain: 'example.net', relay: 'mail.example.net', ip: '198.51.100.25' },
  { domain: 'example.org', relay: 'mx.example.org', ip: '203.0.113.40' },
];
const CLIENTS = [['mail.partner.example', '192.0.2.10'], ['localhost', '127.0.0.1'], ['app01.contoso.com', '10.0.0.21'], ['unknown', '198.51.100.77']];
const NAMES = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'oscar', 'peggy', 'trent', 'victor', 'walter'];
const DEFERRALS = [
  ['4.7.1', (r) => `host ${r.relay}[${r.ip}] said: 451 4.7.1 Greylisted, please try again later (in reply to RCPT TO command)`],
  ['4.4.1', (r) => `connect to ${r.relay}[${r.ip}]:25: Connection timed out`],
  ['4.2.2', (r) => `host ${r.relay}[${r.ip}] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command)`],
  ['4.7.0', (r) => `host ${r.relay}[${r.ip}] said: 421 4.7.0 Try again later, closing connection. (in reply to MAIL FROM command)`],
];
const BOUNCES = [
  ['5.1.1', (r, to) => `host ${r.relay}[${r.ip}] said: 550 5.1.1 <${to}>: Recipient address rejected: User unknown (in reply to RCPT TO command)`],
  ['5.7.1', (r) => `host ${r.relay}[${r.ip}] said: 554 5.7.1 Message rejected as spam (in reply to end of DATA command)`],
  ['5.2.2', (r) => `host ${r.relay}[${r.ip}] said: 552 5.2.2 Mailbox full (in reply to RCPT TO command)`],
  ['5.4.4', (r) => `Host or domain name not found. Name service error for name=${r.domain} type=MX: Host not found`],
];

const stream = createWriteStream(out);
let written = 0;
let waitingBytes = 0;
/** Lines waiting for their time, by second: retries and notifications are written hours after the message came in. */
const waiting = new Map();
let firstWaiting = Infinity;
let lastWaiting = -Infinity;
function later(at, text) {
  const second = Math.floor(at / 1000);
  if (!waiting.has(second)) waiting.set(second, []);
  waiting.get(second).push([at, text]);
  firstWaiting = Math.min(firstWaiting, second);
  lastWaiting = Math.max(lastWaiting, second);
  waitingBytes += text.length;
}
function line(at, daemon, text, pid = pidOf(daemon)) {
  later(at, `${stamp(at)} ${HOST} postfix/${daemon}[${pid}]: ${text}\n`);
}
const pids = new Map();
function pidOf(daemon) {
  if (!pids.has(daemon) || random() < 0.01) pids.set(daemon, between(1000, 32000));
  return pids.get(daemon);
}
let queueCounter = 0;
const queueId = () => `${hex(5)}${(queueCounter++ % 0xfffff).toString(16).toUpperCase().padStart(5, '0')}`;

/** One message's trail, from the connection to removed, with every attempt per recipient. */
function message(start, sender, recipients, { inbound = true, reply = false } = {}) {
  const id = queueId();
  let t = start;
  const [clientHost, clientIp] = inbound ? pick(CLIENTS) : ['localhost', '127.0.0.1'];
  const session = between(1000, 32000);
  if (inbound) {
    line(t, 'smtpd', `connect from ${clientHost}[${clientIp}]`, session);
    line(t += 1000, 'smtpd', `${id}: client=${clientHost}[${clientIp}]`, session);
  } else {
    line(t, 'pickup', `${id}: uid=0 from=<${sender}>`);
  }
  line(t += 20, 'cleanup', `${id}: message-id=<${hex(8).toLowerCase()}.${id}@${sender.split('@')[1] || HOST}>`);
  line(t += 30, 'qmgr', `${id}: from=<${sender}>, size=${between(900, 250000)}, nrcpt=${recipients.length} (queue active)`);
  if (inbound) line(t + 40, 'smtpd', `disconnect from ${clientHost}[${clientIp}] ehlo=1 mail=1 rcpt=${recipients.length} data=1 quit=1 commands=${4 + recipients.length}`, session);
  let end = t;
  let expired = false;
  for (const to of recipients) {
    const local = LOCAL_DOMAINS.includes(to.split('@')[1]);
    const remote = REMOTE.find((r) => to.endsWith(`@${r.domain}`)) ?? REMOTE[3];
    const fate = random();
    let attempt = t + between(100, 1500);
    const first = attempt;
    const delivery = (at, dsn, status, text, relay) => {
      const total = (at - start) / 1000;
      const parts = [0.02 + random() * 0.1, (at - first) / 1000, 0.05 + random(), 0.02 + random() * 0.3].map((n) => Number(n.toFixed(2)));
      line(at, local ? 'lmtp' : 'smtp', `${id}: to=<${to}>, relay=${relay}, delay=${total.toFixed(total < 10 ? 2 : 0)}, delays=${parts.join('/')}, dsn=${dsn}, status=${status} (${text})`);
    };
    const relayOf = () => (local ? 'mailstore.contoso.com[10.0.0.5]:24' : `${remote.relay}[${remote.ip}]:25`);
    const sent = (at) => delivery(at, '2.0.0', 'sent', local ? `250 2.0.0 <${to}> ${hex(12)} Saved` : `250 2.0.0 OK ${hex(10).toLowerCase()} - gsmtp`, relayOf());
    if (fate < 0.78 || local) {
      sent(attempt);
    } else if (fate < 0.88) {
      for (let i = between(1, 3); i > 0; i--) {
        const [dsn, text] = pick(DEFERRALS);
        delivery(attempt, dsn, 'deferred', text(remote), relayOf());
        attempt += between(300, 1800) * 1000;
      }
      sent(attempt);
    } else if (fate < 0.95) {
      const [dsn, text] = pick(BOUNCES);
      delivery(attempt, dsn, 'bounced', text(remote, to), dsn === '5.4.4' ? 'none' : relayOf());
      if (!reply) bounceNotice(attempt, id, sender);
    } else {
      for (let i = between(3, 6); i > 0; i--) {
        delivery(attempt, '4.4.1', 'deferred', `connect to ${remote.relay}[${remote.ip}]:25: Connection refused`, 'none');
        attempt += between(3600, 4 * 3600) * 1000;
      }
      expired = true;
    }
    end = Math.max(end, attempt);
  }
  if (expired) {
    line(end += 500, 'qmgr', `${id}: from=<${sender}>, status=expired, returned to sender`);
    if (!reply) bounceNotice(end, id, sender);
  }
  line(end + 10, 'qmgr', `${id}: removed`);
}

/** Postfix's bounce daemon returns a notification: a message of its own, from <>. */
function bounceNotice(at, id, sender) {
  const notice = queueId();
  line(at + 5, 'bounce', `${id}: sender non-delivery notification: ${notice}`);
  line(at + 6, 'cleanup', `${notice}: message-id=<${hex(14).toLowerCase()}.${notice}@${HOST}.contoso.com>`);
  line(at + 7, 'qmgr', `${notice}: from=<>, size=${between(2500, 9000)}, nrcpt=1 (queue active)`);
  const local = LOCAL_DOMAINS.includes(sender.split('@')[1]);
  line(at + 200, local ? 'lmtp' : 'smtp', `${notice}: to=<${sender}>, relay=${local ? 'mailstore.contoso.com[10.0.0.5]:24' : 'mail.example.net[198.51.100.25]:25'}, delay=0.2, delays=0.01/0/0.05/0.14, dsn=2.0.0, status=sent (250 2.0.0 Ok)`);
  line(at + 210, 'qmgr', `${notice}: removed`);
}

function reject(at) {
  const ip = `203.0.113.${between(1, 254)}`;
  const session = between(1000, 32000);
  line(at, 'smtpd', `connect from unknown[${ip}]`, session);
  const kind = random();
  if (kind < 0.5) {
    line(at + 300, 'smtpd', `NOQUEUE: reject: RCPT from unknown[${ip}]: 554 5.7.1 Service unavailable; Client host [${ip}] blocked using zen.spamhaus.org; from=<${pick(NAMES)}@spam.example> to=<${pick(NAMES)}@${pick(LOCAL_DOMAINS)}> proto=ESMTP helo=<${hex(6).toLowerCase()}>`, session);
  } else if (kind < 0.75) {
    const to = `nobody${between(1, 99)}@${pick(LOCAL_DOMAINS)}`;
    line(at + 300, 'smtpd', `NOQUEUE: reject: RCPT from unknown[${ip}]: 550 5.1.1 <${to}>: Recipient address rejected: User unknown in virtual mailbox table; from=<${pick(NAMES)}@spam.example> to=<${to}> proto=ESMTP helo=<spam.example>`, session);
  } else if (kind < 0.9) {
    line(at + 300, 'smtpd', `warning: unknown[${ip}]: SASL LOGIN authentication failed: UGFzc3dvcmQ6`, session);
  } else {
    line(at + 300, 'smtpd', `lost connection after AUTH from unknown[${ip}]`, session);
  }
  line(at + 400, 'smtpd', `disconnect from unknown[${ip}] ehlo=1 auth=0/1 commands=1/2`, session);
}

/** Writes the lines due up to `until` (ms), in time order. */
function flush(until) {
  const last = Math.min(Math.floor(until / 1000), lastWaiting);
  let chunk = '';
  for (let second = firstWaiting; second <= last; second++) {
    const lines = waiting.get(second);
    if (!lines) continue;
    waiting.delete(second);
    for (const [, text] of lines.sort((a, b) => a[0] - b[0])) chunk += text;
  }
  firstWaiting = Math.max(firstWaiting, last + 1);
  if (chunk) {
    written += chunk.length;
    waitingBytes -= chunk.length;
    stream.write(chunk);
  }
}

while (written + waitingBytes < targetBytes) {
  clock += between(200, 4000);
  const kind = random();
  if (kind < 0.8) {
    const inbound = random() < 0.6;
    const sender = inbound ? `${pick(NAMES)}@${pick(REMOTE).domain}` : `${pick(NAMES)}@${pick(LOCAL_DOMAINS)}`;
    const count = random() < 0.8 ? 1 : between(2, 5);
    const recipients = Array.from({ length: count }, () => `${pick(NAMES)}${between(1, 40)}@${inbound ? pick(LOCAL_DOMAINS) : pick(REMOTE).domain}`);
    message(clock, sender, recipients, { inbound });
  } else if (kind < 0.95) {
    reject(clock);
  } else {
    line(clock, 'smtp', `warning: no MX host for ${pick(['examp1e.com', 'gmial.com', 'yaho.com'])} has a valid address record`);
  }
  flush(clock - 6 * 3600 * 1000);
}
flush(Infinity);
stream.end();
