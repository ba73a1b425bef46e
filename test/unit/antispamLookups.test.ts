// The anti-spam verdict keys of X-Forefront-Antispam-Report and of message traces' custom_data,
// read by Microsoft's published scales (Exchange Online Protection: SCL -1 skipped, 0-1 not spam,
// 5-6 spam, 7-9 high-confidence spam; BCL 0 not bulk, 1-3 few complaints, 4-7 mixed, 8-9 many).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { antispamValueMeaning, bclMeaning, lookupAntispamKey, sclMeaning } from '../../server/src/knowledge/antispam';

describe('anti-spam verdict keys', () => {
  it('finds a key in any case', () => {
    assert.equal(lookupAntispamKey('sfv')?.key, 'SFV');
    assert.equal(lookupAntispamKey('IPV')?.key, 'IPV');
    assert.equal(lookupAntispamKey('NOPE'), undefined);
  });

  it('reads a listed value in any case and with blanks around it', () => {
    assert.equal(antispamValueMeaning('sfv', ' nspm '), 'not spam: the message went to the recipient');
    assert.match(antispamValueMeaning('IPV', 'CAL')!, /allow list/);
    assert.equal(antispamValueMeaning('SFV', 'NOT-A-VERDICT'), undefined, 'an unlisted word of a key without a scale');
    assert.equal(antispamValueMeaning('DIR', '5'), undefined, 'a number for a key without a scale');
    assert.equal(antispamValueMeaning('XYZ', 'SPM'), undefined, 'a key that is not in the table');
  });

  it('reads SCL and BCL numbers by their scales, and nothing from a value that is no number', () => {
    assert.equal(antispamValueMeaning('scl', '9'), sclMeaning(9));
    assert.equal(antispamValueMeaning('bcl', '7'), bclMeaning(7));
    assert.equal(antispamValueMeaning('SCL', 'high'), undefined);
  });

  it('SCL: each band of the scale', () => {
    assert.match(sclMeaning(-1), /skipped/);
    for (const scl of [0, 1]) assert.match(sclMeaning(scl), /^not spam/, String(scl));
    for (const scl of [2, 3, 4]) assert.match(sclMeaning(scl), /not used/, String(scl));
    for (const scl of [5, 6]) assert.match(sclMeaning(scl), /^spam/, String(scl));
    for (const scl of [7, 8, 9]) assert.match(sclMeaning(scl), /^high-confidence spam/, String(scl));
  });

  it('BCL: each band of the scale', () => {
    assert.match(bclMeaning(0), /not from a bulk sender/);
    for (const bcl of [1, 2, 3]) assert.match(bclMeaning(bcl), /few complaints/, String(bcl));
    for (const bcl of [4, 5, 6, 7]) assert.match(bclMeaning(bcl), /mixed/, String(bcl));
    for (const bcl of [8, 9]) assert.match(bclMeaning(bcl), /many complaints/, String(bcl));
  });
});
