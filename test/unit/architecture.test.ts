// The layers of the server, read from the import statements of its files: no import runs upward,
// a document family's mode uses only shared code and the status-code mode it embeds, and the
// client shares only the protocol and language rules with the server; no logic file grows past 400 lines.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(__dirname, '../..');
const SERVER = join(ROOT, 'server/src');

/** Bottom to top; a file may import only from its own layer or those below. */
const LAYERS: readonly (readonly string[])[] = [
  ['common', 'text'],
  ['knowledge'],
  ['detection'],
  ['formats'],
  ['analysis'],
  ['modes'],
  ['languageService.ts'],
  // The mail flow report's renderer: a MailFlowReport in, pages and Markdown out.
  ['report'],
  // What a host supplies (timers, loading the engine); the handlers read it.
  ['runtime.ts'],
  ['handlers'],
  ['server.ts'],
  ['node', 'browser'],
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports of a file, resolved to repository paths (type-only imports included). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => resolve(dirname(file), m[1]!));
}

function layerOf(path: string): number {
  const top = relative(SERVER, path).split(/[\\/]/)[0]!;
  const index = LAYERS.findIndex((names) => names.includes(top) || names.includes(`${top}.ts`));
  assert.ok(index >= 0, `${relative(ROOT, path)} is in no layer: add its folder to LAYERS`);
  return index;
}

const serverFiles = filesUnder(SERVER);

describe('architecture', () => {
  it('every server file belongs to a layer', () => {
    for (const file of serverFiles) layerOf(file);
    assert.ok(serverFiles.length > 80);
  });

  it('no import runs upward', () => {
    const upward: string[] = [];
    for (const file of serverFiles) {
      for (const target of importsOf(file)) {
        if (!target.startsWith(SERVER)) continue;
        if (layerOf(target) > layerOf(file)) upward.push(`${relative(SERVER, file)} -> ${relative(SERVER, target)}`);
      }
    }
    assert.deepEqual(upward, []);
  });

  it('a family mode imports only shared mode code, the status-code mode it embeds and lower layers', () => {
    const modes = join(SERVER, 'modes');
    const families = readdirSync(modes).filter((name) => statSync(join(modes, name)).isDirectory() && name !== 'shared');
    assert.ok(families.includes('statusCodes') && families.includes('exchangeLog') && families.includes('email'));
    const crossing: string[] = [];
    for (const family of families) {
      for (const file of filesUnder(join(modes, family))) {
        for (const target of importsOf(file)) {
          if (!target.startsWith(modes + '/')) continue;
          const other = relative(modes, target).split(/[\\/]/)[0]!;
          const allowed = other === family || other === 'shared' || other === 'statusCodes' || other === 'languageModes';
          if (!allowed) crossing.push(`${relative(SERVER, file)} -> ${relative(SERVER, target)}`);
        }
      }
    }
    assert.deepEqual(crossing, []);
  });

  it('shared mode code imports no family', () => {
    const shared = join(SERVER, 'modes/shared');
    const reaching = filesUnder(shared).flatMap((file) => importsOf(file)
      .filter((target) => target.startsWith(join(SERVER, 'modes') + '/') && !target.startsWith(shared + '/'))
      .map((target) => `${relative(SERVER, file)} -> ${relative(SERVER, target)}`));
    assert.deepEqual(reaching, []);
  });

  it('the client shares only the protocol and the language rules with the server', () => {
    const clientFiles = filesUnder(join(ROOT, 'client/src'));
    const allowed = new Set(['common/protocol', 'common/languages']);
    const reaching = clientFiles.flatMap((file) => importsOf(file)
      .filter((target) => target.startsWith(SERVER) && !allowed.has(relative(SERVER, target)))
      .map((target) => `${relative(ROOT, file)} -> ${relative(ROOT, target)}`));
    assert.deepEqual(reaching, []);
    assert.ok(clientFiles.some((file) => importsOf(file).some((target) => relative(SERVER, target) === 'common/protocol')));
  });

  it('the report renderer imports only common, text, its own files and the chart library', () => {
    const report = join(SERVER, 'report');
    const files = filesUnder(report);
    assert.ok(files.length > 0);
    const allowedPackages = new Set(['@observablehq/plot', 'linkedom']);
    const reaching: string[] = [];
    for (const file of files) {
      for (const target of importsOf(file)) {
        const top = relative(SERVER, target).split(/[\\/]/)[0]!;
        if (!['common', 'text', 'report'].includes(top)) reaching.push(`${relative(SERVER, file)} -> ${relative(SERVER, target)}`);
      }
      for (const [, name] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^.'][^']*)'/g)) {
        if (!allowedPackages.has(name!)) reaching.push(`${relative(SERVER, file)} -> ${name}`);
      }
    }
    assert.deepEqual(reaching, []);
  });

  it('no logic file is over 400 lines (the fact tables in knowledge/data aside)', () => {
    const logic = [...serverFiles, ...filesUnder(join(ROOT, 'client/src'))].filter((file) => !file.startsWith(join(SERVER, 'knowledge/data') + '/'));
    const long = logic.filter((file) => readFileSync(file, 'utf8').split('\n').length > 400).map((file) => relative(ROOT, file));
    assert.deepEqual(long, []);
  });

  it('what the client shares imports nothing', () => {
    for (const name of ['common/protocol.ts', 'common/languages.ts']) {
      assert.deepEqual(importsOf(join(SERVER, name)), [], name);
    }
  });
});
