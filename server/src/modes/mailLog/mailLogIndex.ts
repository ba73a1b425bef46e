// Everything the mail-log features read, built once per document version in the validation's
// cancellable slices: the trail of each line, trails by queue id and by Message-ID, the lines that
// name a message from elsewhere (notifications), and the lines problems are reported on. Hovers,
// references, the outline and folding then answer from it without reading the log again.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CharCode } from '../../common/charCode';
import type { MailEvent } from '../../formats/mailLog/lineEvents';
import { MailLogReader } from '../../analysis/mailLog/mailLogTrails';
import { TRAIL_LIMITS } from '../../analysis/mailLog/trailBuilder';
import type { MessageTrail } from '../../analysis/mailLog/messageTrail';

/** A line about a connection or the system, for the Problems panel. */
export interface LineProblemEvent {
  readonly line: number;
  readonly event: MailEvent;
}

export interface LostConnections {
  count: number;
  readonly firstLine: number;
  lastLine: number;
  readonly after: Map<string, number>;
}

export interface MailLogIndex {
  readonly version: number;
  /** The year given to the first time stamp without one. */
  readonly referenceYear: number;
  /** Per line: the index in `trails` of the trail it belongs to, or -1. */
  lineTrail: Int32Array;
  /** Per line: the offset where it starts, so problems need no position look-ups (a string is shorter than 2^32). */
  lineStarts: Uint32Array;
  /** Per line of a trail: the trail's next line, or -1 after its last (see trailLines). */
  nextLine: Int32Array;
  /** The text has a carriage return not followed by a line feed: a line break to the editor, not to the index. */
  loneCarriageReturn: boolean;
  /** Trails in the order their first line appears. */
  readonly trails: MessageTrail[];
  /** Id -> lines of other messages that name it (Exim "R=id" on its bounce; Postfix and Sendmail notification ids). */
  readonly mentions: Map<string, number[]>;
  readonly lineProblems: LineProblemEvent[];
  /** Line problems past the bound, counted only. */
  lineProblemsDropped: number;
  /** Lost connections by client. */
  readonly lostConnections: Map<string, LostConnections>;
  /** Lines read as mail log lines. */
  recognisedLines: number;
  /** Trails handed on early because too many were open at once. */
  evicted: number;
  /** Where the inferred year of time stamps without one changes (a log crossing New Year), bounded. */
  readonly yearChanges: { readonly line: number; readonly year: number }[];
}

/** Line breaks counted per line read in one step (see MailLogIndexBuilder.countLines). */
const COUNT_PER_LINE = 16;

/** Bounds of what the index keeps besides the trails themselves. */
export const INDEX_LIMITS = { lineProblems: 50_000, clients: 10_000, mentionsPerId: 1_000, yearChanges: 1_000 } as const;

/** Builds the index line by line, in slices the caller chooses. */
export class MailLogIndexBuilder {
  readonly index: MailLogIndex;
  private readonly text: string;
  private readonly reader: MailLogReader;
  private offset = 0;
  private line = 0;
  /** Line breaks counted so far, before the per-line arrays are made at their exact size; -1 once they are. */
  private lineBreaks = 0;
  private countedTo = 0;
  private nextCarriageReturn: number;
  private done = false;
  private year: number;
  /** The span of `year` in milliseconds; empty until the first time stamp without a year. */
  private yearStartMs = 0;
  private yearEndMs = 0;

  constructor(document: TextDocument, referenceYear = new Date().getUTCFullYear()) {
    this.text = document.getText();
    this.nextCarriageReturn = positionOrNever(this.text.indexOf('\r'));
    this.year = referenceYear;
    this.index = {
      version: document.version, referenceYear, trails: [],
      // Sized by counting the line breaks first (document.lineCount would build the document's own
      // line table): made once at their size, never grown or copied.
      lineTrail: new Int32Array(0), lineStarts: new Uint32Array(0), nextLine: new Int32Array(0),
      loneCarriageReturn: false, mentions: new Map(), lineProblems: [], lineProblemsDropped: 0,
      lostConnections: new Map(), recognisedLines: 0, evicted: 0, yearChanges: [],
    };
    // The lines of each trail are chained through nextLine rather than kept in an array per trail.
    this.reader = new MailLogReader({ referenceYear, onTrail: () => undefined });
  }

  /** Reads up to `lines` more lines; true once the whole document is read. */
  step(lines: number): boolean {
    const text = this.text;
    if (this.lineBreaks >= 0 && !this.countLines(lines)) return false;
    for (let n = 0; n < lines && !this.done; n++) {
      if (this.offset > text.length) {
        this.reader.finish();
        this.index.evicted = this.reader.evicted;
        this.done = true;
        break;
      }
      let end = text.indexOf('\n', this.offset);
      if (end < 0) end = text.length;
      const contentEnd = end > this.offset && text.charCodeAt(end - 1) === CharCode.CarriageReturn ? end - 1 : end;
      // Each carriage return is looked at once: the next one is searched for when this line passes it.
      while (this.nextCarriageReturn < end) {
        if (text.charCodeAt(this.nextCarriageReturn + 1) !== CharCode.LineFeed) this.index.loneCarriageReturn = true;
        this.nextCarriageReturn = positionOrNever(text.indexOf('\r', this.nextCarriageReturn + 1));
      }
      this.index.lineStarts[this.line] = this.offset;
      this.readLine(this.offset, contentEnd);
      this.offset = end + 1;
      this.line++;
    }
    return this.done;
  }

  /**
   * Counts up to COUNT_PER_LINE times `lines` more line breaks (a search, far cheaper than reading a
   * line); once all are counted, makes the per-line arrays at their size. True when they are made.
   */
  private countLines(lines: number): boolean {
    const text = this.text;
    for (let n = lines * COUNT_PER_LINE; n > 0; n--) {
      const at = text.indexOf('\n', this.countedTo);
      if (at < 0) {
        const count = this.lineBreaks + 1;
        const index = this.index;
        index.lineTrail = new Int32Array(count).fill(-1);
        index.lineStarts = new Uint32Array(count);
        index.nextLine = new Int32Array(count).fill(-1);
        this.lineBreaks = -1;
        return true;
      }
      this.lineBreaks++;
      this.countedTo = at + 1;
    }
    return false;
  }

  /** Per trail: its last line read so far, where the next one is chained. */
  private lastLineOf = new Int32Array(1024);

  private readLine(start: number, end: number): void {
    const read = this.reader.readLine(this.text, start, end, this.line);
    if (!read) return;
    const index = this.index;
    index.recognisedLines++;
    const time = read.head.time;
    // The year is looked up only when the time leaves the current year's span: not a Date per line.
    if (time.yearInferred && !(time.epochMs >= this.yearStartMs && time.epochMs < this.yearEndMs)) {
      const year = new Date(time.epochMs).getUTCFullYear();
      if (year !== this.year && index.yearChanges.length < INDEX_LIMITS.yearChanges) index.yearChanges.push({ line: this.line, year });
      this.year = year;
      this.yearStartMs = Date.UTC(year, 0, 1);
      this.yearEndMs = Date.UTC(year + 1, 0, 1);
    }
    const trail = read.trail;
    if (trail) {
      let trailIndex: number;
      // A trail's first line holds its index: no map from trails to indexes.
      if (trail.firstLine === this.line) {
        trailIndex = index.trails.length;
        index.trails.push(trail);
        if (trailIndex >= this.lastLineOf.length) {
          const grown = new Int32Array(trailIndex * 2);
          grown.set(this.lastLineOf);
          this.lastLineOf = grown;
        }
      } else {
        trailIndex = index.lineTrail[trail.firstLine]!;
        index.nextLine[this.lastLineOf[trailIndex]!] = this.line;
      }
      this.lastLineOf[trailIndex] = this.line;
      index.lineTrail[this.line] = trailIndex;
      // As the trail builder counts them when it keeps lines: the outline and references list the first ones.
      if (trail.lineCount > TRAIL_LIMITS.maxLinesPerTrail) trail.linesDropped = trail.lineCount - TRAIL_LIMITS.maxLinesPerTrail;
    }
    const event = read.event;
    switch (event.kind) {
      case 'arrival':
        if (event.reportsOn) this.mention(event.reportsOn);
        break;
      case 'notification': this.mention(event.notificationId); break;
      case 'lost-connection': this.lost(event.client ?? 'unknown client', event.after); break;
      case 'reject': case 'auth-failure': case 'tls-failure': case 'blocklist': case 'warning':
        if (index.lineProblems.length < INDEX_LIMITS.lineProblems) index.lineProblems.push({ line: this.line, event });
        else index.lineProblemsDropped++;
        break;
      default: break;
    }
  }

  private mention(id: string): void {
    const lines = this.index.mentions.get(id);
    if (!lines) this.index.mentions.set(id, [this.line]);
    else if (lines.length < INDEX_LIMITS.mentionsPerId) lines.push(this.line);
  }

  private lost(client: string, after: string): void {
    countLostConnection(this.index.lostConnections, client, after, this.line);
  }

}

/** Counts one lost connection of a client (at most INDEX_LIMITS.clients clients, 16 commands each). */
export function countLostConnection(map: Map<string, LostConnections>, client: string, after: string, line: number): void {
  let entry = map.get(client);
  if (!entry) {
    if (map.size >= INDEX_LIMITS.clients) return;
    entry = { count: 0, firstLine: line, lastLine: line, after: new Map() };
    map.set(client, entry);
  }
  entry.count++;
  entry.lastLine = line;
  const command = after.split(' ', 1)[0]!;
  if (entry.after.has(command) || entry.after.size < 16) entry.after.set(command, (entry.after.get(command) ?? 0) + 1);
}

const positionOrNever = (at: number): number => (at < 0 ? Infinity : at);

/**
 * Trails (their indexes, in order) by queue id and by Message-ID: the indexes of the trails sorted
 * by key (then by index), searched by bisection. Two typed arrays of one number per trail instead of
 * two maps with an entry per key (about six times the memory), made on the first request that asks.
 */
export class TrailLookups {
  private readonly byId: Int32Array;
  private readonly byMessageId: Int32Array;

  constructor(private readonly trails: readonly MessageTrail[]) {
    this.byId = sortedBy(trails, idOf);
    this.byMessageId = sortedBy(trails, messageIdOf);
  }

  /** The trails of queue id (or Exim message id) `id`, in order. */
  withId(id: string): number[] {
    return this.run(this.byId, idOf, id);
  }

  /** The trails that carry Message-ID `messageId`, in order. */
  withMessageId(messageId: string): number[] {
    return messageId ? this.run(this.byMessageId, messageIdOf, messageId) : [];
  }

  /** The trails of `sorted` whose key is `key`: the run that starts at the first one not below it. */
  private run(sorted: Int32Array, keyOf: (trail: MessageTrail) => string | undefined, key: string): number[] {
    const trails = this.trails;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (keyOf(trails[sorted[middle]!]!)! < key) low = middle + 1;
      else high = middle;
    }
    const found: number[] = [];
    for (let i = low; i < sorted.length && keyOf(trails[sorted[i]!]!) === key; i++) found.push(sorted[i]!);
    return found;
  }
}

const idOf = (trail: MessageTrail): string => trail.id;
// An empty Message-ID names no message.
const messageIdOf = (trail: MessageTrail): string | undefined => trail.messageId || undefined;

/** The indexes of the trails that have a key, sorted by key and, for one key, in order. */
function sortedBy(trails: readonly MessageTrail[], keyOf: (trail: MessageTrail) => string | undefined): Int32Array {
  let count = 0;
  for (const trail of trails) if (keyOf(trail) !== undefined) count++;
  const sorted = new Int32Array(count);
  let n = 0;
  for (let t = 0; t < trails.length; t++) if (keyOf(trails[t]!) !== undefined) sorted[n++] = t;
  return sorted.sort((a, b) => {
    const keyA = keyOf(trails[a]!)!;
    const keyB = keyOf(trails[b]!)!;
    return keyA < keyB ? -1 : keyA > keyB ? 1 : a - b;
  });
}

const lookups = new WeakMap<MailLogIndex, TrailLookups>();

/**
 * The trails of an index by queue id and by Message-ID: built from its trails by the first request
 * that needs them, once per index, rather than on the way to the problems.
 */
export function trailLookups(index: MailLogIndex): TrailLookups {
  let found = lookups.get(index);
  if (!found) {
    found = new TrailLookups(index.trails);
    lookups.set(index, found);
  }
  return found;
}

/** The lines of trail `trailIndex` in order, at most `max` (at most TRAIL_LIMITS.maxLinesPerTrail). */
export function trailLines(index: MailLogIndex, trailIndex: number, max: number = TRAIL_LIMITS.maxLinesPerTrail): number[] {
  const lines: number[] = [];
  const bound = Math.min(max, TRAIL_LIMITS.maxLinesPerTrail);
  for (let line = index.trails[trailIndex]?.firstLine ?? -1; line >= 0 && lines.length < bound; line = index.nextLine[line]!) lines.push(line);
  return lines;
}


const built = new WeakMap<TextDocument, MailLogIndex>();

/** The index of this version, if the validation (or an earlier request) built it. */
export function builtIndex(document: TextDocument): MailLogIndex | undefined {
  const index = built.get(document);
  return index?.version === document.version ? index : undefined;
}

export function rememberIndex(document: TextDocument, index: MailLogIndex): void {
  built.set(document, index);
}

/** The index of this version: built by the validation, or here at once when a request comes first. */
export function mailLogIndexOf(document: TextDocument): MailLogIndex {
  const known = builtIndex(document);
  if (known) return known;
  const builder = new MailLogIndexBuilder(document);
  builder.step(Number.MAX_SAFE_INTEGER);
  rememberIndex(document, builder.index);
  return builder.index;
}
