// One recipient's problem message and product context (analysis/bounce/recipientReading.ts):
// hard, permanent or soft as the README defines them, delays and deliveries said as such, a bare
// x.0.0 giving way to the reason its words gave, the reply reading's own first step, the conflict
// note, and product readings only for a reply Exchange wrote. Outcomes are synthetic, shaped as
// analyzeBounce returns them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { bounceKind, productsFor, readRecipient } from '../../server/src/analysis/bounce/recipientReading';
import type { RecipientOutcome } from '../../server/src/analysis/bounce/bounceAnalysis';
import { bounceReasons, type BounceReason } from '../../server/src/knowledge/data/bounceReasons';

const span = { start: 0, end: 0 };
const at = (value: string) => ({ value, span });
const plainDocument = TextDocument.create('file:///synthetic.eml', 'email', 1, 'From: MAILER-DAEMON@mx.example.net\n\nUndelivered.');
/** A document an Exchange server wrote (its organization header), where Exchange readings lead. */
const exchangeDocument = TextDocument.create('file:///exchange.eml', 'email', 1, 'From: postmaster@contoso.com\nX-MS-Exchange-Organization-SCL: 1\n\nUndeliverable.');

function outcome(reason: BounceReason, fields: Partial<RecipientOutcome> = {}): RecipientOutcome {
  return {
    recipient: at('bob@example.net'), action: 'failed', reason, reasonBasis: 'synthetic', hard: false, permanent: true,
    actors: bounceReasons[reason].actors, anchor: span, ...fields,
  };
}
const message = (o: RecipientOutcome, document = plainDocument): string => readRecipient(document, o).message;

describe('recipient messages: hard, permanent or soft', () => {
  it('hard when the address is dead, permanent when it is fine, soft when the failure is transient', () => {
    assert.equal(bounceKind(outcome('userunknown', { hard: true })), 'hard bounce');
    assert.equal(bounceKind(outcome('blocked')), 'permanent, the address itself is fine');
    assert.equal(bounceKind(outcome('mailboxfull', { permanent: false })), 'soft bounce');
  });

  it('the message names the address, the code, the title, the reason, the kind and the fix', () => {
    const o = outcome('userunknown', { hard: true, status: at('5.1.1'), replyCode: at('550') });
    assert.equal(message(o), `bob@example.net: 5.1.1 bad destination mailbox address (userunknown, hard bounce). Fix: ${bounceReasons.userunknown.fix}`);
  });

  it('the reply code stands in for a missing enhanced code; with no code at all the reason\'s title is said', () => {
    assert.match(message(outcome('mailboxfull', { replyCode: at('552') })), /^bob@example\.net: 552 /);
    assert.equal(message(outcome('mailboxfull')), `bob@example.net: mailbox full (mailboxfull, permanent, the address itself is fine). Fix: ${bounceReasons.mailboxfull.fix}`);
  });

  it('a delay is "still retrying"; a delivered or relayed recipient only says its action', () => {
    assert.match(message(outcome('mailboxfull', { action: 'delayed', permanent: false, status: at('4.2.2') })), /^bob@example\.net: 4\.2\.2 [^(]*\(mailboxfull, delayed, still retrying\)\. Fix: /);
    assert.equal(message(outcome('undefined', { action: 'delivered', permanent: false })), 'bob@example.net: reason not recognised (delivered)');
    assert.equal(message(outcome('undefined', { action: 'relayed', permanent: false })), 'bob@example.net: reason not recognised (relayed)');
  });

  it('a bare x.0.0 says only "failed": the reason its words gave is said instead, unless there is none', () => {
    assert.match(message(outcome('mailboxfull', { status: at('5.0.0') })), /^bob@example\.net: 5\.0\.0 mailbox full \(/);
    assert.match(message(outcome('undefined', { status: at('5.0.0') })), /^bob@example\.net: 5\.0\.0 other undefined status \(undefined, /i);
    assert.match(message(outcome('mailboxfull', { status: at('5.2.0') })), /^bob@example\.net: 5\.2\.0 other or undefined mailbox status \(/, 'x.2.0 is not bare');
  });

  it('the reading a reply chose names its own first step (Yahoo TSS04: slow down)', () => {
    const diagnostic = at('421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints');
    const m = message(outcome('speeding', { action: 'delayed', permanent: false, status: at('4.7.0'), replyCode: at('421'), diagnostic }));
    assert.doesNotMatch(m, new RegExp(`Fix: ${bounceReasons.speeding.fix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    assert.match(m, /Fix: .+/);
  });

  it('a Status conflict is added as a note', () => {
    const conflict = 'The Status field says 5.0.0 but the diagnostic text says 5.1.1; 5.1.1 is kept as the more specific.';
    assert.match(message(outcome('userunknown', { hard: true, status: at('5.1.1'), conflict })), / Note: The Status field says 5\.0\.0/);
    assert.doesNotMatch(message(outcome('userunknown', { hard: true, status: at('5.1.1') })), /Note:/);
  });

  it('no explanation without a code', () => {
    assert.equal(readRecipient(plainDocument, outcome('userunknown')).explanation, undefined);
    assert.ok(readRecipient(plainDocument, outcome('userunknown', { replyCode: at('550') })).explanation);
  });
});

describe('recipient messages: product readings only for a reply Exchange wrote', () => {
  it('a transport string is Exchange\'s own: the document\'s products apply', () => {
    assert.deepEqual(productsFor(exchangeDocument, outcome('userunknown', { status: at('5.1.10'), transport: at('RESOLVER.ADR.RecipientNotFound') })), ['Exchange Server', 'Exchange Online']);
  });

  it('an Exchange Online server as the remote server, or named by the reply, applies them too', () => {
    assert.deepEqual(productsFor(exchangeDocument, outcome('userunknown', { remoteMta: at('contoso-com.mail.protection.outlook.com') })), ['Exchange Server', 'Exchange Online']);
    const named = at('550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup [BN1PR01MB1234.prod.outlook.com]');
    assert.deepEqual(productsFor(exchangeDocument, outcome('userunknown', { diagnostic: named })), ['Exchange Server', 'Exchange Online']);
  });

  it('a code an Exchange server only relays keeps its standard meaning', () => {
    assert.deepEqual(productsFor(exchangeDocument, outcome('userunknown', { status: at('5.1.10'), remoteMta: at('mx.example.net'), diagnostic: at('550 5.1.10 no such user') })), []);
    assert.deepEqual(productsFor(exchangeDocument, outcome('userunknown', { status: at('5.1.10') })), []);
  });
});
