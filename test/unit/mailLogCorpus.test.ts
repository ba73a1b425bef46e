// The mail-log corpus (../shared/corpus/unix-mail-logs), every file, reduced to checks the engine
// must keep meeting (issue #17): per file, counts the test takes from the raw lines with its own
// plain patterns (never with the engine), the corpus README's own counts where it gives them, and
// for each postfix-grok-patterns sample the fields its YAML expects. What the engine agrees with is
// listed in test/corpus/mail-logs-agreeing.tsv and grok-postfix-agreeing.tsv; the test fails naming
// any listed (file, expectation) that stops agreeing (npm run corpus:record adds new agreements).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { MailLogReader } from '../../server/src/analysis/mailLog/mailLogTrails';
import { type MessageTrail, outcomeCounts } from '../../server/src/analysis/mailLog/messageTrail';
import type { MailEvent } from '../../server/src/formats/mailLog/lineEvents';
import { type AgreementCheck, agreementRegressions } from '../support/corpusAgreement';
import { readShared, sharedPath } from '../support/shared';

const CORPUS = 'corpus/unix-mail-logs';
/** Files of the corpus that are not logs: licences, notes, the grok samples (checked on their own below). */
const NOT_LOGS = /(^|\/)(LICENSE[^/]*|LICENCE|COPYING|README[^/]*|SOURCE\.md|dep5-upstream|AGPL-3\.0-only\.txt)$|^postfix-grok-patterns\//;

/** Every file under a folder of the corpus, relative to the corpus. */
function filesUnder(relative: string): string[] {
  const root = sharedPath(relative ? `${CORPUS}/${relative}` : CORPUS);
  return readdirSync(root).sort().flatMap((name) => {
    const path = relative ? `${relative}/${name}` : name;
    return statSync(`${root}/${name}`).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The members of a tar archive (ustar: 512-byte headers, sizes in octal), regular files only. */
function tarMembers(bytes: Buffer): { name: string; bytes: Buffer }[] {
  const members: { name: string; bytes: Buffer }[] = [];
  for (let at = 0; at + 512 <= bytes.length;) {
    const name = bytes.toString('latin1', at, at + 100).replace(/\0.*$/s, '');
    if (name === '') break;
    const size = parseInt(bytes.toString('latin1', at + 124, at + 136).replace(/\0.*$/s, '').trim(), 8);
    const type = bytes.toString('latin1', at + 156, at + 157);
    if (type === '0' || type === '\0') members.push({ name, bytes: bytes.subarray(at + 512, at + 512 + size) });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return members;
}

const decompressed = (name: string, bytes: Buffer): Buffer => (name.endsWith('.gz') ? gunzipSync(bytes) : bytes);

/** The logs of the corpus as samples: plain and gzip files as they are, a tar archive's members each by name. */
function corpusLogs(): { sample: string; text: string }[] {
  return filesUnder('').filter((file) => !NOT_LOGS.test(file)).flatMap((file) => {
    const bytes = readFileSync(sharedPath(`${CORPUS}/${file}`));
    if (file.endsWith('.tar.gz')) {
      return tarMembers(gunzipSync(bytes)).map((m) => ({ sample: `${file}:${m.name}`, text: decompressed(m.name, m.bytes).toString('utf8') }));
    }
    return [{ sample: file, text: decompressed(file, bytes).toString('utf8') }];
  });
}

const linesOf = (text: string): string[] => text.split(/\r?\n/);

// The test's own reading of the three systems' lines: plain patterns, written from the log formats.
// Postfix queue ids are upper-case hexadecimal, or (enable_long_queue_ids) 10 or more letters and
// digits; the corpus's anonymised ids add other capitals ("51A70C2C10FXXXX", "DADADADADA"), and a
// word after the program ("warning:", "statistics:") is no id. Sendmail's are eight characters and
// the process id; Exim's are 6-6-2 or 6-11-4.
// Sendmail names its process after what it is doing ("sm-acceptingconnections"); Exim may log
// through syslog, with or without its own time stamp after the prefix.
const POSTFIX = /\bpostfix(?:-[\w.-]+)?\/[\w/-]+(?:\[\d+\])?: /;
const EXIM_TIME = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?(?: [+-]\d{4})?(?: \[\d+\])?`;
const EXIM = new RegExp(String.raw`^${EXIM_TIME} |\bexim\[\d+\]: `);
const SENDMAIL = /\b(?:sendmail|sm-[\w-]+)\[\d+\]: /;
const POSTFIX_ID = /\bpostfix(?:-[\w.-]+)?\/[\w/-]+(?:\[\d+\])?: (?!NOQUEUE:)([0-9A-Z]{6,20}|(?=[0-9A-Za-z]*\d)[0-9A-Za-z]{10,20}): /;
const EXIM_ID = new RegExp(String.raw`(?:^|\bexim\[\d+\]: )(?:${EXIM_TIME} )?([0-9A-Za-z]{6}-(?:[0-9A-Za-z]{11}-[0-9A-Za-z]{4}|[0-9A-Za-z]{6}-[0-9A-Za-z]{2})) `);
const SENDMAIL_ID = /\b(?:sendmail|sm-[\w-]+)\[\d+\]: ([0-9A-Za-z]{8}\d{5,7}): /;

type Expectation = 'mail-system lines' | 'message ids' | 'delivered lines' | 'deferred lines' | 'failed lines' | 'expired lines'
  | 'Message-ID lines' | 'notification lines' | 'end-of-message lines';

/** Counts of a log by the test's patterns: the number of lines of each kind. */
function countedByTest(text: string): Record<Expectation, number> {
  const counts: Record<Expectation, number> = {
    'mail-system lines': 0, 'message ids': 0, 'delivered lines': 0, 'deferred lines': 0, 'failed lines': 0, 'expired lines': 0,
    'Message-ID lines': 0, 'notification lines': 0, 'end-of-message lines': 0,
  };
  const ids = new Set<string>();
  for (const line of linesOf(text)) {
    const system = POSTFIX.test(line) ? 'postfix' : SENDMAIL.test(line) ? 'sendmail' : EXIM.test(line) ? 'exim' : undefined;
    if (!system) continue;
    counts['mail-system lines']++;
    const id = (system === 'postfix' ? POSTFIX_ID : system === 'sendmail' ? SENDMAIL_ID : EXIM_ID).exec(line)?.[1];
    if (!id) continue;
    ids.add(id);
    const body = line.slice(line.indexOf(id) + id.length + (system === 'exim' ? 1 : 2));
    if (system === 'postfix') {
      const status = /^to=<.*?status=(sent|deferred|bounced|expired)\b/.exec(body)?.[1];
      if (status === 'sent') counts['delivered lines']++;
      if (status === 'deferred') counts['deferred lines']++;
      if (status === 'bounced') counts['failed lines']++;
      if (/^from=<.*status=expired, returned to sender/.test(body)) counts['expired lines']++;
      if (/^(?:resent-)?message-id=/.test(body)) counts['Message-ID lines']++;
      if (/^(?:sender|postmaster) (?:non-delivery|delivery status|delay) notification: /.test(body)) counts['notification lines']++;
      if (body === 'removed') counts['end-of-message lines']++;
    } else if (system === 'exim') {
      if (/^(?:=>|->|\*>) /.test(body)) counts['delivered lines']++;
      if (body.startsWith('== ')) counts['deferred lines']++;
      if (body.startsWith('** ')) counts[/retry time ?out exceeded/i.test(body) ? 'expired lines' : 'failed lines']++;
      if (/^<= .* id=\S/.test(body)) counts['Message-ID lines']++;
      if (/^<= <> R=/.test(body)) counts['notification lines']++;
      if (body === 'Completed' || body.startsWith('Completed ')) counts['end-of-message lines']++;
    } else {
      const stat = /^to=.*, stat=(\S+)/.exec(body);
      if (stat) counts[/^Sent\b/.test(stat[1]!) ? 'delivered lines' : /^Deferred\b/.test(stat[1]!) || /, dsn=4\./.test(body) ? 'deferred lines' : 'failed lines']++;
      if (/^from=.*, msgid=/.test(body)) counts['Message-ID lines']++;
      if (/^[0-9A-Za-z]{14}: (?:DSN|return to sender|postmaster notify): /.test(body)) counts['notification lines']++;
      if (body === 'done') counts['end-of-message lines']++;
    }
  }
  counts['message ids'] = ids.size;
  return counts;
}

interface EngineReading {
  readonly counts: Record<Expectation, number>;
  readonly trails: MessageTrail[];
}

/** The same counts from the engine: every line through the mail-log reader, its events and trails. */
function readByEngine(text: string, referenceYear: number): EngineReading {
  const trails: MessageTrail[] = [];
  const reader = new MailLogReader({ referenceYear, onTrail: (t) => trails.push(t) });
  const counts = countedByTest('');
  const ids = new Set<string>();
  const tally = (event: MailEvent, system: string): void => {
    if (event.kind === 'attempt') {
      const kind = event.status === 'sent' ? 'delivered lines' : event.status === 'deferred' ? 'deferred lines' : event.status === 'expired' ? 'expired lines' : 'failed lines';
      counts[kind]++;
    }
    if (event.kind === 'expired-all') counts['expired lines']++;
    if (event.kind === 'message-id' || ((event.kind === 'arrival' || event.kind === 'sender') && event.messageId !== undefined)) counts['Message-ID lines']++;
    if (event.kind === 'notification' || (event.kind === 'arrival' && event.reportsOn !== undefined && system === 'exim')) counts['notification lines']++;
    if (event.kind === 'closed') counts['end-of-message lines']++;
  };
  for (const line of linesOf(text)) {
    const read = reader.readLine(line);
    if (!read) continue;
    counts['mail-system lines']++;
    if (read.head.idKind !== undefined && read.head.idKind !== 'noqueue') ids.add(line.slice(read.head.idStart, read.head.idEnd));
    tally(read.event, read.head.system);
  }
  reader.finish();
  counts['message ids'] = ids.size;
  return { counts, trails };
}

/** Recipients of the trails by outcome. */
function outcomes(trails: readonly MessageTrail[]): Record<string, number> {
  const total: Record<string, number> = { delivered: 0, bounced: 0, expired: 0, deferred: 0, unknown: 0 };
  for (const trail of trails) for (const [kind, n] of Object.entries(outcomeCounts(trail))) total[kind]! += n;
  return total;
}

/** The corpus README's own counts ("Quick map" and the table), each as the engine's figure it states. */
const README_COUNTS: Record<string, readonly { readonly what: string; readonly expected: number; readonly found: (r: EngineReading) => number }[]> = {
  'postfix-deliverability-analytics/real-mail.log.2.gz': [
    { what: 'README: 7,841 sent', expected: 7841, found: (r) => outcomes(r.trails)['delivered']! },
    { what: 'README: 1,225 bounced', expected: 1225, found: (r) => outcomes(r.trails)['bounced']! },
    { what: 'README: 11 expired', expected: 11, found: (r) => outcomes(r.trails)['expired']! },
    { what: 'README: 8,019 deferred', expected: 8019, found: (r) => r.counts['deferred lines'] },
    { what: 'README: 8,955 removed', expected: 8955, found: (r) => r.counts['end-of-message lines'] },
    { what: 'README: 8,987 message-id', expected: 8987, found: (r) => r.counts['Message-ID lines'] },
  ],
  'lightmeter/complete.tar.gz:logs_sample/mail.log.1+mail.log': [
    { what: 'README: 372 sent', expected: 372, found: (r) => outcomes(r.trails)['delivered']! },
    { what: 'README: 1 bounced', expected: 1, found: (r) => outcomes(r.trails)['bounced']! },
  ],
  'lightmeter/individual_files/14_reuse_of_queueid.log': [{ what: 'README: 67 sent', expected: 67, found: (r) => outcomes(r.trails)['delivered']! }],
  'lightmeter/individual_files/2_multiple_recipients_some_bounces.log': [
    { what: 'README: 8 sent', expected: 8, found: (r) => outcomes(r.trails)['delivered']! },
    { what: 'README: 3 bounced', expected: 3, found: (r) => outcomes(r.trails)['bounced']! },
  ],
  'lightmeter/individual_files/2_multiple_recipients_some_bounces_no_last_remove.log': [
    { what: 'README: 8 sent', expected: 8, found: (r) => outcomes(r.trails)['delivered']! },
    { what: 'README: 3 bounced', expected: 3, found: (r) => outcomes(r.trails)['bounced']! },
  ],
  'lightmeter/individual_files/9_mixed_messages.log': [
    { what: 'README: 10 sent', expected: 10, found: (r) => outcomes(r.trails)['delivered']! },
    { what: 'README: 4 bounced', expected: 4, found: (r) => outcomes(r.trails)['bounced']! },
  ],
  'lightmeter/individual_files/18_expired.log': [
    { what: 'README: 5 deferrals', expected: 5, found: (r) => r.counts['deferred lines'] },
    { what: 'README: status=expired', expected: 1, found: (r) => outcomes(r.trails)['expired']! },
  ],
  'parse-syslog-mail/postfix-plain.log': [{ what: 'README: 35 sent', expected: 35, found: (r) => outcomes(r.trails)['delivered']! }],
  'parse-syslog-mail/sendmail-plain.log': [{ what: 'README: 116 stat=Sent', expected: 116, found: (r) => outcomes(r.trails)['delivered']! }],
  'exim-testsuite/new-id-format/0217': [
    { what: 'README: 216 ** failures', expected: 216, found: (r) => r.counts['failed lines'] + r.counts['expired lines'] },
    { what: 'README: 16 == deferrals', expected: 16, found: (r) => r.counts['deferred lines'] },
  ],
  'exim-testsuite/old-id-format/0217': [
    { what: 'README: 216 ** failures', expected: 216, found: (r) => r.counts['failed lines'] + r.counts['expired lines'] },
    { what: 'README: 16 == deferrals', expected: 16, found: (r) => r.counts['deferred lines'] },
  ],
};

/** Classic syslog time stamps carry no year; the corpus's own years, where its files name them. */
const yearOf = (sample: string): number => (sample.startsWith('postfix-deliverability-analytics/') ? 2013 : 2020);

function checksOfLog(sample: string, text: string): AgreementCheck[] {
  const expected = countedByTest(text);
  const reading = readByEngine(text, yearOf(sample));
  const checks: AgreementCheck[] = Object.entries(expected).map(([field, count]) => {
    const found = reading.counts[field as Expectation];
    return { sample, field, agrees: found === count, detail: `expected ${count} (counted from the lines), engine ${found}` };
  });
  for (const { what, expected: count, found } of README_COUNTS[sample] ?? []) {
    const value = found(reading);
    checks.push({ sample, field: what, agrees: value === count, detail: `engine ${value}` });
  }
  return checks;
}

// The grok samples: one Postfix message line each (without its syslog prefix) and the fields the
// pattern's own test expects. The test puts a syslog prefix before it, naming the daemon the pattern
// is for; patterns of a line's part (TLS features, command counters, delays) are not lines.
const DAEMON_OF_PATTERN: Record<string, string> = {
  ANVIL: 'anvil', BOUNCE: 'bounce', CLEANUP: 'cleanup', DISCARD: 'discard', DNSBLOG: 'dnsblog', ERROR: 'error', LMTP: 'lmtp', LOCAL: 'local',
  MASTER: 'master', PICKUP: 'pickup', PIPE: 'pipe', POSTDROP: 'postdrop', POSTMAP: 'postmap', POSTSCREEN: 'postscreen', POSTSUPER: 'postsuper',
  QMGR: 'qmgr', RELAY: 'relay', SCACHE: 'scache', SCRIPT: 'postfix-script', SENDMAIL: 'sendmail', SMTPD: 'smtpd', SMTP: 'smtp', TLSMGR: 'tlsmgr',
  TLSPROXY: 'tlsproxy', TRIVIAL_REWRITE: 'trivial-rewrite', VERIFY: 'verify', VIRTUAL: 'virtual',
};
const GROK = 'postfix-grok-patterns/test';

/** A grok sample's YAML: its pattern, its data line and its expected results (flat `key: value` lines). */
function grokSample(file: string): { pattern: string; data: string; results: Record<string, string> } {
  const yaml = readShared(`${CORPUS}/${GROK}/${file}`);
  const unquote = (value: string): string => {
    const v = value.trim();
    return v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1).replace(/\\(["\\])/g, '$1') : v;
  };
  const pattern = /^pattern: "?\^%\{POSTFIX_([A-Z_]+)\}/m.exec(yaml)?.[1] ?? '';
  const data = unquote(/^data: (.*)$/m.exec(yaml)?.[1] ?? '');
  const results = Object.fromEntries([...yaml.matchAll(/^ {2,}(postfix_[a-z_]+): (.*)$/gm)].map((m) => [m[1]!, unquote(m[2]!)]));
  return { pattern, data, results };
}

function checksOfGrok(file: string): AgreementCheck[] {
  const { pattern, data, results } = grokSample(file);
  const daemon = DAEMON_OF_PATTERN[pattern];
  if (!daemon) return [];
  const prefix = `Oct 26 18:13:50 mx postfix/${daemon}[4242]: `; // synthetic syslog prefix
  const line = prefix + data;
  const read = new MailLogReader({ referenceYear: 2020, onTrail: () => undefined }).readLine(line);
  const event = read?.event;
  const attempt = event?.kind === 'attempt' ? event : undefined;
  const checks: AgreementCheck[] = [{ sample: file, field: 'a Postfix line', agrees: read?.head.system === 'postfix', detail: `engine ${read?.head.system}` }];
  const check = (field: string, expected: string | undefined, found: string | undefined): void => {
    if (expected !== undefined) checks.push({ sample: file, field, agrees: found === expected, detail: `expected ${expected}, engine ${found}` });
  };
  const queueId = read && read.head.idStart >= 0 ? line.slice(read.head.idStart, read.head.idEnd) : undefined;
  check('queue id', results['postfix_queueid'], queueId);
  const keyValues = results['postfix_keyvalue_data'] ?? '';
  const status = results['postfix_status'];
  if (status !== undefined) {
    // Postfix's delivery statuses (postconf(5), "status="): the four the report counts, and address
    // verification's (a probe found the address deliverable or not; "-but-not-cached": not remembered).
    const statusOf: Record<string, string> = {
      sent: 'sent', deferred: 'deferred', bounced: 'bounced', expired: 'expired',
      deliverable: 'sent', undeliverable: 'bounced', 'undeliverable-but-not-cached': 'bounced',
    };
    const found = attempt?.status ?? (event?.kind === 'expired-all' ? 'expired' : 'no delivery attempt');
    check('status', statusOf[status] ?? 'no delivery attempt', found);
  }
  const recipient = attempt?.recipient ?? (event?.kind === 'reject' ? event.recipient : undefined);
  check('recipient', /^to=<([^>]*)>/.exec(keyValues)?.[1], recipient);
  check('dsn', /\bdsn=(\d\.\d{1,3}\.\d{1,3})/.exec(keyValues)?.[1], attempt?.dsn);
  if (attempt) check('relay', /\brelay=([^,\s]+)/.exec(keyValues)?.[1], attempt.relay);
  const reply = results['postfix_smtp_response'] ?? results['postfix_error_response'] ?? results['postfix_local_response'] ?? results['postfix_pipe_response'];
  if (attempt) check('reply', reply, attempt.reply);
  check('notification id', results['postfix_bounce_queueid'], event?.kind === 'notification' ? event.notificationId : undefined);
  const ip = results['postfix_client_ip'];
  const host = results['postfix_client_hostname'];
  const client = host !== undefined && ip !== undefined ? `${host}[${ip}]` : undefined;
  if (/^(?:[0-9A-Z]+: )?client=/.test(data)) check('client', client, event?.kind === 'client' ? event.client.replace(/:\d+$/, '') : undefined);
  if (results['postfix_action'] === 'reject' || results['postfix_action'] === 'milter-reject') {
    const code = results['postfix_status_code'];
    const enhanced = results['postfix_status_code_enhanced'];
    const reject = event?.kind === 'reject' ? event : undefined;
    check('refused', 'reject', reject ? 'reject' : event?.kind);
    if (code !== undefined) check('reject reply code', enhanced === undefined ? code : `${code} ${enhanced}`, reject?.reply.split(' ', enhanced === undefined ? 1 : 2).join(' '));
    if (client !== undefined) check('reject client', client, reject?.client?.replace(/:\d+$/, ''));
  }
  const level = results['postfix_message_level'];
  // Postfix's problem levels (msg(3)): info lines are no problem.
  if (level !== undefined && level !== 'info') check('message level', level, event?.kind === 'warning' ? event.level : event?.kind);
  return checks;
}

describe('mail-log corpus: every file, each expectation the engine agrees with stays met', () => {
  const logs = corpusLogs();
  const tarMember = (name: string): string => logs.find((l) => l.sample === `lightmeter/complete.tar.gz:logs_sample/${name}`)!.text;
  // The rotated pair read in order, as the README counts it: mail.log.1 then mail.log.
  const rotated = { sample: 'lightmeter/complete.tar.gz:logs_sample/mail.log.1+mail.log', text: `${tarMember('mail.log.1').replace(/\n$/, '')}\n${tarMember('mail.log')}` };

  it('reads every log of the corpus: the plain, gzip and tar files (a rotated pair also read in order)', () => {
    const samples = logs.map((l) => l.sample);
    for (const expected of ['fail2ban/postfix', 'exim_exporter/mainlog', 'parse-syslog-mail/sendmail-plain.log',
      'postfix-deliverability-analytics/real-mail.log.2.gz', 'lightmeter/complete.tar.gz:logs_sample/mail.warn.4.gz']) {
      assert.ok(samples.includes(expected), expected);
    }
    // The README's table: 7,534 lines in mail.log and mail.log.1 together.
    assert.equal(linesOf(rotated.text.replace(/\n$/, '')).length, 7534);
    assert.equal(linesOf(logs.find((l) => l.sample === 'postfix-deliverability-analytics/real-mail.log.2.gz')!.text.replace(/\n$/, '')).length, 95365);
  });

  it('the listed (file, expectation) pairs all still agree: counts from the lines and the README', () => {
    const checks = [...logs, rotated].flatMap(({ sample, text }) => checksOfLog(sample, text));
    assert.equal(agreementRegressions('mail-logs', checks), undefined);
  });

  it('the listed (grok sample, field) pairs all still agree with the YAML files\' expected results', () => {
    const files = readdirSync(sharedPath(`${CORPUS}/${GROK}`)).filter((f) => f.endsWith('.yaml')).sort();
    assert.equal(files.length, 191);
    const checks = files.flatMap(checksOfGrok);
    assert.equal(agreementRegressions('grok-postfix', checks), undefined);
  });
});
