// message/delivery-status and message/global-delivery-status bodies (RFC 3464, RFC 6533): the
// per-message fields, then one group of fields per recipient. Read leniently: groups that are not
// separated by blank lines, recipients run together, and stray lines are all handled.

import { CharCode } from '../../common/charCode';
import { parseHeaderBlock, valueOffsetToRaw, type HeaderField } from '../mime/headers';
import { LineBreakFinder, lineAt } from '../mime/lines';
import type { MappedText } from '../mime/mappedText';

/** A field value with its raw offsets in the document. */
export interface DsnValue {
  /** Unfolded, with the type prefix ("rfc822;", "dns;", "smtp;") removed. */
  readonly value: string;
  /** The type prefix, lower case ("smtp", "x-postfix"), when there is one. */
  readonly type: string | undefined;
  readonly start: number;
  readonly end: number;
  /** Raw offset of the character at an offset into `value`. */
  readonly toRaw: (offset: number) => number;
}

export interface DsnRecipientFields {
  readonly finalRecipient?: DsnValue;
  readonly originalRecipient?: DsnValue;
  readonly actualRecipient?: DsnValue;
  readonly action?: DsnValue;
  readonly status?: DsnValue;
  readonly remoteMta?: DsnValue;
  readonly diagnosticCode?: DsnValue;
  readonly lastAttemptDate?: DsnValue;
  readonly willRetryUntil?: DsnValue;
  readonly finalLogId?: DsnValue;
  /** Raw offset of the group's first field. */
  readonly start: number;
}

export interface DeliveryStatus {
  readonly reportingMta?: DsnValue;
  readonly receivedFromMta?: DsnValue;
  readonly arrivalDate?: DsnValue;
  readonly originalEnvelopeId?: DsnValue;
  readonly recipients: readonly DsnRecipientFields[];
}

type RecipientKey = Exclude<keyof DsnRecipientFields, 'start'>;
type MessageKey = Exclude<keyof DeliveryStatus, 'recipients'>;

// Maps rather than object literals: field names are fresh lower-case strings, which a Map hashes
// without first interning them as property names.
const RECIPIENT_FIELDS = new Map<string, RecipientKey>([
  ['final-recipient', 'finalRecipient'],
  ['original-recipient', 'originalRecipient'],
  ['x-actual-recipient', 'actualRecipient'],
  ['action', 'action'],
  ['status', 'status'],
  ['remote-mta', 'remoteMta'],
  ['diagnostic-code', 'diagnosticCode'],
  ['last-attempt-date', 'lastAttemptDate'],
  ['will-retry-until', 'willRetryUntil'],
  ['final-log-id', 'finalLogId'],
]);

const MESSAGE_FIELDS = new Map<string, MessageKey>([
  ['reporting-mta', 'reportingMta'],
  ['received-from-mta', 'receivedFromMta'],
  ['arrival-date', 'arrivalDate'],
  ['original-envelope-id', 'originalEnvelopeId'],
]);

/** Fields whose values carry a type prefix ("dns;", "rfc822;", "smtp;"). */
const TYPED = new Set(['final-recipient', 'original-recipient', 'x-actual-recipient', 'remote-mta', 'diagnostic-code', 'reporting-mta', 'received-from-mta']);

/**
 * One recipient's group, every field present from the start: groups whose fields came in different
 * orders would otherwise each get an object shape of their own, and every reader of them would
 * slow down to a generic property lookup.
 */
class RecipientGroup implements DsnRecipientFields {
  finalRecipient: DsnValue | undefined = undefined;
  originalRecipient: DsnValue | undefined = undefined;
  actualRecipient: DsnValue | undefined = undefined;
  action: DsnValue | undefined = undefined;
  status: DsnValue | undefined = undefined;
  remoteMta: DsnValue | undefined = undefined;
  diagnosticCode: DsnValue | undefined = undefined;
  lastAttemptDate: DsnValue | undefined = undefined;
  willRetryUntil: DsnValue | undefined = undefined;
  finalLogId: DsnValue | undefined = undefined;
  constructor(readonly start: number) {}
}

/** The per-message fields and the groups, in one shape for every message (see RecipientGroup). */
class ParsedDeliveryStatus implements DeliveryStatus {
  reportingMta: DsnValue | undefined = undefined;
  receivedFromMta: DsnValue | undefined = undefined;
  arrivalDate: DsnValue | undefined = undefined;
  originalEnvelopeId: DsnValue | undefined = undefined;
  readonly recipients: DsnRecipientFields[] = [];
}

export function parseDeliveryStatus(body: MappedText): DeliveryStatus {
  const text = body.text;
  const parsed = new ParsedDeliveryStatus();
  const recipients = parsed.recipients;
  let current: RecipientGroup | undefined;
  const finish = (): void => {
    if (current && (current.finalRecipient || current.originalRecipient || current.status || current.action)) recipients.push(current);
    current = undefined;
  };

  let pos = 0;
  const breaks = new LineBreakFinder(text);
  while (pos < text.length) {
    const block = parseHeaderBlock(text, pos, text.length, undefined, breaks);
    if (block.fields.length === 0) {
      pos = lineAt(text, pos).next; // a blank or stray line between groups
      continue;
    }
    finish();
    for (const field of block.fields) {
      const messageKey = MESSAGE_FIELDS.get(field.key);
      if (messageKey) {
        parsed[messageKey] ??= dsnValue(field, body);
        continue;
      }
      const key = RECIPIENT_FIELDS.get(field.key);
      if (!key) continue;
      // A second recipient run into the same group starts a new one: a field seen twice, or an
      // Original-Recipient after a complete recipient (Postfix and Amazon SES write it after
      // Final-Recipient, so it only starts a new group once a Status has been read).
      if (current && (current[key] || (key === 'originalRecipient' && current.finalRecipient && current.status))) finish();
      current ??= new RecipientGroup(body.toRaw(field.start));
      current[key] = dsnValue(field, body);
    }
    pos = block.bodyStart > pos ? block.bodyStart : lineAt(text, pos).next;
  }
  finish();
  return parsed;
}

function dsnValue(field: HeaderField, body: MappedText): DsnValue {
  let offset = 0;
  let type: string | undefined;
  const value = field.value;
  if (TYPED.has(field.key)) {
    const semicolon = value.indexOf(';');
    if (semicolon > 0 && semicolon <= 24 && /^[\w.-]+$/.test(value.slice(0, semicolon).trim())) {
      type = value.slice(0, semicolon).trim().toLowerCase();
      offset = semicolon + 1;
    }
  }
  while (offset < value.length && (value.charCodeAt(offset) === CharCode.Space || value.charCodeAt(offset) === CharCode.Tab)) offset++;
  let stop = value.length;
  while (stop > offset && (value.charCodeAt(stop - 1) === CharCode.Space || value.charCodeAt(stop - 1) === CharCode.Tab)) stop--;
  const toRaw = (at: number): number => body.toRaw(valueOffsetToRaw(field, offset + at));
  return { value: value.slice(offset, stop), type, start: toRaw(0), end: toRaw(stop - offset), toRaw };
}
