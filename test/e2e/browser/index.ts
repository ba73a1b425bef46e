// Entry point the browser run loads as extensionTestsPath (bundled to dist/test/browserSuite.js): the
// in-editor tests of the features a web extension has, run in the browser's web worker extension
// host against the browser build. Not here: activation (its figure is the node host's) and restart
// (it ends the server's thread, which only the node host has). Prints the "N passed, N failed" line.
import 'mocha/mocha.js';

interface BrowserMocha {
  setup(options: { ui: string; timeout: number; color: boolean; reporter: string }): void;
  run(): { on(event: 'pass' | 'fail' | 'end', listener: () => void): BrowserMochaRunner };
}
type BrowserMochaRunner = ReturnType<BrowserMocha['run']>;
declare const mocha: BrowserMocha;

export function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  // The test files call describe() as they load, so they are loaded here, after setup, in this order.
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('./host.test');
  require('../suite/languages.test');
  require('../suite/hover.test');
  require('../suite/diagnostics.test');
  require('../suite/trackingLog.test');
  require('../suite/mailLog.test');
  require('../suite/filterLines.test');
  require('../suite/messageTrace.test');
  require('../suite/snippets.test');
  require('../suite/bounce.test');
  require('../suite/commands.test');
  require('../suite/markdownSafety.test');
  require('../suite/report.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run();
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
    runner.on('end', () => {
      console.log(`${passed} passed, ${failed} failed`);
      if (failed > 0) reject(new Error(`${failed} in-editor tests failed in the browser`)); else resolve();
    });
  });
}
