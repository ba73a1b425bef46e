// Entry point VS Code loads as extensionTestsPath (bundled to dist/test/suite.js). Builds a mocha
// run of the in-editor tests and prints the plain "N passed, N failed" line CI reads.
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  // Define describe/it before the test modules are evaluated: esbuild's require() runs them lazily.
  mocha.suite.emit('pre-require', globalThis, 'suite', mocha);
  /* eslint-disable @typescript-eslint/no-require-imports -- evaluated here, after describe/it exist; an import would run first */
  require('./activation.test');
  require('./languages.test');
  require('./hover.test');
  require('./diagnostics.test');
  require('./trackingLog.test');
  require('./mailLog.test');
  require('./filterLines.test');
  require('./messageTrace.test');
  require('./snippets.test');
  require('./bounce.test');
  require('./commands.test');
  require('./restart.test');
  require('./markdownSafety.test');
  require('./report.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    mocha.run()
      .on('pass', () => passed++)
      .on('fail', () => failed++)
      .on('end', () => {
        console.log(`${passed} passed, ${failed} failed`);
        if (failed > 0) reject(new Error(`${failed} in-editor tests failed`)); else resolve();
      });
  });
}
