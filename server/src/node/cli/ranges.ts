// One big Exchange log checked on several worker threads at once. The file is cut into byte ranges
// that each start on a line beginning a row (a quote left open never runs past such a line: see
// startsRecord in formats/exchangeLog.ts); every worker reads the log's header before its range, so
// it reads the rows with the same columns; the problems come back in file order with the lines of
// the whole file. The row rules look at one row at a time and the header in force, so the output is
// the one reading the file in order gives. Where that cannot be known (a header repeated inside the
// file, as in logs joined together, or a very long stretch without a row start), the rest of the
// file is read again in order on this thread and the problems already written are skipped.

import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CharCode } from '../../common/charCode';
import { PROTOCOL_LOG, TRACKING_LOG } from '../../common/languages';
import { newParseState, parseExchangeLogPart, startsRecord } from '../../formats/exchangeLog';
import { MAX_PENDING_CHARS } from '../../formats/exchangeLogParts';
import type { LanguageService, LanguageSettings } from '../../languageService';
import { InvalidUtf8Count } from './reading';
import { type ProblemRecord, recordOf } from './records';

/** Ranges are about this many bytes at least, so the header each worker reads again costs little. */
const MIN_RANGE_BYTES = 1 << 20;
/** And at most this many, so the problems of ranges ahead of the one being written stay few. */
const MAX_RANGE_BYTES = 32 << 20;
/** How far past a cut a row start is looked for; without one there is no cut there. */
const CUT_WINDOW_BYTES = 1 << 20;
const CHUNK_BYTES = 1 << 18;
/** Problems sent on at once. */
const BATCH = 500;
/** Past this many characters without a row start, reading in parts cuts where the chunks happen to end (formats/exchangeLogParts.ts). */
const LONG_STRETCH_CHARS = MAX_PENDING_CHARS - 4 * CHUNK_BYTES;
/**
 * Pushed after a range's last line: a line that starts a record, so the range is read exactly as
 * the whole file reads it up to the next range; the sentinel itself is never read as a record.
 */
const RANGE_END = '#mailflow-lens range end\n';

/** What a worker needs to check one range. */
export interface RangeTask {
  readonly path: string;
  readonly file: string;
  readonly uri: string;
  readonly language: string;
  /** The start of the file the family was told from (rules take the product from it). */
  readonly head: string;
  /** The header lines before the first row, read again before a range other than the first. */
  readonly header: string;
  readonly start: number;
  readonly end: number;
  readonly first: boolean;
  readonly last: boolean;
  readonly settings: LanguageSettings;
}

/** What a worker says when its range is done. */
export interface RangeEnd {
  /** Lines in the range (it ends after a line break, so the next range starts on line start + lines). */
  readonly lines: number;
  /** A header line inside the range (after the file's own header): later ranges were read with other columns. */
  readonly directives: boolean;
  /** The range has a stretch without a row start long enough that reading in parts cuts it by chunk; the worker stopped there. */
  readonly longStretch: boolean;
  readonly invalid: number;
}

export type RangeEvent = { readonly kind: 'problems'; readonly records: ProblemRecord[] } | { readonly kind: 'range-end'; readonly end: RangeEnd };

/** The header lines before the first row of a log's head, when the head has a row and the header names its columns. */
export function headerBefore(head: string, language: string): string | undefined {
  if (language !== TRACKING_LOG && language !== PROTOCOL_LOG) return undefined;
  let at = 0;
  for (;;) {
    if (at >= head.length) return undefined;
    const c = head.charCodeAt(at);
    if (c !== CharCode.Hash && c !== CharCode.LineFeed && c !== CharCode.CarriageReturn) break;
    const lf = head.indexOf('\n', at);
    if (lf < 0) return undefined;
    at = lf + 1;
  }
  const header = head.slice(0, at);
  // A lone CR ends a line too: such a header is not told apart from its rows here.
  if (/\r(?!\n)/.test(header)) return undefined;
  const state = newParseState(language === PROTOCOL_LOG ? 'protocol' : 'tracking');
  parseExchangeLogPart(header, state, 0, true);
  return state.block?.schema ? header : undefined;
}

/** Byte offsets where ranges start (the first is 0), each on a line that starts a row; fewer than two means no cut was found. */
export function rangeStarts(path: string, size: number, jobs: number): number[] {
  const rangeBytes = Math.min(MAX_RANGE_BYTES, Math.max(MIN_RANGE_BYTES, Math.ceil(size / (jobs * 4))));
  const starts = [0];
  const fd = openSync(path, 'r');
  try {
    const window = Buffer.alloc(CUT_WINDOW_BYTES);
    for (let target = rangeBytes; target + MIN_RANGE_BYTES / 2 < size;) {
      const read = readSync(fd, window, 0, CUT_WINDOW_BYTES, target);
      const cut = rowStartAfterBreak(window, read);
      if (cut < 0) { target += CUT_WINDOW_BYTES; continue; }
      starts.push(target + cut);
      target += cut + rangeBytes;
    }
  } finally {
    closeSync(fd);
  }
  return starts;
}

/** Offset of the first line in `bytes` that follows a line feed and starts like a row ("2026-11-23T"), or -1. */
function rowStartAfterBreak(bytes: Buffer, length: number): number {
  for (let lf = bytes.indexOf(CharCode.LineFeed); lf >= 0 && lf + 12 <= length; lf = bytes.indexOf(CharCode.LineFeed, lf + 1)) {
    const at = lf + 1;
    const digit = (i: number) => bytes[at + i]! >= CharCode.Digit0 && bytes[at + i]! <= CharCode.Digit9;
    if (digit(0) && digit(1) && bytes[at + 4] === CharCode.Dash && digit(5) && bytes[at + 7] === CharCode.Dash && bytes[at + 10] === CharCode.UpperT) return at;
  }
  return -1;
}

/** Checks one range on a worker: its problems in batches, then what the merge needs to know. */
export async function checkRange(task: RangeTask, service: LanguageService, emit: (event: RangeEvent) => void): Promise<void> {
  const stream = service.streamValidation(TextDocument.create(task.uri, task.language, 1, task.head), task.settings);
  if (!stream) throw new Error(`${task.file}: no stream for ${task.language}`);
  let batch: ProblemRecord[] = [];
  const take = (diagnostics: ReturnType<typeof stream.push>) => {
    for (const d of diagnostics) batch.push(recordOf(task.file, d));
    if (batch.length >= BATCH) { emit({ kind: 'problems', records: batch }); batch = []; }
  };
  if (!task.first) take(stream.push(task.header));
  const decoder = new TextDecoder('utf-8');
  const invalid = new InvalidUtf8Count();
  const lines = new RangeLines(task.first ? task.header.length : 0);
  const bytes = createReadStream(task.path, { start: task.start, end: task.end - 1, highWaterMark: CHUNK_BYTES });
  for await (const chunk of bytes as AsyncIterable<Buffer>) {
    const text = decoder.decode(chunk, { stream: true });
    invalid.add(chunk, text);
    lines.add(text);
    if (lines.longStretch) { bytes.destroy(); break; }
    take(stream.push(text));
  }
  if (!lines.longStretch) {
    const rest = decoder.decode();
    invalid.add(Buffer.alloc(0), rest);
    lines.add(rest);
    take(rest ? stream.push(rest) : []);
    take(task.last ? stream.finish() : stream.push(RANGE_END));
  }
  if (batch.length) emit({ kind: 'problems', records: batch });
  emit({ kind: 'range-end', end: { lines: lines.count, directives: lines.directives, longStretch: lines.longStretch, invalid: invalid.count() } });
}

/** Counts a range's lines as the log parser does (CR, LF and CRLF each end one), and notices header lines and long stretches. */
class RangeLines {
  count = 0;
  directives = false;
  longStretch = false;
  private offset = 0;
  /** The text so far ended with a CR (its LF may open the next chunk) or a line break. */
  private endedWithCr = false;
  private endedWithBreak = true;
  private sinceRowStart = 0;

  /** `headerEnd`: header lines before this offset are the file's own header. */
  constructor(private readonly headerEnd: number) {}

  add(text: string): void {
    if (!text) return;
    if (this.endedWithCr && text.charCodeAt(0) === CharCode.LineFeed) this.count--;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.count++;
    for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) this.count++;
    // A CRLF inside the text was counted twice.
    for (let at = text.indexOf('\r\n'); at >= 0; at = text.indexOf('\r\n', at + 2)) this.count--;
    if (!this.directives) {
      if (this.endedWithBreak && text.charCodeAt(0) === CharCode.Hash && this.offset >= this.headerEnd) this.directives = true;
      for (const lineBreak of ['\n#', '\r#']) {
        for (let at = text.indexOf(lineBreak); at >= 0 && !this.directives; at = text.indexOf(lineBreak, at + 1)) {
          if (this.offset + at + 1 >= this.headerEnd) this.directives = true;
        }
      }
    }
    const lastStart = lastRowStart(text);
    this.sinceRowStart = lastStart >= 0 ? text.length - lastStart : this.sinceRowStart + text.length;
    if (this.sinceRowStart >= LONG_STRETCH_CHARS) this.longStretch = true;
    this.offset += text.length;
    const last = text.charCodeAt(text.length - 1);
    this.endedWithCr = last === CharCode.CarriageReturn;
    this.endedWithBreak = last === CharCode.LineFeed || last === CharCode.CarriageReturn;
  }
}

function lastRowStart(text: string): number {
  for (let at = text.lastIndexOf('\n'); at >= 0; at = at > 0 ? text.lastIndexOf('\n', at - 1) : -1) {
    if (startsRecord(text, at + 1)) return at + 1;
  }
  return -1;
}

/** A worker thread that checks ranges. */
interface RangeRunner {
  run(index: number, task: RangeTask): void;
  stop(): void;
}

/**
 * Runs the ranges on `jobs` worker threads and hands their problems on in file order. Resolves with
 * how many were handed on, whether the whole file was read so (else the caller reads it again in
 * order, skipping those), and the invalid UTF-8 sequences found.
 */
export function runRanges(
  tasks: readonly RangeTask[], jobs: number, workerFile: string, onRecords: (records: readonly ProblemRecord[]) => void,
): Promise<{ complete: boolean; written: number; invalid: number }> {
  return new Promise((resolveRun) => {
    const held = new Map<number, RangeEvent[]>();
    const runners: RangeRunner[] = [];
    const idle: RangeRunner[] = [];
    let current = 0;
    let nextTask = 0;
    let firstLine = 0;
    let written = 0;
    let invalid = 0;
    let settled = false;
    const stopAll = () => { for (const runner of runners) runner.stop(); };
    const settle = (complete: boolean) => {
      if (settled) return;
      settled = true;
      stopAll();
      resolveRun({ complete, written, invalid });
    };
    // Line numbers of a range other than the first count its header too: move them to the file's.
    const shiftOf = (index: number) => firstLine - (index === 0 ? 0 : lineCount(tasks[index]!.header));
    const deliver = (event: RangeEvent): boolean => {
      if (event.kind === 'problems') {
        const shift = shiftOf(current);
        if (shift !== 0) {
          for (const r of event.records as { line: number; endLine: number }[]) { r.line += shift; r.endLine += shift; }
        }
        written += event.records.length;
        onRecords(event.records);
        return true;
      }
      const { end } = event;
      invalid += end.invalid;
      if (end.longStretch || (end.directives && current + 1 < tasks.length)) { settle(false); return false; }
      firstLine += end.lines;
      current++;
      if (current === tasks.length) settle(true);
      return true;
    };
    const receive = (index: number, event: RangeEvent) => {
      if (index !== current) {
        let list = held.get(index);
        if (!list) held.set(index, list = []);
        list.push(event);
        return;
      }
      if (!deliver(event) || event.kind !== 'range-end') return;
      // Ranges done while the earlier ones ran are handed on now, up to one still running.
      while (!settled && held.has(current)) {
        const list = held.get(current)!;
        held.delete(current);
        const startedAt = current;
        for (const e of list) if (!deliver(e)) return;
        if (current === startedAt) return;
      }
    };
    // No range runs far ahead of the one being written: what it finds is held until then.
    const assign = (runner: RangeRunner): boolean => {
      if (settled || nextTask >= tasks.length || nextTask > current + 2 * jobs) return false;
      const index = nextTask++;
      runner.run(index, tasks[index]!);
      return true;
    };
    const onEvent = (runner: RangeRunner, index: number, event: RangeEvent) => {
      if (settled) return;
      receive(index, event);
      if (event.kind !== 'range-end' || settled) return;
      idle.push(runner);
      while (idle.length && assign(idle[idle.length - 1]!)) idle.pop();
    };
    for (let w = 0; w < Math.min(jobs, tasks.length); w++) {
      // This thread only writes. A worker's heap is kept small (what a range needs is a few chunks);
      // one that outgrows it stops, and the file is read in order instead.
      const worker = new Worker(workerFile, { workerData: { role: 'check' }, resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 48 } });
      const runner: RangeRunner = {
        run: (index, task) => worker.postMessage({ rangeIndex: index, range: task }),
        stop: () => { void worker.terminate(); },
      };
      runners.push(runner);
      worker.on('message', (message: { rangeIndex: number; event: RangeEvent }) => onEvent(runner, message.rangeIndex, message.event));
      worker.on('error', () => settle(false));
    }
    for (const runner of runners) if (!assign(runner)) idle.push(runner);
  });
}

function lineCount(text: string): number {
  let count = 0;
  for (let at = 0; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c === CharCode.LineFeed || (c === CharCode.CarriageReturn && text.charCodeAt(at + 1) !== CharCode.LineFeed)) count++;
  }
  return count;
}
