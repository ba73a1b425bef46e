// Message traces that are broken or hostile (all synthetic, built here or cut from the synthetic
// fixtures): a clear problem where the file is wrong, and the rest read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/languageService';
import type { ProblemFields } from '../../server/src/common/problemFields';
import { traceFixture } from '../support/messageTraceFixtures';
import { parseTraceTable } from '../../server/src/formats/messageTrace/traceTable';
import { unescapeMarkdown } from '../support/markdownText.mjs';

const service = getLanguageService();
let serial = 0;
const open = (text: string, languageId = 'csv') => TextDocument.create(`file:///robust/${++serial}.csv`, languageId, 1, text);
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));
const recipients = (diagnostics: Diagnostic[]) => diagnostics.map((d) => (d.data as ProblemFields | undefined)?.recipient).filter(Boolean);
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

const ENHANCED = traceFixture('synthetic-enhanced-summary.csv');
const PS51 = traceFixture('synthetic-get-messagetracev2-ps51.csv');

describe('broken message traces', () => {
  it('a file cut in the middle of a row: that row is reported, every row before it read', async () => {
    const cut = ENHANCED.slice(0, ENHANCED.indexOf('All hands') - 20);
    const diagnostics = await service.doValidation(open(cut));
    assert.deepEqual(recipients(diagnostics), ['carol@contoso.com', 'dave@contoso.com', 'erin@contoso.com', 'grace@fabrikam.com', 'heidi@fabrikam.com']);
    const short = diagnostics.find((d) => d.code === 'trace-field-count')!;
    assert.match(messageOf(short), /row cut short: expected 11 fields as the header names, found \d+/);
    assert.equal(short.range.start.line, 7);
  });

  it('a file cut inside a quoted value: the open quote is reported', async () => {
    const cut = ENHANCED.slice(0, ENHANCED.indexOf('sales@contoso.com##') + 10);
    assert.ok(codes(await service.doValidation(open(cut))).includes('trace-unterminated-quote'));
  });

  it('a header with unknown extra columns: they are hovered as undocumented, and the rest is read', async () => {
    const lines = ENHANCED.split('\n');
    const widened = [`${lines[0]},tenant_note`, ...lines.slice(1).map((l) => (l ? `${l},synthetic note` : l))].join('\n');
    const document = open(widened);
    assert.equal(recipients(await service.doValidation(document)).length, 6);
    const hover = service.doHover(document, document.positionAt(widened.indexOf('tenant_note') + 2))!;
    assert.match(unescapeMarkdown((hover.contents as { value: string }).value), /tenant_note[\s\S]*does not describe/);
  });

  it('a row with more fields than the header: a warning, and its columns still read', async () => {
    const text = ENHANCED.replace('Invoice overdue,18001', 'Invoice overdue,18001,extra');
    const diagnostics = await service.doValidation(open(text));
    assert.match(messageOf(diagnostics.find((d) => d.code === 'trace-field-count')!), /12 fields but the header names 11/);
    assert.ok(recipients(diagnostics).includes('carol@contoso.com'));
  });

  it('a stray open quote costs its own row only: admin-center report (rows start with a time)', async () => {
    const text = ENHANCED.replace(',Invoice overdue,', ',"Invoice overdue,');
    const diagnostics = await service.doValidation(open(text));
    assert.ok(codes(diagnostics).includes('trace-unterminated-quote'));
    assert.deepEqual(recipients(diagnostics).slice(-4), ['erin@contoso.com', 'grace@fabrikam.com', 'heidi@fabrikam.com', 'sales@contoso.com']);
  });

  it('a stray open quote costs its own row only: PowerShell export (every value quoted)', async () => {
    // The Index of carol's row loses its closing quote: without a stop the quote would run into the next rows.
    const text = PS51.replace('"1"\r\n', '"1\r\n');
    const diagnostics = await service.doValidation(open(text));
    assert.equal(diagnostics.find((d) => d.code === 'trace-unterminated-quote')?.range.start.line, 3);
    assert.deepEqual(recipients(diagnostics), ['carol@contoso.com', 'heidi@fabrikam.com', 'dave@contoso.com', 'erin@contoso.com', 'sales@contoso.com']);
  });

  it('a 1 MB custom_data: one information problem, its hover reads its start, the next rows are read', async () => {
    const extended = traceFixture('synthetic-extended-utf16le.csv');
    const huge = `S:SFA=SUM|SFV=SPM${'|SCL=9'.repeat(180_000)}`;
    const text = extended.replace('S:SFA=SUM|SFV=SPM|SCL=9|CTRY=RU|LANG=ru', huge);
    const document = open(text);
    const diagnostics = await service.doValidation(document);
    assert.match(messageOf(diagnostics.find((d) => d.code === 'trace-long-value')!), /custom_data holds 1,080,\d{3} characters/);
    assert.ok(recipients(diagnostics).includes('leo@contoso.com'));
    const hover = service.doHover(document, document.positionAt(text.indexOf('SFV=SPM') + 1))!;
    assert.match(unescapeMarkdown((hover.contents as { value: string }).value), /SFV=SPM/);
  });

  it('blank lines and rows without a time are skipped without a problem; LF and CRLF both read', async () => {
    const crlf = ENHANCED.replace(/\n/g, '\r\n').replace('\r\n2026-11-20T08:25', '\r\n\r\n   \r\n2026-11-20T08:25');
    const diagnostics = await service.doValidation(open(crlf));
    assert.equal(recipients(diagnostics).length, 6);
    assert.ok(!codes(diagnostics).includes('trace-field-count'));
  });

  it('rows of empty fields first, then long rows: the field store is sized from the first rows but never beyond a field per 8 characters', () => {
    // Synthetic: 100 rows of 27 empty fields (a field per character), then rows of one long subject.
    const header = 'date_time_utc,event_id,recipient_status,message_id,network_message_id,message_subject';
    const empty = ','.repeat(26);
    const long = `2026-11-20T00:00:01Z,RECEIVE,,<a@x>,nid-a,${'s'.repeat(5000)}`;
    const text = [header, ...Array.from({ length: 100 }, () => empty), ...Array.from({ length: 200 }, () => long)].join('\n');
    const table = parseTraceTable(text)!;
    assert.equal(table.rows.length, 300);
    assert.equal(table.fields.length, 6 + 100 * 27 + 200 * 6);
    assert.ok(table.fields.starts.length <= 6 + 100 * 27 + (text.length / 8) * 1.1 + 1, `room for ${table.fields.starts.length} fields`);
  });

  it('a time that cannot be read is reported on its value', async () => {
    const text = ENHANCED.replace('2026-11-20T08:20:00.000Z', 'not a time');
    const bad = (await service.doValidation(open(text))).find((d) => d.code === 'trace-bad-time')!;
    assert.match(messageOf(bad), /"not a time" is not a time/);
  });

  it('text that only looks like a trace in the middle is not claimed: a plain CSV gets no trace problems', async () => {
    const text = 'Name,Email\nAda,ada@example.com\norigin_timestamp_utc,sender_address,Recipient_status\n';
    assert.deepEqual(codes(await service.doValidation(open(text))).filter((c) => c.startsWith('trace-')), []);
  });
});
