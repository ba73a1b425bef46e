// The command line: the language service without an editor.
//   mailflow-lens explain "550 5.1.10 RESOLVER.ADR.RecipientNotFound"
//   mailflow-lens check FILE...

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import manifest from '../../../package.json';
import { languageOfFile } from '../common/languages';
import { getLanguageService } from '../languageService';

const USAGE = `Usage:
  mailflow-lens explain <code or reply>   explain a status code, e.g. 5.7.1, "550 5.1.1", RESOLVER.ADR.RecipNotFound
  mailflow-lens check <file>...           print the problems the editor would show; exits 1 if any is an error
  mailflow-lens --version`;

const SEVERITY: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

function explain(args: string[]): number {
  const text = args.join(' ').trim();
  const explanation = getLanguageService().explainCodes(text, 'plaintext');
  if (explanation === null) {
    process.stderr.write(`mailflow-lens: no status code found in "${text}"\n`);
    return 2;
  }
  process.stdout.write(`${explanation}\n`);
  return 0;
}

async function check(files: string[]): Promise<number> {
  const service = getLanguageService();
  let errors = 0;
  let unreadable = 0;
  for (const file of files) {
    let text: string;
    try {
      // Invalid UTF-8 becomes U+FFFD rather than stopping the check.
      text = new TextDecoder('utf-8').decode(readFileSync(file));
    } catch (error) {
      process.stderr.write(`${file}: cannot read: ${(error as Error).message}\n`);
      unreadable++;
      continue;
    }
    const languageId = languageOfFile(file, text.slice(0, 4096), manifest.contributes.languages);
    const document = TextDocument.create(pathToFileURL(resolve(file)).href, languageId, 1, text);
    for (const d of await service.doValidation(document)) {
      if (d.severity === DiagnosticSeverity.Error) errors++;
      process.stdout.write(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${SEVERITY[d.severity ?? DiagnosticSeverity.Error]}: ${Diagnostic.getMessageString(d)}\n`);
    }
  }
  return unreadable ? 2 : errors ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'explain':
      if (rest.length) return explain(rest);
      break;
    case 'check':
      if (rest.length) return check(rest);
      break;
    case '--version':
      process.stdout.write(`${manifest.version}\n`);
      return 0;
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error) => {
  process.stderr.write(`mailflow-lens: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 2;
});
