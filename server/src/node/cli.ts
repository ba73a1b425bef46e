// The command line: the language service without an editor.
//   mailflow-lens explain "550 5.1.10 RESOLVER.ADR.RecipientNotFound"
//   mailflow-lens check [--format text|json|ndjson|sarif] FILE|DIR|- ...
//   mailflow-lens report [-o FILE] [--format json] FILE|DIR|- ...
// The same bundle runs as the worker threads of `check --jobs N`.

import { isMainThread, parentPort } from 'node:worker_threads';
import manifest from '../../../package.json';
import { explainText, type ReplyExplanation } from '../analysis/replyExplanation';
import { getLanguageService } from '../languageService';
import { type Command, parseCommand, USAGE, UsageError } from './cli/options';
import { runReport } from './cli/report';
import { runCheck, serveChecks } from './cli/run';
import { keepYoungGenerationSmall } from './nodeRuntime';

const out = (text: string) => { process.stdout.write(text); };
const err = (text: string) => { process.stderr.write(text); };

/** Text explain reads from standard input at most. */
const MAX_EXPLAIN_INPUT = 1024 * 1024;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= MAX_EXPLAIN_INPUT) break;
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks).subarray(0, MAX_EXPLAIN_INPUT));
}

async function explain(command: Extract<Command, { kind: 'explain' }>): Promise<number> {
  const text = (command.text ?? await readStdin()).trim();
  if (command.format === 'json') {
    const explanations = explainText(text.slice(0, 10_000));
    if (!explanations.length) return noCode(text);
    out(`${JSON.stringify(explanations.map(explanationJson), null, 2)}\n`);
    return 0;
  }
  const explanation = getLanguageService().explainCodes(text, 'plaintext');
  if (explanation === null) return noCode(text);
  out(`${explanation}\n`);
  return 0;
}

function noCode(text: string): number {
  err(`mailflow-lens: no status code found in "${text.length > 80 ? `${text.slice(0, 77)}...` : text}"\n`);
  return 2;
}

function explanationJson(e: ReplyExplanation) {
  return {
    label: e.label, title: e.title, permanence: e.permanence, summary: e.summary, decoded: e.decoded, whoacts: e.actors, notes: e.notes,
    readings: e.sections.map((s) => ({
      heading: s.heading, title: s.entry.title, meaning: s.entry.meaning, facts: s.facts, causes: s.entry.causes, fixes: s.entry.fixes,
      whoacts: s.entry.actors, sources: s.entry.sources,
    })),
  };
}

async function main(argv: readonly string[]): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv, process.env, process.stdout.isTTY === true);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`mailflow-lens: ${error.message}\nRun "mailflow-lens --help" for the options.\n`);
    return 2;
  }
  switch (command.kind) {
    case 'help': out(`${USAGE}\n`); return 0;
    case 'version': out(`${manifest.version}\n`); return 0;
    case 'explain': return explain(command);
    case 'check': {
      const result = await runCheck(command.paths, command.options, () => getLanguageService(), __filename, out, err);
      return result.unreadable ? 2 : result.errors ? 1 : 0;
    }
    case 'report': return (await runReport(command.paths, command.options, getLanguageService(), out, err)).unreadable ? 2 : 0;
  }
}

if (isMainThread) {
  keepYoungGenerationSmall();
  // A reader that stops early (| head) closes the pipe: stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => { if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw error; });
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error: unknown) => {
    err(`mailflow-lens: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  });
} else if (parentPort) {
  serveChecks(parentPort, getLanguageService());
}
