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
  /** Per line: the offset where it starts, so problems need no position look-ups. */
  lineStarts: Float64Array;
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

/** Bounds of what the index keeps besides the trails themselves. */
export const INDEX_LIMITS = { lineProblems: 50_000, clients: 10_000, mentionsPerId: 1_000, yearChanges: 1_000 } as const;

/** Builds the index line by line, in slices the caller chooses. */
export class MailLogIndexBuilder {
  readonly index: MailLogIndex;
  private readonly text: string;
  private readonly reader: MailLogReader;
  private offset = 0;
  private line = 0;
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
      // Sized from the text and grown as lines are read: document.lineCount would build the document's own line table.
      lineTrail: new Int32Array(0), lineStarts: new Float64Array(0), nextLine: new Int32Array(0),
      loneCarriageReturn: false, mentions: new Map(), lineProblems: [], lineProblemsDropped: 0,
      lostConnections: new Map(), recognisedLines: 0, evicted: 0, yearChanges: [],
    };
    // The lines of each trail are chained through nextLine rather than kept in an array per trail.
    this.reader = new MailLogReader({ referenceYear, onTrail: () => undefined });
  }

  /** Reads up to `lines` more lines; true once the whole document is read. */
  step(lines: number): boolean {
    const text = this.text;
    for (let n = 0; n < lines && !this.done; n++) {
      if (this.offset > text.length) {
        this.reader.finish();
        const index = this.index;
        index.evicted = this.reader.evicted;
        index.lineTrail = index.lineTrail.slice(0, this.line);
        index.lineStarts = index.lineStarts.slice(0, this.line);
        index.nextLine = index.nextLine.slice(0, this.line);
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
      if (this.line >= this.index.lineStarts.length) this.grow();
      this.index.lineStarts[this.line] = this.offset;
      this.readLine(this.offset, contentEnd);
      this.offset = end + 1;
      this.line++;
    }
    return this.done;
  }

  /** Room for more lines: a guess from the average line so far, at least double. */
  private grow(): void {
    const index = this.index;
    const guess = this.line > 0 ? Math.ceil((this.text.length / this.offset) * this.line * 1.1) : Math.ceil(this.text.length / 100);
    const size = Math.max(1024, this.line * 2, guess);
    const lineTrail = new Int32Array(size).fill(-1);
    lineTrail.set(index.lineTrail);
    const lineStarts = new Float64Array(size);
    lineStarts.set(index.lineStarts);
    const nextLine = new Int32Array(size).fill(-1);
    nextLine.set(index.nextLine);
    index.lineTrail = lineTrail;
    index.lineStarts = lineStarts;
    index.nextLine = nextLine;
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

/** Trails (their indexes, in order) by queue id and by Message-ID. */
export interface TrailLookups {
  readonly byId: Map<string, number[]>;
  readonly byMessageId: Map<string, number[]>;
}

const lookups = new WeakMap<MailLogIndex, TrailLookups>();

/**
 * The trails of an index by queue id and by Message-ID: built from its trails by the first request
 * that needs them, once per index, rather than on the way to the problems.
 */
export function trailLookups(index: MailLogIndex): TrailLookups {
  let found = lookups.get(index);
  if (!found) {
    found = { byId: new Map(), byMessageId: new Map() };
    index.trails.forEach((trail, t) => {
      push(found!.byId, trail.id, t);
      if (trail.messageId) push(found!.byMessageId, trail.messageId, t);
    });
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

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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
