// Benchmark rows for the mail flow report's pages (#15), run by scripts/bench.ts in the group
// "maillogs", beside `report` against `check`: the time to render the webview page, the file page
// and the Markdown of the report of the 95,000-line production Postfix log and of the 10 MB tracking
// log, in this process (median CPU time of 5) and in a fresh process as the worker's first report
// does it (reading dist/reportPages.js and its chart library, then rendering). The webview's first
// paint has 1 s: the row with the target times, as the editor asks it, the report request to a
// fresh language server that holds the open log with its problems published (engine on the
// analysis the problems built, the renderer read and run), then the page drawn by headless Chromium
// until its first contentful paint, its script running with a stand-in for the webview's API.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MailFlowReport } from '../server/src/common/mailFlow';
import { getLanguageService } from '../server/src/languageService';
import { renderReport } from '../server/src/report/reportPages';
import { median } from './benchLogs';
import { LspSession } from './benchServer';
import { launchBrowser } from './e2e/codeServer.mjs';

type Row = [string, string, string, boolean | undefined];

const PRODUCTION_LOG = join('corpus', 'unix-mail-logs', 'postfix-deliverability-analytics', 'real-mail.log.2.gz');
const ROUNDS = 5;
const WEBVIEW = { nonce: 'YmVuY2hSZXBvcnROb25jZTEy', cspSource: 'https://*.vscode-cdn.net' };
const FIRST_PAINT_MS = 1000;

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** The renderer's first report in a fresh process: reading dist/reportPages.js, then rendering; CPU ms. */
function freshProcessRender(reportFile: string): number {
  const script = `const t = process.cpuUsage(); const pages = require(${JSON.stringify(resolve('dist', 'reportPages.js'))});
const report = JSON.parse(require('node:fs').readFileSync(${JSON.stringify(reportFile)}, 'utf8'));
pages.renderReport(report, ${JSON.stringify(WEBVIEW)}); const u = process.cpuUsage(t); process.stdout.write(String((u.user + u.system) / 1000));`;
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

/**
 * The first paint of the report as the editor gets it: with the log open in a fresh server and its
 * problems published, the report request until the page's HTML is back (wall ms), then that page
 * drawn by headless Chromium until its first contentful paint (a webview is a Chromium frame).
 * Medians of 3 servers.
 */
async function firstPaintMs(document: TextDocument): Promise<{ requestMs: number; paintMs: number }> {
  const requests: number[] = [];
  const paints: number[] = [];
  const browser = await launchBrowser();
  try {
    for (let round = 0; round < 3; round++) {
      const session = new LspSession();
      await session.start();
      await session.openAndWait(document.uri, document.getText(), document.languageId);
      const start = performance.now();
      const { webviewHtml } = await session.connection.sendRequest<{ webviewHtml: string }>('mailflowLens/mailFlowReport', { uris: [document.uri], webview: WEBVIEW });
      requests.push(performance.now() - start);
      await session.stop();
      const page = await browser.newPage();
      // The webview's API, as VS Code gives it to the page, so the page's script runs as it does there.
      await page.evaluate('window.acquireVsCodeApi = () => ({ postMessage: () => undefined })');
      const drawn = performance.now();
      await page.setContent(webviewHtml);
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
      paints.push(performance.now() - drawn);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return { requestMs: median(requests), paintMs: median(paints) };
}

async function rowsFor(name: string, document: TextDocument, benchDir: string): Promise<Row[]> {
  const { requestMs, paintMs } = await firstPaintMs(document);
  const firstPaint = requestMs + paintMs;
  const service = getLanguageService();
  const engineStart = process.cpuUsage();
  const report = (await service.mailFlowReport([{ document }])) as MailFlowReport;
  const engineMs = cpuMs(engineStart);
  const renders: number[] = [];
  let size = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.cpuUsage();
    const rendered = renderReport(report, WEBVIEW);
    renders.push(cpuMs(start));
    size = rendered.webviewHtml.length;
  }
  const reportFile = join(benchDir, `report-${name.replace(/\W+/g, '-')}.json`);
  writeFileSync(reportFile, JSON.stringify(report));
  const fresh = median(Array.from({ length: ROUNDS }, () => freshProcessRender(reportFile)));
  const renderMs = median(renders);
  const serverShare = engineMs + fresh;
  return [
    [`report page render, ${name} (${report.totals.recipients} recipients${report.sources.length === 0 ? ', no family reads its flow yet' : ''}, webview page ${(size / 1024).toFixed(0)} KiB), median of ${ROUNDS}`, `${renderMs.toFixed(0)} ms CPU`, '', undefined],
    ['  first report in a fresh process (read the renderer and its chart library, render)', `${fresh.toFixed(0)} ms CPU`, '', undefined],
    [`  engine + first render in one process, nothing cached (engine ${engineMs.toFixed(0)} ms, first run in this process)`, `${serverShare.toFixed(0)} ms CPU`, '', undefined],
    [`  the log open with its problems: the report request over LSP (fresh server, ${requestMs.toFixed(0)} ms) then the page's first paint in Chromium (${paintMs.toFixed(0)} ms), medians of 3`,
      `${firstPaint.toFixed(0)} ms`, `<= ${FIRST_PAINT_MS} ms`, firstPaint <= FIRST_PAINT_MS],
  ];
}

export async function reportPageRows(trackingLog: string, shared: string, benchDir: string): Promise<Row[]> {
  mkdirSync(benchDir, { recursive: true });
  const postfix = gunzipSync(readFileSync(join(shared, PRODUCTION_LOG))).toString('utf8');
  return [
    ...await rowsFor('production Postfix log (95,000 lines)', TextDocument.create('file:///bench/real-mail.log.2', 'mail-log', 1, postfix), benchDir),
    ...await rowsFor('10 MB tracking log', TextDocument.create('file:///bench/MSGTRK-10MB.LOG', 'exchange-tracking-log', 1, trackingLog), benchDir),
  ];
}
