// Big documents and many edits: a new version of a log is parsed again only where the edits fell,
// the outline stays within its budget, and cancelled or superseded work stops early.
// Every log here is synthetic, built in this file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type ExchangeLog, parseExchangeLog } from '../../server/src/formats/exchangeLog';
import { reparseExchangeLog } from '../../server/src/formats/exchangeLogReparse';
import { MAX_OUTLINE_CHILDREN, MAX_OUTLINE_ENTRIES } from '../../server/src/modes/exchangeLog/exchangeLogSymbols';
import { exchangeLogOf } from '../../server/src/modes/exchangeLog/exchangeLogDocument';
import { getLanguageService, type LanguageService } from '../../server/src/languageService';
import { registerDiagnosticsHandler } from '../../server/src/handlers/diagnosticsHandler';
import { defaultSettings } from '../../server/src/common/settings';
import { trackingFieldsByVersion } from '../../server/src/knowledge/data/exchangeLogFormats';
import '../support/fuzzSeed';

const FIELDS = trackingFieldsByVersion['2016'];
const HEADER = ['#Software: Microsoft Exchange Server', '#Version: 15.02.1544.004', '#Log-type: Message Tracking Log', `#Fields: ${FIELDS.join(',')}`];

/** A synthetic 30-field tracking row. */
function row(i: number, event = 'RECEIVE', message = `<m${i}@synthetic.example>`, subject = `subject ${i}`): string {
  const values: Record<string, string> = {
    'date-time': `2026-11-23T00:${String(i % 60).padStart(2, '0')}:00.000Z`, 'event-id': event, 'message-id': message, 'message-subject': subject,
    'sender-address': 'a@synthetic.example', 'recipient-address': 'b@synthetic.example', 'source': 'SMTP',
    'recipient-status': event === 'FAIL' ? '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found' : '',
  };
  return FIELDS.map((name) => (values[name]?.includes(',') || values[name]?.includes(';') ? `"${values[name]}"` : values[name] ?? '')).join(',');
}

/** The parts of a parsed log a reader sees, with blocks named by their first line. */
function observable(log: ExchangeLog) {
  return {
    kind: log.kind,
    directives: log.directives.map((d) => [d.name, d.value, d.line, d.start, d.end]),
    rows: log.rows.map((r) => [r.line, r.lineCount, r.start, r.end, r.fieldCount, r.schema.names.length, r.schemaInferred, r.block?.startLine]),
    fields: [...log.fields.starts.subarray(0, log.fields.length)].map((s, i) => [s, log.fields.ends[i], log.fields.flags[i]]),
  };
}

/** Replaces [from, to) of `text` with `insert`. */
const edit = (text: string, from: number, to: number, insert: string): string => text.slice(0, from) + insert + text.slice(to);

describe('a new version of a log is parsed again only where it changed', () => {
  const base = [...HEADER, ...Array.from({ length: 40 }, (_, i) => row(i, i % 7 === 3 ? 'FAIL' : 'RECEIVE')), ''].join('\n');

  it('reads the same log as a full parse, whatever the edits (random edits, synthetic log)', () => {
    const pieces = fc.constantFrom('a', ',', '"', '\n', '\r\n', '\r', '#', '2026-11-23T09', ';', '""', ' ', '\n2026-11-23T01:00:00.000Z,');
    const anEdit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.integer({ min: 0, max: 600 }), insert: fc.array(pieces, { maxLength: 5 }).map((p) => p.join('')) });
    fc.assert(fc.property(fc.array(anEdit, { minLength: 1, maxLength: 6 }), (edits) => {
      let text = base;
      let log = parseExchangeLog(text, 'tracking');
      for (const { at, remove, insert } of edits) {
        const from = Math.floor(at * text.length);
        text = edit(text, from, Math.min(text.length, from + remove), insert);
        log = reparseExchangeLog(log, text, 'tracking');
        assert.deepEqual(observable(log), observable(parseExchangeLog(text, 'tracking')));
      }
    }), { numRuns: 400 });
  });

  it('reads the same log as a full parse after a quote replaces the start, then a character goes in after it', () => {
    // A case the random edits found: an unclosed quote at the start swallows the rows, and the next edit must not resume inside it.
    let text = base;
    let log = parseExchangeLog(text, 'tracking');
    for (const { at, remove, insert } of [{ at: 0, remove: 507, insert: '"' }, { at: 0.00506638714185884, remove: 0, insert: 'a' }]) {
      const from = Math.floor(at * text.length);
      text = edit(text, from, Math.min(text.length, from + remove), insert);
      log = reparseExchangeLog(log, text, 'tracking');
      assert.deepEqual(observable(log), observable(parseExchangeLog(text, 'tracking')));
    }
  });

  it('keeps the rows before the edit as they are and moves the rows after it', () => {
    const log = parseExchangeLog(base, 'tracking');
    const target = log.rows[20]!;
    const at = base.indexOf('subject 20');
    const next = reparseExchangeLog(log, edit(base, at, at, 'x'), 'tracking');
    // The parse reused the unchanged rows: the very same row objects, not equal copies.
    assert.equal(next.rows[0], log.rows[0]);
    assert.equal(next.rows[18], log.rows[18]);
    assert.notEqual(next.rows[20], target);
    assert.equal(next.rows[21]!.start, log.rows[21]!.start + 1);
    assert.equal(next.rows.length, log.rows.length);
  });

  it('answers the same version from its cache and builds a new version from the one before', () => {
    const document = TextDocument.create('file:///synthetic/MSGTRK.LOG', 'exchange-tracking-log', 1, base);
    const first = exchangeLogOf(document)!;
    assert.equal(exchangeLogOf(document), first, 'same version, same parse');
    const at = base.indexOf('subject 30');
    TextDocument.update(document, [{ range: { start: document.positionAt(at), end: document.positionAt(at) }, text: 'y' }], 2);
    const second = exchangeLogOf(document)!;
    assert.notEqual(second, first);
    assert.equal(second.rows[5], first.rows[5], 'rows before the edit are reused');
    assert.equal(second.text, document.getText());
  });

  it('parses the whole text again when an edit writes a header line', () => {
    const log = parseExchangeLog(base, 'tracking');
    const at = base.indexOf(row(11));
    assert.ok(at > 0);
    const text = edit(base, at, at, `${HEADER[3]!.replace('date-time,', '')}\n`);
    const next = reparseExchangeLog(log, text, 'tracking');
    assert.deepEqual(observable(next), observable(parseExchangeLog(text, 'tracking')));
    assert.equal(next.blocks.length, 2);
  });
});

/** A synthetic log of `messages` messages, `rowsEach` rows each. */
function manyMessages(messages: number, rowsEach = 1): TextDocument {
  const rows: string[] = [];
  for (let m = 0; m < messages; m++) for (let r = 0; r < rowsEach; r++) rows.push(row(m, r === 0 ? 'RECEIVE' : 'DELIVER'));
  return TextDocument.create(`file:///synthetic/outline-${messages}-${rowsEach}.LOG`, 'exchange-tracking-log', 1, [...HEADER, ...rows].join('\n'));
}

const entryCount = (symbols: { children?: unknown[] }[]): number => symbols.reduce((sum, s) => sum + 1 + (s.children?.length ?? 0), 0);

describe('the outline of a big log stays within its budget', () => {
  const service = getLanguageService();

  it('lists messages until the budget is spent, then one entry counting the rest', () => {
    const symbols = service.findDocumentSymbols(manyMessages(6000));
    const listed = symbols.slice(0, -1);
    assert.ok(entryCount(listed) <= MAX_OUTLINE_ENTRIES, `${entryCount(listed)} entries`);
    assert.equal(listed.length, MAX_OUTLINE_ENTRIES / 2, 'each message takes two entries: itself and its row');
    assert.equal(symbols.at(-1)!.name, `… ${6000 - listed.length} more messages not listed`);
    assert.equal(symbols.at(-1)!.children, undefined);
  });

  it('lists the first rows of a long message, then a child counting the rest', () => {
    const [message, more] = service.findDocumentSymbols(manyMessages(1, 120));
    assert.equal(more, undefined);
    assert.equal(message!.children!.length, MAX_OUTLINE_CHILDREN + 1);
    assert.equal(message!.children!.at(-1)!.name, `… ${120 - MAX_OUTLINE_CHILDREN} more rows not listed`);
    // The message's range still spans all its rows, listed or not.
    assert.equal(message!.range.end.line, HEADER.length + 119);
  });

  it('stops building when its request is cancelled part-way', () => {
    const document = manyMessages(3000);
    let reads = 0;
    const token = { get isCancellationRequested() { reads++; return reads > 1; } };
    const symbols = service.findDocumentSymbols(document, token);
    const whole = service.findDocumentSymbols(document);
    assert.equal(reads, 2, 'checked at the start and once while building');
    assert.ok(symbols.length < 300, `${symbols.length} symbols built after the cancellation`);
    assert.ok(whole.length > 2000);
  });
});

/**
 * The diagnostics handler with stand-ins for the connection, the open documents and the timers:
 * the test fires the timers, and each validation stops at its first yield until the test lets it go.
 */
function diagnosticsHarness() {
  type DocumentListener = (e: { document: TextDocument }) => void;
  const handlers = { open: [] as DocumentListener[], change: [] as DocumentListener[], close: [] as DocumentListener[] };
  const open = new Map<string, TextDocument>();
  const documents = {
    onDidOpen: (h: (e: { document: TextDocument }) => void) => handlers.open.push(h),
    onDidChangeContent: (h: (e: { document: TextDocument }) => void) => handlers.change.push(h),
    onDidClose: (h: (e: { document: TextDocument }) => void) => handlers.close.push(h),
    get: (uri: string) => open.get(uri),
    all: () => [...open.values()],
  };
  const sent: { uri: string; version?: number; diagnostics: unknown[] }[] = [];
  const connection = {
    sendDiagnostics: async (p: { uri: string; version?: number; diagnostics: unknown[] }) => { sent.push(p); },
    console: { error: (m: string) => assert.fail(m) },
  };
  const timers: (() => void)[] = [];
  const runtime = {
    timer: {
      setTimeout: (callback: () => void) => { let live = true; timers.push(() => { if (live) callback(); }); return { dispose: () => { live = false; } }; },
      setImmediate: (callback: () => void) => { callback(); return { dispose: () => undefined }; },
    },
    loadLanguageService: () => Promise.reject(new Error('not used')),
    loadReportRenderer: () => Promise.reject(new Error('not used')),
  };
  let slices = 0;
  let release: () => void = () => undefined;
  let reached: () => void = () => undefined;
  let atYield = new Promise<void>((r) => { reached = r; });
  let holding = true;
  const service: LanguageService = getLanguageService({
    yieldControl: () => {
      slices++;
      if (!holding) return Promise.resolve();
      reached();
      return new Promise<void>((r) => { release = r; });
    },
  });
  const settings = { get: async () => defaultSettings, forget: () => undefined };
  // The stand-ins cover what the handler uses of each.
  registerDiagnosticsHandler(connection as never, documents as never, Promise.resolve(service), settings as never, runtime as never);
  const settle = () => new Promise<void>((r) => setImmediate(r));
  return {
    sent,
    slices: () => slices,
    open(document: TextDocument) { open.set(document.uri, document); handlers.open.forEach((h) => h({ document })); },
    change(document: TextDocument) { handlers.change.forEach((h) => h({ document })); },
    close(document: TextDocument) { open.delete(document.uri); handlers.close.forEach((h) => h({ document })); },
    /** Fires the timers due, and waits until a validation reaches its first yield. */
    async runUntilYield() { timers.splice(0).forEach((t) => t()); await atYield; atYield = new Promise<void>((r) => { reached = r; }); },
    /** Lets the held validation go on, and every later one run through. */
    async releaseAll() { holding = false; release(); await settle(); timers.splice(0).forEach((t) => t()); await settle(); await settle(); },
  };
}

describe('validation in the server stops when its document is closed or changed', () => {
  /** 12,000 rows: without cancellation the validation runs three slices of 5,000 rows. */
  const bigLog = (): TextDocument => TextDocument.create('file:///synthetic/running.LOG', 'exchange-tracking-log', 1,
    [...HEADER, ...Array.from({ length: 12_000 }, (_, i) => row(i, 'FAIL'))].join('\n'));

  it('closing the document cancels the validation already running', async () => {
    const harness = diagnosticsHarness();
    const document = bigLog();
    harness.open(document);
    await harness.runUntilYield();
    harness.close(document);
    await harness.releaseAll();
    assert.equal(harness.slices(), 1, 'stopped after its first slice of rows');
    assert.deepEqual(harness.sent, [{ uri: document.uri, diagnostics: [] }], 'only the clearing on close is sent');
  });

  it('a newer version cancels the running validation of the older one, and only the newer is published', async () => {
    const harness = diagnosticsHarness();
    const document = bigLog();
    harness.open(document);
    await harness.runUntilYield();
    const at = document.getText().indexOf('subject 100');
    TextDocument.update(document, [{ range: { start: document.positionAt(at), end: document.positionAt(at) }, text: 'z' }], 2);
    harness.change(document);
    await harness.releaseAll();
    assert.deepEqual(harness.sent.map((p) => p.version), [2]);
    assert.equal(harness.sent[0]!.diagnostics.length, defaultSettings.diagnostics.maxProblems + 1, 'the newer version was validated in full');
    assert.equal(harness.slices(), 1 + 2, 'the older run stopped after one slice; the newer ran its two yields');
  });
});

describe('references and folding stop when their request is cancelled part-way', () => {
  const service = getLanguageService();
  /** A token that reports cancellation from its second read on; counts its reads. */
  const cancelledAfterFirstCheck = () => {
    const token = { reads: 0, get isCancellationRequested() { this.reads++; return this.reads > 1; } };
    return token;
  };

  it('references: the rows found before the cancellation, not all of them', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => row(i, 'DELIVER', '<same@synthetic.example>'));
    const document = TextDocument.create('file:///synthetic/references.LOG', 'exchange-tracking-log', 1, [...HEADER, ...rows].join('\n'));
    const position = document.positionAt(document.getText().indexOf('<same@') + 2);
    assert.equal(service.findReferences(document, position).length, 3000);
    const token = cancelledAfterFirstCheck();
    const partial = service.findReferences(document, position, token);
    assert.equal(token.reads, 2);
    assert.equal(partial.length, 1023, 'stopped at the first check inside the loop');
  });

  it('folding: the sessions folded before the cancellation, not all of them', () => {
    const fields = '#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context';
    const lines = ['#Software: Microsoft Exchange Server', '#Log-type: SMTP Receive Protocol Log', fields];
    for (let s = 0; s < 3000; s++) {
      for (let seq = 0; seq < 2; seq++) lines.push(`2026-11-23T10:00:00.000Z,EX01\\Default,S${s},${seq},10.0.0.5:25,203.0.113.9:51234,*,,synthetic`);
    }
    const document = TextDocument.create('file:///synthetic/RECV-folding.LOG', 'exchange-protocol-log', 1, lines.join('\n'));
    assert.equal(service.getFoldingRanges(document).length, 1 + 3000);
    const token = cancelledAfterFirstCheck();
    const partial = service.getFoldingRanges(document, token);
    assert.equal(token.reads, 2);
    assert.equal(partial.length, 1 + 1023, 'the header, then the sessions before the first check inside the loop');
  });
});
