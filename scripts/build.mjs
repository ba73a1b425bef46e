// Builds the bundles: dist/extension.js (client), dist/serverWorker.js, dist/languageService.js and
// dist/reportPages.js (the language server as VS Code runs it, in a worker thread, its analysis engine
// and its report renderer), dist/server.js
// (the same server as a process, --stdio, engine included), dist/cli.js; for a browser (vscode.dev,
// github.dev), dist/browser/extension.js and dist/browser/serverMain.js (the server in a web worker).
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { noNodeBuiltins } from './noNodeBuiltins.mjs';

const watch = process.argv.includes('--watch');
const production = !watch;

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'inline',
  minify: production,
  legalComments: 'none',
  logLevel: 'info',
};

/** @type {esbuild.BuildOptions} */
const browser = { ...common, platform: 'browser', target: 'es2022', plugins: [noNodeBuiltins] };

/** The in-editor suite in a browser: node:assert and the fixtures' folder have browser stand-ins in test/e2e/browser. */
const browserSuiteStandIns = {
  name: 'browser-suite-stand-ins',
  setup(build) {
    build.onResolve({ filter: /^node:assert\/strict$/ }, () => ({ path: resolve('test/e2e/browser/assert.ts') }));
    build.onResolve({ filter: /^\.\/fixtures$/ }, ({ resolveDir }) => (resolveDir === resolve('test/e2e/suite') ? { path: resolve('test/e2e/browser/fixtures.ts') } : undefined));
  },
};

const builds = [
  { ...common, entryPoints: ['client/src/node/extensionMain.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/node/serverMain.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/node/workerMain.ts'], outfile: 'dist/serverWorker.js' },
  // The worker's analysis engine, a file of its own so the worker reads it only after the handshake.
  { ...common, entryPoints: ['server/src/languageService.ts'], outfile: 'dist/languageService.js' },
  // The mail flow report's renderer and its chart library, read by the worker on the first report.
  { ...common, entryPoints: ['server/src/report/reportPages.ts'], outfile: 'dist/reportPages.js' },
  { ...common, entryPoints: ['server/src/node/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...browser, entryPoints: ['client/src/browser/extensionMain.ts'], outfile: 'dist/browser/extension.js', external: ['vscode'] },
  // A web worker reads one classic script: the engine is bundled in.
  { ...browser, entryPoints: ['server/src/browser/browserServerMain.ts'], outfile: 'dist/browser/serverMain.js', format: 'iife' },
  // The in-editor test suite (extensionTestsPath); never packaged, see .vscodeignore.
  // mocha's parallel mode (never used here) resolves files at run time: silence that warning.
  { ...common, entryPoints: ['test/e2e/suite/index.ts'], outfile: 'dist/test/suite.js', external: ['vscode'], minify: false, logOverride: { 'require-resolve-not-external': 'silent' } },
  // The same tests for the browser's web worker extension host (see scripts/e2e/runTests.mjs).
  {
    ...browser, entryPoints: ['test/e2e/browser/index.ts'], outfile: 'dist/test/browserSuite.js', external: ['vscode'], minify: false,
    plugins: [browserSuiteStandIns, noNodeBuiltins],
  },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
