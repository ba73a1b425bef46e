// The command beside each row of the report's deferral queue: the family's own, or for the Exchange
// families the snippet that searches a recipient's mail, the address filled in as a PowerShell
// single-quoted literal. Recipients are synthetic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FlowRecipient, FlowRecords } from '../../server/src/common/mailFlow';
import { lookFurther } from '../../server/src/analysis/flow/lookFurther';

const records = { messages: [], recipients: [], rejections: [], notes: [] } as unknown as FlowRecords;
const recipient = (address: string) => ({ key: 'm1', recipient: address, outcome: 'deferred' }) as FlowRecipient;

describe('the command that looks further at a deferred recipient', () => {
  it('tracking and protocol logs: Get-MessageTrackingLog for the recipient, the other values as the snippet gives them', () => {
    for (const language of ['exchange-tracking-log', 'exchange-protocol-log']) {
      const command = lookFurther(language, records, recipient('bob@contoso.com'))!;
      assert.equal(command.language, 'powershell');
      assert.ok(command.text.startsWith("Get-MessageTrackingLog -Server EX01 -Recipients 'bob@contoso.com' -Start (Get-Date).AddHours(-24)"), command.text);
      assert.ok(command.text.endsWith('\n') && !command.text.includes('${') && !command.text.includes('$0'), command.text);
    }
  });

  it('message traces: Get-MessageTraceV2 for the recipient', () => {
    const command = lookFurther('exchange-message-trace', records, recipient('<bob@contoso.com>'))!;
    assert.ok(command.text.startsWith("Get-MessageTraceV2 -RecipientAddress 'bob@contoso.com' -StartDate"), command.text);
  });

  it('none for a value that is no address, or a language with no search of its own', () => {
    assert.equal(lookFurther('exchange-tracking-log', records, recipient('not an address')), undefined);
    assert.equal(lookFurther('plaintext', records, recipient('bob@contoso.com')), undefined);
  });

  it('the family\'s own command first, whatever the language', () => {
    const own = { language: 'shellscript' as const, text: 'grep -F QUEUEID /var/log/mail.log\n' };
    assert.deepEqual(lookFurther('exchange-tracking-log', { ...records, lookFurther: () => own }, recipient('bob@contoso.com')), own);
  });
});
