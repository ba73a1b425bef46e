// Hovers in mail logs: a queue id or Exim message id shows the message's journey; delays=a/b/c/d
// its four parts with the slowest named; fields, Exim flags and time stamps say what they are.
// Status codes keep the status-code hover, which wins over a field's.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, Position } from 'vscode-languageserver-types';
import type { CancellationToken } from '../../common/cancellation';
import type { DetailLevel } from '../../common/settings';
import type { MessageTrail } from '../../analysis/mailLog/messageTrail';
import { DELAYS_PARTS, type MailLogFieldFact } from '../../knowledge/data/mailLogFields';
import { mailLogField } from '../../knowledge/mailLogFacts';
import { code, lines, type Markdown, markupContent, md } from '../../text/markdown';
import { CODE_HOVER_WINDOW, codeHoverInLine } from '../statusCodes/codeHover';
import { mailLogIndexOf, type MailLogIndex, trailLookups } from './mailLogIndex';
import { readBackLine, type ReadBackLine, targetAt, trailNamed } from './mailLogLine';
import { formatDuration } from './mailLogText';

const MAX_RECIPIENTS_SHOWN = 20;

export function doMailLogHover(document: TextDocument, position: Position, level: DetailLevel, token?: CancellationToken): Hover | null {
  if (token?.isCancellationRequested) return null;
  const index = mailLogIndexOf(document);
  const read = readBackLine(document, index, position.line);
  if (!read) return null;
  const at = position.character;
  const range = (start: number, end: number) => ({ start: { line: position.line, character: start }, end: { line: position.line, character: end } });
  const target = targetAt(read, position);
  if (target && target.kind !== 'message-id') {
    const own = target.kind === 'id' ? index.lineTrail[position.line] : trailNamed(index, target.id, position.line);
    const trail = own === undefined || own < 0 ? undefined : index.trails[own];
    if (trail) return { contents: markupContent(journey(trail, index)), range: range(target.start, target.end) };
  }
  const { time } = read.head;
  if (at >= time.start && at < time.end) return { contents: markupContent(timeHover(read)), range: range(time.start, time.end) };
  const from = Math.max(0, at - CODE_HOVER_WINDOW);
  const codeHover = codeHoverInLine(document, position, { from, text: read.text.slice(from, at + CODE_HOVER_WINDOW) }, level);
  if (codeHover) return codeHover;
  const field = fieldAt(read, at);
  if (!field) return null;
  return { contents: markupContent(fieldHover(field.fact, field.value)), range: range(field.start, field.end) };
}

function journey(trail: MessageTrail, index: MailLogIndex): Markdown {
  const out: Markdown[] = [md`**${systemName(trail)} message ${code(trail.id)}**${trail.instance ? md` · instance ${trail.instance}` : md``}`];
  const facts: Markdown[] = [];
  facts.push(trail.sender === undefined ? md`- From: not in this log` : md`- From: ${trail.sender ? code(trail.sender) : md`<> (the null sender of a notification)`}`);
  if (trail.size !== undefined) facts.push(md`- Size: ${trail.size} bytes`);
  if (trail.messageId !== undefined) {
    const carriers = Math.max(trailLookups(index).withMessageId(trail.messageId).length, 1) - 1;
    facts.push(md`- Message-ID: ${code(trail.messageId)}${carriers > 0 ? md` (${carriers} other message${carriers === 1 ? '' : 's'} in this log carry it)` : md``}`);
  }
  if (trail.client !== undefined) facts.push(md`- Client: ${code(trail.client)}`);
  if (trail.firstMs !== undefined && trail.lastMs !== undefined) {
    facts.push(md`- In this log: ${formatTime(trail.firstMs)} to ${formatTime(trail.lastMs)} (${formatDuration((trail.lastMs - trail.firstMs) / 1000)}), ${trail.lineCount} lines`);
  }
  if (trail.reportsOn !== undefined) facts.push(md`- A notification about message ${code(trail.reportsOn)}`);
  for (const notification of trail.notifications.slice(0, 5)) facts.push(md`- Caused the notification ${code(notification.id)} (line ${notification.line + 1})`);
  out.push(md``, ...facts);
  if (trail.recipients.length) {
    out.push(md``, md`**Recipients**`, md``);
    for (const recipient of trail.recipients.slice(0, MAX_RECIPIENTS_SHOWN)) {
      const details = [
        `${recipient.attempts} attempt${recipient.attempts === 1 ? '' : 's'}`,
        recipient.dsn ? `dsn ${recipient.dsn}` : '',
        recipient.relay ? `via ${recipient.relay}` : '',
        recipient.delay !== undefined ? `delay ${formatDuration(recipient.delay)}` : '',
      ].filter(Boolean).join(', ');
      out.push(md`- ${code(recipient.address)}: **${recipient.outcome}** (${details})${recipient.unknownWhy && recipient.outcome === 'unknown' ? md`: ${recipient.unknownWhy}` : md``}`);
    }
    if (trail.recipients.length > MAX_RECIPIENTS_SHOWN) out.push(md`- ${trail.recipients.length - MAX_RECIPIENTS_SHOWN} more recipients`);
    if (trail.recipientsDropped) out.push(md`- ${trail.recipientsDropped} recipients past the ${trail.recipients.length} followed`);
  } else {
    out.push(md``, md`No delivery attempt for this message in the log.`);
  }
  const notes: string[] = [];
  if (!trail.startSeen) notes.push('The log starts after this message entered the queue: its arrival is not in this log.');
  if (trail.end === 'log-end') notes.push('The log ends before the message left the queue.');
  if (trail.end === 'reused') notes.push('Its queue id was reused by a later message without a removal line in between.');
  if (trail.end === 'evicted') notes.push('Too many messages were open at once to follow this one to its end.');
  if (trail.nrcpt !== undefined && trail.nrcpt > trail.recipients.length) notes.push(`The queue manager counted ${trail.nrcpt} recipients; ${trail.recipients.length} appear in the log.`);
  for (const note of notes) out.push(md``, md`*${note}*`);
  return lines(out);
}

function systemName(trail: MessageTrail): string {
  return trail.system === 'postfix' ? 'Postfix' : trail.system === 'exim' ? 'Exim' : 'Sendmail';
}

function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');
}

function timeHover(read: ReadBackLine): Markdown {
  const { time } = read.head;
  const out = [md`**Time stamp** · ${formatTime(time.epochMs)}${time.zoned ? md` UTC` : md` (the server's local time)`}`];
  if (time.yearInferred) {
    out.push(md``, md`The time stamp has no year (classic syslog): ${new Date(time.epochMs).getUTCFullYear()} is inferred, from the current year and the months the log crosses. Durations within the log are right; the year may not be.`);
  }
  return lines(out);
}

interface FieldAt {
  readonly fact: MailLogFieldFact;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

const KEY_BEFORE = /(?:^|[\s,(])([A-Za-z_-]{1,20}=)$/;

/** The field (key=value) or Exim flag under the cursor. */
function fieldAt(read: ReadBackLine, at: number): FieldAt | undefined {
  const { head, text } = read;
  if (head.system === 'exim' && at >= head.body - 3) {
    const flag = /^(<=|=>|->|\*>|\*\*|==|Completed)(?= |$)/.exec(text.slice(head.body));
    if (flag && at < head.body + flag[1]!.length) {
      const fact = mailLogField('exim', flag[1]!);
      if (fact) return { fact, value: '', start: head.body, end: head.body + flag[1]!.length };
    }
  }
  // The token under the cursor, when it is "key=value"; else the key whose value (with spaces, as
  // Exim's H= and C="...") runs through the cursor.
  const windowStart = Math.max(head.body, at - 300);
  let tokenStart = at;
  while (tokenStart > windowStart && !/[\s,(]/.test(text[tokenStart - 1]!)) tokenStart--;
  const own = /^[A-Za-z_-]{1,20}=/.exec(text.slice(tokenStart, tokenStart + 21));
  let keyEnd = own ? tokenStart + own[0].length : -1;
  for (let i = Math.min(at, text.length - 1); keyEnd < 0 && i >= windowStart; i--) {
    const c = text[i];
    if (c === '=') keyEnd = i + 1;
    else if (c === ',' || c === ';' || (c === ' ' && head.system !== 'exim')) break;
  }
  if (keyEnd < 0) return undefined;
  const key = KEY_BEFORE.exec(text.slice(Math.max(0, keyEnd - 22), keyEnd))?.[1];
  if (!key) return undefined;
  const fact = mailLogField(head.system, key);
  if (!fact) return undefined;
  const keyStart = keyEnd - key.length;
  const valueEnd = endOfValue(text, keyEnd, head.system === 'exim');
  if (at < keyStart || at >= valueEnd) return undefined;
  return { fact, value: text.slice(keyEnd, valueEnd), start: keyStart, end: valueEnd };
}

function endOfValue(text: string, from: number, exim: boolean): number {
  if (exim && text[from] === '"') {
    const close = text.indexOf('"', from + 1);
    return close < 0 ? text.length : close + 1;
  }
  if (text[from] === '<') {
    const close = text.indexOf('>', from);
    return close < 0 ? text.length : close + 1;
  }
  let i = from;
  while (i < text.length && text[i] !== ',' && text[i] !== ' ') i++;
  return i;
}

function fieldHover(fact: MailLogFieldFact, value: string): Markdown {
  const out = [md`**${fact.token}** · ${fact.title}`, md``, md`${fact.meaning}`];
  if (fact.token === 'delays=' && fact.system === 'postfix') out.push(...delaysBreakdown(value));
  if (fact.token === 'delay=' && fact.system === 'postfix' && Number.isFinite(Number(value)) && value !== '') out.push(md``, md`${value} s is ${formatDuration(Number(value))}.`);
  out.push(md``, md`*Source:* ${fact.source}`);
  return lines(out);
}

/** The four parts of delays=a/b/c/d, the slowest named. */
function delaysBreakdown(value: string): Markdown[] {
  const parts = value.split('/');
  const seconds = parts.map(Number);
  if (parts.length !== 4 || seconds.some((n) => !Number.isFinite(n))) return [md``, md`This value does not have the four parts a/b/c/d.`];
  const slowest = seconds.indexOf(Math.max(...seconds));
  const out: Markdown[] = [md``];
  DELAYS_PARTS.forEach((part, i) => {
    out.push(md`${i + 1}. **${part.title}**: ${parts[i]!} s (${formatDuration(seconds[i]!)}) — ${part.meaning}${i === slowest && seconds[i]! > 0 ? md` · **slowest**` : md``}`);
  });
  if (seconds[slowest]! > 0) out.push(md``, md`Most of the time went ${slowestWhere[slowest]}.`);
  return out;
}

const slowestWhere = [
  'before the queue manager saw the message: the time since it arrived (for a retry, its wait in the deferred queue)',
  'in the queue manager: the active queue or this destination was congested',
  'setting up the connection: DNS, TCP, the greeting or TLS was slow or timed out',
  'transmitting the message: the receiving server was slow to take or to answer it',
];
