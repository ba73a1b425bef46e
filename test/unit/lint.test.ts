// The lint configuration enforces what the project's rules say: each case is a synthetic snippet
// linted with the repository's own eslint.config.mjs, with type information, as `npm run lint` does.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const root = resolve(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root });
// An existing file of the root project: the project service types the snippet as that file's content.
const filePath = join(root, 'test', 'unit', 'lint.test.ts');

/** The rules that report on `code`, one entry per report, in source order. */
async function rulesReporting(code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId);
}

/** A line of exactly `length` characters: a statement padded by a comment. */
const lineOf = (length: number): string => {
  const statement = 'export const answer = 42; // ';
  return statement + 'x'.repeat(length - statement.length);
};

describe('lint configuration (synthetic snippets)', () => {
  it('keeps a one-line if without braces and rejects a body on the next line without them', async () => {
    assert.deepEqual(await rulesReporting('export function f(x: boolean): number {\n  if (x) return 1;\n  return 0;\n}\n'), []);
    assert.deepEqual(await rulesReporting('export function f(x: boolean): number {\n  if (x)\n    return 1;\n  return 0;\n}\n'), ['curly']);
  });

  it('allows lines of 160 characters and rejects 161', async () => {
    assert.deepEqual(await rulesReporting(`${lineOf(160)}\n`), []);
    assert.deepEqual(await rulesReporting(`${lineOf(161)}\n`), ['max-len']);
  });

  it('names functions and locals in camelCase, module constants in camelCase or UPPER_CASE, types and enum members in PascalCase', async () => {
    const good = [
      'export const MAX_ROWS = 3;',
      'export const defaultRows = 2;',
      'export enum Severity { Error, Warning }',
      'export interface RowRange { readonly firstRow: number }',
      'export function rowsOf(limit: number, _unused: string): number { const rowCount = limit; return rowCount; }',
      "export const headerFacts = { 'Content-Type': 1, DSN: 2, Message: 3 };",
    ].join('\n');
    assert.deepEqual(await rulesReporting(`${good}\n`), []);
    const bad = [
      'export function Rows_of(): number { const ROW_COUNT = 1; return ROW_COUNT; }',
      'export enum Severity { ERROR }',
      'export interface rowRange { readonly first_row: number }',
    ].join('\n');
    assert.deepEqual(await rulesReporting(`${bad}\n`), Array(5).fill('@typescript-eslint/naming-convention'));
  });

  it('rejects a promise that is neither awaited nor marked void', async () => {
    const code = (call: string) => `async function load(): Promise<number> { return 1; }\nexport function start(): void { ${call} }\n`;
    assert.deepEqual(await rulesReporting(code('load();')), ['@typescript-eslint/no-floating-promises']);
    assert.deepEqual(await rulesReporting(code('void load();')), []);
  });

  it('rejects a character code compared with a bare number, directly, through a variable or in a switch', async () => {
    const code = (body: string) => {
      const using = body.includes('CharCode') ? "import { CharCode } from '../../server/src/common/charCode';\n" : '';
      return `${using}export function isDash(text: string): boolean {\n  ${body}\n}\n`;
    };
    assert.deepEqual(await rulesReporting(code('return text.charCodeAt(0) === CharCode.Dash;')), []);
    assert.deepEqual(await rulesReporting(code('const c = text.charCodeAt(0);\n  return c === CharCode.Dash || c <= CharCode.Space;')), []);
    assert.deepEqual(await rulesReporting(code('return text.charCodeAt(0) === 45 || 32 >= text.charCodeAt(1);')), ['no-restricted-syntax', 'no-restricted-syntax']);
    assert.deepEqual(await rulesReporting(code('const c = text.charCodeAt(0);\n  return c === 45;')), ['mailflow/char-code-names']);
    assert.deepEqual(await rulesReporting(code('switch (text.charCodeAt(0)) { case 45: return true; default: return false; }')), ['no-restricted-syntax']);
    assert.deepEqual(await rulesReporting(code('const c = text.charCodeAt(0);\n  switch (c) { case 45: return true; default: return false; }')), ['mailflow/char-code-names']);
    // A variable that later holds something else is not a character code.
    assert.deepEqual(await rulesReporting(code('let c = text.charCodeAt(0);\n  if (c > text.length) c = text.length;\n  return c === 45;')), []);
  });

  it('runs in npm test, with eslint and typescript-eslint pinned to exact versions', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    assert.match(manifest.scripts.test!, /npm run lint &&/);
    for (const name of ['eslint', 'typescript-eslint', '@eslint/js']) assert.match(manifest.devDependencies[name]!, /^\d+\.\d+\.\d+$/, name);
  });
});
