// What the .vsix holds: only the bundles, grammars, snippets, language configurations, icon and docs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const files = execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'ls', '--no-dependencies'], { encoding: 'utf8' })
  .split('\n').map((l) => l.trim()).filter(Boolean);
const ALLOWED = [
  /^package\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/, /^images\/icon\.png$/,
  /^dist\/extension\.js$/, /^dist\/serverWorker\.js$/, /^dist\/languageService\.js$/, /^dist\/reportPages\.js$/,
  /^dist\/browser\/extension\.js$/, /^dist\/browser\/serverMain\.js$/, /^syntaxes\/[\w.-]+\.json$/, /^snippets\/[\w.-]+\.json$/,
  /^language-configuration\/[\w.-]+\.json$/,
];

describe('the packaged extension', () => {
  it('contains nothing but the allowlisted files', () => {
    for (const file of files) assert.ok(ALLOWED.some((re) => re.test(file)), `unexpected file in the .vsix: ${file}`);
  });

  it('contains every file the manifest refers to', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    const referenced = [
      manifest.main, manifest.browser, manifest.icon,
      ...manifest.contributes.languages.map((l) => l.configuration).filter(Boolean),
      ...(manifest.contributes.grammars ?? []).map((g) => g.path),
      ...(manifest.contributes.snippets ?? []).map((s) => s.path),
    ].map((p) => p.replace(/^\.\//, ''));
    for (const file of [...referenced, 'dist/serverWorker.js', 'dist/languageService.js', 'dist/reportPages.js', 'dist/browser/serverMain.js', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
      assert.ok(files.includes(file), `${file} is missing from the .vsix`);
    }
  });
});
