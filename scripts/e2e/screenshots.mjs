// npm run screenshots: the visual smoke test. Drives the packaged extension in code-server with
// Playwright as a person would, checks that each view shows what it should, and saves a picture
// of it. DOM selectors are VS Code internals: they live here and nowhere else.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, startCodeServer, workbenchUrl } from './codeServer.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const out = resolve(root, process.argv[2] ?? join('test-results', 'screenshots'));
const fixtures = resolve(root, 'test', 'e2e', 'fixtures');
const { version } = (await import(`${root}/package.json`, { with: { type: 'json' } })).default;
const THEMES = { dark: 'Dark Modern', light: 'Light Modern' };

mkdirSync(out, { recursive: true });
const server = await startCodeServer({ vsix: resolve(root, `mailflow-lens-${version}.vsix`), settings: {
  'workbench.colorTheme': THEMES.dark,
  'editor.fontSize': 14,
  'editor.minimap.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
} });
const browser = await launchBrowser();
const failures = [];
let steps = 0;
let page;

async function step(name, action) {
  steps++;
  try {
    await action();
    console.log(`ok   ${name}`);
  } catch (error) {
    failures.push(name);
    console.log(`FAIL ${name}: ${error.message.split('\n')[0]}`);
    await page?.screenshot({ path: join(out, `failed-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
  }
}

try {
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(workbenchUrl(server.url, fixtures));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view').waitFor({ timeout: 60_000 });

  /** Opens a fixture through Quick Open, as a user would. */
  async function open(file) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(file);
    // Wait for the filtered row: recently opened files are listed before the filter applies.
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: file }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator(`.tab.active[aria-label^="${file}"]`).waitFor();
    await page.locator('.monaco-editor .view-lines').first().waitFor();
  }

  /** Picks a colour theme through the Command Palette. */
  async function setTheme(name) {
    await runCommand('Preferences: Color Theme');
    const input = page.locator('.quick-input-widget input');
    await input.fill(THEMES[name]);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: THEMES[name] }).first().click();
    await page.locator(name === 'dark' ? '.monaco-workbench.vs-dark' : '.monaco-workbench.vs').waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
  }

  async function runCommand(title) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click();
  }

  /** Moves the mouse onto the first occurrence of `text` in the visible editor. */
  async function hoverText(text) {
    await page.locator('.monaco-editor .view-line', { hasText: text }).first().waitFor();
    const box = await page.evaluate((needle) => {
      const walker = document.createTreeWalker(document.querySelector('.editor-group-container.active .view-lines'), NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.replace(/\u00a0/g, ' ').indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + 1);
        range.setEnd(node, at + needle.length - 1);
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
      return null;
    }, text);
    if (!box) throw new Error(`${text} is not on screen`);
    await page.mouse.move(box.x, box.y - 30);
    await page.mouse.move(box.x, box.y, { steps: 5 });
  }

  await step('hover over a code in an NDR', async () => {
    await open('bounce-exchange-online.eml');
    await page.waitForTimeout(1500); // the language server starts with the first document
    await hoverText('5.7.509');
    const hover = page.locator('.monaco-hover-content', { hasText: 'DMARC' });
    await hover.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(out, 'hover-ndr.png') });
  });

  await step('Problems panel on a tracking log', async () => {
    await page.mouse.move(5, 5);
    await open('MSGTRK20261123-1.LOG');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'MSGTRK20261123-1.LOG' }).waitFor({ timeout: 20_000 });
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'RESOLVER.ADR.RecipNotFound' }).first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(out, 'problems-tracking-log.png') });
    await page.keyboard.press('Control+J');
  });

  await step('Problems and a queue-id hover on a Postfix mail log', async () => {
    await page.mouse.move(5, 5);
    await runCommand('View: Close All Editors');
    await open('mail.log');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'bob@example.org' }).first().waitFor({ timeout: 20_000 });
    await hoverText('4F1A22C0B1');
    await page.locator('.monaco-hover-content', { hasText: 'Recipients' }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(out, 'mail-log.png') });
    await page.mouse.move(5, 5);
    await page.keyboard.press('Control+J');
  });

  await step('Problems and an event hover on an Exchange Online message trace (UTF-16LE, synthetic)', async () => {
    await runCommand('View: Close All Editors');
    await open('synthetic-extended-report-utf16le.csv');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'ivan@fabrikam.com' }).first().waitFor({ timeout: 20_000 });
    await hoverText('FAIL');
    await page.locator('.monaco-hover-content', { hasText: 'FAIL' }).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(out, 'message-trace.png') });
    await page.mouse.move(5, 5);
    await page.keyboard.press('Control+J');
  });

  for (const name of Object.keys(THEMES)) {
    await step(`highlighted tracking log, ${name} theme`, async () => {
      await setTheme(name);
      await open('MSGTRK20261123-1.LOG');
      // More than one token colour on the FAIL line means the grammar is at work.
      const colours = await page.locator('.monaco-editor .view-line', { hasText: 'FAIL' }).first().evaluate((line) =>
        new Set([...line.querySelectorAll('span span')].map((s) => getComputedStyle(s).color)).size);
      if (colours < 3) throw new Error(`only ${colours} token colours on the FAIL line`);
      await page.screenshot({ path: join(out, `tracking-log-${name}.png`) });
    });
  }
  await step('back to the dark theme', () => setTheme('dark'));

  await step('snippet completion in a .ps1 file', async () => {
    await open('mailflow.ps1');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('mf-track', { delay: 40 });
    await page.keyboard.press('Control+Space');
    const suggestions = page.locator('.suggest-widget .monaco-list-row');
    await suggestions.first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(out, 'snippets-ps1.png') });
    await page.keyboard.press('Escape');
  });

  /** The page inside the report's webview (two nested iframes in the workbench). */
  const reportPage = () => page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  // The save dialog offers the report's name beside its log (the fixtures folder): accepted as offered.
  const savedReport = join(fixtures, 'mail-flow-report.html');
  rmSync(savedReport, { force: true });

  await step('mail flow report of a Postfix mail log, dark theme', async () => {
    await runCommand('View: Close All Editors');
    await open('mail.log');
    await runCommand('View: Close Primary Side Bar');
    await runCommand('Mailflow Lens: Mail Flow Report');
    const report = reportPage();
    await report.locator('svg').first().waitFor({ timeout: 30_000 });
    await report.locator('#totals').waitFor();
    // The report alone, full width, as it would be read.
    await runCommand('View: Single Column Editor Layout');
    await page.locator('.tab[aria-label^="Mail flow"]').first().click();
    await report.locator('#totals').waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(out, 'report-dark.png') });
  });

  await step('mail flow report, light theme', async () => {
    await setTheme('light');
    await page.locator('.tab[aria-label^="Mail flow"]').first().click();
    await reportPage().locator('#totals').waitFor({ timeout: 15_000 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(out, 'report-light.png') });
  });

  await step('a failed recipient\'s row reveals its line', async () => {
    await reportPage().locator('#failed tr.link', { hasText: 'bob@example.org' }).first().click();
    // mail.log's bounce is its fifth line.
    await page.locator('.tab.active[aria-label^="mail.log"]').waitFor({ timeout: 10_000 });
    await page.locator('.statusbar-item', { hasText: /Ln 5, Col \d+ \(\d+ selected\)/ }).waitFor({ timeout: 10_000 });
  });

  await step('Save Report as HTML from the panel\'s title bar', async () => {
    await page.locator('.tab[aria-label^="Mail flow"]').first().click();
    await page.locator('.editor-actions .action-label[aria-label^="Save Report as HTML"]').first().click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    // Accept the offered path; the simple file dialog ignores OK until it has checked the path, so
    // accept again while it stays open.
    const end = Date.now() + 20_000;
    let nextAccept = 0;
    while (!existsSync(savedReport) && Date.now() < end) {
      if (Date.now() >= nextAccept && await input.isVisible()) {
        await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).click({ timeout: 2_000 }).catch(() => input.press('Enter'));
        nextAccept = Date.now() + 2_500;
      }
      await page.waitForTimeout(200);
    }
    if (!existsSync(savedReport)) throw new Error(`nothing was saved at ${savedReport}`);
  });
  await step('back to the dark theme after the report', async () => {
    await setTheme('dark');
    await runCommand('View: Toggle Primary Side Bar Visibility');
  });

  await step('the saved report in Chromium with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    try {
      const file = await context.newPage();
      await file.goto(pathToFileURL(savedReport).href);
      const totals = file.locator('#totals');
      await totals.waitFor();
      if (!(await totals.isVisible())) throw new Error('the totals are not visible');
      const text = await totals.innerText();
      if (!/delivered/.test(text) || !/failed/.test(text)) throw new Error(`the totals read: ${text}`);
      if ((await file.locator('svg').count()) === 0) throw new Error('no chart in the saved page');
      await file.screenshot({ path: join(out, 'report-file.png') });
    } finally {
      await context.close();
      rmSync(savedReport, { force: true });
    }
  });
} finally {
  await browser.close();
  server.stop();
}

console.log(`${steps - failures.length} passed, ${failures.length} failed`);
process.exitCode = failures.length ? 1 : 0;
// Nothing may keep the run alive once the results are in (a stray socket or timer).
process.exit(process.exitCode ?? 0);
