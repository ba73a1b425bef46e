// The report request's sources (#15): open documents by URI, the client's files as documents of the
// language their name and first line choose (the command line's choice, common/languages.ts), the
// client's skipped files, and whatever arrives malformed over the wire left out. Synthetic texts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MailFlowReportParams } from '../../server/src/common/protocol';
import { fileDocument, reportSources } from '../../server/src/handlers/mailFlowReportHandler';

const WEBVIEW = { nonce: 'dW5pdEhhbmRsZXJOb25jZTEy', cspSource: 'https://*.vscode-cdn.net' };

describe('mail flow report request sources (synthetic)', () => {
  it('chooses a file\'s language by name, then by its first line, as the command line does', () => {
    assert.equal(fileDocument('file:///logs/MSGTRK20261123-1.LOG', '#Software: Microsoft Exchange Server\n').languageId, 'exchange-tracking-log');
    assert.equal(fileDocument('file:///logs/maillog.1', 'Dec  7 08:00:01 mx postfix/qmgr[2]: x\n').languageId, 'mail-log');
    assert.equal(fileDocument('file:///logs/bounce.eml?x=1#y', 'From: a@example.org\n').languageId, 'email');
    assert.equal(fileDocument('file:///logs/notes.txt', 'nothing here\n').languageId, 'plaintext');
  });

  it('takes open documents, reads files, names what is not open, and keeps the client\'s skipped files', () => {
    const open = TextDocument.create('file:///w/mail.log', 'mail-log', 1, 'x');
    const params: MailFlowReportParams = {
      uris: ['file:///w/mail.log', 'file:///w/closed%20one.log'],
      files: [{ uri: 'file:///f/maillog', text: 'y' }],
      skipped: [{ uri: 'file:///f/picture.png', reason: 'binary file' }],
      webview: WEBVIEW,
    };
    const { sources, skipped } = reportSources(params, { get: (uri: string) => (uri === open.uri ? open : undefined) });
    assert.deepEqual(sources.map((s) => [s.document.uri, s.document.languageId, s.document.getText()]), [['file:///w/mail.log', 'mail-log', 'x'], ['file:///f/maillog', 'mail-log', 'y']]);
    assert.deepEqual(skipped, [
      { uri: 'file:///w/closed%20one.log', name: 'closed one.log', reason: 'not open in the editor' },
      { uri: 'file:///f/picture.png', name: 'picture.png', reason: 'binary file' },
    ]);
  });

  it('leaves out malformed entries instead of failing', () => {
    const params = {
      uris: [42, null, 'file:///nowhere'], files: [null, { uri: 'file:///a' }, { uri: 1, text: 'x' }, 'text'], skipped: 'all', webview: WEBVIEW,
    } as unknown as MailFlowReportParams;
    const { sources, skipped } = reportSources(params, { get: () => undefined });
    assert.deepEqual(sources, []);
    assert.deepEqual(skipped.map((s) => s.uri), ['file:///nowhere']);
  });
});
