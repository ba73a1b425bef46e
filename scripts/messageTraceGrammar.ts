// The TextMate grammar of Exchange Online message traces (issue #14): the admin center's CSV reports
// and Export-Csv of the trace cmdlets, written to syntaxes/ by scripts/grammars.ts from the knowledge
// base (column names, Status values, events), so colours and hovers never disagree. Outcomes get the
// tracking log's scopes: an event is coloured exactly as in a tracking log (FAIL red, DEFER amber,
// DELIVER green), a Status or trace-only event by what it means for its recipient (Failed red;
// Pending, Quarantined and FilteredAsSpam amber, as the Problems panel warns of them; Delivered green).
//
// Columns are mapped by name and their order is not documented, so a field is recognised by its
// shape wherever it stands: one regex reads a whole field, quoted or not, with bounded repeats.
import { trackingEvents } from '../server/src/knowledge/data/exchangeLogFormats';
import { cmdletColumns, reportColumns, type TraceOutcome, traceOnlyEvents, traceStatuses } from '../server/src/knowledge/data/messageTraceFacts';
import { alternation, assemble, type Captures, EMAIL, ENHANCED, FQDN, GUID, IPV4, IPV6, MESSAGE_ID, OUTCOME_SCOPES, piece, type Piece } from './grammarPieces';

export const MESSAGE_TRACE_LANGUAGE = 'exchange-message-trace';

type Outcome = keyof typeof OUTCOME_SCOPES;
const s = (scope: string): string => `${scope}.${MESSAGE_TRACE_LANGUAGE}`;
const outcome = (kind: Outcome, what: string): string => s(`${OUTCOME_SCOPES[kind]}.${what}.${kind}`);
const KINDS: readonly Outcome[] = ['failure', 'delay', 'success', 'other'];

/** What a recipient's outcome looks like: failures red, what waits or was held amber, deliveries green. */
const COLOUR_OF: Record<TraceOutcome, Outcome> = { failed: 'failure', pending: 'delay', quarantined: 'delay', filtered: 'delay', delivered: 'success', expanded: 'other', none: 'other' };

/** Status values by colour. */
function statusesByColour(): Record<Outcome, string[]> {
  const groups: Record<Outcome, string[]> = { failure: [], delay: [], success: [], other: [] };
  for (const status of traceStatuses) groups[COLOUR_OF[status.outcome]].push(status.name);
  return groups;
}

/** Events by colour: tracking events as the tracking log colours them, the trace's own events by their outcome. */
function eventsByColour(): Record<Outcome, string[]> {
  const groups: Record<Outcome, string[]> = { failure: [], delay: [], success: [], other: [] };
  for (const event of trackingEvents) groups[event.outcome].push(event.id);
  for (const event of traceOnlyEvents) groups[COLOUR_OF[event.outcome]].push(event.name);
  return groups;
}

/** One group per colour, matched without regard to case ("FAIL" in the extended report, "Fail" in Recipient_status). */
function byColour(groups: Record<Outcome, string[]>, what: string): Piece {
  const kinds = KINDS.filter((k) => groups[k].length);
  return piece(`(?i:${kinds.map((k) => `(${alternation(groups[k])})`).join('|')})`, ...kinds.map((k) => outcome(k, what)));
}

const ISO_TIME = '\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,7})?(?:Z|[+-]\\d\\d:\\d\\d)?';
/** A date in the exporting machine's culture: 11/20/2026 10:00:01 AM, 20.11.2026 10:00:01, 20/11/2026 10:00. */
const CULTURE_TIME = '\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}[ T]\\d{1,2}:\\d\\d(?::\\d\\d(?:\\.\\d{1,7})?)?(?:[ ]?(?i:[AP]M))?';
const REPLY = piece(`(?:(2\\d\\d(?:[ -]${ENHANCED})?|2\\.\\d{1,3}\\.\\d{1,3})|(4\\d\\d(?:[ -]${ENHANCED})?|4\\.\\d{1,3}\\.\\d{1,3})|(5\\d\\d(?:[ -]${ENHANCED})?|5\\.\\d{1,3}\\.\\d{1,3}))`,
  s(`${OUTCOME_SCOPES.success}.status-code`), s(`${OUTCOME_SCOPES.delay}.status-code`), s(`${OUTCOME_SCOPES.failure}.status-code`));

/** Column names of every report and export, as a header line writes them (zone suffixes allowed). */
function columnNames(): string {
  const names = [...reportColumns, ...cmdletColumns].flatMap((c) => c.names);
  const exact = names.filter((n) => !n.endsWith('_'));
  const zoned = names.filter((n) => n.endsWith('_')).map((n) => `${n}\\w{1,20}`);
  return `(?i:${[...zoned, alternation(exact)].join('|')})`;
}

/** A header line: its first field is a known column name. */
function header(): { match: string; captures: Captures } {
  return assemble([piece(`^\\uFEFF?("?${columnNames()}"?(?:,.*)?)$`, s('variable.other.field-names'))], (r) => r.join(''));
}

/** A whole field recognised by its shape, quoted or not: `\1` is the opening quote, when there is one. */
function field(): { match: string; captures: Captures } {
  const alternatives: Piece[] = [
    piece(`(${ISO_TIME}|${CULTURE_TIME})`, s('comment.timestamp')),
    piece(`(${GUID})`, s('constant.numeric.guid')),
    piece(`(${MESSAGE_ID})`, s('string.other.message-id')),
    piece(`(${EMAIL}(?:;${EMAIL}){0,1000}|<>)`, s('variable.other.email')),
    piece(`(${IPV4}|${IPV6})`, s('constant.numeric.ip-address')),
    byColour(statusesByColour(), 'status'),
    byColour(eventsByColour(), 'event'),
    piece(`${REPLY.regex}(?:[ ;][^",\\r\\n]{0,2000})?`, ...REPLY.scopes),
    piece('([A-Z][A-Z_]{1,29})', s('support.class.source')),
    piece('(\\d{1,20})', s('constant.numeric.integer')),
    piece(`(${FQDN})`, s('entity.name.type.host')),
  ];
  const all = piece(alternatives.map((p) => `(?:${p.regex})`).join('|'), ...alternatives.flatMap((p) => p.scopes));
  return assemble([piece(`(?<![^,])("?)(?:${all.regex})\\1(?=,|$)`, null, ...all.scopes)], (r) => r.join(''));
}

/** Recipient_status: `address##Receive, Deliver` entries joined by `;`, each event coloured by outcome. */
function recipientStatus(): object {
  const events = byColour(eventsByColour(), 'event');
  return {
    begin: '(?<![^,])("?)(?=[^\\s@,;"#]{1,64}@[^\\s@,;"#]{1,253}##)',
    end: '\\1(?=,|$)|(?=$)',
    name: s('meta.recipient-status'),
    patterns: [
      assemble([piece(`(${EMAIL.replaceAll('<>]', '<>#]')})(##)`, s('variable.other.email'), null)], (r) => r.join('')),
      assemble([piece(`(?<=##|,[ ]|,)[ ]?(?:${events.regex})(?=[,;"]|$)`, ...events.scopes)], (r) => r.join('')),
    ],
  };
}

/** custom_data: agent groups (S:SFA, S:AMA, S:TRA) of key=value items separated by `|`, groups by `;`. */
function customData(): object {
  return {
    begin: '(?<![^,])("?)(?=S:[A-Z]{2,5}=)',
    end: '\\1(?=,|$)|(?=$)',
    name: s('meta.custom-data'),
    patterns: [
      assemble([piece('(S:)([A-Z]{2,5})(?==)', s('keyword.other.agent'), s('support.class.agent'))], (r) => r.join('')),
      assemble([piece('(?<=[|=;])([A-Za-z][\\w-]{0,40})(?==)', s('entity.other.attribute-name.key'))], (r) => r.join('')),
      assemble([piece('(\\|)', null)], (r) => r.join('')),
    ],
  };
}

/** A quoted field no shape read, possibly over several lines; a line that starts a new row ends a quote left open. */
function quoted(): object {
  return {
    begin: '(?<![^,])"',
    end: `"(?!")|^(?=\\uFEFF?"?(?:${ISO_TIME}|${CULTURE_TIME})"?,)`,
    name: s('string.quoted.double.field'),
    patterns: [
      { match: '""', name: s('constant.character.escape.quote') },
      assemble([piece(`(?<=LED=|^|[\\s"(\\[{])${REPLY.regex}(?![\\w.])`, ...REPLY.scopes)], (r) => r.join('')),
    ],
  };
}

export function messageTraceGrammar(): object {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Exchange Online Message Trace',
    scopeName: `source.${MESSAGE_TRACE_LANGUAGE}`,
    comment: 'Generated by scripts/grammars.ts (scripts/messageTraceGrammar.ts) from server/src/knowledge/data/messageTraceFacts.ts and exchangeLogFormats.ts; edit those, not this file.',
    patterns: ['type-line', 'header', 'recipient-status', 'custom-data', 'field', 'quoted'].map((name) => ({ include: `#${name}` })),
    repository: {
      'type-line': { match: '^\\uFEFF?#TYPE\\b.*$', name: s('comment.line.type') },
      'header': header(),
      'recipient-status': recipientStatus(),
      'custom-data': customData(),
      'field': field(),
      'quoted': quoted(),
    },
  };
}
