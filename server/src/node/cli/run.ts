// Running check over many inputs: directories expanded in name order, files checked one after
// another or on worker threads, and the output written in input order whatever finishes first.

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LanguageService } from '../../languageService';
import { checkInput, displayName, type Input } from './checking';
import type { CheckOptions } from './options';
import { createWriter } from './output';
import type { FileEvent } from './records';

interface Expanded {
  readonly inputs: (Input & { readonly root: number })[];
  /** Arguments that name nothing (one line each on stderr). */
  readonly missing: string[];
  /** Which arguments are directories. */
  readonly directories: Set<number>;
}

/** Files of the arguments in order; a directory's files in name order, recursively (links to directories are not followed). */
export function expandArguments(paths: readonly string[]): Expanded {
  const inputs: (Input & { root: number })[] = [];
  const missing: string[] = [];
  const directories = new Set<number>();
  paths.forEach((path, root) => {
    if (path === '-') { inputs.push({ path, explicit: true, root }); return; }
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      missing.push(path);
      return;
    }
    if (!isDirectory) { inputs.push({ path, explicit: true, root }); return; }
    directories.add(root);
    const walk = (dir: string): void => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch {
        return;
      }
      for (const entry of entries) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.isFile()) inputs.push({ path: full, explicit: false, root });
      }
    };
    walk(path);
  });
  return { inputs, missing, directories };
}

export interface RunResult {
  readonly unreadable: boolean;
  readonly errors: boolean;
}

/** Checks every input and writes the output; the worker file is this bundle, run again as a worker thread. */
export async function runCheck(
  paths: readonly string[], options: CheckOptions, service: () => LanguageService, workerFile: string, out: (s: string) => void, err: (s: string) => void,
): Promise<RunResult> {
  const { inputs, missing, directories } = expandArguments(paths);
  const progress = startProgress(inputs.length, err);
  const errLine = (s: string) => { progress.clear(); err(s); };
  const writer = createWriter(options, (s) => { progress.clear(); out(s); }, errLine);
  for (const path of missing) errLine(`${path}: no such file or directory\n`);
  let unreadable = missing.length > 0;
  let errors = false;
  const checkedPerRoot = new Map<number, number>();
  const onEvent = (index: number, event: FileEvent) => {
    if (event.kind === 'end') {
      const { report } = event;
      if (report.status === 'unreadable') unreadable = true;
      if (report.errors > 0) errors = true;
      if (report.status === 'checked') checkedPerRoot.set(inputs[index]!.root, (checkedPerRoot.get(inputs[index]!.root) ?? 0) + 1);
      progress.fileDone();
    } else if (event.kind === 'problems') progress.problems(event.records.length);
    writer.event(event);
  };
  const jobs = inputs.some((i) => i.path === '-') ? 1 : Math.min(options.jobs, inputs.length);
  if (jobs <= 1) {
    const engine = service();
    for (let i = 0; i < inputs.length; i++) await checkInput(inputs[i]!, engine, options, (e) => onEvent(i, e));
  } else {
    await onWorkers(inputs, options, jobs, workerFile, onEvent);
  }
  // A directory in which nothing could be checked is an input that could not be read.
  paths.forEach((path, root) => {
    if (directories.has(root) && !checkedPerRoot.get(root)) {
      errLine(`${path}: no file in this directory is one Mailflow Lens reads\n`);
      unreadable = true;
    }
  });
  writer.finish();
  progress.clear();
  progress.stop();
  return { unreadable, errors };
}

/** Files on `jobs` worker threads; events are passed on in input order, later files' held until the earlier ones end. */
function onWorkers(
  inputs: readonly Input[], options: CheckOptions, jobs: number, workerFile: string, onEvent: (index: number, e: FileEvent) => void,
): Promise<void> {
  return new Promise((resolvePool, rejectPool) => {
    const held = new Map<number, FileEvent[]>();
    let head = 0;
    let nextInput = 0;
    let finished = 0;
    const deliver = (index: number, event: FileEvent) => {
      if (index !== head) {
        let list = held.get(index);
        if (!list) held.set(index, list = []);
        list.push(event);
        return;
      }
      onEvent(index, event);
      if (event.kind !== 'end') return;
      head++;
      while (held.has(head)) {
        const list = held.get(head)!;
        held.delete(head);
        let ended = false;
        for (const e of list) { onEvent(head, e); ended = e.kind === 'end'; }
        if (!ended) return;
        head++;
      }
    };
    const workers: Worker[] = [];
    const assign = (worker: Worker) => {
      if (nextInput >= inputs.length) { void worker.terminate(); return; }
      const index = nextInput++;
      worker.postMessage({ index, input: inputs[index], options });
    };
    for (let w = 0; w < jobs; w++) {
      // A smaller young generation per thread keeps N threads within the memory one would take.
      const worker = new Worker(workerFile, { workerData: { role: 'check' }, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
      workers.push(worker);
      worker.on('message', (message: { index: number; event: FileEvent }) => {
        deliver(message.index, message.event);
        if (message.event.kind === 'end') {
          finished++;
          if (finished === inputs.length) resolvePool();
          assign(worker);
        }
      });
      worker.on('error', (error) => { for (const w2 of workers) void w2.terminate(); rejectPool(error); });
      assign(worker);
    }
  });
}

/** Checks the files the main thread sends, one at a time. */
export function serveChecks(port: import('node:worker_threads').MessagePort, service: LanguageService): void {
  port.on('message', (message: { index: number; input: Input; options: CheckOptions }) => {
    void checkInput(message.input, service, message.options, (event) => port.postMessage({ index: message.index, event }))
      .catch((error: unknown) => {
        const file = displayName(message.input);
        const reason = `internal error: ${(error as Error).message}`;
        port.postMessage({
          index: message.index,
          event: { kind: 'end', report: { file, status: 'unreadable', reason, notes: [], counts: { error: 0, warning: 0, info: 0, hint: 0 }, codes: {}, omitted: 0, errors: 0 } },
        });
      });
  });
}

/** A progress line on stderr, only when it is a terminal and the work has taken more than a second. */
function startProgress(total: number, err: (s: string) => void) {
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  let files = 0;
  let problems = 0;
  let shown = false;
  const timer = tty ? setInterval(() => {
    if (Date.now() - started < 1000) return;
    shown = true;
    err(`\r\x1b[Kmailflow-lens: ${files} of ${total} files, ${problems} problems`);
  }, 250) : undefined;
  timer?.unref();
  return {
    fileDone: () => { files++; },
    problems: (n: number) => { problems += n; },
    clear: () => { if (shown) { err('\r\x1b[K'); shown = false; } },
    stop: () => { if (timer) clearInterval(timer); },
  };
}
