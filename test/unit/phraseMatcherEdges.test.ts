// The phrase matcher's edges that the substring property in bounceKnowledge.test.ts does not reach:
// case at A and Z, blanks inside phrases, a leading space, first occurrences and wide class tables.
// Every phrase and text here is synthetic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PhraseMatcher } from '../../server/src/detection/phraseMatcher';

const entries = (found: Map<number, number>): [number, number][] => [...found.entries()].sort((a, b) => a[0] - b[0]);

describe('phrase matcher edges', () => {
  it('folds A and Z in phrases and in texts, and no other letter takes their place', () => {
    const matcher = new PhraseMatcher(['ABZ']);
    assert.deepEqual(entries(matcher.find('xx abz')), [[0, 6]]);
    assert.deepEqual(entries(matcher.find('ABZ')), [[0, 3]]);
    assert.equal(matcher.find('xbz').size, 0);
    assert.equal(matcher.find('abx').size, 0);
    assert.deepEqual(entries(new PhraseMatcher(['az']).find('AZ')), [[0, 2]]);
  });

  it('reads a tab or line break inside a phrase as a space, and not as any character', () => {
    const matcher = new PhraseMatcher(['out\tof\nspace']);
    // "Out of  space": the two spaces read as one, so the phrase ends at the last character (13).
    assert.deepEqual(entries(matcher.find('Out of  space')), [[0, 13]]);
    assert.equal(matcher.find('outxof space').size, 0);
    assert.equal(matcher.find('out ofxspace').size, 0);
  });

  it('finds a phrase that starts with a space at the very start of a text', () => {
    const matcher = new PhraseMatcher([' x']);
    assert.deepEqual(entries(matcher.find(' x')), [[0, 2]]);
    assert.deepEqual(entries(matcher.find('\r\n x')), [[0, 4]]);
  });

  it('reports where a phrase first ends when it occurs again later', () => {
    assert.deepEqual(entries(new PhraseMatcher(['ab']).find('ab AB ab')), [[0, 2]]);
  });

  it('reports a phrase together with the shorter phrases that end inside it', () => {
    assert.deepEqual(entries(new PhraseMatcher(['abc', 'bc', 'c']).find('xabcx')), [[0, 4], [1, 4], [2, 4]]);
  });

  it('keeps 300 character classes apart (more than one byte holds)', () => {
    // One phrase per character from U+0100: class n + 1 for phrase n, so classes past 255 must not wrap.
    const phrases = Array.from({ length: 300 }, (_, n) => String.fromCharCode(0x100 + n));
    const matcher = new PhraseMatcher(phrases);
    assert.deepEqual(entries(matcher.find(String.fromCharCode(0x100 + 299))), [[299, 1]]);
    assert.deepEqual(entries(matcher.find(`a${String.fromCharCode(0x100 + 44)}`)), [[44, 2]]);
  });
});
