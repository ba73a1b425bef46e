// The structured cells of Exchange Online message traces: Recipient_status ("address##Receive,
// Deliver" entries joined by ";") and custom_data ("S:SFA=SUM|SFV=SPM;S:AMA=..."), split with
// blanks trimmed and offsets kept. Every cell here is synthetic, in those shapes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CharCode } from '../../server/src/common/charCode';
import { agentGroups, MAX_PIECES, recipientStatusEntries, splitPieces } from '../../server/src/formats/messageTrace/traceFields';

const SEMICOLON = CharCode.Semicolon;
const texts = (pieces: readonly { readonly text: string }[]): string[] => pieces.map((p) => p.text);

describe('trace cells: pieces', () => {
  it('trims spaces and tabs off each piece and keeps its offsets', () => {
    // a at 0; " b " is 2-4 with b at 3; "\tc\t" is 6-8 with c at 7.
    assert.deepEqual(splitPieces('a; b ;\tc\t', 0, 9, SEMICOLON), [
      { start: 0, end: 1, text: 'a' }, { start: 3, end: 4, text: 'b' }, { start: 7, end: 8, text: 'c' },
    ]);
  });

  it('drops empty and blank pieces, and reads only within [start, end)', () => {
    assert.deepEqual(texts(splitPieces(';; ;a;', 0, 6, SEMICOLON)), ['a']);
    assert.deepEqual(splitPieces('x;[a;bc];y', 3, 7, SEMICOLON), [{ start: 3, end: 4, text: 'a' }, { start: 5, end: 7, text: 'bc' }]);
    assert.deepEqual(splitPieces('a;b', 1, 1, SEMICOLON), []);
  });

  it('reads at most MAX_PIECES pieces of a hostile cell', () => {
    const cell = 'a;'.repeat(MAX_PIECES + 5);
    const pieces = splitPieces(cell, 0, cell.length, SEMICOLON);
    assert.equal(MAX_PIECES, 1000);
    assert.equal(pieces.length, 1000);
    assert.deepEqual(pieces.at(-1), { start: 1998, end: 1999, text: 'a' });
  });
});

describe('trace cells: Recipient_status', () => {
  it('splits an entry at ## into the recipient and its status, and the status into events', () => {
    const cell = 'bob@example.com##Receive, Deliver;carol@example.org ## Receive,Fail';
    const [bob, carol] = recipientStatusEntries(cell, 0, cell.length);
    assert.deepEqual(bob, {
      start: 0, end: 33, text: 'bob@example.com##Receive, Deliver',
      recipient: { start: 0, end: 15, text: 'bob@example.com' },
      status: { start: 17, end: 33, text: 'Receive, Deliver' },
      events: [{ start: 17, end: 24, text: 'Receive' }, { start: 26, end: 33, text: 'Deliver' }],
    });
    // carol's entry starts at 34; " ## " is 51-54.
    assert.deepEqual(carol!.recipient, { start: 34, end: 51, text: 'carol@example.org' });
    assert.deepEqual(carol!.status, { start: 55, end: 67, text: 'Receive,Fail' });
    assert.deepEqual(texts(carol!.events), ['Receive', 'Fail']);
  });

  it('reads an entry without ## as a status alone', () => {
    assert.deepEqual(recipientStatusEntries('Receive, Expand', 0, 15), [{
      start: 0, end: 15, text: 'Receive, Expand', status: { start: 0, end: 15, text: 'Receive, Expand' },
      events: [{ start: 0, end: 7, text: 'Receive' }, { start: 9, end: 15, text: 'Expand' }],
    }]);
  });

  it('leaves out the part an entry lacks on either side of ##', () => {
    assert.deepEqual(recipientStatusEntries('bob@example.com##', 0, 17), [{
      start: 0, end: 17, text: 'bob@example.com##', recipient: { start: 0, end: 15, text: 'bob@example.com' }, events: [],
    }]);
    assert.deepEqual(recipientStatusEntries('## Deliver', 0, 10), [{
      start: 0, end: 10, text: '## Deliver', status: { start: 3, end: 10, text: 'Deliver' }, events: [{ start: 3, end: 10, text: 'Deliver' }],
    }]);
    assert.deepEqual(recipientStatusEntries(' ## ', 0, 4), [{ start: 1, end: 3, text: '##', events: [] }]);
  });
});

describe('trace cells: custom_data', () => {
  it('names a group by its first key when it starts with a letter and a colon, in upper case', () => {
    const cell = 's:sfa=sum|sfv=spm; S:AMA=SUM|action=b';
    const [spam, malware] = agentGroups(cell, 0, cell.length);
    assert.equal(spam!.agent, 'SFA');
    assert.deepEqual(spam!.items, [
      { start: 2, end: 9, text: 'sfa=sum', key: 'SFA', value: 'sum' },
      { start: 10, end: 17, text: 'sfv=spm', key: 'SFV', value: 'spm' },
    ]);
    assert.deepEqual({ start: malware!.start, end: malware!.end, text: malware!.text, agent: malware!.agent }, { start: 19, end: 37, text: 'S:AMA=SUM|action=b', agent: 'AMA' });
  });

  it('gives no agent to a group without the S: prefix or whose first item has no key', () => {
    const [plain] = agentGroups('SFA=SUM|SCL=1', 0, 13);
    assert.equal(plain!.agent, '');
    assert.deepEqual(plain!.items.map((i) => [i.key, i.value, i.start]), [['SFA', 'SUM', 0], ['SCL', '1', 8]]);
    // The prefix is one letter: "AB:" and "1:" are part of the first key.
    assert.deepEqual(agentGroups('AB:C=1', 0, 6).map((g) => [g.agent, g.items[0]!.key]), [['', 'AB:C']]);
    assert.deepEqual(agentGroups('1:C=1', 0, 5).map((g) => [g.agent, g.items[0]!.key]), [['', '1:C']]);
    assert.equal(agentGroups('S:flag|A=1', 0, 10)[0]!.agent, '');
    assert.equal(agentGroups('S:', 0, 2)[0]!.agent, '');
  });

  it('reads an item without a key (no =, or = first) as a value alone', () => {
    const [group] = agentGroups('S:X=1|flag|=v|k=a=b', 0, 19);
    assert.deepEqual(group!.items.map((i) => [i.key, i.value]), [['X', '1'], ['', 'flag'], ['', '=v'], ['K', 'a=b']]);
  });
});
