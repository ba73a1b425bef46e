// The TextMate grammar of Postfix, Exim and Sendmail logs (issue #13), written to syntaxes/ by
// scripts/grammars.ts. Outcomes get the tracking log's scopes (failure red, delay amber, success
// green), so a bounced Postfix recipient and an Exchange FAIL look alike.
//
// Speed decides the shape. VS Code's engine pays for every match and for every capture group of the
// regex that matched, so:
// - the common Postfix lines (a delivery attempt, from=, removed, client=, message-id=, a remote
//   reply, connect/disconnect, header checks, NOQUEUE rejects) are each matched whole by ONE anchored
//   regex with few groups; a production log is almost only such lines;
// - any other line has its prefix (time, host, daemon[pid], queue id or Exim id and flag) read by one
//   anchored regex and the rest by three patterns that only such lines ever search;
// - punctuation is not captured, and every repeat is bounded and atomic, so a hostile line costs
//   linear time.
import { assemble, type Captures, ENHANCED, IPV4, IPV6, OUTCOME_SCOPES, piece, type Piece } from './grammarPieces';

export const MAIL_LOG_LANGUAGE = 'mail-log';

const s = (scope: string): string => `${scope}.${MAIL_LOG_LANGUAGE}`;
type Outcome = keyof typeof OUTCOME_SCOPES;
/** The tracking log's outcome scopes: `invalid.illegal.event.failure`, `markup.inserted.status.success` ... */
const outcome = (kind: Outcome, what: string): string => s(`${OUTCOME_SCOPES[kind]}.${what}.${kind}`);

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const CLOCK = '\\d\\d:\\d\\d:\\d\\d';
/** Syslog (`Nov 23 09:14:02`, with or without a leading year and fractions) and RFC 3339 (`2024-08-26T01:33:38.572449+00:00`). */
const SYSLOG_TIME = `(?:\\d{4}[ \\t])?${MONTH}[ \\t]{1,2}\\d{1,2}[ \\t]${CLOCK}(?:\\.\\d{1,9})?|\\d{4}-\\d\\d-\\d\\dT${CLOCK}(?:\\.\\d{1,9})?(?:Z|[+-]\\d\\d:?\\d\\d)?`;
/** Exim's own `2020-06-19 04:51:49` or `2017-07-30 18:51:05.712`. */
const EXIM_TIME = `\\d{4}-\\d\\d-\\d\\d[ \\t]${CLOCK}(?:\\.\\d{1,6})?`;
/** Exim message ids: 6-6-2 before 4.97, 6-11-4 since. */
const EXIM_ID = '[0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4}';
/** Postfix short (hex) and long queue ids and Sendmail queue ids: letters and digits, at least one digit. */
const QUEUE_ID = '(?=[A-Za-z]{0,29}\\d)(?>[0-9A-Za-z]{5,30})';
const SPACE = '[ \\t]{1,8}';
const ANGLE_ADDRESS = '<[^<>\\s]{0,320}>';
const BARE_ADDRESS = '[^\\s,<>@]{1,64}@[^\\s,<>]{1,255}';
const ANGLE_EMAIL = '[^\\s@<>]{1,64}@[^\\s@<>]{1,253}';
/** The rest of a line, as far as a shape reads it. */
const TEXT = '(?>[^\\r\\n]{0,4000})';

const HOST = s('entity.name.type.host');
const IP = s('constant.numeric.ip-address');
const PORT = s('constant.numeric.port');
const NUMBER = s('constant.numeric');
const EMAIL = s('variable.other.email');
const QUEUE = s('constant.numeric.queue-id');
const EXIM_MESSAGE = s('constant.numeric.message-id.exim');
const REPLY_TEXT = s('string.unquoted.reply');

const join = (pieces: readonly Piece[]): Piece => piece(pieces.map((p) => p.regex).join(''), ...pieces.flatMap((p) => p.scopes));
const either = (pieces: readonly Piece[]): Piece => piece(`(?:${pieces.map((p) => p.regex).join('|')})`, ...pieces.flatMap((p) => p.scopes));
const optional = (p: Piece): Piece => piece(`(?:${p.regex})?`, ...p.scopes);

/** Outcome words, each group a colour. */
function byOutcome(words: Partial<Record<Outcome, string>>, what: string): Piece {
  const kinds = (['success', 'delay', 'failure', 'other'] as const).filter((k) => words[k]);
  return piece(`(?:${kinds.map((k) => `(${words[k]})`).join('|')})`, ...kinds.map((k) => outcome(k, what)));
}

/** A reply code coloured by class (2xx green, 4xx amber, 5xx red), with its enhanced code when one follows. */
const REPLY = byOutcome({ success: `2\\d\\d(?:[ -]${ENHANCED})?`, delay: `4\\d\\d(?:[ -]${ENHANCED})?`, failure: `5\\d\\d(?:[ -]${ENHANCED})?` }, 'status-code');
const ENHANCED_CODE = byOutcome({ success: '2\\.\\d{1,3}\\.\\d{1,3}', delay: '4\\.\\d{1,3}\\.\\d{1,3}', failure: '5\\.\\d{1,3}\\.\\d{1,3}' }, 'status-code');
/** Postfix's status= and Sendmail's stat=: sent, deferred, bounced/expired/undeliverable. */
const POSTFIX_STATUS = byOutcome({ success: 'sent|deliverable(?>[\\w-]{0,30})', delay: 'deferred|SOFTBOUNCE', failure: 'bounced|expired|undeliverable(?>[\\w-]{0,30})', other: '(?>[\\w-]{1,40})' }, 'status');
// Sendmail writes "Sent", "Deferred" or "queued", and the reason itself when a recipient fails.
const SENDMAIL_STATUS = byOutcome({ success: 'Sent\\b', delay: 'Deferred\\b', other: 'queued\\b', failure: '[^,\\r\\n]{1,200}' }, 'status');
/** Exim's flags after the message id: arrivals and deliveries succeed, `==` defers, `**` fails. */
const EXIM_FLAG = byOutcome({ success: '<=|=>|->', delay: '==', failure: '\\*\\*', other: '\\*>|Completed(?=[ \\t]*$)' }, 'event');

/** `host[ip]:port`, `host [ip]` (Sendmail, Exim) or a bare host. */
const HOST_AND_ADDRESS = piece(`((?>[^\\s\\[\\],;=]{1,255}))(?:[ ]?\\[(${IPV4}|${IPV6}|[^\\]\\s]{1,64})\\])?(?::(\\d{1,5}))?`, HOST, IP, PORT);
const BRACKETED_ADDRESS = piece(`((?>[^\\s\\[\\],;=]{1,255}))\\[(${IPV4}|${IPV6}|[^\\]\\s]{1,64})\\](?::(\\d{1,5}))?`, HOST, IP, PORT);

/** `key=value`: the value coloured by what the key says it holds. Keys keep the text colour: a capture per key costs more than it shows. */
const field = (name: string, value: Piece): Piece => piece(`(?:${name})=(?:${value.regex})`, ...value.scopes);
const ANGLE = piece(`(${ANGLE_ADDRESS})`, EMAIL);
const DIGITS = piece('((?>[\\d.]{1,30}))', NUMBER);
const PID = piece('\\[(\\d{1,10})\\]', s('constant.numeric.pid'));
/** An address after an Exim flag: `<>`, `<a@b>` or `a@b` (ending before a colon). */
const EXIM_ADDRESS = piece(`(<>|${ANGLE_ADDRESS}|[^\\s<>:@]{1,64}@[^\\s<>:,]{1,255})`, s('variable.other.email'));

/** time, host, daemon[pid]: of a syslog or journald line. */
export const SYSLOG_PREFIX = join([
  piece(`^(${SYSLOG_TIME})`, s('comment.timestamp')),
  piece(`${SPACE}((?>[^\\s\\[\\]]{1,255}))`, HOST),
  piece(`${SPACE}((?>[\\w.@-]{1,64})(?:/(?>[\\w.@-]{1,64})){0,3})`, s('support.class.daemon')),
  optional(PID),
  piece(`:${SPACE}`),
]);

/** What a remote server answered: its reply coloured by class, directly or after `host H[ip] said:`, then the rest. */
const REMOTE_REPLY = join([
  either([REPLY, join([piece('(host)[ ]', s('keyword.other.host')), BRACKETED_ADDRESS, piece('[ ](said|refused to talk to me):[ ]', s('keyword.other.said')), REPLY])]),
  piece(`(?=[ \\t:;,)]|$)(${TEXT})$`, REPLY_TEXT),
]);

/** The trailing `from=<> to=<> proto= helo=<>` of a Postfix reject or header-check line. */
const ENVELOPE = optional(join([
  piece('; '), field('from', ANGLE), optional(join([piece(' '), field('to', ANGLE)])),
  optional(join([piece(' '), field('proto', piece('((?>\\w{1,20}))', s('string.unquoted.value')))])),
  optional(join([piece(' '), field('helo', piece('(<[^<>\\r\\n]{0,255}>)', HOST))])),
]));

/** The rest of the common Postfix lines after the prefix, each matched whole by one regex with few groups. */
export function postfixShapes(lead: Piece = piece('\\G')): { match: string; captures: Captures }[] {
  const queued = (...body: Piece[]) => assemble([lead, piece(`(${QUEUE_ID}):[ ]`, QUEUE), ...body, piece('$')], (r) => r.join(''));
  const unqueued = (...body: Piece[]) => assemble([lead, ...body, piece('$')], (r) => r.join(''));
  return [
    // 0F1E2D3C4B: to=<a@b>, orig_to=<c@d>, relay=mx[1.2.3.4]:25, conn_use=2, delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 Ok)
    queued(field('to', ANGLE), piece(', '), optional(join([field('orig_to', ANGLE), piece(', ')])),
      field('relay', HOST_AND_ADDRESS), piece(', '), optional(join([field('conn_use', DIGITS), piece(', ')])),
      field('delay', DIGITS), piece(', '), field('delays', piece('((?>[\\d.]{1,20})(?:/(?>[\\d.]{1,20})){3})', s('constant.numeric.delays'))), piece(', '),
      field('dsn', ENHANCED_CODE), piece(', '), field('status', POSTFIX_STATUS),
      optional(join([piece(' \\('), either([REMOTE_REPLY, piece(`(${TEXT})$`, REPLY_TEXT)])]))),
    queued(field('from', ANGLE), piece(', '), field('size', DIGITS), piece(', '), field('nrcpt', DIGITS), piece(' \\(queue active\\)')),
    queued(field('from', ANGLE), piece(', '), field('status', POSTFIX_STATUS), piece(', returned to sender')),
    queued(piece('(removed)', outcome('other', 'event'))),
    queued(field('client', BRACKETED_ADDRESS)),
    queued(field('message-id', piece('(<[^<>\\r\\n]{0,998}>|(?>[^\\s<>]{1,998}))', s('string.other.message-id')))),
    queued(REMOTE_REPLY),
    queued(piece('(sender (?:non-)?delivery(?: status)? notification):[ ]', outcome('other', 'event')), piece(`(${QUEUE_ID})`, QUEUE)),
    // 0F1E2D3C4B: info: header Subject: hello from host[1.2.3.4]; from=<a@b> to=<c@d> proto=ESMTP helo=<h>
    queued(piece('(info|warning|reject|hold|discard|redirect|filter|replace|prepend):[ ]((?:header|body)[ ][^;\\r\\n]{0,2000}?)', outcome('other', 'event'), REPLY_TEXT),
      piece(' from '), BRACKETED_ADDRESS, ENVELOPE),
    // NOQUEUE: reject: RCPT from host[1.2.3.4]: 554 5.7.1 <a@b>: Relay access denied; from=<c@d> to=<a@b> proto=ESMTP helo=<h>
    unqueued(piece('(NOQUEUE):[ ]', s('keyword.other.noqueue')), piece('(reject|milter-reject):[ ]', outcome('failure', 'event')),
      piece('(\\w{2,20}) from ', s('keyword.other.smtp-command')), BRACKETED_ADDRESS, piece(': '), REPLY,
      piece('([^\\r\\n]{0,2000}?)', REPLY_TEXT), ENVELOPE),
    unqueued(piece('((?>dis)?connect from)[ ]', s('keyword.other.connect')), BRACKETED_ADDRESS, optional(piece(`[ ](${TEXT})`, s('string.unquoted.value')))),
    unqueued(piece('(connect to)[ ]', s('keyword.other.connect')), BRACKETED_ADDRESS, piece(`:[ ](${TEXT})`, REPLY_TEXT)),
  ];
}

/** After the prefix of a line no shape fits: a queue id, NOQUEUE, or an Exim id (with Exim's own time stamp when it logs to syslog) and flag. */
function syslogRest(): { match: string; captures: Captures } {
  return assemble([
    piece('\\G'),
    optional(piece(`(${EXIM_TIME})${SPACE}`, s('comment.timestamp'))),
    optional(piece(`([+-]\\d{4})${SPACE}`, s('comment.timestamp.zone'))),
    optional(join([PID, piece(SPACE)])),
    optional(either([piece('(NOQUEUE):', s('keyword.other.noqueue')), piece(`(${EXIM_ID})(?=[ \\t]|$)`, EXIM_MESSAGE), piece(`(${QUEUE_ID}):(?=[ \\t]|$)`, QUEUE)])),
    optional(join([piece(SPACE), EXIM_FLAG, optional(join([piece(SPACE), EXIM_ADDRESS]))])),
  ], (r) => r.join(''));
}

/** An Exim mainlog, rejectlog or paniclog line. */
function eximLine(): { match: string; captures: Captures } {
  return assemble([
    piece(`^(${EXIM_TIME})`, s('comment.timestamp')),
    optional(piece(`${SPACE}([+-]\\d{4})`, s('comment.timestamp.zone'))),
    optional(join([piece(SPACE), PID])),
    optional(piece(`${SPACE}(${EXIM_ID})(?=[ \\t]|$)`, EXIM_MESSAGE)),
    optional(join([piece(SPACE), EXIM_FLAG, optional(join([piece(SPACE), EXIM_ADDRESS]))])),
  ], (r) => r.join(''));
}

/** `key=value` fields of Postfix, Sendmail and Exim anywhere in a line, the values typed by key. */
function fields(): { match: string; captures: Captures } {
  const quoted = piece('"([^"\\r\\n]{0,2000})"?', s('string.quoted.double'));
  const pairs: Piece[] = [
    field('status', POSTFIX_STATUS),
    field('stat', SENDMAIL_STATUS),
    field('dsn', ENHANCED_CODE),
    field('reject', REPLY),
    field('message-id|msgid', piece('(<[^<>\\r\\n]{0,998}>|(?>[^\\s,]{1,998}))', s('string.other.message-id'))),
    field('orig_to|to|from|sasl_username|sasl_sender|ctladdr|F', piece(`(${ANGLE_ADDRESS}|${BARE_ADDRESS})`, EMAIL)),
    field('relay|client|H', HOST_AND_ADDRESS),
    field('delays', piece('((?>[\\d.]{1,20})(?:/(?>[\\d.]{1,20})){3})', s('constant.numeric.delays'))),
    field('delay|xdelay|size|nrcpts?|ntries|pri|class|uid|S|QT|DT', piece('((?>[\\d.:]{1,30}))(?![\\w])', NUMBER)),
    field('C', piece(`"(?:${REPLY.regex})?([^"\\r\\n]{0,2000})"?`, ...REPLY.scopes, s('string.quoted.double.reply'))),
    field('R', piece(`(${EXIM_ID})(?![\\w-])|((?>[^\\s,]{1,500}))`, EXIM_MESSAGE, s('string.unquoted.value'))),
    field('T|P|X|CV|A|U|I|DN|id|SNI|proto|helo|sasl_method|orig_queue_id', piece(`${quoted.regex}|((?>[^\\s,]{1,500}))`, ...quoted.scopes, s('string.unquoted.value'))),
  ];
  // A key starts after a space, comma, semicolon or parenthesis (consumed, so the search skips every other position).
  return assemble([piece(`[\\s,;(](?:${either(pairs).regex})`, ...either(pairs).scopes)], (r) => r.join(''));
}

/** Words that make a line a problem: rejects and failures red, warnings and lost connections amber, the end of a message blue. */
function events(): { match: string; captures: Captures } {
  const words = either([
    join([byOutcome({ failure: '(?:milter-)?reject|error|fatal|panic', delay: 'warning' }, 'event'), piece(':')]),
    join([byOutcome({ failure: 'rejected|(?:authenticator|authentication) failed', delay: 'lost connection' }, 'event'), piece('\\b')]),
    piece('(removed|done)$', outcome('other', 'event')),
    piece(`(sender (?:non-)?delivery(?: status)? notification):[ ](${QUEUE_ID})\\b`, outcome('other', 'event'), QUEUE),
  ]);
  return assemble([piece(`(?<![\\w-])(?:${words.regex})`, ...words.scopes)], (r) => r.join(''));
}

/** Replies in free text (`said: 550 5.1.1 ...`, `(250 2.0.0 Ok ...)`), addresses in angle brackets, hosts and IP addresses in brackets. */
function values(): { match: string; captures: Captures } {
  return assemble([either([
    piece(`(?<=^|[\\s(])(?:${REPLY.regex})(?=$|[\\s:;,)])`, ...REPLY.scopes),
    piece(`(?<=[\\s(#])(?:${ENHANCED_CODE.regex})(?![\\w.])`, ...ENHANCED_CODE.scopes),
    piece(`<(${ANGLE_EMAIL})>`, EMAIL),
    piece(`(?:(?<=[\\s(])((?>[A-Za-z0-9][\\w.-]{0,254})))?\\[(${IPV4}|${IPV6})\\](?::(\\d{1,5}))?`, HOST, IP, PORT),
  ])], (r) => r.join(''));
}

/** A line whose start is read by `start`, the rest by the field, event and value patterns. */
function rest(start: { match: string; captures: Captures }): object {
  return { begin: start.match, beginCaptures: start.captures, end: '$', patterns: ['fields', 'events', 'values'].map((name) => ({ include: `#${name}` })) };
}

/**
 * A syslog or journald line: the prefix once, then either a whole shape (one more match) or, when
 * none fits, the general patterns. Those only ever search lines no shape read.
 */
function syslogLine(): object {
  const prefix = assemble([SYSLOG_PREFIX], (r) => r.join(''));
  return { begin: prefix.match, beginCaptures: prefix.captures, end: '$', patterns: [{ include: '#postfix-shapes' }, { include: '#syslog-rest' }] };
}

export function mailLogGrammar(): object {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Mail Log (Postfix, Exim, Sendmail)',
    scopeName: `source.${MAIL_LOG_LANGUAGE}`,
    comment: 'Generated by scripts/grammars.ts (scripts/mailLogGrammar.ts); edit that, not this file.',
    patterns: ['syslog-line', 'exim-line', 'other-line'].map((name) => ({ include: `#${name}` })),
    repository: {
      'syslog-line': syslogLine(),
      'postfix-shapes': { patterns: postfixShapes() },
      'syslog-rest': rest(syslogRest()),
      'exim-line': rest(eximLine()),
      'other-line': rest({ match: '^(?=[^\\r\\n])', captures: {} }),
      'fields': fields(),
      'events': events(),
      'values': values(),
    },
  };
}
