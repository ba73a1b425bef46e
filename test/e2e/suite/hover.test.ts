// Hovers through VS Code's own hover command, on real fixture files.
import * as assert from 'node:assert/strict';
import { eventually, hoverText, openFixture, positionOf } from './helpers';

describe('status-code hovers', () => {
  it('explain a reply in an Exchange Online NDR', async () => {
    const document = await openFixture('bounce-exchange-online.eml');
    const text = await eventually(async () => {
      const value = await hoverText(document, positionOf(document, "'550 5.1.10", 6));
      return value.includes('5.1.10') ? value : undefined;
    }, 'a hover on 5.1.10');
    assert.match(text, /Recipient not found/);
    assert.match(text, /permanent \(do not retry\)/);
    assert.match(text, /RESOLVER\.ADR\.RecipientNotFound/);
  });

  it('give no code hover on an IP address (trap)', async () => {
    const document = await openFixture('bounce-exchange-online.eml');
    await eventually(async () => ((await hoverText(document, positionOf(document, "'550 5.1.10", 6))) ? true : undefined), 'the server');
    const onIp = await hoverText(document, positionOf(document, '10.5.1.1', 3));
    assert.doesNotMatch(onIp, /permanent|transient|Class \d/);
  });

  it('explain codes in a tracking log, a protocol log and a Postfix log', async () => {
    for (const [file, needle, offset, expected] of [
      ['MSGTRK20261123-1.LOG', 'RESOLVER.ADR.RecipNotFound', 3, /Transport status RESOLVER\.ADR\.RecipNotFound/],
      ['RECV2026112310-1.LOG', '550 5.7.1', 5, /SMTP reply 550/],
      ['mail.log', 'dsn=5.1.1', 5, /Bad destination mailbox address/],
    ] as const) {
      const document = await openFixture(file);
      const text = await eventually(async () => {
        const value = await hoverText(document, positionOf(document, needle, offset));
        return expected.test(value) ? value : undefined;
      }, `a hover in ${file}`);
      assert.match(text, expected);
    }
  });
});
