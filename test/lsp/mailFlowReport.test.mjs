// The mail flow report request (#15) over LSP, from the built servers: an open Postfix log and a
// file the client read (as a folder report sends them), rendered into the webview page, the saved
// file and the Markdown. Expected recipients are read from the corpus log's own lines. The worker
// bundle reads its renderer (dist/reportPages.js) on the first report.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { createMessageConnection, PortMessageReader, PortMessageWriter } from 'vscode-jsonrpc/node';
import { startSession } from '../support/lspSession.mjs';

const shared = process.env.MAILFLOW_SHARED ?? resolve(process.cwd(), '..', 'shared');
const corpus = (file) => readFileSync(join(shared, 'corpus', 'unix-mail-logs', 'lightmeter', 'individual_files', file), 'utf8');
const BOUNCES = corpus('2_multiple_recipients_some_bounces.log');
const EXPIRED = corpus('18_expired.log');
const WEBVIEW = { nonce: 'bHNwUmVwb3J0Tm9uY2UxMjM0', cspSource: 'https://*.vscode-cdn.net' };
const REQUEST = 'mailflowLens/mailFlowReport';

/** Recipients of the log's status=bounced lines, read from the text. */
const bouncedRecipients = (text) => [...text.matchAll(/to=<([^>]+)>[^\n]*status=bounced/g)].map((m) => m[1]);

function params(extra = {}) {
  return {
    uris: ['file:///var/log/mail.log', 'file:///var/log/not-open.log'],
    files: [{ uri: 'file:///srv/logs/maillog.1', text: EXPIRED }],
    skipped: [{ uri: 'file:///srv/logs/photo.jpg', reason: 'binary file' }],
    webview: WEBVIEW,
    ...extra,
  };
}

function checkResult(result) {
  assert.equal(result.title, 'Mail flow: 2 sources');
  assert.match(result.webviewHtml, new RegExp(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;nonce-${WEBVIEW.nonce}&#39;`));
  assert.match(result.webviewHtml, /<section id="reasons"><h2>Failures by reason<\/h2>[\s\S]*?<svg /);
  for (const recipient of bouncedRecipients(BOUNCES)) {
    assert.ok(result.fileHtml.includes(`<td>${recipient}</td>`), recipient);
    assert.ok(result.markdown.includes(recipient.replace(/[!-/:-@[-`{-~]/g, '\\$&')), recipient);
  }
  assert.match(result.fileHtml, /<td>maillog\.1<\/td><td>mail-log<\/td>/, 'the file the client read is a source, read as a mail log by its name');
  assert.match(result.fileHtml, /<td>not-open\.log<\/td><td>not open in the editor<\/td>/);
  assert.match(result.fileHtml, /<td>photo\.jpg<\/td><td>binary file<\/td>/);
  assert.ok(!/https?:|\/\/|<script/.test(result.fileHtml));
}

describe('mail flow report request over LSP (stdio server)', () => {
  let session;
  before(async () => {
    session = await startSession({ configuration: () => ({}), capabilities: { workspace: { configuration: true } } });
    session.open('file:///var/log/mail.log', 'mail-log', BOUNCES);
  });
  after(async () => { await session?.stop(); });

  it('reads open documents and the client\'s files, and returns the three renderings', async () => {
    checkResult(await session.connection.sendRequest(REQUEST, params()));
  });

  it('answers null without the webview\'s nonce, and an error for a nonce that would change the policy', async () => {
    assert.equal(await session.connection.sendRequest(REQUEST, { uris: ['file:///var/log/mail.log'] }), null);
    await assert.rejects(session.connection.sendRequest(REQUEST, params({ webview: { nonce: "x'; script-src *", cspSource: WEBVIEW.cspSource } })));
  });
});

describe('mail flow report request in the worker thread (dist/serverWorker.js)', () => {
  it('loads dist/reportPages.js on the first report and answers as the stdio server does', { timeout: 30_000 }, async () => {
    const worker = new Worker(join(process.cwd(), 'dist', 'serverWorker.js'));
    const connection = createMessageConnection(new PortMessageReader(worker), new PortMessageWriter(worker));
    connection.listen();
    try {
      await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      void connection.sendNotification('initialized', {});
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///var/log/mail.log', languageId: 'mail-log', version: 1, text: BOUNCES } });
      checkResult(await connection.sendRequest(REQUEST, params()));
    } finally {
      connection.dispose();
      await worker.terminate();
    }
  });
});
