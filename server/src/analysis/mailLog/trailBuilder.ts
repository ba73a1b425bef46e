// Builds message trails from log lines fed in order. Only open trails are kept: a trail is handed
// on when its message leaves the queue (Postfix "removed", Exim "Completed", Sendmail "done"), when
// its id is reused, when too many are open at once (the oldest goes, its open outcomes unknown) or
// at the end. Every map is bounded, so a 1 GB log streams through in bounded memory.

import type { LineHead } from '../../formats/mailLog/lineHead';
import type { AttemptEvent, MailEvent } from '../../formats/mailLog/lineEvents';
import type { MessageTrail, RecipientTrail, TrailEnd } from './messageTrail';
import { SharedStrings } from './sharedStrings';

export interface TrailBuilderOptions {
  /** Receives each trail once it is closed. */
  readonly onTrail: (trail: MessageTrail) => void;
  /** Keep every trail's line numbers (the editor does, for references; a stream does not). */
  readonly keepLines?: boolean;
  readonly maxOpen?: number;
  readonly maxRecipients?: number;
  readonly maxLinesPerTrail?: number;
}

/** Up to this many recipients, a trail's recipient is found by reading its list rather than a map. */
const FEW_RECIPIENTS = 8;

export const TRAIL_LIMITS = { maxOpen: 20_000, maxRecipients: 1_000, maxLinesPerTrail: 10_000, maxPendingLinks: 20_000 } as const;

type OpenTrail = MessageTrail;

export class TrailBuilder {
  private readonly open = new Map<string, OpenTrail>();
  /**
   * The recipients by address of each open trail with more than FEW_RECIPIENTS (the others are
   * searched in their list), dropped when it is handed on. Kept apart: a property deleted from a
   * trail would turn every kept trail into a slower, larger dictionary object.
   */
  private readonly addresses = new Map<MessageTrail, Map<string, RecipientTrail>>();
  /** The open trail of each id, whatever its instance: notifications name ids only. */
  private readonly openById = new Map<string, MessageTrail>();
  /** Notification id -> the id of the message it reports on, until the notification's trail opens. */
  private readonly pendingReports = new Map<string, string>();
  private readonly maxOpen: number;
  private readonly maxRecipients: number;
  private readonly maxLines: number;
  /** Senders and clients: a log repeats a few of them across many trails. */
  private readonly shared = new SharedStrings();
  /** The open trail the last line joined. */
  private lastTrail: OpenTrail | undefined;
  /** Trails closed early because too many were open. */
  evicted = 0;

  constructor(private readonly options: TrailBuilderOptions) {
    this.maxOpen = options.maxOpen ?? TRAIL_LIMITS.maxOpen;
    this.maxRecipients = options.maxRecipients ?? TRAIL_LIMITS.maxRecipients;
    this.maxLines = options.maxLinesPerTrail ?? TRAIL_LIMITS.maxLinesPerTrail;
  }

  /**
   * Adds one line, read from `text` (the document, or the line alone when streaming); returns the
   * trail the line joined. Lines without a message id (NOQUEUE rejects, connections) join none.
   */
  add(line: number, head: LineHead, text: string, event: MailEvent): MessageTrail | undefined {
    if (head.idStart < 0 || head.idKind === 'noqueue' || !head.system) return undefined;
    // The default instance ("postfix/...") is by far the most common: its key is the id alone.
    const otherInstance = head.system === 'postfix' && head.programStart >= 0 && !text.startsWith('postfix/', head.programStart);
    const last = this.lastTrail;
    let id: string;
    let instance = '';
    let key: string;
    let trail: OpenTrail | undefined;
    // A message's lines often follow one another: the trail of the line before is recognised in
    // place, without a copy of the id or a look-up.
    if (last && !otherInstance && last.instance === '' && isAt(text, head.idStart, head.idEnd, last.id)) {
      key = id = last.id;
      trail = last;
    } else {
      id = text.slice(head.idStart, head.idEnd);
      if (otherInstance) instance = postfixInstance(text.slice(head.programStart, head.programEnd));
      key = instance ? `${instance}|${id}` : id;
      trail = this.open.get(key);
    }
    if (trail && startsAnew(trail, event)) {
      this.close(key, trail, 'reused');
      trail = undefined;
    }
    if (!trail) {
      trail = this.start(key, id, instance, head, line, event);
    }
    this.record(trail, line, head, event);
    this.lastTrail = trail;
    if (event.kind === 'closed') this.close(key, trail, head.system === 'exim' ? 'completed' : 'removed');
    return trail;
  }

  /** Hands on every trail still open: the log ends here. */
  finish(): void {
    for (const [key, trail] of this.open) this.close(key, trail, 'log-end');
  }

  private start(key: string, id: string, instance: string, head: LineHead, line: number, event: MailEvent): OpenTrail {
    if (this.open.size >= this.maxOpen) {
      const [oldKey, oldest] = this.open.entries().next().value!;
      this.evicted++;
      this.close(oldKey, oldest, 'evicted');
    }
    // Every field is given at once, those still unknown as undefined: one object shape for every
    // trail, its fields inside the object rather than in a store added as they are learnt.
    const trail: OpenTrail = {
      id, system: head.system!, instance, firstLine: line, lastLine: line,
      lines: this.options.keepLines ? [] : undefined,
      linesDropped: 0, lineCount: 0,
      startSeen: event.kind === 'client' || event.kind === 'pickup' || event.kind === 'message-id' || event.kind === 'arrival'
        || (head.system === 'sendmail' && event.kind === 'sender'),
      end: undefined, client: undefined, messageId: undefined, sender: undefined, size: undefined, nrcpt: undefined,
      firstMs: undefined, lastMs: undefined, timesInUtc: undefined,
      recipients: NONE, recipientsDropped: 0, notifications: NONE, reportsOn: undefined,
    };
    const reports = this.pendingReports.get(id);
    if (reports !== undefined) {
      (trail as MessageTrail).reportsOn = reports;
      this.pendingReports.delete(id);
    }
    this.open.set(key, trail);
    this.openById.set(id, trail);
    return trail;
  }

  private record(trail: OpenTrail, line: number, head: LineHead, event: MailEvent): void {
    trail.lastLine = line;
    trail.lineCount++;
    if (trail.lines) {
      if (trail.lines.length < this.maxLines) trail.lines.push(line);
      else trail.linesDropped++;
    }
    const ms = head.time.epochMs;
    trail.timesInUtc ??= head.time.zoned;
    if (ms !== undefined) {
      if (trail.firstMs === undefined || ms < trail.firstMs) trail.firstMs = ms;
      if (trail.lastMs === undefined || ms > trail.lastMs) trail.lastMs = ms;
    }
    switch (event.kind) {
      case 'client': trail.client ??= this.shared.of(event.client); break;
      case 'pickup': if (event.sender !== undefined) trail.sender ??= this.shared.of(event.sender); break;
      case 'message-id': trail.messageId ??= event.messageId; break;
      case 'sender':
        trail.sender = this.shared.of(event.sender);
        if (event.size !== undefined) trail.size = event.size;
        if (event.nrcpt !== undefined) trail.nrcpt = event.nrcpt;
        if (event.messageId !== undefined) trail.messageId ??= event.messageId;
        break;
      case 'arrival':
        trail.sender = this.shared.of(event.sender);
        if (event.size !== undefined) trail.size = event.size;
        if (event.messageId !== undefined) trail.messageId ??= event.messageId;
        if (event.client !== undefined) trail.client ??= this.shared.of(event.client);
        if (event.reportsOn !== undefined) trail.reportsOn = event.reportsOn;
        for (const address of event.recipients) this.recipient(trail, address, line);
        if (event.reportsOn !== undefined) {
          const reported = this.openById.get(event.reportsOn);
          if (reported) addNotification(reported, { id: trail.id, line });
        }
        break;
      case 'attempt': this.attempt(trail, line, ms, event); break;
      case 'expired-all':
        for (const recipient of trail.recipients) {
          if (recipient.outcome !== 'deferred' && recipient.outcome !== 'unknown') continue;
          recipient.outcome = 'expired';
          recipient.decisiveLine = line;
          recipient.decisiveSpan = event.span;
        }
        break;
      case 'notification': {
        addNotification(trail, { id: event.notificationId, line });
        const notified = this.openById.get(event.notificationId);
        if (notified && notified !== trail) notified.reportsOn = trail.id;
        else {
          if (this.pendingReports.size >= TRAIL_LIMITS.maxPendingLinks) this.pendingReports.delete(this.pendingReports.keys().next().value!);
          this.pendingReports.set(event.notificationId, trail.id);
        }
        break;
      }
      default: break;
    }
  }

  private recipient(trail: OpenTrail, address: string, line: number): RecipientTrail | undefined {
    const key = address.toLowerCase();
    const recipients = trail.recipients;
    const byAddress = recipients.length > FEW_RECIPIENTS ? this.addresses.get(trail)! : undefined;
    let recipient = byAddress ? byAddress.get(key) : recipients.find((r) => r.address.toLowerCase() === key);
    if (recipient) return recipient;
    if (recipients.length >= this.maxRecipients) {
      trail.recipientsDropped++;
      return undefined;
    }
    recipient = {
      address, origTo: undefined, outcome: 'unknown', attempts: 0, deferrals: 0, firstAttemptMs: undefined, lastAttemptMs: undefined,
      decisiveLine: line, decisiveSpan: undefined, reply: undefined, dsn: undefined, relay: undefined, delay: undefined, delays: undefined,
      unknownWhy: 'no delivery attempt for this recipient in the log',
    };
    if (recipients === NONE) {
      // A list of one: most messages have one recipient, and a list grown from empty holds room for 17.
      (trail as { recipients: RecipientTrail[] }).recipients = [recipient];
      return recipient;
    }
    recipients.push(recipient);
    if (byAddress) byAddress.set(key, recipient);
    else if (recipients.length > FEW_RECIPIENTS) this.addresses.set(trail, new Map(recipients.map((r) => [r.address.toLowerCase(), r])));
    return recipient;
  }

  private attempt(trail: OpenTrail, line: number, ms: number | undefined, event: AttemptEvent): void {
    const recipient = this.recipient(trail, event.recipient, line);
    if (!recipient) return;
    recipient.attempts++;
    if (ms !== undefined) {
      recipient.firstAttemptMs ??= ms;
      recipient.lastAttemptMs = ms;
    }
    if (event.origTo !== undefined) recipient.origTo = event.origTo;
    // A later "sent" settles a recipient; nothing after a final outcome changes it (Exim logs a
    // delivery once per address, Postfix may log a bounce's copy to the postmaster apart).
    if (recipient.outcome === 'delivered' || recipient.outcome === 'bounced' || recipient.outcome === 'expired') return;
    recipient.outcome = event.status === 'sent' ? 'delivered' : event.status;
    recipient.unknownWhy = undefined;
    if (event.status === 'deferred') recipient.deferrals++;
    recipient.decisiveLine = line;
    recipient.decisiveSpan = event.span;
    recipient.reply = event.reply;
    recipient.dsn = event.dsn;
    recipient.relay = event.relay;
    recipient.delay = event.delay;
    recipient.delays = event.delays;
  }

  private close(key: string, trail: OpenTrail, end: TrailEnd): void {
    this.open.delete(key);
    if (this.lastTrail === trail) this.lastTrail = undefined;
    if (this.openById.get(trail.id) === trail) this.openById.delete(trail.id);
    trail.end = end;
    for (const recipient of trail.recipients) {
      if (recipient.outcome === 'deferred' && end !== 'log-end') {
        recipient.outcome = 'unknown';
        recipient.unknownWhy = end === 'evicted'
          ? 'too many messages were open at once to follow this one further'
          : 'the message left the queue after a deferral with no final status for this recipient in the log';
      } else if (recipient.outcome === 'unknown' && end === 'log-end') {
        recipient.unknownWhy = 'the log ends before this recipient got a final status';
      }
    }
    this.addresses.delete(trail);
    this.options.onTrail(trail);
  }
}

type Notification = MessageTrail['notifications'][number];

/**
 * The empty list every trail starts with, for recipients and notifications: most trails of a log
 * keep one or none, and an empty list of their own would be kept with each (replaced on the first).
 */
const NONE = Object.freeze([]) as unknown as never[];

function addNotification(trail: MessageTrail, notification: Notification): void {
  if (trail.notifications === NONE) (trail as { notifications: Notification[] }).notifications = [notification];
  else trail.notifications.push(notification);
}

/**
 * The Postfix instance, whose queue holds the id: the first part of the syslog name ("postfix-out"
 * of "postfix-out/smtp"); "" for the default one. Services of one instance may add parts of their
 * own ("postfix/submission/smtpd") and share its queue.
 */
function postfixInstance(program: string): string {
  const slash = program.indexOf('/');
  const name = slash >= 0 ? program.slice(0, slash) : program;
  return name === 'postfix' ? '' : name;
}

/** text[start, end) is `id`. */
function isAt(text: string, start: number, end: number, id: string): boolean {
  if (end - start !== id.length) return false;
  for (let i = 0; i < id.length; i++) if (text.charCodeAt(start + i) !== id.charCodeAt(i)) return false;
  return true;
}

/** A new arrival on an open id that already had one: the id was reused without a removal line. */
function startsAnew(trail: MessageTrail, event: MailEvent): boolean {
  if (event.kind === 'client' || event.kind === 'pickup') return trail.client !== undefined || trail.sender !== undefined;
  if (event.kind === 'arrival') return trail.sender !== undefined;
  return false;
}
