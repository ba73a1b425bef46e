// What one Postfix, Exim or Sendmail log line says, read after its head (lineHead.ts): a message
// arriving, its Message-ID, its sender, a delivery attempt for one recipient, a notification it
// caused, its removal; or a line about a connection (a reject, an authentication or TLS failure, a
// lost connection, a warning). Only a bounded window of the line is read.

import { CharCode } from '../../common/charCode';
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

// Postfix and Sendmail "name=value, " fields, read left to right until a token is not one. A value in
// <...> may hold commas and is read up to 320 characters (an address is at most 254), so a line of
// unclosed "<" costs each field a bounded look, not the rest of the line.
const MAX_FIELDS = 24;
const MAX_BRACKETED = 320;

/**
 * The fields of the last body read by `fields`, as offsets: no Map and no object per field, since
 * every delivery line has a dozen of them and only a few are asked for. Valid until the next call.
 */
class FieldList {
  private body = '';
  private count = 0;
  /** Per field: key start, key end, value start, value end. */
  private readonly offsets = new Int32Array(MAX_FIELDS * 4);

  read(body: string): this {
    this.body = body;
    this.count = 0;
    const offsets = this.offsets;
    let at = 0;
    while (at < body.length && this.count < MAX_FIELDS) {
      let keyEnd = at;
      for (let c = body.charCodeAt(keyEnd); (c >= CharCode.LowerA && c <= CharCode.LowerZ) || c === CharCode.Underscore; c = body.charCodeAt(++keyEnd));
      if (keyEnd === at || body.charCodeAt(keyEnd) !== CharCode.Equals) break;
      const start = keyEnd + 1;
      let end = start;
      const close = body.charCodeAt(start) === CharCode.LessThan ? body.indexOf('>', start) : -1;
      if (close >= 0 && close - start <= MAX_BRACKETED) end = close + 1;
      else {
        for (let c = body.charCodeAt(end); end < body.length && c !== CharCode.Comma && c !== CharCode.Space && c !== CharCode.Tab; c = body.charCodeAt(++end));
      }
      // The first of a repeated name counts.
      if (this.find(at, keyEnd) < 0) {
        const slot = this.count++ * 4;
        offsets[slot] = at;
        offsets[slot + 1] = keyEnd;
        offsets[slot + 2] = start;
        offsets[slot + 3] = end;
      }
      at = end;
      if (body.charCodeAt(at) === CharCode.Comma) at++;
      while (body.charCodeAt(at) === CharCode.Space) at++;
    }
    return this;
  }

  /** The value of `name` (without its <>), or undefined. */
  value(name: string): string | undefined {
    const slot = this.slotOf(name);
    return slot < 0 ? undefined : unbracket(this.body.slice(this.offsets[slot + 2], this.offsets[slot + 3]));
  }

  /** Offsets in the body of the value of `name` as written, or undefined. */
  span(name: string): { readonly start: number; readonly end: number } | undefined {
    const slot = this.slotOf(name);
    return slot < 0 ? undefined : { start: this.offsets[slot + 2]!, end: this.offsets[slot + 3]! };
  }

  private slotOf(name: string): number {
    for (let i = 0; i < this.count; i++) {
      const slot = i * 4;
      if (this.offsets[slot + 1]! - this.offsets[slot]! === name.length && sameAt(this.body, this.offsets[slot]!, name)) return slot;
    }
    return -1;
  }

  private find(keyStart: number, keyEnd: number): number {
    const length = keyEnd - keyStart;
    for (let i = 0; i < this.count; i++) {
      const slot = i * 4;
      const start = this.offsets[slot]!;
      if (this.offsets[slot + 1]! - start === length && sameChars(this.body, start, keyStart, length)) return slot;
    }
    return -1;
  }
}

/** body[at, at + name.length) is name. */
function sameAt(body: string, at: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) if (body.charCodeAt(at + i) !== name.charCodeAt(i)) return false;
  return true;
}

function sameChars(text: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

const fieldList = new FieldList();

/** Reads the fields of `body`; the answer is valid until the next call. */
function fields(body: string): FieldList {
  return fieldList.read(body);
}

function unbracket(value: string): string {
  return value.startsWith('<') && value.endsWith('>') ? value.slice(1, -1) : value;
}

const NOTIFICATION = /^(?:sender|postmaster) (?:non-delivery|delivery status|delay) notification: ([0-9A-Za-z]{5,20})/;
const POSTFIX_STATUS = /status=(sent|deferred|bounced|expired|undeliverable|deliverable)\b/;

function postfixMessageEvent(body: string, at: number): MailEvent {
  if (body.startsWith('to=')) return postfixAttempt(body, at);
  if (body.startsWith('message-id=') || body.startsWith('resent-message-id=')) {
    const eq = body.indexOf('=') + 1;
    const raw = body.slice(eq).trimEnd();
    const value = raw.startsWith('<') ? raw.slice(1, raw.indexOf('>') < 0 ? raw.length : raw.indexOf('>')) : raw.split(/[ ,]/, 1)[0]!;
    return { kind: 'message-id', messageId: clip(value), span: span(at, eq, eq + raw.length) };
  }
  if (body.startsWith('client=')) return { kind: 'client', client: clip(body.slice(7).split(/[,\s]/, 1)[0]!) };
  if (body.startsWith('uid=')) return { kind: 'pickup', sender: fields(body).value('from') };
  if (body.startsWith('from=')) {
    const f = fields(body);
    const status = POSTFIX_STATUS.exec(body);
    if (status?.[1] === 'expired') return { kind: 'expired-all', span: span(at, status.index, body.length) };
    return { kind: 'sender', sender: clip(f.value('from') ?? ''), size: numberOf(f.value('size')), nrcpt: numberOf(f.value('nrcpt')) };
  }
  if (body === 'removed' || body.startsWith('removed ')) return { kind: 'closed' };
  const notification = NOTIFICATION.exec(body);
  if (notification) {
    const start = body.length - body.slice(notification[0].length - notification[1]!.length).length;
    return { kind: 'notification', notificationId: notification[1]!, span: span(at, start, start + notification[1]!.length) };
  }
  return connectionEvent(body, at, 'postfix');
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
  const dsn = /^([0-9A-Za-z]{5,20}): (?:DSN|return to sender|postmaster notify):/.exec(body);
  if (dsn) return { kind: 'notification', notificationId: dsn[1]!, span: span(at, 0, dsn[1]!.length) };
  if (body === 'done' || body.startsWith('done ')) return { kind: 'closed' };
  return connectionEvent(body, at, 'sendmail');
}

const LOST = /^lost connection after ([A-Z-]{1,20}(?: \([^)]{0,40}\))?) from (\S{1,300})/;
const BLOCKED_USING = /blocked using ([A-Za-z0-9.-]{1,255})/;
const DNSBL_RANK = /^DNSBL rank \d+ for (\S{1,300})/;
const WARNING_LEVEL = /^(warning|error|fatal|panic): /;
// "from host[1.2.3.4]", "for (helo) [1.2.3.4]:port"; read in the first CLIENT_WINDOW characters only.
const CLIENT_IN = /(?:from|for) (\S{0,255}? ?\[[0-9A-Fa-f:.]{1,45}\](?::\d{1,5})?)/;
const CLIENT_WINDOW = 1024;
const AUTH_OR_TLS = /auth|ssl|tls/i;

const clientIn = (body: string): string | undefined => CLIENT_IN.exec(body.slice(0, CLIENT_WINDOW))?.[1];

/** Lines about connections, authentication, TLS and the system, with or without a message id. */
function connectionEvent(body: string, at: number, system: 'postfix' | 'exim' | 'sendmail'): MailEvent {
  const whole = span(at, 0, body.length);
  if (system === 'postfix') {
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
      return { kind: 'auth-failure', client: clientIn(body), span: whole };
    }
    if (/ssl_accept error|tls library problem|tls handshake failed|tls error on|starttls=.*verify=fail|ssl routines|tls negotiation failed|cannot start tls/.test(lower)) {
      return { kind: 'tls-failure', client: clientIn(body), span: whole };
    }
  }
  const lost = LOST.exec(body);
  if (lost) return { kind: 'lost-connection', after: lost[1]!, client: lost[2], span: whole };
  const rank = DNSBL_RANK.exec(body);
  if (rank) return { kind: 'blocklist', client: rank[1], span: whole };
  const level = WARNING_LEVEL.exec(body);
  if (level) return { kind: 'warning', level: level[1] as WarningLevel, span: whole };
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
  const semicolon = body.indexOf('; from=<', start);
  const end = semicolon >= 0 ? semicolon : body.length;
  const tail = semicolon >= 0 ? fields(body.slice(semicolon + 2).replaceAll(' ', ', ')) : undefined;
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

function numberOf(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
