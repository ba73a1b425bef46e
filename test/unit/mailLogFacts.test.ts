// The look-ups in the mail-log fact table: a field's meaning per system, and which Postfix warnings
// are routine. Expected values come from Postfix's, Exim's and Sendmail's documentation of their
// log lines; the warning texts are synthetic, after real smtpd warnings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mailLogField, warningSeverity } from '../../server/src/knowledge/mailLogFacts';

describe('mail-log field facts', () => {
  it('finds a field by the system that writes it', () => {
    assert.equal(mailLogField('postfix', 'relay=')?.title, 'Next hop');
    // Sendmail writes relay= too, meaning the host on either side of the line.
    assert.equal(mailLogField('sendmail', 'relay=')?.title, 'Relay');
    assert.equal(mailLogField('exim', '=>')?.title, 'Normal delivery');
    assert.equal(mailLogField('sendmail', 'stat=')?.system, 'sendmail');
  });

  it('knows nothing of a field under a system that does not write it', () => {
    // stat= is Sendmail's, status= Postfix's; Exim has no relay=.
    assert.equal(mailLogField('postfix', 'stat='), undefined);
    assert.equal(mailLogField('sendmail', 'status='), undefined);
    assert.equal(mailLogField('exim', 'relay='), undefined);
    assert.equal(mailLogField('postfix', 'relay'), undefined);
  });
});

describe('Postfix warning severity', () => {
  it('makes error:, fatal: and panic: lines errors, whatever they say', () => {
    for (const level of ['error', 'fatal', 'panic'] as const) {
      assert.equal(warningSeverity(level, 'hostname x.example does not resolve to address 192.0.2.1'), 'error', level);
      assert.equal(warningSeverity(level, 'bind 0.0.0.0 port 25: Address already in use'), 'error', level);
    }
  });

  it('makes a routine warning information, in any case, and any other warning a warning', () => {
    assert.equal(warningSeverity('warning', 'hostname x.example does not resolve to address 192.0.2.1'), 'information');
    // smtpd writes "Name or service not known" with capitals: the match ignores case.
    assert.equal(warningSeverity('warning', 'hostname 192-0-2-1.example: Name or service not known'), 'information');
    assert.equal(warningSeverity('warning', 'NON-SMTP COMMAND FROM unknown[192.0.2.9]: GET / HTTP/1.1'), 'information');
    assert.equal(warningSeverity('warning', 'database /etc/postfix/virtual.db is older than source file /etc/postfix/virtual'), 'warning');
    assert.equal(warningSeverity('warning', ''), 'warning');
  });
});
