// Row groupings of Exchange logs (messages, linking columns, sessions): built by the validation so
// that no request after the diagnostics builds one, finished by a request that comes first, and
// carried across edits for the rows a reparse kept. Logs here are synthetic unless named a fixture.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, getLanguageService } from '../../server/src/languageService';
import { type ExchangeLog, type LogRow, parseExchangeLog } from '../../server/src/formats/exchangeLog';
import { carryRowKeys, columnKey, isGrouped, type RowKey, rowGroups } from '../../server/src/formats/exchangeLogIndex';
import { columnValue } from '../../server/src/formats/exchangeLogLookups';
import { reparseExchangeLog } from '../../server/src/formats/exchangeLogReparse';
import { MESSAGE_KEY } from '../../server/src/formats/trackingLog';
import { exchangeLogOf, lineAround } from '../../server/src/modes/exchangeLog/exchangeLogDocument';
import { groupingsOf } from '../../server/src/modes/exchangeLog/exchangeLogLinks';
import { trackingFieldsByVersion } from '../../server/src/knowledge/data/exchangeLogFormats';

const FIXTURE = readFileSync('test/e2e/fixtures/MSGTRK20261123-1.LOG', 'utf8');
const RECV = readFileSync('test/e2e/fixtures/RECV2026112310-1.LOG', 'utf8');
const HEAD30 = FIXTURE.split('\n').slice(0, 5).join('\n');

/** A synthetic tracking row: message `m` of a few, with an internal and a network message id. */
function row30(i: number, messages = 7): string {
  const m = i % messages;
  const values: Record<string, string> = {
    'date-time': '2026-11-23T10:00:00.000Z', 'source': 'SMTP', 'event-id': i % 5 === 0 ? 'FAIL' : 'RECEIVE',
    'message-id': `<m${m}@contoso.example>`, 'internal-message-id': String(1000 + m), 'network-message-id': `net-${m}`,
    'recipient-address': 'a@x.example', 'recipient-status': i % 5 === 0 ? '550 5.1.1 unknown' : '',
    'reference': i % 11 === 0 ? `<m${m + 1}@contoso.example>` : '',
  };
  return trackingFieldsByVersion['2016'].map((name) => values[name] ?? '').join(',');
}

const bigLog = (rows: number): string => [HEAD30, ...Array.from({ length: rows }, (_, i) => row30(i))].join('\n');

/** Groups as plain data, for comparing two builds. */
const plain = (log: ExchangeLog, key: RowKey): [string, readonly number[]][] => [...rowGroups(log, key)];

/** A key that counts the rows it reads. */
function countingKey(column: string): RowKey & { reads: number } {
  const key = {
    id: `counting:${column}`,
    reads: 0,
    keyOf: (log: ExchangeLog, row: LogRow) => { key.reads++; return columnValue(log, row, column); },
  };
  return key;
}

describe('row groupings are built by the validation', () => {
  it('after diagnostics of a tracking log every grouping its features read is built; before, none is', async () => {
    const service = getLanguageService();
    const document = TextDocument.create('file:///grouped.LOG', 'exchange-tracking-log', 1, bigLog(6_000));
    const keys = groupingsOf('tracking');
    assert.deepEqual(keys.map((k) => k.id), ['message', 'column:message-id', 'column:reference', 'column:internal-message-id', 'column:network-message-id']);
    assert.ok(keys.every((key) => !isGrouped(exchangeLogOf(document)!, key)));
    await service.doValidation(document, defaultSettings);
    const log = exchangeLogOf(document)!;
    for (const key of keys) assert.ok(isGrouped(log, key), key.id);
    // And they are the groups a request would have built on its own.
    const fresh = parseExchangeLog(log.text, 'tracking');
    for (const key of keys) assert.deepEqual(plain(log, key), plain(fresh, key), key.id);
    assert.equal(rowGroups(log, MESSAGE_KEY).get('<m3@contoso.example>')?.length, Math.ceil((6_000 - 3) / 7));
  });

  it('protocol logs: the session grouping (the fixture)', async () => {
    const document = TextDocument.create('file:///RECV.LOG', 'exchange-protocol-log', 1, RECV);
    await getLanguageService().doValidation(document, defaultSettings);
    assert.deepEqual(groupingsOf('protocol').map((k) => k.id), ['column:session-id']);
    assert.ok(isGrouped(exchangeLogOf(document)!, columnKey('session-id')));
  });

  it('a cancelled validation keeps the rows it grouped; a request finishes the grouping with the same groups', async () => {
    const document = TextDocument.create('file:///cancelled.LOG', 'exchange-tracking-log', 1, bigLog(6_000));
    let yields = 0;
    const token = { get isCancellationRequested() { return yields > 0; } };
    const service = getLanguageService({ yieldControl: async () => { yields++; } });
    assert.deepEqual(await service.doValidation(document, defaultSettings, token), []);
    const log = exchangeLogOf(document)!;
    assert.ok(!isGrouped(log, MESSAGE_KEY));
    const references = service.findReferences(document, { line: 5, character: row30(0).indexOf('<m0@') + 2 });
    assert.ok(isGrouped(log, columnKey('message-id')));
    assert.ok(references.length > 6_000 / 7);
    const fresh = parseExchangeLog(log.text, 'tracking');
    for (const key of groupingsOf('tracking')) assert.deepEqual(plain(log, key), plain(fresh, key), key.id);
  });
});

describe('row groupings across edits', () => {
  const text = bigLog(300);
  const middle = text.indexOf('<m4@', text.length / 2);

  it('reads again only the row an edit touched, and groups as a fresh parse would', () => {
    const key = countingKey('message-id');
    const before = parseExchangeLog(text, 'tracking');
    rowGroups(before, key);
    assert.equal(key.reads, 300);
    const edits: [string, string][] = [
      [`${text.slice(0, middle + 2)}x${text.slice(middle + 2)}`, 'a new message'],
      [`${text.slice(0, middle + 2)}${text.slice(middle + 3)}`, 'another message'],
    ];
    for (const [edited, what] of edits) {
      const after = reparseExchangeLog(before, edited, 'tracking');
      carryRowKeys(before, after);
      key.reads = 0;
      const groups = plain(after, key);
      assert.equal(key.reads, 1, what);
      assert.deepEqual(groups, plain(parseExchangeLog(edited, 'tracking'), countingKey('message-id')), what);
    }
  });

  it('through the mode: an edited document is grouped again by its validation, with the right groups', async () => {
    const service = getLanguageService();
    const document = TextDocument.create('file:///edited.LOG', 'exchange-tracking-log', 1, text);
    await service.doValidation(document, defaultSettings);
    const counting = countingKey('message-id');
    rowGroups(exchangeLogOf(document)!, counting);
    const position = document.positionAt(middle + 2);
    TextDocument.update(document, [{ range: { start: position, end: position }, text: '9' }], 2);
    await service.doValidation(document, defaultSettings);
    const log = exchangeLogOf(document)!;
    counting.reads = 0;
    rowGroups(log, counting);
    assert.equal(counting.reads, 1, 'the keys of the rows the edit left alone are carried over');
    const fresh = parseExchangeLog(document.getText(), 'tracking');
    for (const key of groupingsOf('tracking')) {
      assert.ok(isGrouped(log, key), key.id);
      assert.deepEqual(plain(log, key), plain(fresh, key), key.id);
    }
    assert.deepEqual(rowGroups(log, columnKey('message-id')).get('<m94@contoso.example>'), [log.rows.findIndex((r) => r.start <= middle && middle < r.end)]);
  });
});

describe('the line around a position, read from the log', () => {
  it('is what the document reads on every line and character, with a byte order mark, CRLF and quoted line breaks', () => {
    const lines = [
      '\ufeff#Software: Microsoft Exchange Server', '#Version: 15.02.1544.004', '#Log-type: Message Tracking Log', '#Date: 2026-11-23T10:00:00.000Z',
      `#Fields: ${trackingFieldsByVersion['2016'].join(',')}`,
    ];
    const quoted = row30(1).replace(',RECEIVE,', ',"RECEIVE\r\nmore text, 550 5.1.1\nand the rest",');
    const text = [...lines, row30(0), quoted, row30(2)].join('\r\n');
    const document = TextDocument.create('file:///around.LOG', 'exchange-tracking-log', 1, text);
    const log = parseExchangeLog(text, 'tracking');
    let compared = 0;
    for (const row of log.rows) {
      for (let line = row.line; line < row.line + row.lineCount; line++) {
        const length = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/[\r\n]+$/, '').length;
        for (let character = 0; character <= length + 2; character++) {
          for (const radius of [3, 40]) {
            const from = Math.max(0, character - radius);
            const expected = document.getText({ start: { line, character: from }, end: { line, character: character + radius } }).replace(/[\r\n]+$/, '');
            assert.deepEqual(lineAround(log, row, { line, character }, radius), { from, text: expected }, `${line}:${character}`);
            compared++;
          }
        }
      }
    }
    assert.equal(log.rows[1]!.lineCount, 3);
    assert.ok(compared > 500, String(compared));
  });
});
