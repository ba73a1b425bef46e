// The real Exchange Online message-trace records of the corpus (../shared/corpus/exo-message-trace:
// three Get-MessageTrace records in JSON and the fourth a mock server answers with), each reduced to
// checks the engine must keep meeting (issue #17): every property the report reads, expected straight
// from the JSON, never from the engine. The engine reads them as Export-Csv writes such objects. What
// it agrees with is listed in test/corpus/message-traces-agreeing.tsv; the test fails naming any listed
// (record, field) that stops agreeing. The Defender EmailEvents sample there is no message trace.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FlowRecords } from '../../server/src/common/mailFlow';
import { defaultSettings } from '../../server/src/languageService';
import { getLanguageModes } from '../../server/src/modes/languageModes';
import { type AgreementCheck, agreementRegressions } from '../support/corpusAgreement';
import { readShared } from '../support/shared';

const FOLDER = 'corpus/exo-message-trace/elastic-integrations-ELv2/microsoft_exchange_online_message_trace';
type TraceRecord = Record<string, string | number | null>;

/** Every record of the folder, named by file and place: the ndjson logs a line each, the mock answer's OData "value" array. */
function corpusRecords(): { sample: string; record: TraceRecord }[] {
  const lines = ['microsoft_exchange_online_message_trace_test.ndjson.log', 'test-log.log'].flatMap((file) =>
    readShared(`${FOLDER}/${file}`).split('\n').filter(Boolean).map((line, i) => ({ sample: `${file}#${i + 1}`, record: JSON.parse(line) as TraceRecord })));
  const body = /^ {10}(\{"odata\.metadata".*)$/m.exec(readShared(`${FOLDER}/mock-config.yml`))?.[1];
  assert.ok(body, 'the mock answer of mock-config.yml');
  const answered = (JSON.parse(body) as { value: TraceRecord[] }).value.map((record, i) => ({ sample: `mock-config.yml#${i + 1}`, record }));
  return [...lines, ...answered];
}

/** What Export-Csv writes for such objects: a quoted header of the property names, every value quoted, null as empty. */
function exportCsv(records: readonly TraceRecord[]): string {
  const keys = Object.keys(records[0]!);
  const quote = (value: string | number | null | undefined) => `"${value === null || value === undefined ? '' : String(value).replaceAll('"', '""')}"`;
  return [keys.map(quote).join(','), ...records.map((r) => keys.map((k) => quote(r[k])).join(','))].join('\r\n');
}

/** The test's own reading of Get-MessageTrace's Status values (message-trace-formats.md): the report's outcomes. */
const OUTCOME_OF_STATUS: Record<string, string> = {
  Delivered: 'delivered', Failed: 'failed', Pending: 'deferred', Quarantined: 'quarantined', FilteredAsSpam: 'quarantined', GettingStatus: 'unknown', None: 'unknown',
};

/** The record's Received time: ISO 8601, in UTC whether or not it ends in Z (the service reports UTC), to the millisecond. */
const receivedMs = (value: string): number => Date.parse(/[Zz]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);

const modes = getLanguageModes({ yieldControl: () => new Promise((resolve) => setImmediate(resolve)) });

async function flowOf(csv: string, name: string): Promise<FlowRecords> {
  const document = TextDocument.create(`file:///corpus/${name}.csv`, 'exchange-message-trace', 1, csv);
  return modes.modeFor(document).mailFlow!(document, defaultSettings);
}

async function checksOfRecord(sample: string, record: TraceRecord): Promise<AgreementCheck[]> {
  const csv = exportCsv([record]);
  const flow = await flowOf(csv, sample.replace(/\W/g, '-'));
  const message = flow.messages[0];
  const recipient = flow.recipients[0];
  const checks: AgreementCheck[] = [];
  const check = (field: string, expected: string | number | undefined, found: string | number | undefined): void => {
    checks.push({ sample, field, agrees: expected === found, detail: `expected ${expected}, engine ${found}` });
  };
  check('one message', 1, flow.messages.length);
  check('one recipient', 1, flow.recipients.length);
  check('message key (MessageTraceId)', String(record['MessageTraceId']), message?.key);
  check('sender', String(record['SenderAddress']).toLowerCase(), message?.sender?.toLowerCase());
  check('Message-ID', String(record['MessageId']).replace(/^<|>$/g, ''), message?.messageid?.replace(/^<|>$/g, ''));
  check('received', receivedMs(String(record['Received'])), message?.receivedMs);
  check('size', Number(record['Size']), message?.size);
  check('recipient', String(record['RecipientAddress']).toLowerCase(), recipient?.recipient.toLowerCase());
  check('outcome (Status)', OUTCOME_OF_STATUS[String(record['Status'])], recipient?.outcome);
  const document = TextDocument.create(`file:///corpus/${sample.replace(/\W/g, '-')}-problems.csv`, 'exchange-message-trace', 1, csv);
  const problems = await modes.modeFor(document).doValidation!(document, defaultSettings);
  // A delivered message is no problem; any other status is one.
  check('problems', record['Status'] === 'Delivered' ? 0 : 1, problems.length);
  return checks;
}

describe('message-trace corpus: each real record, each field the engine agrees with stays met', () => {
  it('reads the four records of the corpus (three logged, one a mock answer)', () => {
    const records = corpusRecords();
    assert.equal(records.length, 4);
    assert.deepEqual(records.map((r) => r.record['Status']), ['Delivered', 'Delivered', 'Delivered', 'Delivered']);
  });

  it('the listed (record, field) pairs all still agree with the records\' own values', async () => {
    const checks = (await Promise.all(corpusRecords().map(({ sample, record }) => checksOfRecord(sample, record)))).flat();
    assert.equal(agreementRegressions('message-traces', checks), undefined);
  });
});
