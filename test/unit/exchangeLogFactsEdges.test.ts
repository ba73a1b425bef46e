// Exchange builds named by the #Version directive of a log, and the columns each writes. Builds are
// Microsoft's published build numbers (major.minor: 8 Exchange 2007, 14 Exchange 2010, 15.0 2013,
// 15.1 2016, 15.2 2019 and Exchange Server SE); the nine protocol log fields are Microsoft's list.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exchangeProductOfBuild, PROTOCOL_FIELD_NAMES, trackingFieldCountOfBuild } from '../../server/src/knowledge/exchangeLogFacts';

describe('Exchange builds and the columns they write', () => {
  it('names the product of a build by its major and minor version', () => {
    assert.equal(exchangeProductOfBuild('08.03.0083.006'), 'Exchange 2007');
    assert.equal(exchangeProductOfBuild('14.03.0123.004'), 'Exchange 2010');
    assert.equal(exchangeProductOfBuild('15.00.1497.002'), 'Exchange 2013');
    assert.equal(exchangeProductOfBuild(' 15.01.2507.006 '), 'Exchange 2016');
    assert.equal(exchangeProductOfBuild('15.02.1544.004'), 'Exchange 2019 (or Exchange Server SE)');
  });

  it('no product for a build it does not know, or text that is no build', () => {
    assert.equal(exchangeProductOfBuild('15.03.0001.000'), undefined);
    assert.equal(exchangeProductOfBuild('16.02.0001.000'), undefined);
    assert.equal(exchangeProductOfBuild('16.00.0001.000'), undefined);
    assert.equal(exchangeProductOfBuild('Version 15.01.2507.006'), undefined);
    assert.equal(exchangeProductOfBuild('build'), undefined);
  });

  it('how many tracking fields a build writes; none known for Exchange 2007', () => {
    assert.equal(trackingFieldCountOfBuild('15.02.1544.004'), 30);
    assert.equal(trackingFieldCountOfBuild('15.01.2507.006'), 30);
    assert.equal(trackingFieldCountOfBuild('08.03.0083.006'), undefined);
  });

  it('the protocol log fields, in order', () => {
    assert.deepEqual(PROTOCOL_FIELD_NAMES, ['date-time', 'connector-id', 'session-id', 'sequence-number', 'local-endpoint', 'remote-endpoint', 'event', 'data', 'context']);
  });
});
