// Starts code-server with the packaged extension installed, and drives it with Playwright.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ensureTools } from './tools.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}

async function waitForHealth(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer at ${url} within ${ms} ms`);
}

/**
 * Installs `vsix` into a fresh profile, starts code-server on a free loopback port and
 * returns its URL, the installed extension's folder, a way to change the user settings and a stop function.
 */
export async function startCodeServer({ vsix, settings = {} }) {
  const tools = ensureTools();
  const home = mkdtempSync(join(tmpdir(), 'mailflow-e2e-'));
  const env = { ...tools.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache') };
  const userData = join(home, 'user-data');
  const extensions = join(home, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  const settingsFile = join(userData, 'User', 'settings.json');
  const baseSettings = {
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'security.workspace.trust.enabled': false,
    'workbench.tips.enabled': false,
    // The port finder scans /proc and runs shell commands every few seconds; nothing here listens.
    'remote.autoForwardPorts': false,
    // No chat: its agent host process starts with the workbench and competes for the two cores.
    'chat.disableAIFeatures': true,
    ...settings,
  };
  const writeSettings = (extra = {}) => writeFileSync(settingsFile, JSON.stringify({ ...baseSettings, ...extra }, null, 2));
  writeSettings();
  execFileSync(tools.node, [tools.codeServerEntry, '--install-extension', vsix, '--extensions-dir', extensions, '--user-data-dir', userData], { env, stdio: 'pipe' });
  const installed = readdirSync(extensions).find((d) => d.startsWith('mailflow-lens.mailflow-lens-'));
  if (!installed) throw new Error(`the .vsix did not install into ${extensions}`);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(tools.node, [
    tools.codeServerEntry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--reconnection-grace-time', '10',
    '--vscode-option', 'enable-smoke-test-driver', '--user-data-dir', userData, '--extensions-dir', extensions,
  ], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let serverLog = '';
  server.stdout.on('data', (d) => { serverLog += d; });
  server.stderr.on('data', (d) => { serverLog += d; });
  await waitForHealth(url, 60_000);
  return {
    url,
    extensionPath: join(extensions, installed),
    serverLog: () => serverLog,
    /** Replaces the user settings given at start with these (on top of the base ones); a workbench opened afterwards reads them. */
    writeSettings,
    stop: () => {
      // The whole process group: code-server starts an extension host and other helpers.
      for (const signal of ['SIGTERM', 'SIGKILL']) {
        try { process.kill(-server.pid, signal); } catch { /* already gone */ }
      }
      server.stdout.destroy();
      server.stderr.destroy();
      server.unref();
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** The workbench URL that opens `folder`, optionally running an extension-host test suite. */
export function workbenchUrl(url, folder, { extensionPath, testsPath } = {}) {
  const payload = [];
  if (extensionPath) payload.push(['extensionDevelopmentPath', `vscode-remote://${new URL(url).host}${extensionPath}`]);
  if (testsPath) payload.push(['extensionTestsPath', `vscode-remote://${new URL(url).host}${testsPath}`]);
  return `${url}/?folder=${encodeURIComponent(folder)}${payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
}
