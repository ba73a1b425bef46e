// Amazon SES event notifications (formats/bounce/sesNotification.ts), in the shape of Amazon's
// "Contents of notifications for Amazon SES" (notificationType Bounce, Complaint or Delivery; per
// recipient emailAddress, action, status, diagnosticCode; reportingMTA with its "dsn;" type), sent
// as they are or as the Message string of an SNS envelope. The JSON bodies are synthetic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSesNotification } from '../../server/src/formats/bounce/sesNotification';
import { MappedText } from '../../server/src/formats/mime/mappedText';
import type { Located } from '../../server/src/formats/bounce/model';

const read = (text: string) => readSesNotification(MappedText.identity(text, 0));
const at = (text: string, located: Located | undefined): string => (located ? text.slice(located.span.start, located.span.end) : '(missing)');
const bounce = (recipients: unknown[], extra: object = {}): string =>
  JSON.stringify({ notificationType: 'Bounce', bounce: { bounceType: 'Permanent', bouncedRecipients: recipients, reportingMTA: 'dsn; a1.smtp-out.amazonses.com', ...extra } });

describe('SES notifications: bounces', () => {
  it('each bounced recipient with its action, status and diagnostic, located in the text', () => {
    const text = bounce([
      { emailAddress: 'a@example.com', action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' },
      { emailAddress: 'b@example.com', action: 'Delayed', status: '4.4.7', diagnosticCode: 'smtp; 451 4.4.7 timeout' },
      { emailAddress: 'c@example.com', action: 'delivered', status: '2.0.0' },
      { emailAddress: 'd@example.com' },
    ]);
    const n = read(text)!;
    assert.equal(n.type, 'bounce');
    assert.equal(n.reportingMta, 'a1.smtp-out.amazonses.com');
    assert.deepEqual(n.recipients.map((r) => [r.recipient.value, r.action, r.status?.value, r.diagnostic?.value]), [
      ['a@example.com', 'failed', '5.1.1', 'smtp; 550 5.1.1 user unknown'],
      ['b@example.com', 'delayed', '4.4.7', 'smtp; 451 4.4.7 timeout'],
      ['c@example.com', 'delivered', '2.0.0', undefined],
      ['d@example.com', 'failed', undefined, undefined],
    ]);
    assert.equal(n.recipients[1]!.recipient.span.start, text.indexOf('b@example.com'));
    assert.equal(n.recipients[1]!.status!.span.start, text.indexOf('4.4.7'));
    assert.equal(at(text, n.recipients[0]!.diagnostic), 'smtp; 550 5.1.1 user unknown');
  });

  it('the same address twice is located twice, each at its own place', () => {
    const text = bounce([{ emailAddress: 'a@example.com', status: '5.1.1' }, { emailAddress: 'a@example.com', status: '5.2.2' }]);
    const [first, second] = read(text)!.recipients;
    assert.ok(second!.recipient.span.start > first!.recipient.span.start);
    assert.equal(second!.status?.value, '5.2.2');
    assert.ok(second!.status!.span.start > second!.recipient.span.start, 'the status after its own recipient');
  });

  it('entries that are not objects, or have no address, are skipped; a reportingMTA without its type is kept', () => {
    const text = bounce([null, 'x', { emailAddress: '' }, { emailAddress: 7 }, { emailAddress: 'e@example.com' }], { reportingMTA: 'a2.smtp-out.amazonses.com' });
    const n = read(text)!;
    assert.deepEqual(n.recipients.map((r) => r.recipient.value), ['e@example.com']);
    assert.equal(n.reportingMta, 'a2.smtp-out.amazonses.com');
    assert.equal(read(bounce([], { reportingMTA: '' }))!.reportingMta, undefined);
    assert.equal(read(bounce([], { reportingMTA: 'DSN;a3.example.com' }))!.reportingMta, 'a3.example.com');
  });

  it('at most 100 recipients are read', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ emailAddress: `u${i}@example.com` }));
    assert.equal(read(bounce(many))!.recipients.length, 100);
  });

  it('an address the text does not hold is skipped', () => {
    const text = bounce([{ emailAddress: 'a@example.com' }]).replace('"a@example.com"', '"a\\u0040example.com"');
    assert.deepEqual(read(text)!.recipients, []);
  });
});

describe('SES notifications: complaints and deliveries', () => {
  it('complaints name the recipients who complained, as delivered', () => {
    const text = JSON.stringify({ notificationType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'tina@example.net' }, {}, 5] } });
    const n = read(text)!;
    assert.equal(n.type, 'complaint');
    assert.deepEqual(n.recipients.map((r) => [r.recipient.value, r.action]), [['tina@example.net', 'delivered']]);
  });

  it('deliveries name the recipients with the SMTP response and its enhanced code', () => {
    const text = JSON.stringify({ notificationType: 'Delivery', delivery: {
      recipients: ['a@example.com', 9, 'b@example.com'], smtpResponse: '250 2.6.0 Message accepted', reportingMTA: 'a8-70.smtp-out.amazonses.com',
    } });
    const n = read(text)!;
    assert.equal(n.type, 'delivery');
    assert.equal(n.reportingMta, 'a8-70.smtp-out.amazonses.com');
    assert.deepEqual(n.recipients.map((r) => [r.recipient.value, r.action, r.status?.value, r.diagnostic?.value]), [
      ['a@example.com', 'delivered', '2.6.0', '250 2.6.0 Message accepted'],
      ['b@example.com', 'delivered', '2.6.0', '250 2.6.0 Message accepted'],
    ]);
    assert.equal(at(text, n.recipients[0]!.status), '2.6.0');
    const noCode = read(JSON.stringify({ notificationType: 'Delivery', delivery: { recipients: ['a@example.com'], smtpResponse: '250 ok' } }))!;
    assert.equal(noCode.recipients[0]!.status, undefined);
    assert.equal(noCode.recipients[0]!.diagnostic?.value, '250 ok');
  });
});

describe('SES notifications: what is one', () => {
  it('the Message string of an SNS envelope', () => {
    const message = bounce([{ emailAddress: 'q@example.com', status: '5.1.1' }]);
    const text = `Some text before\n${JSON.stringify({ Type: 'Notification', MessageId: 'abc', Message: message })}\n--\nfooter`;
    const n = read(text)!;
    assert.equal(n.type, 'bounce');
    assert.equal(n.recipients[0]!.recipient.value, 'q@example.com');
    assert.equal(read(`${JSON.stringify({ Type: 'Notification', Message: { notificationType: 'Bounce' } }).replace('"notificationType"', '\\"notificationType\\"')}`), undefined);
  });

  it('JSON folded over lines by the mailer still reads', () => {
    const text = bounce([{ emailAddress: 'a@example.com', status: '5.1.1' }]);
    const folded = `${text.slice(0, 40)}\r\n${text.slice(40)}`;
    assert.equal(read(folded)?.recipients[0]?.status?.value, '5.1.1');
  });

  it('not one: no notificationType, another type, broken JSON, or JSON over 512 kB', () => {
    assert.equal(read('Hello, this is an ordinary message.'), undefined);
    assert.equal(read('{"notificationType":"Received","receipt":{}}'), undefined);
    assert.equal(read('{"notificationType":"Bounce", broken'), undefined);
    assert.equal(read('notificationType is mentioned in prose } only'), undefined);
    const big = bounce([{ emailAddress: 'a@example.com', diagnosticCode: 'x'.repeat(600 * 1024) }]);
    assert.equal(read(big), undefined);
  });
});
