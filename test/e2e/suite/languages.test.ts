// Each fixture gets its language from its file name or its first line.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, fixtureUri } from './helpers';

const expected: [string, string][] = [
  ['bounce-exchange-online.eml', 'email'],
  ['MSGTRK20261123-1.LOG', 'exchange-tracking-log'],
  ['msgtrkmd2026112309-1.log', 'exchange-tracking-log'],
  ['RECV2026112310-1.LOG', 'exchange-protocol-log'],
  ['exchange-export.txt', 'exchange-tracking-log'],
  ['exchange-send-export.txt', 'exchange-protocol-log'],
  ['mail.log', 'mail-log'],
  ['synthetic-extended-report-utf16le.csv', 'exchange-message-trace'],
  ['pasted-ndr.txt', 'plaintext'],
  ['mailflow.ps1', 'powershell'],
];

describe('language detection', () => {
  for (const [file, language] of expected) {
    it(`${file} opens as ${language}`, async () => {
      const document = await vscode.workspace.openTextDocument(fixtureUri(file));
      await vscode.window.showTextDocument(document);
      // The #Log-type fix-up runs on open, so allow it a moment.
      const languageId = await eventually(() => {
        const current = vscode.workspace.textDocuments.find((d) => d.uri.toString() === document.uri.toString());
        return current?.languageId === language ? language : undefined;
      }, `${file} to become ${language}`, 10_000).catch(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === document.uri.toString())?.languageId);
      assert.equal(languageId, language);
    });
  }
});
