// The fields of a message/delivery-status body (formats/bounce/deliveryStatus.ts), as RFC 3464 §2.2
// and §2.3 define them: per-message fields, then one group per recipient; typed values ("rfc822;",
// "dns;", "smtp;") lose their type prefix; and the ways real reporting systems bend the format
// (groups run together, Postfix and Amazon SES writing Original-Recipient after Final-Recipient).
// Bodies are synthetic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDeliveryStatus, type DsnValue } from '../../server/src/formats/bounce/deliveryStatus';
import { MappedText } from '../../server/src/formats/mime/mappedText';

const RAW_START = 1000;
const parse = (...lines: string[]) => {
  const text = lines.join('\n');
  return { text, dsn: parseDeliveryStatus(MappedText.identity(text, RAW_START)) };
};
/** The raw text a value's offsets point at. */
const rawOf = (text: string, value: DsnValue | undefined): string => (value ? text.slice(value.start - RAW_START, value.end - RAW_START) : '(missing)');

describe('delivery-status fields (RFC 3464)', () => {
  it('per-message fields, then each recipient\'s group with every field it may hold', () => {
    const { text, dsn } = parse(
      'Reporting-MTA: dns; mx.example.net', 'Received-From-MTA: dns; out.example.org', 'Arrival-Date: Mon, 7 Dec 2026 10:00:00 +0000',
      'Original-Envelope-Id: 0123ABC', '',
      'Original-Recipient: rfc822; bob@example.net', 'Final-Recipient: rfc822; robert@example.net', 'X-Actual-Recipient: rfc822; rob@example.net',
      'Action: failed', 'Status: 5.1.1', 'Remote-MTA: dns; mx2.example.net', 'Diagnostic-Code: smtp; 550 5.1.1 unknown',
      'Last-Attempt-Date: Mon, 7 Dec 2026 10:05:00 +0000', 'Will-Retry-Until: Tue, 8 Dec 2026 10:00:00 +0000', 'Final-Log-ID: 4XYZ',
    );
    assert.equal(dsn.reportingMta?.value, 'mx.example.net');
    assert.equal(dsn.reportingMta?.type, 'dns');
    assert.equal(dsn.receivedFromMta?.value, 'out.example.org');
    assert.equal(dsn.arrivalDate?.value, 'Mon, 7 Dec 2026 10:00:00 +0000');
    assert.equal(dsn.arrivalDate?.type, undefined, 'a date has no type');
    assert.equal(dsn.originalEnvelopeId?.value, '0123ABC');
    assert.equal(dsn.recipients.length, 1);
    const r = dsn.recipients[0]!;
    const fields = [
      r.originalRecipient, r.finalRecipient, r.actualRecipient, r.action, r.status, r.remoteMta, r.diagnosticCode,
      r.lastAttemptDate, r.willRetryUntil, r.finalLogId,
    ];
    assert.deepEqual(
      fields.map((v) => v?.value),
      ['bob@example.net', 'robert@example.net', 'rob@example.net', 'failed', '5.1.1', 'mx2.example.net', '550 5.1.1 unknown',
        'Mon, 7 Dec 2026 10:05:00 +0000', 'Tue, 8 Dec 2026 10:00:00 +0000', '4XYZ'],
    );
    assert.equal(r.diagnosticCode?.type, 'smtp');
    assert.equal(rawOf(text, r.finalRecipient), 'robert@example.net');
    assert.equal(rawOf(text, r.diagnosticCode), '550 5.1.1 unknown');
    assert.equal(r.start - RAW_START, text.indexOf('Original-Recipient'));
  });

  it('the first per-message field of a name counts', () => {
    const { dsn } = parse('Reporting-MTA: dns; first.example.net', 'Reporting-MTA: dns; second.example.net', '', 'Final-Recipient: rfc822; bob@example.net', 'Status: 5.0.0');
    assert.equal(dsn.reportingMta?.value, 'first.example.net');
  });

  it('groups separated by blank lines, or by a stray line', () => {
    const { dsn } = parse(
      'Reporting-MTA: dns; mx.example.net', '',
      'Final-Recipient: rfc822; a@example.net', 'Action: failed', 'Status: 5.1.1', '',
      '-- stray line --', '',
      'Final-Recipient: rfc822; b@example.net', 'Action: delayed', 'Status: 4.4.1',
    );
    assert.deepEqual(dsn.recipients.map((r) => [r.finalRecipient?.value, r.action?.value, r.status?.value]), [['a@example.net', 'failed', '5.1.1'], ['b@example.net', 'delayed', '4.4.1']]);
  });

  it('a recipient run into the previous group starts a new one at a repeated field', () => {
    const { dsn } = parse('Final-Recipient: rfc822; a@example.net', 'Status: 5.1.1', 'Final-Recipient: rfc822; b@example.net', 'Status: 5.2.2');
    assert.deepEqual(dsn.recipients.map((r) => [r.finalRecipient?.value, r.status?.value]), [['a@example.net', '5.1.1'], ['b@example.net', '5.2.2']]);
  });

  it('Original-Recipient after Final-Recipient (Postfix, Amazon SES) belongs to it until a Status has been read', () => {
    const postfix = parse('Final-Recipient: rfc822; bob@example.net', 'Original-Recipient: rfc822; bob@example.net', 'Action: failed', 'Status: 5.1.1');
    assert.equal(postfix.dsn.recipients.length, 1);
    assert.equal(postfix.dsn.recipients[0]!.originalRecipient?.value, 'bob@example.net');
    const runTogether = parse('Final-Recipient: rfc822; a@example.net', 'Status: 5.1.1', 'Original-Recipient: rfc822; b@example.net', 'Final-Recipient: rfc822; b@example.net', 'Status: 5.2.2');
    assert.deepEqual(runTogether.dsn.recipients.map((r) => [r.originalRecipient?.value, r.finalRecipient?.value]), [[undefined, 'a@example.net'], ['b@example.net', 'b@example.net']]);
    const noStatusYet = parse('Final-Recipient: rfc822; a@example.net', 'Action: failed', 'Original-Recipient: rfc822; a@example.net', 'Status: 5.1.1');
    assert.equal(noStatusYet.dsn.recipients.length, 1);
    const noFinal = parse('Status: 5.1.1', 'Original-Recipient: rfc822; a@example.net');
    assert.equal(noFinal.dsn.recipients.length, 1, 'no Final-Recipient yet: the same group');
  });

  it('a group counts with any of Final-Recipient, Original-Recipient, Status or Action; others alone do not', () => {
    for (const field of ['Final-Recipient: rfc822; a@example.net', 'Original-Recipient: rfc822; a@example.net', 'Status: 5.0.0', 'Action: failed']) {
      assert.equal(parse('Reporting-MTA: dns; mx.example.net', '', field).dsn.recipients.length, 1, field);
    }
    assert.equal(parse('Reporting-MTA: dns; mx.example.net', '', 'Remote-MTA: dns; mx2.example.net', 'Diagnostic-Code: smtp; 550 no').dsn.recipients.length, 0);
    assert.equal(parse('Reporting-MTA: dns; mx.example.net', '', 'X-Postfix-Queue-ID: 4ABC').dsn.recipients.length, 0, 'unknown fields are skipped');
  });

  it('a type prefix is a short word before a semicolon; other semicolons stay in the value', () => {
    const { dsn } = parse(
      'Final-Recipient: RFC822;bob@example.net', 'Status: 5.0.0', 'Diagnostic-Code: X-Postfix; host said; no', '',
      'Final-Recipient: rfc822; c@example.net', 'Status: 5.0.0', 'Diagnostic-Code: 550 no such user; try later', '',
      'Final-Recipient: ; d@example.net', 'Status: 5.0.0', 'Diagnostic-Code: this is a type that is far too long to be one; x', '',
      'Final-Recipient: rfc822; e@example.net', 'Status: 5.0.0', 'Action: failed; really',
    );
    const [b, c, d, e] = dsn.recipients;
    assert.deepEqual([b!.finalRecipient?.type, b!.finalRecipient?.value, b!.diagnosticCode?.type, b!.diagnosticCode?.value], ['rfc822', 'bob@example.net', 'x-postfix', 'host said; no']);
    assert.deepEqual([c!.diagnosticCode?.type, c!.diagnosticCode?.value], [undefined, '550 no such user; try later'], 'a space is not a type');
    assert.deepEqual([d!.finalRecipient?.type, d!.finalRecipient?.value], [undefined, '; d@example.net'], 'an empty type is none');
    assert.equal(d!.diagnosticCode?.type, undefined, 'a type longer than 24 characters is none');
    assert.deepEqual([e!.action?.type, e!.action?.value], [undefined, 'failed; really'], 'Action is not a typed field');
  });

  it('blanks and tabs around a value are not part of it, and offsets map inside it', () => {
    const { text, dsn } = parse('Final-Recipient: rfc822;\t  bob@example.net \t', 'Status:  5.1.1  ');
    const r = dsn.recipients[0]!;
    assert.equal(r.finalRecipient?.value, 'bob@example.net');
    assert.equal(rawOf(text, r.finalRecipient), 'bob@example.net');
    assert.equal(r.status?.value, '5.1.1');
    assert.equal(r.status!.toRaw(2) - RAW_START, text.indexOf('5.1.1') + 2);
    assert.equal(parse('Final-Recipient: rfc822;   ', 'Status: 5.0.0').dsn.recipients[0]!.finalRecipient?.value, '');
  });

  it('a folded Diagnostic-Code reads as one line', () => {
    const { dsn } = parse('Final-Recipient: rfc822; bob@example.net', 'Status: 5.7.1', 'Diagnostic-Code: smtp; 550 5.7.1 message', '    refused by policy');
    assert.match(dsn.recipients[0]!.diagnosticCode!.value, /^550 5\.7\.1 message\s+refused by policy$/);
  });

  it('an empty body has no fields', () => {
    const { dsn } = parse('');
    assert.deepEqual(dsn.recipients, []);
    assert.equal(dsn.reportingMta, undefined);
  });
});
