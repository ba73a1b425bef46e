// The shape issue #11 asks of the analysis layer, checked on the source: formats/ parses without
// classifying, and "who wrote this" is known in one table only (file length: architecture.test.ts).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const SERVER = resolve(__dirname, '../../server/src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const name = (path: string): string => relative(SERVER, path).replaceAll('\\', '/');
/** The code of a file without its comment lines. */
const code = (path: string): string => readFileSync(path, 'utf8').split('\n').filter((l) => !/^\s*(?:\/\/|\*|\/\*)/.test(l)).join('\n');

describe('the analysis layer', () => {
  it('formats/ only parses: no file there names a bounce reason, who must act, or a classifier', () => {
    const classifying = filesUnder(join(SERVER, 'formats'))
      .filter((f) => /\b(?:BounceReason|Actor|classifyFailure|chooseCodes|bounceReasons)\b/.test(code(f)))
      .map(name);
    assert.deepEqual(classifying, []);
  });

  it('the host names and marks of mail systems are written in the table of mail systems only', () => {
    // Words only a list of who-wrote-what holds: Microsoft's hosted domains, Google's and Yahoo's MX and DNS names, NDR signatures.
    // The other data tables may name them in their prose (a tip to check the MX), so only logic files are read.
    const marks = /protection\\?\.outlook|prod\\?\.outlook|\bgsmtp\b|yahoodns|qmail-send program|diagnostic information for administrators|this is the mail system at host/i;
    const outside = filesUnder(SERVER)
      .filter((f) => !name(f).startsWith('knowledge/data/'))
      .filter((f) => marks.test(code(f)))
      .map(name);
    assert.deepEqual(outside, []);
  });
});
