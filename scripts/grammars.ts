// Writes the TextMate grammars in syntaxes/ from the log facts in the knowledge base (columns of
// each Exchange version, event IDs by outcome), so the colours and the parser never disagree:
//   node --import tsx scripts/grammars.ts
// test/unit/grammars.test.ts fails when the committed files differ from what this produces.
//
// Speed decides the shape. VS Code's TextMate engine tries every pattern of a rule at every position
// and pays for each match, so a row of a known layout is matched by ONE anchored regex whose capture
// groups colour each column (the event-id column is exactly the event-id). Rows of another layout
// (a restarted header with other #Fields, a quoted line break) fall back to patterns that recognise a
// field by its shape. Every column is an atomic group with bounded repeats: no backtracking across
// columns, so a hostile line costs linear time.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { protocolLogFields, trackingEvents, trackingFieldsByVersion, trackingLogFields } from '../server/src/knowledge/data/exchangeLogFormats';
import type { EventOutcome, LogFieldEntry } from '../server/src/knowledge/exchangeLogModel';
import { MAIL_LOG_LANGUAGE, mailLogGrammar } from './mailLogGrammar';
import { MESSAGE_TRACE_LANGUAGE, messageTraceGrammar } from './messageTraceGrammar';
import { alternation, assemble, type Captures, EMAIL, ENHANCED, FQDN, GUID, HOST, IPV4, IPV6, MESSAGE_ID, OUTCOME_SCOPES, piece, type Piece } from './grammarPieces';

export { OUTCOME_SCOPES };

export const TRACKING_LANGUAGE = 'exchange-tracking-log';
export const PROTOCOL_LANGUAGE = 'exchange-protocol-log';

/** Longest quoted field a row pattern reads; longer rows use the fallback patterns. */
const MAX_QUOTED = 20000;

const TIMESTAMP = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,7})?Z';
const VERSION = '\\d{1,2}\\.\\d{1,2}(?:\\.\\d{1,5}){1,2}';
const QUOTED_BODY = `(?:[^"]|""){0,${MAX_QUOTED}}`;
const SMTP_COMMANDS = ['EHLO', 'HELO', 'MAIL FROM:', 'RCPT TO:', 'DATA', 'BDAT', 'QUIT', 'RSET', 'NOOP', 'VRFY', 'STARTTLS', 'AUTH', 'X-ANONYMOUSTLS', 'XEXCH50', 'XEXPS'];

function eventsByOutcome(): Record<EventOutcome, string[]> {
  const groups: Record<EventOutcome, string[]> = { failure: [], delay: [], success: [], other: [] };
  for (const event of trackingEvents) groups[event.outcome].push(event.id);
  return groups;
}

/** Builds one grammar; `s` suffixes scopes with the language. */
class GrammarBuilder {
  constructor(private readonly language: string) {}

  s(scope: string): string {
    return `${scope}.${this.language}`;
  }

  /** SMTP reply codes, coloured by class: "250 2.1.5", "451", "5.7.1". */
  statusPieces(): Piece[] {
    return [['2', 'markup.inserted'], ['4', OUTCOME_SCOPES.delay], ['5', OUTCOME_SCOPES.failure]].map(([digit, scope]) =>
      piece(`(${digit}\\d\\d(?:[ -]${ENHANCED})?|${digit}\\.\\d{1,3}\\.\\d{1,3})`, this.s(`${scope}.status-code`)));
  }

  /** A status at the start of a field, then the rest of it; quoted or not. */
  statusStart(): Piece[] {
    const status = this.statusPieces();
    const codes = `(?:${status.map((p) => p.regex).join('|')})`;
    const scopes = status.map((p) => p.scopes[0]!);
    return [
      piece(`("${codes}${QUOTED_BODY}")`, this.s('string.quoted.double.field'), ...scopes),
      piece(`${codes}[^,"\\r\\n]*`, ...scopes),
    ];
  }

  /** The typed alternatives of a column, by what it holds. */
  typed(field: LogFieldEntry, outcomes: Record<EventOutcome, string[]>): Piece[] {
    const s = (scope: string) => this.s(scope);
    switch (field.kind) {
      case 'timestamp': return [piece(`(${TIMESTAMP})`, s('comment.timestamp'))];
      case 'ip': return [piece(`(${IPV4}|${IPV6})`, s('constant.numeric.ip-address'))];
      case 'host': return [piece(`(${IPV4}|${HOST})`, s('entity.name.type.host'))];
      case 'endpoint': return [piece(`(${IPV4}|\\[${IPV6}\\]|${IPV6})(:)(\\d{1,5})`, s('constant.numeric.ip-address'), s('punctuation.separator.port'), s('constant.numeric.port'))];
      case 'source': return [piece('([A-Z]{2,30})', s('support.class.source'))];
      case 'event':
        if (this.language === PROTOCOL_LANGUAGE) {
          return [piece('(\\+)|(-)|(>)|(<)|(\\*)', s('keyword.control.event.connect'), s('keyword.control.event.disconnect'),
            s('keyword.control.event.sent'), s('keyword.control.event.received'), s('keyword.control.event.information'))];
        }
        return [piece(`(${alternation(outcomes.failure)})|(${alternation(outcomes.delay)})|(${alternation(outcomes.success)})|(${alternation(outcomes.other)})`,
          s(`${OUTCOME_SCOPES.failure}.event.failure`), s(`${OUTCOME_SCOPES.delay}.event.delay`), s(`${OUTCOME_SCOPES.success}.event.success`), s(`${OUTCOME_SCOPES.other}.event.other`))];
      case 'number': return [piece('(\\d{1,20})', s('constant.numeric.integer'))];
      case 'message-id': return [piece(`(${MESSAGE_ID})`, s('string.other.message-id'))];
      case 'guid': return [piece(`(${GUID})`, s('constant.numeric.guid'))];
      case 'session-id': return [piece('([0-9A-Fa-f]{16})', s('constant.numeric.session-id'))];
      case 'address':
      case 'address-list': return [piece(`(${EMAIL}(?:;${EMAIL}){0,1000})`, s('variable.other.email'))];
      case 'status-list': return this.statusStart();
      case 'version': return [piece(`(${VERSION})`, s('constant.numeric.version'))];
      case 'text':
        if (field.name === 'source-context') return this.statusStart();
        if (field.name === 'data') return [...this.statusStart(), piece(`(${alternation(SMTP_COMMANDS)})(?![\\w-])[^,"\\r\\n]*`, s('keyword.other.smtp-command'))];
        return [];
      case 'custom-data': return [];
    }
  }

  /** One column: its typed alternatives (each taking the whole field), else any field. Atomic. */
  column(field: LogFieldEntry, outcomes: Record<EventOutcome, string[]>): Piece {
    const alternatives = this.typed(field, outcomes).map((p) => piece(`(?:${p.regex})(?=,|$)`, ...p.scopes));
    const anyField = piece(`("${QUOTED_BODY}")|[^,"\\r\\n][^,\\r\\n]*|`, this.s('string.quoted.double.field'));
    const all = [...alternatives, anyField];
    return { regex: `(?>${all.map((p) => p.regex).join('|')})`, scopes: all.flatMap((p) => p.scopes) };
  }

  /** A whole row of a known layout. */
  row(fields: readonly LogFieldEntry[], outcomes: Record<EventOutcome, string[]>): { match: string; captures: Captures } {
    return assemble(fields.map((f) => this.column(f, outcomes)), (regexes) => `^${regexes.join(',')}$`);
  }

  directive(): { match: string; captures: Captures } {
    const s = (scope: string) => this.s(scope);
    const head = (name: string) => piece(`^(#)(${name})(:)[ \\t]*`, s('punctuation.definition.directive'), s('keyword.other.directive'), s('punctuation.separator.key-value'));
    const line = (name: string, value: Piece): Piece => {
      const h = head(name);
      return piece(`${h.regex}${value.regex}$`, ...h.scopes, ...value.scopes);
    };
    return assemble([
      line('Fields', piece('(.*)', s('variable.other.field-names'))),
      line('Date', piece(`(${TIMESTAMP})`, s('comment.timestamp'))),
      line('Version', piece(`(${VERSION})`, s('constant.numeric.version'))),
      line('[A-Za-z][\\w-]{0,40}', piece('(.*)', s('string.unquoted.directive-value'))),
      piece('^(#.*)$', s('comment.line.number-sign')),
    ], (regexes) => regexes.join('|'));
  }

  /** Fallback: a field recognised by its shape alone, wherever it stands. */
  field(outcomes: Record<EventOutcome, string[]>): { match: string; captures: Captures } {
    const s = (scope: string) => this.s(scope);
    const pieces: Piece[] = [piece(`(${TIMESTAMP})`, s('comment.timestamp'))];
    if (this.language === TRACKING_LANGUAGE) {
      const event = this.typed({ name: 'event-id', kind: 'event', meaning: '' }, outcomes)[0]!;
      pieces.push(piece(`([A-Z]{2,30})(,)(?:${event.regex})`, s('support.class.source'), s('punctuation.separator.comma'), ...event.scopes));
    } else {
      pieces.push(piece('([0-9A-F]{16})', s('constant.numeric.session-id')));
      pieces.push(this.typed({ name: 'event', kind: 'event', meaning: '' }, outcomes)[0]!);
    }
    pieces.push(
      piece(`(${IPV4}|\\[${IPV6}\\]|${IPV6})(?:(:)(\\d{1,5}))?`, s('constant.numeric.ip-address'), s('punctuation.separator.port'), s('constant.numeric.port')),
      piece(`(${GUID})`, s('constant.numeric.guid')),
      piece('(\\d{1,20})', s('constant.numeric.integer')),
      piece(`(${VERSION})`, s('constant.numeric.version')),
      piece(`(${MESSAGE_ID})`, s('string.other.message-id')),
      piece(`(${EMAIL}(?:;${EMAIL}){0,1000})`, s('variable.other.email')),
      piece(`(${FQDN})`, s('entity.name.type.host')),
      ...this.statusStart().slice(1),
    );
    return assemble(pieces, (regexes) => `(?<![^,])(?:${regexes.map((r) => `(?:${r})(?=,|$)`).join('|')})`);
  }

  /** A quoted field the row patterns could not read, possibly over several lines. */
  quoted(): object {
    const s = (scope: string) => this.s(scope);
    return {
      comment: 'A quoted field is one string: commas and line breaks inside it do not end it. A line that starts a new row or header ends a quote left open.',
      begin: '(?<![^,])"',
      beginCaptures: { 0: { name: s('punctuation.definition.string.begin') } },
      end: `"(?!")|^(?=\\d{4}-\\d\\d-\\d\\dT|#)`,
      endCaptures: { 0: { name: s('punctuation.definition.string.end') } },
      name: s('string.quoted.double.field'),
      patterns: [
        { match: '""', name: s('constant.character.escape.quote') },
        { match: `(?<![\\w.])(?:[245]\\d\\d(?:[ -]${ENHANCED})?|${ENHANCED})(?![\\w.])`, name: s('constant.numeric.status-code') },
        { match: `(${MESSAGE_ID})|(${EMAIL})`, captures: { 1: { name: s('string.other.message-id') }, 2: { name: s('variable.other.email') } } },
      ],
    };
  }
}

const SCHEMA = 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json';

export function trackingGrammar(): object {
  const b = new GrammarBuilder(TRACKING_LANGUAGE);
  const outcomes = eventsByOutcome();
  const byName = new Map(trackingLogFields.map((f) => [f.name, f]));
  const layout = (names: readonly string[]) => names.map((n) => byName.get(n)!);
  return {
    $schema: SCHEMA,
    name: 'Exchange Message Tracking Log',
    scopeName: `source.${TRACKING_LANGUAGE}`,
    comment: 'Generated by scripts/grammars.ts from server/src/knowledge/data/exchangeLogFormats.ts; edit those, not this file.',
    patterns: ['directive', 'row-exchange2016', 'row-exchange2013', 'row-exchange2010', 'quoted', 'field'].map((name) => ({ include: `#${name}` })),
    repository: {
      'directive': b.directive(),
      'row-exchange2016': b.row(layout(trackingFieldsByVersion['2016']), outcomes),
      'row-exchange2013': b.row(layout(trackingFieldsByVersion['2013']), outcomes),
      'row-exchange2010': b.row(layout(trackingFieldsByVersion['2010']), outcomes),
      'quoted': b.quoted(),
      'field': b.field(outcomes),
    },
  };
}

export function protocolGrammar(): object {
  const b = new GrammarBuilder(PROTOCOL_LANGUAGE);
  const outcomes = eventsByOutcome();
  return {
    $schema: SCHEMA,
    name: 'Exchange SMTP Protocol Log',
    scopeName: `source.${PROTOCOL_LANGUAGE}`,
    comment: 'Generated by scripts/grammars.ts from server/src/knowledge/data/exchangeLogFormats.ts; edit those, not this file.',
    patterns: ['directive', 'row', 'quoted', 'field'].map((name) => ({ include: `#${name}` })),
    repository: {
      directive: b.directive(),
      row: b.row(protocolLogFields, outcomes),
      quoted: b.quoted(),
      field: b.field(outcomes),
    },
  };
}

export const GRAMMAR_FILES: readonly { readonly file: string; readonly build: () => object }[] = [
  { file: join('syntaxes', `${TRACKING_LANGUAGE}.tmLanguage.json`), build: trackingGrammar },
  { file: join('syntaxes', `${PROTOCOL_LANGUAGE}.tmLanguage.json`), build: protocolGrammar },
  { file: join('syntaxes', `${MAIL_LOG_LANGUAGE}.tmLanguage.json`), build: mailLogGrammar },
  { file: join('syntaxes', `${MESSAGE_TRACE_LANGUAGE}.tmLanguage.json`), build: messageTraceGrammar },
];

export function grammarText(build: () => object): string {
  return `${JSON.stringify(build(), null, 2)}\n`;
}

if (require.main === module) {
  for (const { file, build } of GRAMMAR_FILES) {
    writeFileSync(file, grammarText(build));
    console.log(`wrote ${file}`);
  }
}
