// HTML to text at its edges: entity names and numbers with the first and last letters and digits,
// the 40-character bound on entities, and a script whose end tag is cut off. Markup is synthetic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { htmlToText } from '../../server/src/formats/mime/htmlText';
import { MappedText } from '../../server/src/formats/mime/mappedText';

const textOf = (html: string): string => htmlToText(MappedText.identity(html, 0)).text;

describe('HTML text edges', () => {
  it('decodes entities spelled with 0, 9, A, Z and z', () => {
    // HTML's named references: AElig is Æ, Zeta is Greek capital zeta, zwnj the zero-width non-joiner.
    assert.equal(textOf('&#x30;|&#39;|&AElig;|&Zeta;|&zwnj;'), '0|\'|\u00c6|\u0396|\u200c');
  });

  it('leaves an entity-like run of 40 characters or more as written', () => {
    // "&amp" followed by letters would decode as the legacy &amp; a run this long is not looked at.
    const long = `&amp${'x'.repeat(36)};`;
    assert.equal(textOf(`a ${long} b`), `a ${long} b`);
    // One shorter is looked at, and the legacy reference decodes as HTML's text does.
    assert.equal(textOf(`&amp${'x'.repeat(35)};`), `&${'x'.repeat(35)};`);
  });

  it('drops a script whose end tag has no closing bracket, to the end', () => {
    assert.equal(textOf('a<script>x</script'), 'a');
    assert.equal(textOf('a<STYLE>p{}</style'), 'a');
  });
});
