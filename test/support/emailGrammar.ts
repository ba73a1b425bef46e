// The e-mail TextMate grammar loaded into a real TextMate engine (vscode-textmate with the
// Oniguruma WebAssembly build), tokenizing line by line with the rule stack carried over, as
// VS Code does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const GRAMMAR = join(process.cwd(), 'syntaxes', 'email.tmLanguage.json');
let grammar: Promise<textmate.IGrammar> | undefined;

async function load(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => (scopeName === 'text.email' ? textmate.parseRawGrammar(readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null),
  });
  const loaded = await registry.loadGrammar('text.email');
  if (!loaded) throw new Error('text.email did not load');
  return loaded;
}

export function emailGrammar(): Promise<textmate.IGrammar> {
  return (grammar ??= load());
}

export interface EmailToken {
  readonly line: number;
  readonly text: string;
  readonly scopes: readonly string[];
}

export function tokenize(g: textmate.IGrammar, text: string): EmailToken[] {
  let state = textmate.INITIAL;
  const tokens: EmailToken[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const result = g.tokenizeLine(line, state, 5000);
    state = result.ruleStack;
    for (const t of result.tokens) tokens.push({ line: index, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
  });
  return tokens;
}
