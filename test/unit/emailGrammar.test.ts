// The TextMate grammar of the email language, run in a real TextMate engine.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import manifest from '../../package.json';
import { emailGrammar, tokenize, type EmailToken } from '../support/emailGrammar';
import { repoRoot } from '../support/shared';

const fixture = readFileSync(join(repoRoot, 'test/e2e/fixtures/bounce-exchange-online.eml'), 'utf8');

/** The innermost scopes of the first token with this text (on `line` when given). */
function scopesOf(tokens: readonly EmailToken[], text: string, line?: number): string[] {
  const token = tokens.find((t) => t.text === text && (line === undefined || t.line === line));
  assert.ok(token, `no token "${text}"${line === undefined ? '' : ` on line ${line}`}`);
  return [...token.scopes];
}

const has = (scopes: readonly string[], prefix: string): boolean => scopes.some((s) => s.startsWith(prefix));

describe('email grammar', () => {
  it('is registered for the email language', () => {
    assert.ok(manifest.contributes.grammars.some((g) => g.language === 'email' && g.scopeName === 'text.email' && g.path === './syntaxes/email.tmLanguage.json'));
  });

  it('colours header names, folded lines, Received parts and addresses in the header block', async () => {
    const tokens = tokenize(await emailGrammar(), fixture);
    assert.ok(has(scopesOf(tokens, 'Return-Path', 0), 'entity.name.tag.header.email'));
    assert.ok(has(scopesOf(tokens, 'from', 1), 'keyword.other.received.email'));
    // A folded line stays inside its header field.
    assert.ok(has(scopesOf(tokens, 'by', 2), 'keyword.other.received.email'));
    assert.ok(has(scopesOf(tokens, 'Mon, 23 Nov 2026 09:14:05 +0000', 4), 'constant.other.date.email'));
    assert.ok(has(scopesOf(tokens, '<0a1b2c3d-ndr-4e5f@AM9PR04MB8000.eurprd04.prod.outlook.com>'), 'string.unquoted.message-id.email'));
    assert.ok(tokens.filter((t) => t.line === 13).every((t) => has(t.scopes, 'meta.header.email')), 'the folded boundary parameter belongs to Content-Type');
  });

  it('colours MIME boundaries, DSN fields, actions and status codes by class', async () => {
    const tokens = tokenize(await emailGrammar(), fixture);
    assert.ok(has(scopesOf(tokens, '=_ndr-boundary-7f3a', 15), 'keyword.control.boundary.email'));
    assert.ok(has(scopesOf(tokens, 'Final-Recipient'), 'support.type.property-name.dsn.email'));
    assert.ok(has(scopesOf(tokens, 'rfc822'), 'storage.type.dsn.email'));
    assert.ok(has(scopesOf(tokens, 'failed'), 'invalid.illegal.action.failed.email'));
    assert.ok(has(scopesOf(tokens, '5.1.10', 41), 'invalid.illegal.status.permanent.email'));
    assert.ok(has(scopesOf(tokens, 'bob@fabrikam.com', 25), 'markup.underline.link.address.email'));
    assert.ok(has(scopesOf(tokens, '550', 26), 'invalid.illegal.reply-code.permanent.email'));
    // The body is not a header block, and the IP address and build number are not status codes.
    assert.ok(!has(scopesOf(tokens, 'Your message to ', 18), 'meta.header'));
    assert.ok(!tokens.some((t) => t.text.includes('10.5.1.1') && has(t.scopes, 'invalid.illegal')));
    assert.ok(!tokens.some((t) => t.text === '15.20.8207.17' || (t.text.includes('8207') && has(t.scopes, 'invalid.illegal'))));
  });

  it('colours transient and success codes, transcript replies and authentication results', async () => {
    const text = [
      'Authentication-Results: mx.example.com; spf=pass smtp.mailfrom=a.example; dmarc=fail header.from=a.example',
      'Received-SPF: Fail (example)',
      'Action: delayed',
      'Status: 4.2.2',
      '',
      '<<< 421 4.7.0 Try again later',
      '250 2.0.0 OK',
      'https://example.com/help: not a header',
    ].join('\n');
    const tokens = tokenize(await emailGrammar(), text);
    assert.ok(has(scopesOf(tokens, 'pass', 0), 'markup.inserted.auth-result.email'));
    assert.ok(has(scopesOf(tokens, 'fail', 0), 'invalid.illegal.auth-result.email'));
    assert.ok(has(scopesOf(tokens, 'Fail', 1), 'invalid.illegal.auth-result.email'));
    assert.ok(has(scopesOf(tokens, 'delayed'), 'entity.name.function.action.delayed.email'));
    assert.ok(has(scopesOf(tokens, '4.2.2'), 'entity.name.function.status.transient.email'));
    assert.ok(has(scopesOf(tokens, '421'), 'entity.name.function.reply-code.transient.email'));
    assert.ok(has(scopesOf(tokens, '2.0.0'), 'markup.inserted.status.success.email'));
    assert.ok(!tokens.filter((t) => t.line === 7).some((t) => has(t.scopes, 'entity.name.tag')), 'a URL at the start of a line is not a header');
  });

  it('tokenizes CRLF and bare-CR copies the same way', async () => {
    const g = await emailGrammar();
    const plain = tokenize(g, fixture).map((t) => [t.line, t.text, t.scopes.join(' ')]);
    assert.deepEqual(tokenize(g, fixture.replace(/\n/g, '\r\n')).map((t) => [t.line, t.text, t.scopes.join(' ')]), plain);
    assert.deepEqual(tokenize(g, fixture.replace(/\n/g, '\r')).map((t) => [t.line, t.text, t.scopes.join(' ')]), plain);
  });

  // Time is not asserted here (no timed unit tests): these lines are the ones a backtracking rule
  // would hang on, so finishing at all is the check, and the tokens must still describe the line.
  it('tokenizes hostile lines whole: the tokens spell the line, at most one per character, no code inside the runs', async () => {
    const g = await emailGrammar();
    for (const line of ['X: ' + 'a@'.repeat(20000), '--' + '-'.repeat(40000), 'Received: ' + '5.'.repeat(20000), '=?' + '?'.repeat(30000)]) {
      const tokens = tokenize(g, line);
      assert.equal(tokens.map((t) => t.text).join(''), line, line.slice(0, 20));
      assert.ok(tokens.length <= line.length);
      // "5.5.5.…" is no status code (RFC 3463: three numbers only), so no status scope may appear in it.
      if (line.startsWith('Received')) assert.ok(!tokens.some((t) => t.scopes.some((s) => s.includes('status'))));
    }
  });
});
