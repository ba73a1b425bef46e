// Message tracking specifics at their edges: recipient-status pieces grouped by the reply code that
// starts a status (RFC 5321: three digits, 2 to 5 first, then a space, a dash or the end), blanks
// and empty items, custom-data's S:key=value items, and which id names a row's message. Synthetic
// rows in Exchange 2016's 30 columns.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseExchangeLog } from '../../server/src/formats/exchangeLog';
import { customDataItems, messageKey, recipientOutcomes, splitItems, statusGroups } from '../../server/src/formats/trackingLog';
import { fieldOf } from '../../server/src/formats/exchangeLogLookups';
import { trackingFieldsByVersion } from '../../server/src/knowledge/data/exchangeLogFormats';

const FIELDS = trackingFieldsByVersion['2016'];
const HEADER = `#Software: Microsoft Exchange Server\n#Version: 15.01.2507.006\n#Log-type: Message Tracking Log\n#Fields: ${FIELDS.join(',')}\n`;

function rowOf(values: Record<string, string>, fields: readonly string[] = FIELDS) {
  const header = fields === FIELDS ? HEADER : `#Log-type: Message Tracking Log\n#Fields: ${fields.join(',')}\n`;
  const defaults: Record<string, string> = { 'date-time': '2026-11-23T10:00:00.000Z', 'event-id': 'FAIL' };
  const log = parseExchangeLog(`${header}${fields.map((name) => values[name] ?? defaults[name] ?? '').join(',')}\n`, 'tracking');
  return { log, row: log.rows[0]! };
}

const texts = (items: readonly { text: string }[]) => items.map((item) => item.text);

describe('recipient-status grouped by reply codes', () => {
  it('a piece starts a new status only with a reply code: 2 to 5, two more digits, then a space, a dash or nothing', () => {
    const status = '550 5.1.1 not found;5.1.1 more;199 x;600 y;2ab v;25a u;250-2.1.5 ok;250;2501 z;25 w;450 4.4.7 retry;299 t;550 5.4.7 expired';
    const { log, row } = rowOf({ 'recipient-status': status });
    assert.deepEqual(texts(statusGroups(log, row)), [
      '550 5.1.1 not found;5.1.1 more;199 x;600 y;2ab v;25a u', '250-2.1.5 ok', '250;2501 z;25 w', '450 4.4.7 retry', '299 t', '550 5.4.7 expired',
    ]);
  });

  it('items are trimmed of spaces and tabs, empty ones dropped, their offsets kept', () => {
    const { log, row } = rowOf({ 'recipient-address': ' a@x.example ;;\tb@x.example\t; ' });
    const items = splitItems(log, fieldOf(row, 'recipient-address'));
    assert.deepEqual(texts(items), ['a@x.example', 'b@x.example']);
    for (const item of items) assert.equal(log.text.slice(item.start, item.end), item.text);
  });

  it('doubled quotes of a quoted field come out single', () => {
    const { log, row } = rowOf({ 'recipient-status': '"550 5.7.1 said ""no"""' });
    assert.deepEqual(texts(statusGroups(log, row)), ['550 5.7.1 said "no"']);
  });

  it('recipients and statuses paired by place; one status for many applies to all; a missing column gives none', () => {
    const paired = rowOf({ 'recipient-address': 'a@x.example;b@x.example', 'recipient-status': '550 5.1.1 a;452 4.2.2 b' });
    assert.deepEqual(recipientOutcomes(paired.log, paired.row).map((o) => [o.recipient?.text, o.status?.text]), [['a@x.example', '550 5.1.1 a'], ['b@x.example', '452 4.2.2 b']]);
    const shared = rowOf({ 'recipient-address': 'a@x.example;b@x.example', 'recipient-status': '250 2.1.5 OK' });
    assert.deepEqual(recipientOutcomes(shared.log, shared.row).map((o) => o.status?.text), ['250 2.1.5 OK', '250 2.1.5 OK']);
    const bare = rowOf({ 'date-time': '2026-11-23T10:00:00.000Z' }, ['date-time', 'event-id']);
    assert.deepEqual(recipientOutcomes(bare.log, bare.row), []);
    assert.deepEqual(customDataItems(bare.log, bare.row), []);
  });
});

describe('custom-data items', () => {
  it('a type of one or two letters before the colon, then key=value; otherwise the whole item is the value or the key', () => {
    const { log, row } = rowOf({ 'custom-data': 'S:SFV=NSPM;S:nokey;AB:k=v;ABC:k=v;:x=y;k=v;=v' });
    assert.deepEqual(customDataItems(log, row).map(({ type, key, value }) => [type, key, value]), [
      ['S', 'SFV', 'NSPM'], ['S', '', 'nokey'], ['AB', 'k', 'v'], ['', 'ABC:k', 'v'], ['', ':x', 'y'], ['', 'k', 'v'], ['', '', '=v'],
    ]);
  });
});

describe('the id of a row\'s message', () => {
  it('message-id first, then network-message-id, then internal-message-id; empty when none', () => {
    const all = rowOf({ 'message-id': '<m1@contoso.com>', 'network-message-id': 'nid', 'internal-message-id': '42' });
    assert.equal(messageKey(all.log, all.row), '<m1@contoso.com>');
    const network = rowOf({ 'network-message-id': 'nid', 'internal-message-id': '42' });
    assert.equal(messageKey(network.log, network.row), 'nid');
    const internal = rowOf({ 'internal-message-id': '42' });
    assert.equal(messageKey(internal.log, internal.row), '42');
    const none = rowOf({});
    assert.equal(messageKey(none.log, none.row), '');
  });
});
