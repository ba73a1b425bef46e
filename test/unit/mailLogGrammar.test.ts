// The mail-log TextMate grammar (issue #13) run by the real TextMate engine (vscode-textmate +
// vscode-oniguruma) on real Postfix, Exim and Sendmail lines from ../shared/corpus/unix-mail-logs.
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import manifest from '../../package.json';
import { OUTCOME_SCOPES } from '../../scripts/grammars';
import { loadGrammar, textmate, type Token, tokenizeLines } from '../support/textmate';
import { readShared, sharedPath } from '../support/shared';

const CORPUS = 'corpus/unix-mail-logs';
const SUFFIX = '.mail-log';
let grammar: textmate.IGrammar;

before(async () => {
  grammar = await loadGrammar('source.mail-log');
});

/** The first line of a corpus file that contains `needle`. */
function corpusLine(file: string, needle: string): string {
  const text = file.endsWith('.gz') ? gunzipSync(readFileSync(sharedPath(`${CORPUS}/${file}`))).toString('utf8') : readShared(`${CORPUS}/${file}`);
  const line = text.split(/\r?\n/).find((l) => l.includes(needle));
  assert.ok(line, `no line with "${needle}" in ${file}`);
  return line;
}

function tokens(line: string): Token[] {
  return tokenizeLines(grammar, [line])[0]!;
}

/** The innermost scope of the first token whose text is `text`, without the language suffix. */
function scopeOf(line: readonly Token[], text: string): string {
  const token = line.find((t) => t.text === text);
  assert.ok(token, `no token "${text}" in ${JSON.stringify(line.map((t) => t.text))}`);
  const scope = token.scopes.at(-1)!;
  assert.ok(scope.endsWith(SUFFIX), scope);
  return scope.slice(0, -SUFFIX.length);
}

function expectScopes(line: string, expected: Record<string, string>): void {
  const tokenized = tokens(line);
  for (const [text, scope] of Object.entries(expected)) assert.equal(scopeOf(tokenized, text), scope, `"${text}" in ${line}`);
}

const success = (what: string) => `${OUTCOME_SCOPES.success}.${what}.success`;
const delay = (what: string) => `${OUTCOME_SCOPES.delay}.${what}.delay`;
const failure = (what: string) => `${OUTCOME_SCOPES.failure}.${what}.failure`;
const other = (what: string) => `${OUTCOME_SCOPES.other}.${what}.other`;

describe('mail-log grammar', () => {
  it('is contributed for the mail-log language', () => {
    assert.deepEqual(manifest.contributes.grammars.find((g) => g.language === 'mail-log'),
      { language: 'mail-log', scopeName: 'source.mail-log', path: './syntaxes/mail-log.tmLanguage.json' });
  });

  it('colours a Postfix delivery attempt: prefix, queue id, recipient, relay, delays, dsn, status and the remote reply', () => {
    const line = corpusLine('lightmeter/individual_files/1_bounce_simple.log', 'status=bounced');
    expectScopes(line, {
      'Jun  3 10:40:59': 'comment.timestamp', 'mail': 'entity.name.type.host', 'postfix/smtp': 'support.class.daemon', '9890': 'constant.numeric.pid',
      '776E41855DB2': 'constant.numeric.queue-id', '<invalid.email@example.com>': 'variable.other.email', 'mx.example.com': 'entity.name.type.host',
      '11.22.33.44': 'constant.numeric.ip-address', '25': 'constant.numeric.port', '1.9': 'constant.numeric', '0/0/1.5/0.37': 'constant.numeric.delays',
      '5.1.1': failure('status-code'), 'bounced': failure('status'), '550 5.1.1': failure('status-code'),
    });
  });

  it('colours status=sent green, deferred amber, bounced and expired red, with the dsn by class', () => {
    const sent = corpusLine('postfix-deliverability-analytics/real-mail.log.2.gz', 'status=sent (250');
    expectScopes(sent, { 'sent': success('status'), '2.0.0': success('status-code'), '250 2.0.0': success('status-code') });
    const deferred = corpusLine('postfix-deliverability-analytics/real-mail.log.2.gz', 'status=deferred (host');
    expectScopes(deferred, { 'deferred': delay('status'), 'host': 'keyword.other.host', 'said': 'keyword.other.said' });
    assert.match(tokens(deferred).find((t) => /^4\d\d /.test(t.text))!.scopes.at(-1)!, /^entity\.name\.function\.status-code\.delay\./);
    const expired = corpusLine('postfix-deliverability-analytics/backup-single-client.log.1', 'status=expired');
    expectScopes(expired, { '3bYscs22wBz37Dv': 'constant.numeric.queue-id', 'expired': failure('status'), '<no-reply@directmail.fg.cz>': 'variable.other.email' });
    const bounced = corpusLine('postfix-deliverability-analytics/backup-single-client.log.1', 'status=bounced');
    expectScopes(bounced, { '5.4.4': failure('status-code'), 'bounced': failure('status'), 'none': 'entity.name.type.host' });
  });

  it('reads the other steps of a Postfix trail: client=, message-id=, from=, removed, the bounce notification, connect and disconnect', () => {
    const file = 'lightmeter/individual_files/18_expired.log';
    expectScopes(corpusLine(file, 'client='), { 'postfix-239.58.50.50/smtpd': 'support.class.daemon', '23EBE3D5C0': 'constant.numeric.queue-id', '239.58.50.50': 'constant.numeric.ip-address' });
    expectScopes(corpusLine(file, 'cleanup[5021]: 23EBE3D5C0: message-id='), { '<h-dea85411b67a40a063ef58e0ab590721@h-daa2fe3dd7fc0b5c2017db90829038b.com>': 'string.other.message-id' });
    expectScopes(corpusLine(file, 'nrcpt=1 (queue active)'), { '312343': 'constant.numeric', '1': 'constant.numeric' });
    expectScopes(corpusLine(file, ': removed'), { 'removed': other('event') });
    expectScopes(corpusLine(file, 'sender non-delivery notification'), { 'sender non-delivery notification': other('event'), 'A7E673C067': 'constant.numeric.queue-id' });
    expectScopes(corpusLine(file, 'disconnect from'), { 'disconnect from': 'keyword.other.connect', '112.83.23.93': 'constant.numeric.ip-address' });
    expectScopes(corpusLine('postfix-deliverability-analytics/real-mail.log.2.gz', ': Connection refused'), { 'connect to': 'keyword.other.connect', 'Connection refused': 'string.unquoted.reply' });
  });

  it('reads long queue ids, RFC 3339 and year-first time stamps', () => {
    expectScopes(corpusLine('log-ship-elastic-postfix/mail.log', 'status=sent'), { '3mPVKl0Mhjz7sXv': 'constant.numeric.queue-id', 'Jul  5 06:52:11': 'comment.timestamp' });
    expectScopes(corpusLine('crowdsec-hub/postfix-logs.log', '2024-08-26T01:33:38'), { '2024-08-26T01:33:38.572449+00:00': 'comment.timestamp' });
    expectScopes(corpusLine('postfix-deliverability-analytics/real-mail.log.2.gz', 'qmgr'), { '2013 Jun 10 06:28:17.123': 'comment.timestamp' });
  });

  it('colours rejects, SASL and authenticator failures red and warnings and lost connections amber', () => {
    expectScopes(corpusLine('crowdsec-hub/postfix-logs.log', 'Helo command rejected'), {
      'NOQUEUE': 'keyword.other.noqueue', 'reject': failure('event'), 'RCPT': 'keyword.other.smtp-command', '504 5.5.2': failure('status-code'),
      '<spammer@domain.tld>': 'variable.other.email', 'ESMTP': 'string.unquoted.value', '<WIN-9QL4SDRB93L>': 'entity.name.type.host',
    });
    expectScopes(corpusLine('lightmeter/individual_files/15_milter-reject.log', 'milter-reject'), { 'milter-reject': failure('event'), '254.65.43.194': 'constant.numeric.ip-address' });
    expectScopes(corpusLine('crowdsec-hub/postfix-logs.log', 'SASL LOGIN authentication failed'), { 'warning': delay('event'), 'authentication failed': failure('event') });
    expectScopes(corpusLine('crowdsec-hub/exim-syslog-logs.log', 'authenticator failed'), { 'exim': 'support.class.daemon', 'authenticator failed': failure('event'), '535': failure('status-code') });
    expectScopes(corpusLine('fail2ban/postfix', 'lost connection after CONNECT'), { 'lost connection': delay('event'), '192.0.2.10': 'constant.numeric.ip-address' });
  });

  it('colours Exim flags by outcome, in both message-id shapes, with the fields after them', () => {
    const mainlog = 'exim_exporter/mainlog';
    expectScopes(corpusLine(mainlog, '[123] 1jmFYj-00039V-QX <='), { '123': 'constant.numeric.pid', '1jmFYj-00039V-QX': 'constant.numeric.message-id.exim', '<=': success('event'), 'noreply@test.corp': 'variable.other.email', '2.2.2.2': 'constant.numeric.ip-address', '7386': 'constant.numeric' });
    expectScopes(corpusLine(mainlog, ' == bob@null.corp'), { '==': delay('event'), 'bob@null.corp': 'variable.other.email' });
    expectScopes(corpusLine(mainlog, ' ** bob@null.corp'), { '**': failure('event') });
    expectScopes(corpusLine(mainlog, '<= <> R=1jmFYj-00039V-QX'), { '<>': 'variable.other.email', '1jmFYj-00039V-QX': 'constant.numeric.message-id.exim' });
    expectScopes(corpusLine(mainlog, '[456] 1jmFYj-00039V-QX Completed'), { 'Completed': other('event') });
    expectScopes(corpusLine(mainlog, '=> dave@foo.corp'), { '=>': success('event'), 'mail.foo.corp': 'entity.name.type.host', '250 2.0.0': success('status-code') });
    const newIds = 'exim-testsuite/new-id-format/0217';
    expectScopes(corpusLine(newIds, '-> d@test.ex'), { '10HmaX-000000005vi-0000': 'constant.numeric.message-id.exim', '->': success('event'), '250': success('status-code') });
    expectScopes(corpusLine('exim-testsuite/old-id-format/0217', ' ** c@test.ex'), { '**': failure('event') });
    expectScopes(corpusLine('exim_exporter/mainlog', '+0200'), { '+0200': 'comment.timestamp.zone' });
    expectScopes(corpusLine('alaveteli/exim-mainlog-2016-04-28', '<='), { 'Apr 28 15:53:37': 'comment.timestamp', '2016-04-28 15:53:37': 'comment.timestamp', '1avnJx-00039F-Hs': 'constant.numeric.message-id.exim', '<=': success('event') });
    expectScopes(corpusLine('exim_exporter/rejectlog', 'rejected RCPT'), { 'rejected': failure('event'), '1.1.1.1': 'constant.numeric.ip-address' });
  });

  it('colours Sendmail queue ids, stat=Sent and reject= replies', () => {
    expectScopes(corpusLine('parse-syslog-mail/sendmail-plain.log', 'stat=Sent (Queued!'), {
      'sendmail': 'support.class.daemon', 'j061bXn5000812': 'constant.numeric.queue-id', '<cpan-testers@perl.org>': 'variable.other.email',
      'mx.develooper.com.': 'entity.name.type.host', '63.251.223.176': 'constant.numeric.ip-address', '2.0.0': success('status-code'), 'Sent': success('status'),
    });
    expectScopes(corpusLine('fail2ban/sendmail-reject', 'reject=550 5.7.1'), { 'sm-acceptingconnections': 'support.class.daemon', 's1P819mk027713': 'constant.numeric.queue-id', '550 5.7.1': failure('status-code') });
  });

  it('reads the 191 Postfix messages of the grok samples behind a syslog prefix: queue ids and every status= outcome', () => {
    // The samples carry no syslog prefix; a synthetic one names the daemon their file is named after.
    const rows = readShared(`${CORPUS}/postfix-grok-patterns/postfix-message-lines.tsv`).split('\n').slice(1).filter(Boolean).map((row) => row.split('\t'));
    assert.ok(rows.length >= 190, `${rows.length} rows`);
    const outcomes: Record<string, string> = { sent: success('status'), deferred: delay('status'), bounced: failure('status'), expired: failure('status') };
    const seen = new Set<string>();
    for (const [file, message] of rows) {
      const daemon = file!.replace(/_\d+\.yaml$/, '');
      const line = tokens(`Nov 23 09:14:02 mx postfix/${daemon}[1]: ${message}`);
      assert.equal(scopeOf(line, 'Nov 23 09:14:02'), 'comment.timestamp', message);
      assert.equal(scopeOf(line, `postfix/${daemon}`), 'support.class.daemon', message);
      const queueId = /^([0-9A-F]{6,}): /.exec(message!)?.[1];
      if (queueId) assert.equal(scopeOf(line, queueId), 'constant.numeric.queue-id', message);
      const status = / status=(sent|deferred|bounced|expired)\b/.exec(message!)?.[1];
      if (status) {
        assert.equal(scopeOf(line, status), outcomes[status], message);
        seen.add(status);
      }
    }
    assert.deepEqual([...seen].sort(), ['bounced', 'deferred', 'expired', 'sent']);
  });

  it('stays on one line: nothing opened on a line is still open on the next', () => {
    const lines = ['Nov 23 09:14:02 mx postfix/smtp[1]: 0F1E2D3C4B: to=<a@example.com>, relay=x[192.0.2.1]:25, delay=1, delays=1/0/0/0, dsn=5.1.1, status=bounced (550 "unclosed',
      'plain text that follows', 'Nov 23 09:14:03 mx postfix/qmgr[2]: 0F1E2D3C4B: removed'];
    const [, plain, removed] = tokenizeLines(grammar, lines);
    assert.ok(plain!.every((t) => t.scopes.length === 1 || !t.scopes.at(-1)!.startsWith('string')), JSON.stringify(plain));
    assert.equal(scopeOf(removed!, 'removed'), other('event'));
  });

  it('gets through hostile lines: 200,000 characters of half-open addresses, repeated keys, brackets, codes and ids, and binary junk', () => {
    const prefix = 'Nov 23 09:14:02 mx postfix/smtp[1]: 0F1E2D3C4B: ';
    const lines = [
      prefix + 'to=<'.repeat(50_000),
      prefix + 'a=b, '.repeat(40_000),
      prefix + '['.repeat(200_000),
      prefix + '550 5.1.1 '.repeat(20_000),
      prefix + 'host[192.0.2.1] reject: '.repeat(8_000),
      '2026-11-23 09:14:02 ' + '1jmFYj-00039V-QX '.repeat(12_000),
      '\u0000\u0001\uFFFD\uD800'.repeat(50_000),
      'a'.repeat(200_000),
      'Nov 23 09:14:03 mx postfix/qmgr[2]: 0F1E2D3C4B: removed',
    ];
    const tokenized = tokenizeLines(grammar, lines);
    assert.equal(tokenized.length, lines.length);
    assert.equal(scopeOf(tokenized.at(-1)!, 'removed'), other('event'));
  });
});
