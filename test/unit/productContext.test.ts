// Which products' readings of a code come first for a document: by its language for the Exchange
// families, by its head's marks otherwise, and line by line where many writers mix (mail logs,
// pasted text). Synthetic documents; the marks are the ones Exchange writes in its headers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { productPreference, productPreferenceOnLine } from '../../server/src/analysis/productContext';

const EXCHANGE_SERVER_FIRST = ['Exchange Server', 'Exchange Online'];
const EXCHANGE_ONLINE_FIRST = ['Exchange Online', 'Exchange Server'];
let documents = 0;
const doc = (languageId: string, text: string) => TextDocument.create(`file:///synthetic/${documents++}`, languageId, 1, text);
/** A row with no word that names a writer. */
const BARE_ROW = '2026-11-23T10:00:00.000Z,192.0.2.1,FAIL,550 5.1.10 not found';

describe('the products a document prefers', () => {
  it('Exchange Server first for tracking and protocol logs, whatever their rows say', () => {
    assert.deepEqual(productPreference(doc('exchange-tracking-log', BARE_ROW)), EXCHANGE_SERVER_FIRST);
    assert.deepEqual(productPreference(doc('exchange-protocol-log', BARE_ROW)), EXCHANGE_SERVER_FIRST);
  });

  it('Exchange Online first for message traces', () => {
    assert.deepEqual(productPreference(doc('exchange-message-trace', 'date_time_utc,sender_address\n')), EXCHANGE_ONLINE_FIRST);
  });

  it('for other documents, what the head says: marks past the first 32 KB are not read', () => {
    const mark = 'Received: from EX01.contoso.com by EX02.contoso.com (Microsoft SMTP Server)';
    assert.deepEqual(productPreference(doc('plaintext', `${mark}\n550 5.1.10`)), EXCHANGE_SERVER_FIRST);
    assert.deepEqual(productPreference(doc('plaintext', `${'x'.repeat(40 * 1024)}\n${mark}`)), []);
    assert.deepEqual(productPreference(doc('plaintext', BARE_ROW)), []);
  });

  it('line by line in mail logs and generic text, by the document elsewhere', () => {
    const head = 'Received: from EX01.contoso.com by EX02.contoso.com (Microsoft SMTP Server)\n';
    for (const languageId of ['log', 'plaintext', 'mail-log']) {
      assert.deepEqual(productPreferenceOnLine(doc(languageId, head), '550 5.1.1 user unknown'), [], `${languageId}: the line names no writer`);
      assert.deepEqual(productPreferenceOnLine(doc(languageId, ''), '550 5.1.10 RESOLVER.ADR.RecipientNotFound'), EXCHANGE_SERVER_FIRST, languageId);
    }
    assert.deepEqual(productPreferenceOnLine(doc('exchange-tracking-log', BARE_ROW), '550 5.1.1 user unknown'), EXCHANGE_SERVER_FIRST);
  });
});
