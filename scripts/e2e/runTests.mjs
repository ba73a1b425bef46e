// npm run test:e2e: runs the in-editor suite (dist/test/suite.js) inside code-server's extension
// host, against the extension installed from the packaged .vsix, and prints "N passed, N failed".
import { resolve } from 'node:path';
import { format } from 'node:util';
import { launchBrowser, startCodeServer, workbenchUrl } from './codeServer.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const { version } = (await import(`${root}/package.json`, { with: { type: 'json' } })).default;
const vsix = resolve(root, `mailflow-lens-${version}.vsix`);
const RUN_LIMIT_MS = 10 * 60_000;

const server = await startCodeServer({ vsix });
const browser = await launchBrowser();
let counts;
let activationMs;
let activationLine;
/** Workbench chatter that says nothing about our extension (offline gallery, chat, sockets). */
const NOISE = /AgentHost|ChatModelSelection|Creating a socket|connection token|open-vsx|getaddrinfo|queryGalleryExtensions|GalleryExtensions|checkForUpdates|autoUpdateBuiltinExtensions|Service Worker|AccountPolicyGate|builtin extensions cache|grace time|^\s*at /;
try {
  const page = await browser.newPage();
  const exitCode = new Promise((done) => {
    void page.exposeFunction('codeAutomationExit', (code) => done(code));
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    for (const line of format(...args).split('\n')) {
      const match = /^(\d+) passed, (\d+) failed$/.exec(line.trim());
      const activation = /activation: ([\d.]+) ms/.exec(line);
      if (match) counts = { passed: Number(match[1]), failed: Number(match[2]) };
      else if (activation) { activationMs = Number(activation[1]); activationLine = line.trim(); }
      else if (!NOISE.test(line)) console.log(`  [${type}] ${line}`);
    }
  });
  await page.goto(workbenchUrl(server.url, resolve(root, 'test', 'e2e', 'fixtures'), {
    extensionPath: server.extensionPath,
    testsPath: resolve(root, 'dist', 'test', 'suite.js'),
  }));
  const timeout = new Promise((done) => setTimeout(() => done('timeout'), RUN_LIMIT_MS));
  const code = await Promise.race([exitCode, timeout]);
  if (code === 'timeout') console.log(`in-editor suite did not finish within ${RUN_LIMIT_MS / 60_000} minutes`);
  if (!counts) counts = { passed: 0, failed: 1 };
  if (activationMs !== undefined) console.log(`${activationLine} (target < 100 ms: ${activationMs < 100 ? 'ok' : 'MISSED'})`);
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  process.exitCode = code === 0 && counts.failed === 0 && counts.passed > 0 ? 0 : 1;
} finally {
  await browser.close();
  server.stop();
  if (process.exitCode) console.log(`code-server log:\n${server.serverLog().slice(-4000)}`);
}
// Nothing may keep the run alive once the results are in (a stray socket or timer).
process.exit(process.exitCode ?? 0);
