// Builds the bundles: dist/extension.js (client), dist/serverWorker.js and dist/languageService.js (the
// language server as VS Code runs it, in a worker thread, and its analysis engine), dist/server.js
// (the same server as a process, --stdio, engine included), dist/cli.js.
import * as esbuild from 'esbuild';

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

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/node/serverMain.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/node/workerMain.ts'], outfile: 'dist/serverWorker.js' },
  // The worker's analysis engine, a file of its own so the worker reads it only after the handshake.
  { ...common, entryPoints: ['server/src/languageService.ts'], outfile: 'dist/languageService.js' },
  { ...common, entryPoints: ['server/src/node/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The in-editor test suite (extensionTestsPath); never packaged, see .vscodeignore.
  // mocha's parallel mode (never used here) resolves files at run time: silence that warning.
  { ...common, entryPoints: ['test/e2e/suite/index.ts'], outfile: 'dist/test/suite.js', external: ['vscode'], minify: false, logOverride: { 'require-resolve-not-external': 'silent' } },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
