// The TextMate grammars, run by a real TextMate engine (vscode-textmate + vscode-oniguruma, as in VS Code).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import manifest from '../../package.json';
import { GRAMMAR_FILES, grammarText, OUTCOME_SCOPES } from '../../scripts/grammars';
import { trackingEvents, trackingFieldsByVersion } from '../../server/src/knowledge/data/exchangeLogFormats';
import { loadGrammar, onigLib, textmate, type Token, tokenizeLines } from '../support/textmate';
import { readShared } from '../support/shared';

const FIXTURE = readFileSync('test/e2e/fixtures/MSGTRK20261123-1.LOG', 'utf8').split('\n');
const RECV = readFileSync('test/e2e/fixtures/RECV2026112310-1.LOG', 'utf8').split('\n');
let tracking: textmate.IGrammar;
let protocol: textmate.IGrammar;

before(async () => {
  tracking = await loadGrammar('source.exchange-tracking-log');
  protocol = await loadGrammar('source.exchange-protocol-log');
});

/** The innermost scope of the token covering `text` on a line (the first such token). */
function scopeOf(tokens: readonly Token[], text: string): string {
  const token = tokens.find((t) => t.text === text);
  assert.ok(token, `no token "${text}" in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return token.scopes[token.scopes.length - 1]!;
}

function row30(values: Record<string, string>): string {
  return trackingFieldsByVersion['2016'].map((name) => values[name] ?? '').join(',');
}

describe('grammar files', () => {
  it('are what scripts/grammars.ts generates from the knowledge base', () => {
    for (const { file, build } of GRAMMAR_FILES) assert.equal(readFileSync(file, 'utf8'), grammarText(build), `${file} is stale: run node --import tsx scripts/grammars.ts`);
  });

  it('are contributed for both log languages', () => {
    assert.deepEqual(manifest.contributes.grammars.filter((g) => /^exchange-.*-log$/.test(g.language)), [
      { language: 'exchange-tracking-log', scopeName: 'source.exchange-tracking-log', path: './syntaxes/exchange-tracking-log.tmLanguage.json' },
      { language: 'exchange-protocol-log', scopeName: 'source.exchange-protocol-log', path: './syntaxes/exchange-protocol-log.tmLanguage.json' },
    ]);
  });
});

describe('tracking log grammar', () => {
  it('colours the header directives, the field names and the header values', () => {
    const [software, version, , date, fields] = tokenizeLines(tracking, FIXTURE.slice(0, 5));
    assert.equal(scopeOf(software!, 'Software'), 'keyword.other.directive.exchange-tracking-log');
    assert.equal(scopeOf(software!, '#'), 'punctuation.definition.directive.exchange-tracking-log');
    assert.equal(scopeOf(version!, '15.02.1544.004'), 'constant.numeric.version.exchange-tracking-log');
    assert.equal(scopeOf(date!, '2026-11-23T09:00:01.112Z'), 'comment.timestamp.exchange-tracking-log');
    assert.match(scopeOf(fields!, FIXTURE[4]!.slice('#Fields: '.length)), /^variable\.other\.field-names\./);
  });

  it('colours each column of a row: timestamps, IPs, hosts, source, event, ids, addresses, status codes, numbers', () => {
    const lines = tokenizeLines(tracking, FIXTURE);
    const receive = lines[5]!;
    const expected: [string, string][] = [
      ['2026-11-23T09:14:02.120Z', 'comment.timestamp'],
      ['10.0.0.21', 'constant.numeric.ip-address'],
      ['EX01.contoso.com', 'entity.name.type.host'],
      ['SMTP', 'support.class.source'],
      ['RECEIVE', 'markup.inserted.event.success'],
      ['86157228441601', 'constant.numeric.integer'],
      ['<q4-forecast-81f2@contoso.com>', 'string.other.message-id'],
      ['3f2a9c1e-5b7d-4e21-08de-2b1c4a7f3e10', 'constant.numeric.guid'],
      ['bob@fabrikam.com;carol@contoso.com', 'variable.other.email'],
      ['48213', 'constant.numeric.integer'],
      ['15.02.1544.004', 'constant.numeric.version'],
    ];
    for (const [text, scope] of expected) assert.equal(scopeOf(receive, text), `${scope}.exchange-tracking-log`, text);
    assert.equal(scopeOf(lines[7]!, 'FAIL'), 'invalid.illegal.event.failure.exchange-tracking-log');
    assert.equal(scopeOf(lines[7]!, '550 5.1.1'), 'invalid.illegal.status-code.exchange-tracking-log');
    assert.equal(scopeOf(lines[8]!, 'DSN'), 'support.class.source.exchange-tracking-log');
    assert.equal(lines[8]!.filter((t) => t.text === 'DSN').map((t) => t.scopes.at(-1)).join(' '), 'support.class.source.exchange-tracking-log keyword.other.event.other.exchange-tracking-log');
    assert.equal(scopeOf(lines[9]!, '250 2.1.5'), 'markup.inserted.status-code.exchange-tracking-log');
    assert.equal(scopeOf(lines[10]!, 'DEFER'), 'entity.name.function.event.delay.exchange-tracking-log');
    assert.equal(scopeOf(lines[10]!, '451 4.4.316'), 'entity.name.function.status-code.exchange-tracking-log');
  });

  it('colours every event ID by its outcome in the knowledge base', () => {
    const rows = trackingEvents.map((e) => row30({ 'date-time': '2026-11-23T10:00:00.000Z', 'source': 'SMTP', 'event-id': e.id }));
    const lines = tokenizeLines(tracking, rows);
    trackingEvents.forEach((event, i) => {
      assert.equal(scopeOf(lines[i]!, event.id), `${OUTCOME_SCOPES[event.outcome]}.event.${event.outcome}.exchange-tracking-log`, event.id);
    });
    const failures = trackingEvents.filter((e) => e.outcome === 'failure').map((e) => e.id);
    for (const id of ['FAIL', 'POISONMESSAGE', 'BADMAIL', 'SUBMITFAIL', 'RESUBMITFAIL']) assert.ok(failures.includes(id), id);
    const delays = trackingEvents.filter((e) => e.outcome === 'delay').map((e) => e.id);
    assert.deepEqual(delays.sort(), ['DEFER', 'RESUBMITDEFER', 'SUBMITDEFER', 'THROTTLE']);
    const successes = trackingEvents.filter((e) => e.outcome === 'success').map((e) => e.id);
    for (const id of ['DELIVER', 'SEND', 'RECEIVE', 'SUBMIT']) assert.ok(successes.includes(id), id);
  });

  it('reads a quoted field as one token run: its commas never start a field', () => {
    const line = row30({ 'date-time': '2026-11-23T10:00:00.000Z', 'source': 'SMTP', 'event-id': 'FAIL', 'recipient-address': 'a@x.example', 'recipient-status': '"550 5.7.1 Delivery not authorized, message refused, ""policy"""', 'total-bytes': '1234', 'recipient-count': '1' });
    const [tokens] = tokenizeLines(tracking, [line]);
    const start = line.indexOf('"550');
    const end = line.indexOf('"""') + 3;
    let at = 0;
    for (const token of tokens!) {
      if (at >= start && at < end) assert.ok(token.scopes.includes('string.quoted.double.field.exchange-tracking-log'), `"${token.text}" left the quoted field`);
      at += token.text.length;
    }
    assert.equal(scopeOf(tokens!, '1234'), 'constant.numeric.integer.exchange-tracking-log');
    assert.equal(scopeOf(tokens!, 'FAIL'), 'invalid.illegal.event.failure.exchange-tracking-log');
  });

  it('falls back to recognising fields by shape when the columns are in another order, and keeps a quoted line break inside the string', () => {
    const lines = [
      '#Fields: event-id,date-time,message-id,recipient-status',
      'ROUTING,DEFER,2026-11-23T10:00:00.000Z,<m@x.example>,"451 4.4.0 first line',
      'second line, still quoted",5',
      '2026-11-23T10:00:01.000Z,192.0.2.1,mx.example.com',
    ];
    const [, row, continuation, next] = tokenizeLines(tracking, lines);
    assert.equal(scopeOf(row!, 'DEFER'), 'entity.name.function.event.delay.exchange-tracking-log');
    assert.equal(scopeOf(row!, '2026-11-23T10:00:00.000Z'), 'comment.timestamp.exchange-tracking-log');
    assert.equal(scopeOf(row!, '<m@x.example>'), 'string.other.message-id.exchange-tracking-log');
    assert.ok(continuation![0]!.scopes.includes('string.quoted.double.field.exchange-tracking-log'));
    assert.equal(scopeOf(continuation!, '5'), 'constant.numeric.integer.exchange-tracking-log');
    assert.equal(scopeOf(next!, '192.0.2.1'), 'constant.numeric.ip-address.exchange-tracking-log');
    assert.equal(scopeOf(next!, 'mx.example.com'), 'entity.name.type.host.exchange-tracking-log');
  });

  it('reads the real Exchange 2010 (26 fields, CRLF) and 2013 (27 fields) files', () => {
    const exchange2010 = readShared('corpus/exchange-logs/elastic-beats/bom8.log').replace(/^\uFEFF/, '').split('\r\n');
    const lines2010 = tokenizeLines(tracking, exchange2010);
    assert.equal(scopeOf(lines2010[5]!, 'NOTIFYMAPI'), 'keyword.other.event.other.exchange-tracking-log');
    assert.equal(scopeOf(lines2010[5]!, 'STOREDRIVER'), 'support.class.source.exchange-tracking-log');
    assert.match(lines2010[5]!.find((t) => t.text.startsWith('"MDB:'))!.scopes.at(-1)!, /^string\.quoted\.double\.field\./);
    const lines2013 = tokenizeLines(tracking, readShared('corpus/exchange-logs/kinesis-agent-windows/exchange2013-message-tracking-sample.log').split('\n'));
    assert.equal(scopeOf(lines2013[5]!, 'AGENTINFO'), 'keyword.other.event.other.exchange-tracking-log');
    assert.equal(scopeOf(lines2013[6]!, 'HAREDIRECT'), 'keyword.other.event.other.exchange-tracking-log');
    assert.equal(scopeOf(lines2013[6]!, 'user2@amazon.example;user1@amazon.example;user3@amazon.example'), 'variable.other.email.exchange-tracking-log');
  });

  it('gets through hostile lines: a million commas, binary junk, an unclosed quote', () => {
    const lines = [',', '"never closed', '\u0000\u0001\uFFFD\uD800'.repeat(50_000), '2026-11-23T10:00:00.000Z,x'];
    lines[0] = ','.repeat(1_000_000);
    const tokenized = tokenizeLines(tracking, lines);
    assert.equal(tokenized.length, 4);
    assert.equal(scopeOf(tokenized[3]!, '2026-11-23T10:00:00.000Z'), 'comment.timestamp.exchange-tracking-log');
  });
});

describe('protocol log grammar', () => {
  it('colours session ids, endpoints, event symbols, commands and replies by class', () => {
    const lines = tokenizeLines(protocol, RECV);
    assert.equal(scopeOf(lines[4]!, 'Fields'), 'keyword.other.directive.exchange-protocol-log');
    const ehlo = lines[8]!;
    assert.equal(scopeOf(ehlo, '08DE2B1C4A7F5001'), 'constant.numeric.session-id.exchange-protocol-log');
    assert.equal(scopeOf(ehlo, '10.0.0.5'), 'constant.numeric.ip-address.exchange-protocol-log');
    assert.equal(scopeOf(ehlo, '25'), 'constant.numeric.port.exchange-protocol-log');
    assert.equal(scopeOf(ehlo, '<'), 'keyword.control.event.received.exchange-protocol-log');
    assert.equal(scopeOf(ehlo, 'EHLO'), 'keyword.other.smtp-command.exchange-protocol-log');
    assert.equal(scopeOf(lines[5]!, '+'), 'keyword.control.event.connect.exchange-protocol-log');
    assert.equal(scopeOf(lines[16]!, '-'), 'keyword.control.event.disconnect.exchange-protocol-log');
    assert.equal(scopeOf(lines[11]!, '250 2.1.0'), 'markup.inserted.status-code.exchange-protocol-log');
    assert.equal(scopeOf(lines[13]!, '550 5.7.1'), 'invalid.illegal.status-code.exchange-protocol-log');
    assert.equal(scopeOf(lines[7]!, '220'), 'markup.inserted.status-code.exchange-protocol-log');
  });
});

describe('colours in the default themes', () => {
  // Token colours of VS Code's Dark+ and Light+ (extensions/theme-defaults/themes: dark_vs.json +
  // dark_plus.json, light_vs.json + light_plus.json), for the scopes the grammars use.
  const themes: Record<string, textmate.IRawTheme> = {
    'Dark+': { settings: [
      { settings: { foreground: '#D4D4D4', background: '#1E1E1E' } },
      { scope: 'invalid', settings: { foreground: '#F44747' } },
      { scope: ['entity.name.function', 'support.function'], settings: { foreground: '#DCDCAA' } },
      { scope: 'markup.inserted', settings: { foreground: '#B5CEA8' } },
      { scope: 'keyword', settings: { foreground: '#569CD6' } },
      { scope: 'keyword.control', settings: { foreground: '#C586C0' } },
      { scope: 'comment', settings: { foreground: '#6A9955' } },
      { scope: 'constant.numeric', settings: { foreground: '#B5CEA8' } },
      { scope: 'string', settings: { foreground: '#CE9178' } },
      { scope: 'variable', settings: { foreground: '#9CDCFE' } },
      { scope: ['entity.name.type', 'support.class'], settings: { foreground: '#4EC9B0' } },
    ] },
    'Light+': { settings: [
      { settings: { foreground: '#000000', background: '#FFFFFF' } },
      { scope: 'invalid', settings: { foreground: '#CD3131' } },
      { scope: ['entity.name.function', 'support.function'], settings: { foreground: '#795E26' } },
      { scope: 'markup.inserted', settings: { foreground: '#098658' } },
      { scope: 'keyword', settings: { foreground: '#0000FF' } },
      { scope: 'keyword.control', settings: { foreground: '#AF00DB' } },
      { scope: 'comment', settings: { foreground: '#008000' } },
      { scope: 'constant.numeric', settings: { foreground: '#098658' } },
      { scope: 'string', settings: { foreground: '#A31515' } },
      { scope: 'variable', settings: { foreground: '#001080' } },
      { scope: ['entity.name.type', 'support.class'], settings: { foreground: '#267F99' } },
    ] },
  };

  /** Hue in degrees of "#RRGGBB". */
  function hue(color: string): number {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16) / 255) as [number, number, number];
    const max = Math.max(r, g, b);
    const delta = max - Math.min(r, g, b);
    if (delta === 0) return 0;
    const h = max === r ? ((g - b) / delta) % 6 : max === g ? (b - r) / delta + 2 : (r - g) / delta + 4;
    return (h * 60 + 360) % 360;
  }

  for (const [name, theme] of Object.entries(themes)) {
    it(`${name}: failures red, delays amber, successes green, the rest another colour`, async () => {
      const registry = new textmate.Registry({
        onigLib: onigLib(),
        loadGrammar: async (scope) => (scope === 'source.exchange-tracking-log'
          ? textmate.parseRawGrammar(readFileSync('syntaxes/exchange-tracking-log.tmLanguage.json', 'utf8'), 'tracking.json') : null),
        theme,
      });
      const grammar = (await registry.loadGrammar('source.exchange-tracking-log'))!;
      const colorMap = registry.getColorMap();
      const colourOf = (event: string): string => {
        const line = row30({ 'date-time': '2026-11-23T10:00:00.000Z', 'source': 'SMTP', 'event-id': event });
        const { tokens } = grammar.tokenizeLine2(line, textmate.INITIAL);
        const at = line.indexOf(`,${event},`) + 1;
        let metadata = 0;
        for (let i = 0; i < tokens.length; i += 2) if (tokens[i]! <= at) metadata = tokens[i + 1]!;
        return colorMap[(metadata >>> 15) & 0x1ff]!.toUpperCase();
      };
      const [fail, defer, deliver, other] = ['FAIL', 'DEFER', 'DELIVER', 'AGENTINFO'].map(colourOf) as [string, string, string, string];
      assert.equal(new Set([fail, defer, deliver, other]).size, 4, `${fail} ${defer} ${deliver} ${other}`);
      const h = [fail, defer, deliver].map(hue) as [number, number, number];
      assert.ok(h[0] < 15 || h[0] > 345, `failure ${fail} is not red`);
      assert.ok(h[1] >= 35 && h[1] <= 65, `delay ${defer} is not amber`);
      assert.ok(h[2] >= 75 && h[2] <= 165, `success ${deliver} is not green`);
      for (const id of ['POISONMESSAGE', 'BADMAIL', 'SUBMITFAIL', 'RESUBMITFAIL']) assert.equal(colourOf(id), fail, id);
      for (const id of ['THROTTLE', 'SUBMITDEFER', 'RESUBMITDEFER']) assert.equal(colourOf(id), defer, id);
      for (const id of ['SEND', 'RECEIVE', 'SUBMIT']) assert.equal(colourOf(id), deliver, id);
    });
  }
});
