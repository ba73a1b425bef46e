// The browser build (dist/browser/*): no Node built-in in either bundle, a build that fails on one,
// and the web worker server, run with a web worker's globals only (no require, process or Buffer),
// answering the editor's requests exactly as the node server does. The same bundle in a real
// browser: the in-editor suite's web run (scripts/e2e/runTests.mjs).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createContext, runInContext } from 'node:vm';
import * as esbuild from 'esbuild';
import { AbstractMessageReader, AbstractMessageWriter, createMessageConnection, Emitter } from 'vscode-jsonrpc/node';
import { noNodeBuiltins } from '../../scripts/noNodeBuiltins.mjs';
import { positionOf, startSession } from '../support/lspSession.mjs';
import { unescapeMarkdown } from '../support/markdownText.mjs';

const dist = join(process.cwd(), 'dist', 'browser');
const BUNDLES = { client: join(dist, 'extension.js'), server: join(dist, 'serverMain.js') };
const fixtures = join(process.cwd(), 'test', 'e2e', 'fixtures');
const DOCUMENTS = [
  { uri: 'file:///w/MSGTRK20261123-1.LOG', languageId: 'exchange-tracking-log', text: readFileSync(join(fixtures, 'MSGTRK20261123-1.LOG'), 'utf8') },
  { uri: 'file:///w/bounce-exchange-online.eml', languageId: 'email', text: readFileSync(join(fixtures, 'bounce-exchange-online.eml'), 'utf8') },
  { uri: 'file:///w/notes.txt', languageId: 'plaintext', text: 'The relay answered 550 5.1.1 user unknown, then 421 4.4.2 later.\n' },
];
const [TRACKING, BOUNCE, NOTES] = DOCUMENTS;
const SETTINGS = { hover: { detail: 'full' }, diagnostics: { enable: true, maxProblems: 100 }, hops: { slowHopSeconds: 300 } };
const CAPABILITIES = {
  workspace: { configuration: true },
  textDocument: { hover: { contentFormat: ['markdown'] }, inlayHint: {}, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
};

describe('the browser bundles', () => {
  // Both bundles are scripts (CommonJS, a classic worker script): a module is loaded by require() or import().
  const requires = (file) => [...readFileSync(file, 'utf8').matchAll(/\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  const isBuiltin = (name) => name.startsWith('node:') || builtinModules.includes(name);

  it('load no Node built-in: the client requires only vscode, the server nothing at all', () => {
    const client = requires(BUNDLES.client);
    assert.ok(client.includes('vscode'), 'the client bundle should require vscode (is it built?)');
    assert.deepEqual(client.filter(isBuiltin), []);
    assert.deepEqual([...new Set(client)], ['vscode']);
    assert.deepEqual(requires(BUNDLES.server), []);
    for (const file of Object.values(BUNDLES)) assert.doesNotMatch(readFileSync(file, 'utf8'), /require\("(node:|fs"|path"|os"|child_process"|worker_threads")/);
  });

  it('fail to build when a Node built-in sneaks in, naming it', async () => {
    for (const name of ['node:fs', 'fs', 'path', 'worker_threads']) {
      await assert.rejects(esbuild.build({
        stdin: { contents: `import * as m from '${name}'; console.log(m);`, resolveDir: process.cwd(), sourcefile: 'sneaky.ts', loader: 'ts' },
        bundle: true, write: false, platform: 'browser', logLevel: 'silent', plugins: [noNodeBuiltins],
      }), new RegExp(`Node built-in "${name}" imported by .*sneaky\\.ts`));
    }
  });

  it('are what package.json names for the browser', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.equal(manifest.browser, './dist/browser/extension.js');
    assert.equal(manifest.main, './dist/extension.js');
  });
});

/** Runs the server bundle with a dedicated web worker's globals, and nothing of Node's. */
function startWebWorkerServer() {
  const toServer = new Emitter();
  const fromServer = new Emitter();
  const scope = createContext({
    console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, TextDecoder, TextEncoder, URL, structuredClone,
    // WindowOrWorkerGlobalScope's base64 functions (the report's HTML parser decodes its entity tables with atob).
    atob: globalThis.atob, btoa: globalThis.btoa,
    // postMessage copies: nothing is shared between the page and the worker.
    postMessage: (message) => setTimeout(() => fromServer.fire(structuredClone(message)), 0),
    addEventListener: () => undefined,
  });
  runInContext('self = globalThis;', scope);
  for (const name of ['require', 'process', 'Buffer', 'module', 'setImmediate']) assert.equal(runInContext(`typeof ${name}`, scope), 'undefined');
  runInContext(readFileSync(BUNDLES.server, 'utf8'), scope, { filename: BUNDLES.server });
  assert.equal(typeof scope.onmessage, 'function', 'the server listens on self.onmessage');
  toServer.event((message) => setTimeout(() => scope.onmessage({ data: structuredClone(message) }), 0));

  class Reader extends AbstractMessageReader {
    listen(callback) { return fromServer.event(callback); }
  }
  class Writer extends AbstractMessageWriter {
    async write(message) { toServer.fire(message); }
    end() {}
  }
  return createMessageConnection(new Reader(), new Writer());
}

/** The requests an editor sends for the three documents, answered by `connection`; diagnostics as published. */
async function editorSession(connection) {
  const published = new Map();
  const allPublished = new Promise((resolve) => {
    connection.onNotification('textDocument/publishDiagnostics', (params) => {
      published.set(params.uri, params.diagnostics);
      if (DOCUMENTS.every((d) => published.has(d.uri))) resolve();
    });
  });
  const ask = (method, uri, extra = {}) => connection.sendRequest(method, { textDocument: { uri }, ...extra });
  const whole = { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } };
  const failRow = positionOf(TRACKING.text, 'RESOLVER.ADR.RecipNotFound', 3);
  const answers = {
    trackingHover: await ask('textDocument/hover', TRACKING.uri, { position: failRow }),
    bounceHover: await ask('textDocument/hover', BOUNCE.uri, { position: positionOf(BOUNCE.text, "'550 5.1.10", 6) }),
    notesHover: await ask('textDocument/hover', NOTES.uri, { position: positionOf(NOTES.text, '5.1.1', 2) }),
    symbols: await ask('textDocument/documentSymbol', TRACKING.uri),
    folding: await ask('textDocument/foldingRange', TRACKING.uri),
    references: await ask('textDocument/references', TRACKING.uri, { position: positionOf(TRACKING.text, '<q4-forecast-81f2@contoso.com>', 3), context: { includeDeclaration: true } }),
    highlights: await ask('textDocument/documentHighlight', TRACKING.uri, { position: positionOf(TRACKING.text, '<q4-forecast-81f2@contoso.com>', 3) }),
    inlayHints: await ask('textDocument/inlayHint', BOUNCE.uri, { range: whole }),
    explainBounce: await connection.sendRequest('mailflowLens/explainBounce', { uri: BOUNCE.uri }),
    mailFlowReport: await connection.sendRequest('mailflowLens/mailFlowReport', {
      uris: DOCUMENTS.map((d) => d.uri), webview: { nonce: 'YnJvd3Nlcldvcmtlck5vbmNl', cspSource: 'https://*.vscode-cdn.net' },
    }),
  };
  await allPublished;
  answers.diagnostics = Object.fromEntries(DOCUMENTS.map((d) => [d.uri, published.get(d.uri)]));
  answers.codeActions = await ask('textDocument/codeAction', TRACKING.uri, {
    range: answers.diagnostics[TRACKING.uri][0].range, context: { diagnostics: [answers.diagnostics[TRACKING.uri][0]], only: ['quickfix'] },
  });
  return answers;
}

describe('the web worker server, with a worker\'s globals only', () => {
  let worker;
  let node;
  let fromWorker;
  let fromNode;

  before(async () => {
    worker = startWebWorkerServer();
    worker.onRequest('workspace/configuration', (params) => params.items.map(() => SETTINGS));
    worker.listen();
    const init = await worker.sendRequest('initialize', { processId: null, rootUri: null, capabilities: CAPABILITIES });
    assert.equal(init.serverInfo.name, 'Mailflow Lens');
    assert.equal(init.capabilities.hoverProvider, true);
    void worker.sendNotification('initialized', {});
    for (const d of DOCUMENTS) void worker.sendNotification('textDocument/didOpen', { textDocument: { ...d, version: 1 } });
    fromWorker = await editorSession(worker);

    node = await startSession({ configuration: () => SETTINGS, capabilities: CAPABILITIES });
    for (const d of DOCUMENTS) node.open(d.uri, d.languageId, d.text);
    fromNode = await editorSession(node.connection);
  });

  after(async () => {
    if (worker) {
      assert.equal(await worker.sendRequest('shutdown'), null);
      worker.dispose();
    }
    await node?.stop();
  });

  it('hovers a code in a tracking log, a bounce and plain text', () => {
    assert.match(unescapeMarkdown(fromWorker.trackingHover.contents.value), /Transport status RESOLVER\.ADR\.RecipNotFound/);
    assert.match(unescapeMarkdown(fromWorker.bounceHover.contents.value), /Recipient not found/);
    assert.match(unescapeMarkdown(fromWorker.notesHover.contents.value), /Bad destination mailbox address/);
  });

  it('publishes problems: the failed recipients of the bounce, the 5xx and 4xx replies of the text, the FAIL row of the log', () => {
    const bounce = fromWorker.diagnostics[BOUNCE.uri];
    assert.deepEqual(bounce.map((d) => [d.range.start.line, d.severity, d.code]), [[41, 1, '5.1.10'], [46, 1, '5.7.509']]);
    const notes = fromWorker.diagnostics[NOTES.uri];
    assert.deepEqual(notes.map((d) => [NOTES.text.slice(d.range.start.character, d.range.end.character), d.severity]), [['550 5.1.1', 1], ['421 4.4.2', 2]]);
    const tracking = fromWorker.diagnostics[TRACKING.uri];
    assert.ok(tracking.some((d) => d.severity === 1 && d.range.start.line === positionOf(TRACKING.text, 'RESOLVER.ADR.RecipNotFound').line));
  });

  it('answers the log features, inlay hints, quick fixes and the bounce summary', () => {
    assert.ok(fromWorker.symbols.length > 0);
    assert.ok(fromWorker.folding.length > 0);
    assert.ok(fromWorker.references.length >= 2, 'the message-id appears on several rows');
    assert.equal(fromWorker.highlights.length, fromWorker.references.length);
    assert.deepEqual(fromWorker.inlayHints.map((h) => [h.position.line, h.label]), [[1, '⏱ +0 s after Date'], [53, '⏱ +2 s after Date']]);
    assert.ok(fromWorker.codeActions.some((a) => /Get-MessageTrackingLog/.test(JSON.stringify(a))));
    assert.equal(fromWorker.explainBounce.title, 'Bounce: 2 recipients failed');
  });

  it('renders the mail flow report with its charts: the chart library runs without a DOM or Node', () => {
    const report = fromWorker.mailFlowReport;
    assert.match(report.webviewHtml, /<section id="reasons"><h2>Failures by reason<\/h2>[\s\S]*?<svg /);
    assert.match(report.fileHtml, /<section id="failed">/);
    assert.match(report.markdown, /^# Mail flow/);
  });

  it('answers every request exactly as the node server does', () => {
    assert.deepEqual(fromWorker, fromNode);
  });
});
