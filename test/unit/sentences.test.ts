// One rule for putting our sentences inside others (synthetic strings).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lowerCaseLead } from '../../server/src/text/sentences';
import { getLanguageService } from '../../server/src/languageService';

describe('lowerCaseLead', () => {
  it('lower-cases an ordinary first word', () => {
    assert.equal(lowerCaseLead('The mailbox is full'), 'the mailbox is full');
    assert.equal(lowerCaseLead('A recipient was not found'), 'a recipient was not found');
    assert.equal(lowerCaseLead('Mailbox full'), 'mailbox full');
    assert.equal(lowerCaseLead('On-premises server refused'), 'on-premises server refused');
  });

  it('keeps names, acronyms, initials and text that does not start with a word', () => {
    for (const kept of ['Exchange Online refused it', 'Microsoft 365 tenant', 'DNS lookup failed', 'SPF failed', 'X-Header missing', 'UTF-8 needed', '550 refused', '']) {
      assert.equal(lowerCaseLead(kept), kept);
    }
  });

  it('is the rule the tracking-log problems use', async () => {
    // Synthetic log: a FAIL row without a recipient status, reported by its event meaning.
    const text = [
      '#Software: Microsoft Exchange Server', '#Version: 15.02.1544.004', '#Log-type: Message Tracking Log',
      '#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,connector-id,source,event-id,internal-message-id,message-id,network-message-id,recipient-address,recipient-status,total-bytes,recipient-count,related-recipient-address,reference,message-subject,sender-address,return-path,message-info,directionality,tenant-id,original-client-ip,original-server-ip,custom-data,transport-traffic-type,log-id,schema-version',
      '2026-11-23T00:00:00.000Z,,,,,,,SMTP,FAIL,1,<m1@synthetic.example>,,b@synthetic.example,,,,,,,a@synthetic.example,,,,,,,,,,',
      '',
    ].join('\n');
    const diagnostics = await getLanguageService().doValidation(TextDocument.create('file:///MSGTRK1.LOG', 'exchange-tracking-log', 1, text));
    const messages = diagnostics.map((d) => d.message as string);
    const fail = messages.find((message) => message.startsWith('FAIL <m1@synthetic.example>: '));
    assert.ok(fail, JSON.stringify(messages));
    const after = fail.slice('FAIL <m1@synthetic.example>: '.length);
    assert.match(after, /^[a-z]/);
    assert.doesNotMatch(after, /\.$/);
  });
});
