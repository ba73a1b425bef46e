// What one Postfix, Exim or Sendmail log line says, read after its head (lineHead.ts): a message
// arriving, its Message-ID, its sender, a delivery attempt for one recipient, a notification it
// caused, its removal; or a line about a connection (a reject, an authentication or TLS failure, a
// lost connection, a warning). Only a bounded window of the line is read.

import { CharCode } from '../../common/charCode';
import { fields } from './fieldList';
import type { LineHead } from './lineHead';

export type AttemptStatus = 'sent' | 'deferred' | 'bounced' | 'expired';
export type WarningLevel = 'warning' | 'error' | 'fatal' | 'panic';

/** Offsets in the document text, end exclusive. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

export interface AttemptEvent {
  readonly kind: 'attempt';
  readonly recipient: string;
  readonly origTo?: string;
  readonly relay?: string;
  /** Seconds, as logged (Postfix delay=, Sendmail delay= in hh:mm:ss). */
  readonly delay?: number;
  /** Postfix delays=a/b/c/d as written. */
  readonly delays?: string;
  readonly dsn?: string;
  readonly status: AttemptStatus;
  /** The reply or reason, bounded. */
  readonly reply?: string;
  /** Where the outcome is written: a problem about this attempt goes here. */
  readonly span: TextSpan;
}

export type MailEvent =
  | { readonly kind: 'client'; readonly client: string }
  | { readonly kind: 'pickup'; readonly sender?: string }
  | { readonly kind: 'message-id'; readonly messageId: string; readonly span: TextSpan }
  | { readonly kind: 'sender'; readonly sender: string; readonly size?: number; readonly nrcpt?: number; readonly messageId?: string; readonly span?: TextSpan }
  | { readonly kind: 'arrival'; readonly sender: string; readonly size?: number; readonly messageId?: string; readonly span?: TextSpan; readonly reportsOn?: string; readonly reportsOnSpan?: TextSpan; readonly client?: string; readonly recipients: readonly string[] }
  | AttemptEvent
  | { readonly kind: 'expired-all'; readonly span: TextSpan }
  | { readonly kind: 'notification'; readonly notificationId: string; readonly span: TextSpan }
  | { readonly kind: 'closed' }
  | { readonly kind: 'reject'; readonly reply: string; readonly span: TextSpan; readonly recipient?: string; readonly sender?: string; readonly client?: string; readonly blocklist?: string }
  | { readonly kind: 'auth-failure'; readonly client?: string; readonly span: TextSpan }
  | { readonly kind: 'tls-failure'; readonly client?: string; readonly span: TextSpan }
  | { readonly kind: 'lost-connection'; readonly after: string; readonly client?: string; readonly span: TextSpan }
  | { readonly kind: 'blocklist'; readonly client?: string; readonly list?: string; readonly span: TextSpan }
  | { readonly kind: 'warning'; readonly level: WarningLevel; readonly span: TextSpan }
  | { readonly kind: 'other' };

/** Characters of a line's body read for its event: replies longer than this are cut. */
export const BODY_WINDOW = 4 * 1024;
/** Longest value (address, reply, id) kept from a line. */
export const MAX_VALUE = 1000;

const OTHER: MailEvent = { kind: 'other' };

/** First letters of the line shapes told apart below. */
const enum Letter {
  UpperD = 0x44, UpperN = 0x4e, LowerC = 0x63, LowerE = 0x65, LowerF = 0x66, LowerL = 0x6c, LowerM = 0x6d,
  LowerP = 0x70, LowerR = 0x72, LowerS = 0x73, LowerT = 0x74, LowerU = 0x75, LowerW = 0x77,
}

/** The event of the line text[head.body, end). */
export function readEvent(text: string, head: LineHead, end: number): MailEvent {
  const bodyEnd = Math.min(end, head.body + BODY_WINDOW);
  const body = text.slice(head.body, bodyEnd);
  const at = head.body;
  if (head.system === 'exim') return head.idKind === 'exim' ? eximMessageEvent(body, at) : connectionEvent(body, at, 'exim');
  if (head.system === 'sendmail') return head.idKind === 'sendmail' ? sendmailMessageEvent(body, at) : connectionEvent(body, at, 'sendmail');
  if (head.idKind === 'postfix') return postfixMessageEvent(body, at);
  return connectionEvent(body, at, 'postfix');
}

const clip = (value: string): string => (value.length > MAX_VALUE ? value.slice(0, MAX_VALUE) : value);
const span = (at: number, start: number, end: number): TextSpan => ({ start: at + start, end: at + end });

const NOTIFICATION = /^(?:sender|postmaster) (?:non-delivery|delivery status|delay) notification: ([0-9A-Za-z]{5,30})/;
const POSTFIX_STATUS = /status=(sent|deferred|bounced|expired|undeliverable|deliverable)\b/;

function postfixMessageEvent(body: string, at: number): MailEvent {
  // The first character rules out most of the shapes below before any is tried.
  const first = body.charCodeAt(0);
  if (first === Letter.LowerT && body.startsWith('to=')) return postfixAttempt(body, at);
  if ((first === Letter.LowerM && body.startsWith('message-id=')) || (first === Letter.LowerR && body.startsWith('resent-message-id='))) {
    const eq = body.indexOf('=') + 1;
    const raw = body.slice(eq).trimEnd();
    const value = raw.startsWith('<') ? raw.slice(1, raw.indexOf('>') < 0 ? raw.length : raw.indexOf('>')) : raw.split(/[ ,]/, 1)[0]!;
    return { kind: 'message-id', messageId: clip(value), span: span(at, eq, eq + raw.length) };
  }
  if (first === Letter.LowerC && body.startsWith('client=')) return { kind: 'client', client: clip(body.slice(7, clientEnd(body, 7))) };
  if (first === Letter.LowerU && body.startsWith('uid=')) return { kind: 'pickup', sender: fields(body).value('from') };
  if (first === Letter.LowerF && body.startsWith('from=')) {
    const f = fields(body);
    const status = POSTFIX_STATUS.exec(body);
    if (status?.[1] === 'expired') return { kind: 'expired-all', span: span(at, status.index, body.length) };
    return { kind: 'sender', sender: clip(f.value('from') ?? ''), size: numberOf(f.value('size')), nrcpt: numberOf(f.value('nrcpt')) };
  }
  if (first === Letter.LowerR && (body === 'removed' || body.startsWith('removed '))) return { kind: 'closed' };
  const notification = first === Letter.LowerS || first === Letter.LowerP ? NOTIFICATION.exec(body) : null;
  if (notification) {
    const start = body.length - body.slice(notification[0].length - notification[1]!.length).length;
    return { kind: 'notification', notificationId: notification[1]!, span: span(at, start, start + notification[1]!.length) };
  }
  return connectionEvent(body, at, 'postfix');
}

/** Where the client name starting at `from` ends: at a comma or white space (as splitting at /[,\s]/). */
function clientEnd(body: string, from: number): number {
  for (let i = from; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === CharCode.Comma || c === CharCode.Space || (c >= CharCode.Tab && c <= CharCode.CarriageReturn)) return i;
    if (c >= CharCode.FirstNonAscii) return from + /[,\s]|$/.exec(body.slice(from))!.index;
  }
  return body.length;
}

function postfixAttempt(body: string, at: number): MailEvent {
  const f = fields(body);
  const match = POSTFIX_STATUS.exec(body);
  if (!match) return OTHER;
  const word = match[1]!;
  const status: AttemptStatus = word === 'sent' || word === 'deliverable' ? 'sent' : word === 'deferred' ? 'deferred' : word === 'expired' ? 'expired' : 'bounced';
  const open = body.indexOf('(', match.index);
  const reply = open >= 0 ? body.slice(open + 1, body.endsWith(')') ? body.length - 1 : body.length) : undefined;
  return {
    kind: 'attempt',
    recipient: clip(f.value('to') ?? ''),
    origTo: f.value('orig_to'),
    relay: f.value('relay'),
    delay: numberOf(f.value('delay')),
    delays: f.value('delays'),
    dsn: f.value('dsn'),
    status,
    reply: reply === undefined ? undefined : clip(reply),
    span: span(at, match.index, body.length),
  };
}

const EXIM_FIELD = (name: string): RegExp => new RegExp(` ${name}=("(?:[^"\\\\]|\\\\.){0,1000}"|\\S{1,1000})`);
const EXIM_SIZE = EXIM_FIELD('S');
const EXIM_MSGID = EXIM_FIELD('id');
const EXIM_R = / R=(\S{1,1000})/;
const EXIM_HOST = / H=(\S{1,255})/;

function eximMessageEvent(body: string, at: number): MailEvent {
  const flag = body.slice(0, 3);
  if (flag === '<= ') {
    const sender = body.slice(3).split(' ', 1)[0]!;
    const size = EXIM_SIZE.exec(body);
    const messageId = EXIM_MSGID.exec(body);
    const reportsOn = sender === '<>' ? EXIM_R.exec(body) : null;
    const recipients = eximRecipients(body);
    const idStart = messageId ? messageId.index + 4 : 0;
    return {
      kind: 'arrival',
      sender: clip(sender === '<>' ? '' : sender),
      size: size ? numberOf(size[1]) : undefined,
      messageId: messageId ? clip(messageId[1]!) : undefined,
      span: messageId ? span(at, idStart, idStart + messageId[1]!.length) : undefined,
      reportsOn: reportsOn?.[1],
      reportsOnSpan: reportsOn ? span(at, reportsOn.index + 3, reportsOn.index + 3 + reportsOn[1]!.length) : undefined,
      client: EXIM_HOST.exec(body)?.[1],
      recipients,
    };
  }
  if (flag === '=> ' || flag === '-> ' || flag === '*> ' || flag === '** ' || flag === '== ') return eximAttempt(body, at, flag);
  if (body === 'Completed' || body.startsWith('Completed ')) return { kind: 'closed' };
  return connectionEvent(body, at, 'exim');
}

function eximAttempt(body: string, at: number, flag: string): MailEvent {
  // "=> bob <bob@example.com> R=... T=...", "** bob@null.corp: retry timeout exceeded", "== bob@x R=r T=t defer (110): ..."
  const rest = body.slice(3);
  const token = /^(\S{1,1000}?):?(?= |$)/.exec(rest)?.[1] ?? '';
  let afterAddress = 3 + token.length;
  let origTo: string | undefined;
  const original = /^ <([^>]{0,1000})>/.exec(body.slice(afterAddress));
  if (original) { origTo = original[1]; afterAddress += original[0].length; }
  const recipient = origTo && !token.includes('@') ? origTo : token;
  const colon = body.indexOf(': ', afterAddress);
  const reason = flag === '** ' || flag === '== ' ? (colon >= 0 ? body.slice(colon + 2) : undefined) : EXIM_FIELD('C').exec(body)?.[1]?.replace(/^"|"$/g, '');
  const status: AttemptStatus = flag === '** ' ? (/retry time ?out exceeded/i.test(body) ? 'expired' : 'bounced') : flag === '== ' ? 'deferred' : 'sent';
  return {
    kind: 'attempt',
    recipient: clip(recipient),
    ...(origTo && origTo !== recipient ? { origTo } : {}),
    relay: EXIM_HOST.exec(body)?.[1],
    status,
    reply: reason === undefined ? undefined : clip(reason),
    span: span(at, 0, body.length),
  };
}

/** The addresses after " for " at the end of an arrival line (log_selector +received_recipients). */
function eximRecipients(body: string): string[] {
  const at = body.lastIndexOf(' for ');
  if (at < 0 || body.indexOf('=', at) >= 0) return [];
  return body.slice(at + 5).split(' ').filter(Boolean).slice(0, 1000);
}

const SENDMAIL_DELAY = /^(?:(\d+)\+)?(\d\d):(\d\d):(\d\d)$/;

function sendmailMessageEvent(body: string, at: number): MailEvent {
  if (body.startsWith('from=')) {
    const f = fields(body);
    const msgid = f.span('msgid');
    return { kind: 'sender', sender: clip(f.value('from') ?? ''), size: numberOf(f.value('size')), nrcpt: numberOf(f.value('nrcpts')), messageId: f.value('msgid'), span: msgid ? span(at, msgid.start, msgid.end) : undefined };
  }
  if (body.startsWith('to=')) {
    const f = fields(body);
    const stat = body.indexOf('stat=');
    if (stat < 0) return OTHER;
    const reply = body.slice(stat + 5);
    const dsn = f.value('dsn');
    const lower = reply.toLowerCase();
    const status: AttemptStatus = lower.startsWith('sent') ? 'sent' : lower.startsWith('deferred') || dsn?.startsWith('4') ? 'deferred' : 'bounced';
    const delay = SENDMAIL_DELAY.exec(f.value('delay') ?? '');
    return {
      kind: 'attempt', recipient: clip(f.value('to') ?? ''), relay: f.value('relay'), dsn, status,
      delay: delay ? (+(delay[1] ?? 0) * 86400 + +delay[2]! * 3600 + +delay[3]! * 60 + +delay[4]!) : undefined,
      reply: clip(reply), span: span(at, stat, body.length),
    };
  }
  const dsn = /^([0-9A-Za-z]{5,30}): (?:DSN|return to sender|postmaster notify):/.exec(body);
  if (dsn) return { kind: 'notification', notificationId: dsn[1]!, span: span(at, 0, dsn[1]!.length) };
  if (body === 'done' || body.startsWith('done ')) return { kind: 'closed' };
  return connectionEvent(body, at, 'sendmail');
}

const LOST = /^lost connection after ([A-Z-]{1,20}(?: \([^)]{0,40}\))?) from (\S{1,300})/;
/** "blocked using zen.spamhaus.org": the block list a reject names (Postfix's reject_rbl_client wording). */
export const BLOCKED_USING = /blocked using ([A-Za-z0-9.-]{1,255})/;
const DNSBL_RANK = /^DNSBL rank \d+ for (\S{1,300})/;
const WARNING_LEVEL = /^(warning|error|fatal|panic): /;
// "from host[1.2.3.4]", "for (helo) [1.2.3.4]:port"; read in the first CLIENT_WINDOW characters only.
const CLIENT_IN = /(?:from|for) (\S{0,255}? ?\[[0-9A-Fa-f:.]{1,45}\](?::\d{1,5})?)/;
const CLIENT_WINDOW = 1024;
const AUTH_OR_TLS = /auth|ssl|tls/i;

const clientIn = (body: string): string | undefined => CLIENT_IN.exec(body.slice(0, CLIENT_WINDOW))?.[1];

/** Lines about connections, authentication, TLS and the system, with or without a message id. */
function connectionEvent(body: string, at: number, system: 'postfix' | 'exim' | 'sendmail'): MailEvent {
  // Rejects, lost connections, block-list ranks and warnings each start with one of a few letters.
  const first = body.charCodeAt(0);
  if (system === 'postfix' && (first === Letter.UpperN || first === Letter.LowerM || first === Letter.LowerR)) {
    const reject = /^(?:NOQUEUE: )?(?:milter-)?reject: /.exec(body) ?? (body.startsWith('NOQUEUE: ') ? null : /^(?:milter-)?reject: /.exec(body));
    if (reject) return rejectEvent(body, at, reject[0].length);
    if (body.startsWith('NOQUEUE: ')) return rejectOrOther(body, at);
  }
  if (system === 'exim' && /\brejected (?:RCPT|MAIL|after DATA|EHLO|HELO|connection|VRFY|DATA)|\bsynchronization error\b/.test(body)) {
    const colon = body.indexOf(': ', body.indexOf('rejected'));
    return rejectEvent(body, at, colon >= 0 ? colon + 2 : 0, / rejected RCPT <([^>]{0,1000})>/.exec(body)?.[1]);
  }
  if (system === 'sendmail') {
    const reject = /\breject=/.exec(body);
    if (reject) return rejectEvent(body, at, reject.index + 7, fields(body).value('arg1'));
  }
  // Every authentication and TLS wording below holds "auth", "ssl" or "tls": most lines (connect,
  // disconnect, statistics) are ruled out without a lower-case copy of the body.
  if (AUTH_OR_TLS.test(body)) {
    const lower = body.toLowerCase();
    if ((lower.includes('sasl') && lower.includes('authentication failed')) || lower.includes('authenticator failed') || lower.startsWith('auth failure') || (lower.includes('auth=server') && lower.includes('failure'))) {
      return { kind: 'auth-failure', client: clientIn(body), span: span(at, 0, body.length) };
    }
    if (/ssl_accept error|tls library problem|tls handshake failed|tls error on|starttls=.*verify=fail|ssl routines|tls negotiation failed|cannot start tls/.test(lower)) {
      return { kind: 'tls-failure', client: clientIn(body), span: span(at, 0, body.length) };
    }
  }
  const lost = first === Letter.LowerL ? LOST.exec(body) : null;
  if (lost) return { kind: 'lost-connection', after: lost[1]!, client: lost[2], span: span(at, 0, body.length) };
  const rank = first === Letter.UpperD ? DNSBL_RANK.exec(body) : null;
  if (rank) return { kind: 'blocklist', client: rank[1], span: span(at, 0, body.length) };
  const level = first === Letter.LowerW || first === Letter.LowerE || first === Letter.LowerF || first === Letter.LowerP ? WARNING_LEVEL.exec(body) : null;
  if (level) return { kind: 'warning', level: level[1] as WarningLevel, span: span(at, 0, body.length) };
  return OTHER;
}

function rejectOrOther(body: string, at: number): MailEvent {
  const milter = body.indexOf('milter-reject: ');
  return milter >= 0 ? rejectEvent(body, at, milter + 15) : OTHER;
}

/** A refused command: the reply starts at `from` (after "RCPT from host[ip]: " for Postfix). */
function rejectEvent(body: string, at: number, from: number, recipient?: string): MailEvent {
  let start = from;
  // Postfix: "reject: RCPT from host[1.2.3.4]: 554 5.7.1 ...; from=<a> to=<b> proto=ESMTP helo=<x>"
  const command = /^[A-Z-]{2,20} from \S{1,300}: /.exec(body.slice(from, from + 400));
  if (command) start = from + command[0].length;
  const semicolon = keyValuesStart(body, start);
  const end = semicolon >= 0 ? semicolon : body.length;
  // smtpd separates the fields with spaces, postscreen with commas and spaces.
  const tail = semicolon >= 0 ? fields(body.slice(semicolon + 2).replace(/,? /g, ', ')) : undefined;
  return {
    kind: 'reject',
    reply: clip(body.slice(start, end)),
    span: span(at, start, end),
    recipient: recipient ?? tail?.value('to'),
    sender: tail?.value('from'),
    client: command ? command[0].slice(command[0].indexOf(' from ') + 6, -2) : CLIENT_IN.exec(body.slice(0, CLIENT_WINDOW))?.[1],
    blocklist: BLOCKED_USING.exec(body)?.[1],
  };
}

/**
 * Where smtpd's "; from=<a> to=<b> proto=P helo=<h>" after a refused command's reply starts, or -1.
 * Each field is written only when known, in that order: a VRFY or an early reject has no from=<>.
 */
function keyValuesStart(body: string, from: number): number {
  for (const field of KEY_VALUE_STARTS) {
    const at = body.indexOf(field, from);
    if (at >= 0) return at;
  }
  return -1;
}
const KEY_VALUE_STARTS = ['; from=<', '; to=<', '; proto=', '; helo=<'];

function numberOf(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
