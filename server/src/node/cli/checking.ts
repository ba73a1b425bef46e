// Checking one input: read it as text, find its family by name and content, and run the editor's
// rules over it, in parts when its family can read it so. Problems go out in batches as they are
// found; nothing of the file is kept once its problems are out.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import manifest from '../../../../package.json';
import { languageOfFile } from '../../common/languages';
import type { Diagnostic } from 'vscode-languageserver-types';
import { defaultSettings, type LanguageService, type LanguageSettings } from '../../languageService';
import type { ProblemStream } from '../../modes/languageModes';
import type { CheckOptions } from './options';
import { headerBefore, rangeStarts, type RangeTask, runRanges } from './ranges';
import { openText, type TextSource, UnreadableInput } from './reading';
import { type FileEvent, type FileReport, isShown, type ProblemRecord, recordOf, type RecordSeverity } from './records';

export interface Input {
  /** As given, or found in a directory; "-" is standard input. */
  readonly path: string;
  /** Named on the command line (always checked), rather than found in a directory (checked when recognised). */
  readonly explicit: boolean;
}

/** The start of the text that decides its family, as the editor's content claims read it. */
const HEAD_CHARS = 64 * 1024;
/** A family that cannot read in parts (e-mail messages) is read whole, up to this size. */
const MAX_WHOLE_CHARS = 256 * 1024 * 1024;
/** Problems sent on at once. */
const BATCH = 500;

const SETTINGS: LanguageSettings = { ...defaultSettings, diagnostics: { ...defaultSettings.diagnostics, enable: true, maxProblems: Number.MAX_SAFE_INTEGER } };

export function displayName(input: Input): string {
  return input.path === '-' ? '<stdin>' : input.path;
}

/** Named like a file of one of our families (its .gz too): then it must be readable. */
export function namedLikeOurs(path: string): boolean {
  const language = languageOfFile(path.replace(/\.gz$/i, ''), '', manifest.contributes.languages);
  return language !== 'log' && language !== 'plaintext';
}

/** Worker threads one big log may be checked on, in byte ranges (ranges.ts). */
export interface RangeWorkers {
  readonly jobs: number;
  readonly workerFile: string;
}

export async function checkInput(
  input: Input, service: LanguageService, options: CheckOptions, emit: (event: FileEvent) => void, workers?: RangeWorkers,
): Promise<void> {
  const file = displayName(input);
  const counts: Record<RecordSeverity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const codes: Record<string, number> = {};
  const notes: string[] = [];
  let omitted = 0;
  let errors = 0;
  let shown = 0;
  let batch: ProblemRecord[] = [];
  const end = (status: FileReport['status'], extra: { language?: string; reason?: string } = {}) => {
    emit({ kind: 'end', report: { file, status, ...extra, notes, counts, codes, omitted, errors } });
  };
  const flush = () => {
    if (batch.length) emit({ kind: 'problems', records: batch });
    batch = [];
  };
  const take = (record: ProblemRecord) => {
    if (record.severity === 'error') errors++;
    if (!isShown(record.severity, options.severity)) return;
    counts[record.severity]++;
    const kind = record.code ?? '(no code)';
    codes[kind] = (codes[kind] ?? 0) + 1;
    if (shown >= options.maxProblems) { omitted++; return; }
    shown++;
    batch.push(record);
    if (batch.length >= BATCH) flush();
  };

  /** A family read in parts: its problems as each part is read; the first `skip` are left out (already written). */
  const streamChecks = async (chunks: AsyncIterator<string>, head: string, ended: boolean, stream: ProblemStream, skip: number) => {
    const give = (diagnostics: readonly Diagnostic[]) => {
      for (const d of diagnostics) {
        if (skip > 0) skip--;
        else take(recordOf(file, d));
      }
      flush();
    };
    if (head) give(stream.push(head));
    if (!ended) for (let next = await chunks.next(); !next.done; next = await chunks.next()) give(stream.push(next.value));
    give(stream.finish());
  };

  let source: TextSource;
  try {
    source = await openText(input.path);
  } catch (error) {
    if (!(error instanceof UnreadableInput)) throw error;
    // In a directory, a file that is neither text nor named like one of ours is simply not ours.
    if (!input.explicit && !namedLikeOurs(input.path)) return end('skipped', { reason: error.message });
    return end('unreadable', { reason: error.message });
  }
  try {
    const chunks = source.chunks[Symbol.asyncIterator]();
    let head = '';
    let ended = false;
    while (head.length < HEAD_CHARS) {
      const next = await chunks.next();
      if (next.done) { ended = true; break; }
      head += next.value;
    }
    const name = input.path === '-' ? '' : source.compressed ? input.path.replace(/\.gz$/i, '') : input.path;
    const uri = input.path === '-' ? 'untitled:stdin' : pathToFileURL(resolve(input.path)).href;
    const language = languageOfFile(name, head.slice(0, 4096), manifest.contributes.languages);
    const headDocument = TextDocument.create(uri, language, 1, head.slice(0, HEAD_CHARS));
    if (!input.explicit && !service.isFamilyDocument(headDocument)) {
      return end('skipped', { language, reason: 'not a kind of file Mailflow Lens reads' });
    }
    emit({ kind: 'start', file, language });
    const splittable = workers && !ended && input.path !== '-' && !source.compressed && source.encoding === 'utf-8';
    const header = splittable ? headerBefore(headDocument.getText(), language) : undefined;
    const starts = header === undefined ? [] : rangeStarts(input.path, statSync(input.path).size, workers!.jobs);
    let invalid: number;
    if (starts.length >= 2) {
      source.close();
      const base = { path: input.path, file, uri, language, head: headDocument.getText(), header: header!, settings: SETTINGS };
      const size = statSync(input.path).size;
      const tasks: RangeTask[] = starts.map((start, i) => ({ ...base, start, end: starts[i + 1] ?? size, first: i === 0, last: i === starts.length - 1 }));
      const run = await runRanges(tasks, workers!.jobs, workers!.workerFile, (records) => { for (const r of records) take(r); flush(); });
      invalid = run.invalid;
      if (!run.complete) {
        // The file is read again in order; the problems the ranges gave are the first ones of it.
        const again = await openText(input.path);
        await streamChecks(again.chunks[Symbol.asyncIterator](), '', false, service.streamValidation(headDocument, SETTINGS)!, run.written);
        invalid = again.invalidSequences();
      }
    } else {
      const stream = service.streamValidation(headDocument, SETTINGS);
      if (stream) await streamChecks(chunks, head, ended, stream, 0);
      else {
        let text = head;
        if (!ended) {
          for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
            text += next.value;
            if (text.length > MAX_WHOLE_CHARS) throw new UnreadableInput(`too large to read whole (over ${MAX_WHOLE_CHARS / 1024 / 1024} MB of text)`);
          }
        }
        for (const d of await service.doValidation(TextDocument.create(uri, language, 1, text), SETTINGS)) take(recordOf(file, d));
      }
      invalid = source.invalidSequences();
    }
    flush();
    if (invalid > 0) notes.push(`${invalid} invalid UTF-8 sequence${invalid === 1 ? '' : 's'} replaced by U+FFFD`);
    if (omitted > 0) notes.push(`${omitted} more problem${omitted === 1 ? '' : 's'} not shown (--max-problems ${options.maxProblems})`);
    end('checked', { language });
  } catch (error) {
    if (!(error instanceof UnreadableInput)) throw error;
    flush();
    end('unreadable', { reason: error.message });
  }
}
