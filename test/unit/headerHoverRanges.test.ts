// Where header hovers point: a verdict or an anti-spam item on a folded header line gets the range
// of its own characters in the raw text (synthetic headers, expected ranges found by searching the text).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/languageService';

const service = getLanguageService();
const headers = [
  'Authentication-Results: mx.example.org; spf=pass smtp.mailfrom=example.com;',
  '\t dkim=fail (bad) header.d=example.com;',
  '  dmarc=fail action=quarantine',
  'X-Forefront-Antispam-Report: CIP:192.0.2.1;CTRY:NL;',
  ' SCL:5;SFV:SPM;',
  'Subject: synthetic',
  '',
  'body',
].join('\r\n');
const document = TextDocument.create('file:///ranges.eml', 'email', 1, headers);

/** The hover range at the middle of `needle`, as [start, end) offsets. */
function rangeAt(needle: string): [number, number] | undefined {
  const at = headers.indexOf(needle);
  assert.ok(at >= 0, needle);
  const hover = service.doHover(document, document.positionAt(at + (needle.length >> 1)));
  return hover?.range ? [document.offsetAt(hover.range.start), document.offsetAt(hover.range.end)] : undefined;
}
const span = (needle: string): [number, number] => [headers.indexOf(needle), headers.indexOf(needle) + needle.length];

describe('header hover ranges on folded lines', () => {
  it('a verdict on the first line, on a tab-folded line and on a space-folded line covers just its text', () => {
    assert.deepEqual(rangeAt('spf=pass'), span('spf=pass'));
    assert.deepEqual(rangeAt('dkim=fail'), span('dkim=fail'));
    assert.deepEqual(rangeAt('dmarc=fail'), span('dmarc=fail'));
  });

  it('an anti-spam item on the first line and on the folded line covers the key and its value', () => {
    assert.deepEqual(rangeAt('CTRY:NL'), span('CTRY:NL'));
    assert.deepEqual(rangeAt('SCL:5'), span('SCL:5'));
    assert.deepEqual(rangeAt('SFV:SPM'), span('SFV:SPM'));
  });
});
