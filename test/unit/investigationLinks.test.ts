// Hover links to the PowerShell snippets that investigate a code, filled from the hovered line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanReplies } from '../../server/src/detection/replyScanner';
import { investigationActions, valuesOnLine } from '../../server/src/modes/shared/investigationLinks';
import { OPEN_POWERSHELL_COMMAND } from '../../server/src/common/protocol';

describe('investigation links', () => {
  it('reads the address, Message-ID and bracketed IP on a line', () => {
    assert.deepEqual(valuesOnLine('2026-11-23T09:14:03Z,EX02,FAIL,<q4@contoso.com>,bob@fabrikam.com,"550 5.1.1 x" [192.0.2.7]'),
      { recipient: 'bob@fabrikam.com', messageId: '<q4@contoso.com>', ipAddress: '192.0.2.7' });
    assert.deepEqual(valuesOnLine('Status: 5.1.1'), {});
  });

  it('offers the 5.1.1 snippets, each filled with the recipient from the line', () => {
    const line = 'bob@fabrikam.com: 550 5.1.1 RESOLVER.ADR.RecipNotFound; not found';
    const actions = investigationActions(scanReplies(line)[0]!, line);
    assert.ok(actions.length >= 2 && actions.length <= 3);
    assert.ok(actions.some((a) => /who holds this address/i.test(a.title)), actions.map((a) => a.title).join(', '));
    for (const action of actions) {
      assert.equal(action.command, OPEN_POWERSHELL_COMMAND);
      assert.equal(action.args.length, 1);
      assert.match(action.args[0].snippet ?? '', /bob@fabrikam\.com/);
    }
  });

  it('has nothing to offer for a bare reply code', () => {
    const line = 'said: 550 mailbox unavailable';
    assert.deepEqual(investigationActions(scanReplies(line)[0]!, line), []);
  });
});
