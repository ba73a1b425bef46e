// The rules of bounce classification (analysis/bounce/classify.ts), each with a case that holds with
// the rule and fails without it. Expected reasons come from the rule's documented meaning: the
// provider reply tables of shared/reference (Sisimai's rhost patterns, with their reasons mapped as
// knowledge/data/providerReplyFacts.ts documents), RFC 3463's code meanings and RFC 5321's command
// order. Reply texts are the providers' own, or synthetic where a test says so.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyFailure, isHardBounce, providersOf, type ClassifyInput } from '../../server/src/analysis/bounce/classify';
import { readWording } from '../../server/src/analysis/bounce/wording';
import { TEXT_RULES } from '../../server/src/knowledge/data/bounceReasonRules';
import { readTsv } from '../support/shared';

/** How providerReplyFacts.ts maps Sisimai's reasons onto ours. */
const SISIMAI_TO_OURS: Readonly<Record<string, string>> = {
  requireptr: 'blocked', badreputation: 'blocked', exceedlimit: 'mesgtoobig', notcompliantrfc: 'contenterror', failedstarttls: 'securityerror',
};
const ours = (sisimai: string): string => SISIMAI_TO_OURS[sisimai] ?? sisimai;

/** A receiving host of each provider of the reference table, as their MX records name them. */
const PROVIDER_HOSTS: Readonly<Record<string, string>> = {
  'Google (Gmail/Workspace)': 'gmail-smtp-in.l.google.com',
  'Yahoo Inc (Yahoo/AOL)': 'mta7.am0.yahoodns.net',
  'Apple (iCloud)': 'mx01.mail.icloud.com',
  'Outlook.com': 'outlook-com.olc.protection.outlook.com',
};
const EXCHANGE_ONLINE_HOST = 'contoso-com.mail.protection.outlook.com';
/** A host that belongs to no provider of the tables. */
const OTHER_HOST = 'mx.example.net';

const classify = (text: string, fields: Partial<ClassifyInput> = {}): ReturnType<typeof classifyFailure> =>
  classifyFailure({ action: 'failed', near: [readWording(text)], hosts: [OTHER_HOST], ...fields });
const reasonOf = (text: string, fields: Partial<ClassifyInput> = {}): string => classify(text, fields).reason;

describe('provider readings (the reference tables)', () => {
  it('every row of the provider table reads, at that provider, as the reason the table gives', () => {
    const wrong: string[] = [];
    const rows = readTsv('reference/provider-facts/sisimai-rhost-provider-patterns.tsv');
    assert.ok(rows.length > 150);
    for (const row of rows) {
      const host = PROVIDER_HOSTS[row.provider!];
      assert.ok(host, `no host for provider ${row.provider}`);
      const status = row.status_code || undefined;
      const text = `${row.reply_code} ${status ?? ''} ${row.lowercased_message_fragment}`;
      const got = reasonOf(text, { status, replyCode: row.reply_code, hosts: [host] });
      if (got !== ours(row.sisimai_reason!)) wrong.push(`${row.provider} ${status} "${row.lowercased_message_fragment}": ${got}, table says ${row.sisimai_reason}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('every row of the Microsoft table reads, at Exchange Online, as the reason the table gives', () => {
    const wrong: string[] = [];
    const rows = readTsv('reference/microsoft-facts/sisimai-rhost-microsoft-patterns.tsv');
    assert.ok(rows.length > 20);
    // The table gives "5.7.1 client was not authenticated" twice, as norelaying and as securityerror: either is its reading.
    const readings = new Map<string, string[]>();
    for (const row of rows) {
      const key = `${row.code_or_range}\t${row.lowercased_message_fragment}`;
      readings.set(key, [...(readings.get(key) ?? []), ours(row.sisimai_reason!)]);
    }
    for (const row of rows) {
      // A range stands for every code in it: its first code is one of them.
      const status = row.code_or_range ? row.code_or_range.split('-')[0] : undefined;
      const text = `${status?.[0] === '4' ? '451' : '550'} ${status ?? ''} ${row.lowercased_message_fragment}`;
      const got = reasonOf(text, { status, hosts: [EXCHANGE_ONLINE_HOST] });
      const accepted = readings.get(`${row.code_or_range}\t${row.lowercased_message_fragment}`)!;
      if (!accepted.includes(got)) wrong.push(`${status} "${row.lowercased_message_fragment}": ${got}, table says ${accepted.join(' or ')}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('a short provider text is that provider\'s reading only: from another host it is read by the code', () => {
    // Google's "4.7.0 ... connection expired" (the table: expired); anywhere else 4.7.0 is only
    // RFC 3463's "other or undefined security status".
    const text = '421 4.7.0 connection expired';
    assert.equal(reasonOf(text, { status: '4.7.0', hosts: [PROVIDER_HOSTS['Google (Gmail/Workspace)']!] }), 'expired');
    assert.equal(reasonOf(text, { status: '4.7.0', hosts: [OTHER_HOST] }), 'securityerror');
  });

  it('a provider text the table gives with a code is not that provider\'s reading in a reply without one', () => {
    const host = PROVIDER_HOSTS['Google (Gmail/Workspace)']!;
    assert.equal(reasonOf('421 4.7.0 connection expired', { status: '4.7.0', hosts: [host] }), 'expired');
    assert.notEqual(reasonOf('421 connection expired', { replyCode: '421', hosts: [host] }), 'expired');
  });

  it('a provider text with another code than the table gives is not that provider\'s reading', () => {
    // Google's "helo/ehlo argument is invalid" comes with 5.5.4; with 5.7.1 the code reads as refused.
    const host = PROVIDER_HOSTS['Google (Gmail/Workspace)']!;
    assert.equal(reasonOf('550 5.5.4 helo/ehlo argument is invalid', { status: '5.5.4', hosts: [host] }), 'blocked');
    assert.notEqual(reasonOf('550 5.7.1 helo/ehlo argument is invalid', { status: '5.7.1', hosts: [host] }), 'blocked');
  });

  it('a provider text the table gives for any code applies whatever the code', () => {
    // Yahoo: "... due to unresolvable RFC.5321 domain" (no code in the table: rejected).
    const text = '550 5.0.0 message not accepted due to unresolvable rfc.5321 domain';
    assert.equal(reasonOf(text, { status: '5.0.0', hosts: [PROVIDER_HOSTS['Yahoo Inc (Yahoo/AOL)']!] }), 'rejected');
  });

  it('a provider text given for a range of codes applies inside the range only, and a malformed code is in none', () => {
    // Microsoft: 5.7.501-5.7.503 "access denied, spam abuse detected" (rejected).
    const text = (status: string): string => `550 ${status} access denied, spam abuse detected`;
    assert.equal(reasonOf(text('5.7.502'), { status: '5.7.502', hosts: [EXCHANGE_ONLINE_HOST] }), 'rejected');
    assert.equal(reasonOf(text('5.7.501'), { status: '5.7.501', hosts: [EXCHANGE_ONLINE_HOST] }), 'rejected');
    assert.notEqual(reasonOf(text('5.7.504'), { status: '5.7.504', hosts: [EXCHANGE_ONLINE_HOST] }), 'rejected');
    assert.notEqual(reasonOf(text('5.7.5x'), { status: '5.7.5x', hosts: [EXCHANGE_ONLINE_HOST] }), 'rejected');
    assert.match(classify(text('5.7.502'), { status: '5.7.502', hosts: [EXCHANGE_ONLINE_HOST] }).basis, /microsoft reply "access denied, spam abuse detected"/);
  });

  it('the providers of a reply come from its hosts and from the marks in its text', () => {
    assert.deepEqual([...providersOf(['gmail-smtp-in.l.google.com'], [])], ['google']);
    assert.deepEqual([...providersOf([OTHER_HOST], ['550 5.7.1 see https://support.google.com/mail/answer/69585'])], ['google']);
    assert.deepEqual([...providersOf([OTHER_HOST], ['550 5.1.1 user unknown'])], []);
    assert.deepEqual([...providersOf([EXCHANGE_ONLINE_HOST], [])].sort(), ['microsoft', 'outlook']);
  });
});

describe('codes that settle the reason (RFC 3463)', () => {
  it('X.2.2 is a full mailbox whatever the words say', () => {
    // RFC 3463 X.2.2: "Mailbox full". Synthetic wording that on its own reads as a refusal.
    assert.equal(reasonOf('552 5.2.2 message refused, sender rejected', { status: '5.2.2' }), 'mailboxfull');
    assert.equal(classify('552 5.2.2 message refused, sender rejected', { status: '5.2.2' }).basis, 'status 5.2.2');
  });

  it('X.1.1 is an unknown user, in class 4 as in class 5', () => {
    // RFC 3463 X.1.1: "Bad destination mailbox address". Synthetic wording naming a filter.
    assert.equal(reasonOf('550 5.1.1 rejected by content filter', { status: '5.1.1' }), 'userunknown');
    assert.equal(reasonOf('450 4.1.1 rejected by content filter', { status: '4.1.1' }), 'userunknown');
  });

  it('a code that only hints is read when the words say nothing recognisable', () => {
    // RFC 3463 X.7.1: "Delivery not authorized, message refused"; X.4.7: "Delivery time expired".
    assert.equal(reasonOf('550 5.7.1 go away', { status: '5.7.1' }), 'rejected');
    assert.equal(reasonOf('451 4.4.7 zzz', { status: '4.4.7' }), 'expired');
    assert.equal(classify('451 4.4.7 zzz', { status: '4.4.7' }).basis, 'status 4.4.7');
    // The words win over a hint: "mailbox is full" with 5.7.1 (synthetic).
    assert.equal(reasonOf('550 5.7.1 mailbox is full', { status: '5.7.1' }), 'mailboxfull');
  });

  it('with neither a code nor recognisable words the reason is undefined', () => {
    assert.equal(reasonOf('550 go away'), 'undefined');
  });
});

describe('the SMTP stage (RFC 5321 command order)', () => {
  // "User unknown" and "host unknown" are about the recipient only once RCPT TO named one.
  it('before the envelope (greeting or HELO), unknown-user, unknown-host and no-service words are about the sending server', () => {
    assert.equal(reasonOf('554 invalid domain name', { stage: 'helo' }), 'blocked');
    assert.equal(reasonOf('554 no smtp service here', { stage: 'connect' }), 'blocked');
    assert.equal(reasonOf('554 user unknown', { stage: 'connect' }), 'blocked');
    assert.match(classify('554 user unknown', { stage: 'connect' }).basis, /before the envelope/);
    assert.equal(reasonOf('554 invalid domain name', { stage: 'rcpt' }), 'hostunknown');
    // Other complaints keep their reading there.
    assert.equal(reasonOf('554 mailbox is full', { stage: 'helo' }), 'mailboxfull');
    assert.match(classify('554 mailbox is full', { stage: 'helo' }).basis, /reply text/);
  });

  it('at MAIL FROM, "does not exist" is about the sender: refused', () => {
    assert.equal(reasonOf('550 address does not exist', { stage: 'mail' }), 'rejected');
    assert.match(classify('550 address does not exist', { stage: 'mail' }).basis, /MAIL FROM/);
    assert.equal(reasonOf('550 domain not found', { stage: 'mail' }), 'rejected');
    assert.equal(reasonOf('550 address does not exist', { stage: 'rcpt' }), 'userunknown');
    assert.equal(reasonOf('552 mailbox is full', { stage: 'mail' }), 'mailboxfull');
  });

  it('a host lookup that failed for now (class 4, still retrying) is a network problem; a final one a missing domain', () => {
    assert.equal(reasonOf('451 domain not found', { action: 'delayed', replyCode: '451', stage: 'rcpt' }), 'networkerror');
    assert.match(classify('451 domain not found', { action: 'delayed', replyCode: '451', stage: 'rcpt' }).basis, /DNS/);
    assert.equal(reasonOf('451 4.0.0 domain not found', { action: 'delayed', status: '4.0.0', stage: 'rcpt' }), 'networkerror');
    // Issue #12: a lookup failure in a failure that is final is an unknown host, even under a 4xx code.
    assert.equal(reasonOf('451 4.0.0 domain not found', { status: '4.0.0', stage: 'rcpt' }), 'hostunknown');
    // An unknown user stays one, whether the reply is permanent or not.
    assert.equal(reasonOf('450 user unknown', { replyCode: '450', stage: 'rcpt' }), 'userunknown');
    assert.equal(reasonOf('550 domain not found', { replyCode: '550', stage: 'rcpt' }), 'hostunknown');
  });

  it('"user unknown" after DATA comes from a filter, unless the code says the address is bad', () => {
    assert.equal(reasonOf('550 user unknown', { stage: 'data' }), 'filtered');
    assert.match(classify('550 user unknown', { stage: 'data' }).basis, /after the message data/);
    assert.equal(reasonOf('552 mailbox is full', { stage: 'data' }), 'mailboxfull');
    assert.equal(reasonOf('550 user unknown', { stage: 'rcpt' }), 'userunknown');
    // X.1.x codes are about the address (RFC 3463 subject 1), whatever the stage; 5.1.10 is a hint only.
    assert.equal(reasonOf('550 5.1.10 user unknown', { status: '5.1.10', stage: 'data' }), 'userunknown');
    assert.equal(reasonOf('550 5.7.1 user unknown', { status: '5.7.1', stage: 'data' }), 'filtered');
  });

  it('with no recognisable words, the stage alone still says who was refused', () => {
    assert.equal(reasonOf('550 go away', { stage: 'mail' }), 'rejected');
    assert.match(classify('550 go away', { stage: 'mail' }).basis, /MAIL FROM/);
    assert.equal(reasonOf('550 go away', { stage: 'connect' }), 'blocked');
    assert.match(classify('550 go away', { stage: 'connect' }).basis, /before the envelope/);
    assert.equal(reasonOf('550 go away', { stage: 'helo' }), 'blocked');
    assert.equal(reasonOf('550 go away', { stage: 'rcpt' }), 'undefined');
    assert.match(classify('550 go away', { stage: 'rcpt' }).basis, /nothing recognisable/);
  });
});

describe('recipients that were not refused', () => {
  it('delivered, relayed and expanded recipients never get a failure reason, whatever the words', () => {
    for (const action of ['delivered', 'relayed', 'expanded'] as const) {
      assert.equal(reasonOf('550 5.1.1 user unknown', { action, status: '5.1.1' }), 'delivered', action);
      assert.equal(classify('550 5.1.1 user unknown', { action, status: '5.1.1' }).basis, `action ${action}`);
    }
  });

  it('a delay with nothing recognisable is a delivery that has not happened yet', () => {
    assert.equal(reasonOf('zzz', { action: 'delayed' }), 'expired');
    assert.match(classify('zzz', { action: 'delayed' }).basis, /delayed/);
    assert.equal(reasonOf('zzz', { action: 'failed' }), 'undefined');
  });
});

describe('wording that means something at one provider (Sisimai\'s rhost modules)', () => {
  it('au (KDDI): "550 : User unknown" with no address is its sender filter', () => {
    assert.equal(reasonOf('550 : user unknown', { hosts: ['lsean.ezweb.ne.jp'] }), 'filtered');
    // Any of the hosts, and any of the texts, may carry it.
    assert.equal(classifyFailure({ action: 'failed', near: [readWording('zzz'), readWording('550 : user unknown')], hosts: [OTHER_HOST, 'LSEAN.EZWEB.NE.JP'] }).reason, 'filtered');
    assert.match(classify('550 : user unknown', { hosts: ['lsean.ezweb.ne.jp'] }).basis, /KDDI/);
    assert.equal(reasonOf('550 : user unknown', { hosts: [OTHER_HOST] }), 'userunknown');
  });

  it('Orange: reply 506 is a message refused as spam', () => {
    assert.equal(reasonOf('550 5.7.1 mwinf5c10 me_ofr_506 message refused', { hosts: ['smtp-in.orange.fr'] }), 'spamdetected');
    assert.notEqual(reasonOf('550 5.7.1 mwinf5c10 me_ofr_506 message refused', { hosts: [OTHER_HOST] }), 'spamdetected');
  });

  it('Google Groups: a post refused without a code is rejected', () => {
    assert.equal(reasonOf('you do not have permission', { hosts: ['googlegroups.com'] }), 'rejected');
    assert.match(classify('you do not have permission', { hosts: ['googlegroups.com'] }).basis, /Google Groups/);
    // With a code, the code is read as anywhere else (RFC 3463 X.7.0: other security status).
    assert.equal(reasonOf('you do not have permission', { status: '5.7.0', hosts: ['googlegroups.com'] }), 'securityerror');
    assert.equal(reasonOf('you do not have permission', { hosts: [OTHER_HOST] }), 'undefined');
    // Another known system (Gmail) is not Google Groups.
    assert.equal(reasonOf('you do not have permission', { hosts: [PROVIDER_HOSTS['Google (Gmail/Workspace)']!] }), 'undefined');
  });
});

describe('hard bounces', () => {
  it('only a permanent failure of an address that does not work is hard', () => {
    assert.equal(isHardBounce('userunknown', true), true);
    assert.equal(isHardBounce('userunknown', false), false);
    assert.equal(isHardBounce('mailboxfull', true), false);
  });
});

describe('the phrase rules, on real replies', () => {
  it('each reason of the phrase rules reads at least one real reply of the corpus that Sisimai gives that reason, from its words alone', () => {
    // The diagnostic texts and reasons are Sisimai's (expected-results.tsv); no code is passed, so only the words decide.
    const rows = readTsv('corpus/bounces/expected-results.tsv').filter((r) => r.run_diagnosticcode && r.expected_reason);
    const missing: string[] = [];
    for (const [reason] of TEXT_RULES) {
      const replies = rows.filter((r) => ours(r.expected_reason!) === reason || (r.expected_reason === 'filtered' && reason === 'userunknown'));
      if (replies.length === 0) continue;
      if (!replies.some((r) => classify(r.run_diagnosticcode!).reason === reason)) missing.push(`${reason} (${replies.length} replies)`);
    }
    assert.deepEqual(missing, []);
  });
});
