// A real TextMate engine for the grammar tests and the benchmark: vscode-textmate with the
// Oniguruma regex engine (its .wasm build from npm), as VS Code itself tokenizes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

let registry: Promise<textmate.Registry> | undefined;

/** Grammar files by scope name: ours from syntaxes/, VS Code's Log grammar from tm-grammars. */
const GRAMMAR_FILES: Record<string, string> = {
  'source.exchange-tracking-log': join(process.cwd(), 'syntaxes', 'exchange-tracking-log.tmLanguage.json'),
  'source.exchange-protocol-log': join(process.cwd(), 'syntaxes', 'exchange-protocol-log.tmLanguage.json'),
  'source.mail-log': join(process.cwd(), 'syntaxes', 'mail-log.tmLanguage.json'),
  'source.exchange-message-trace': join(process.cwd(), 'syntaxes', 'exchange-message-trace.tmLanguage.json'),
  'text.log': require.resolve('tm-grammars/grammars/log.json'),
};

let wasmLoaded: Promise<void> | undefined;

/** The Oniguruma engine for a vscode-textmate Registry; its .wasm is loaded once. */
export async function onigLib(): Promise<textmate.IOnigLib> {
  await (wasmLoaded ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  })());
  return {
    createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
    createOnigString: (text: string) => new oniguruma.OnigString(text),
  };
}

async function createRegistry(): Promise<textmate.Registry> {
  return new textmate.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName) => {
      const file = GRAMMAR_FILES[scopeName];
      return file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
  });
}

export async function loadGrammar(scopeName: string): Promise<textmate.IGrammar> {
  const grammar = await (await (registry ??= createRegistry())).loadGrammar(scopeName);
  if (!grammar) throw new Error(`no grammar ${scopeName}`);
  return grammar;
}

export interface Token {
  readonly text: string;
  readonly scopes: readonly string[];
}

/** Tokens of each line, carrying the rule stack from line to line as an editor does. */
export function tokenizeLines(grammar: textmate.IGrammar, lines: readonly string[]): Token[][] {
  let state = textmate.INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

export { textmate };
