// npm run test:e2e: runs the in-editor suite inside code-server against the extension installed
// from the packaged .vsix, twice: dist/test/suite.js in the node extension host (the desktop's
// build), then dist/test/browserSuite.js in the browser's web worker extension host (the browser
// build, as vscode.dev runs it). Prints "N passed, N failed" per run and in all.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { launchBrowser, startCodeServer, workbenchUrl } from './codeServer.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const { version } = (await import(`${root}/package.json`, { with: { type: 'json' } })).default;
const vsix = resolve(root, `mailflow-lens-${version}.vsix`);
const RUN_LIMIT_MS = 10 * 60_000;

const server = await startCodeServer({ vsix });
const browser = await launchBrowser();
/** Workbench chatter that says nothing about our extension (offline gallery, chat, sockets). */
const NOISE = /AgentHost|ChatModelSelection|Creating a socket|connection token|open-vsx|getaddrinfo|queryGalleryExtensions|GalleryExtensions|checkForUpdates|autoUpdateBuiltinExtensions|Service Worker|AccountPolicyGate|builtin extensions cache|grace time|^\s*at /;

/** Runs one suite in a fresh workbench page; resolves with its counts, its exit code and the activation figure it printed. */
async function runSuite(testsPath) {
  let counts;
  let activation;
  const page = await browser.newPage();
  try {
    const exitCode = new Promise((done) => {
      void page.exposeFunction('codeAutomationExit', (code) => done(code));
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      for (const line of format(...args).split('\n')) {
        const match = /^(\d+) passed, (\d+) failed$/.exec(line.trim());
        const figure = /activation: ([\d.]+) ms/.exec(line);
        if (match) counts = { passed: Number(match[1]), failed: Number(match[2]) };
        else if (figure) activation = { ms: Number(figure[1]), line: line.trim() };
        else if (!NOISE.test(line)) console.log(`  [${type}] ${line}`);
      }
    });
    await page.goto(workbenchUrl(server.url, resolve(root, 'test', 'e2e', 'fixtures'), { extensionPath: server.extensionPath, testsPath }));
    const timeout = new Promise((done) => setTimeout(() => done('timeout'), RUN_LIMIT_MS));
    const code = await Promise.race([exitCode, timeout]);
    if (code === 'timeout') console.log(`in-editor suite did not finish within ${RUN_LIMIT_MS / 60_000} minutes`);
    return { code, counts: counts ?? { passed: 0, failed: 1 }, activation };
  } finally {
    await page.close();
  }
}

let failed = true;
try {
  console.log('── node extension host ──');
  const node = await runSuite(resolve(root, 'dist', 'test', 'suite.js'));
  if (node.activation) console.log(`${node.activation.line} (target < 100 ms: ${node.activation.ms < 100 ? 'ok' : 'MISSED'})`);
  console.log(`node: ${node.counts.passed} passed, ${node.counts.failed} failed`);

  // The extension kind 'web' makes the workbench run the extension, installed on the server, in
  // its web worker extension host from its browser entry; that host runs a test file only from
  // inside the extension under development. (This workbench ignores the extensionDevelopmentKind
  // payload: its environment service names that getter extensionDevelopmentLocationKind.)
  console.log('── browser web worker extension host ──');
  server.writeSettings({ 'remote.extensionKind': { 'mailflow-lens.mailflow-lens': ['web'] } });
  const browserSuite = join(server.extensionPath, 'dist', 'test', 'browserSuite.js');
  mkdirSync(join(server.extensionPath, 'dist', 'test'), { recursive: true });
  copyFileSync(resolve(root, 'dist', 'test', 'browserSuite.js'), browserSuite);
  const web = await runSuite(browserSuite);
  console.log(`browser: ${web.counts.passed} passed, ${web.counts.failed} failed`);

  const runs = [node, web];
  const total = (key) => runs.reduce((n, run) => n + run.counts[key], 0);
  console.log(`${total('passed')} passed, ${total('failed')} failed`);
  failed = runs.some((run) => run.code !== 0 || run.counts.failed > 0 || run.counts.passed === 0);
} finally {
  process.exitCode = failed ? 1 : 0;
  await browser.close();
  server.stop();
  if (failed) console.log(`code-server log:\n${server.serverLog().slice(-4000)}`);
}
// Nothing may keep the run alive once the results are in (a stray socket or timer).
process.exit(process.exitCode ?? 0);
