// Checking one input: read it as text, find its family by name and content, and run the editor's
// rules over it, in parts when its family can read it so. Problems go out in batches as they are
// found; nothing of the file is kept once its problems are out.

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import manifest from '../../../../package.json';
import { languageOfFile } from '../../common/languages';
import { defaultSettings, type LanguageService, type LanguageSettings } from '../../languageService';
import type { CheckOptions } from './options';
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

export async function checkInput(input: Input, service: LanguageService, options: CheckOptions, emit: (event: FileEvent) => void): Promise<void> {
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
    const stream = service.streamValidation(headDocument, SETTINGS);
    if (stream) {
      for (const d of stream.push(head)) take(recordOf(file, d));
      flush();
      head = '';
      if (!ended) {
        for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
          for (const d of stream.push(next.value)) take(recordOf(file, d));
          flush();
        }
      }
      for (const d of stream.finish()) take(recordOf(file, d));
    } else {
      let text = head;
      if (!ended) {
        for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
          text += next.value;
          if (text.length > MAX_WHOLE_CHARS) throw new UnreadableInput(`too large to read whole (over ${MAX_WHOLE_CHARS / 1024 / 1024} MB of text)`);
        }
      }
      for (const d of await service.doValidation(TextDocument.create(uri, language, 1, text), SETTINGS)) take(recordOf(file, d));
    }
    flush();
    const invalid = source.invalidSequences();
    if (invalid > 0) notes.push(`${invalid} invalid UTF-8 sequence${invalid === 1 ? '' : 's'} replaced by U+FFFD`);
    if (omitted > 0) notes.push(`${omitted} more problem${omitted === 1 ? '' : 's'} not shown (--max-problems ${options.maxProblems})`);
    end('checked', { language });
  } catch (error) {
    if (!(error instanceof UnreadableInput)) throw error;
    flush();
    end('unreadable', { reason: error.message });
  } finally {
    // A skipped file, or one that stopped being readable, is left before its end.
    source.close();
  }
}
