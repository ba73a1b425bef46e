// Stryker's build step (scripts/stryker.config.mjs): bundles each unit test of a mutation run, with
// the instrumented sources of the sandbox, into plain JavaScript under .mutation-build/. Every mutant
// starts each covering test file again in a new process: without the TypeScript loader a start costs
// about a third of the processor time, which on a shared 2-core machine is most of a run.
import { build } from 'esbuild';

const files = (process.env.MUTATION_TEST_FILES ?? '').split(',').filter(Boolean);
if (files.length === 0) throw new Error('MUTATION_TEST_FILES is empty: run through npm run test:mutation');

await build({
  entryPoints: files,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Packages load from node_modules as under tsx; only the project's own files are bundled.
  packages: 'external',
  outdir: '.mutation-build',
  outbase: '.',
  outExtension: { '.js': '.mjs' },
  // The test helpers find grammar and parser files with require.resolve, which an ES module lacks.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
