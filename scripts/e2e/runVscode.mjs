// npm run test:vscode: the same in-editor suite on desktop VS Code through @vscode/test-electron,
// for machines that can download VS Code (these CI machines cannot; they use npm run test:e2e).
import { resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = resolve(import.meta.dirname, '..', '..');
try {
  await runTests({
    version: '1.139.0',
    extensionDevelopmentPath: root,
    extensionTestsPath: resolve(root, 'dist', 'test', 'suite.js'),
    launchArgs: [resolve(root, 'test', 'e2e', 'fixtures'), '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`in-editor suite failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
