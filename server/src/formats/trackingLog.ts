// Message tracking specifics on top of the generic log: the multi-valued recipient fields paired by
// position, custom-data's S:key=value items, and the rows of each message.

import { CharCode } from '../common/charCode';
import type { ExchangeLog, LogRow } from './exchangeLog';
import { fieldOf, fieldValueRange, valueOf } from './exchangeLogLookups';
import { columnKey, type RowGroups, rowGroups, type RowKey } from './exchangeLogIndex';
import { ESCAPED_QUOTES, indexWithin } from './csv';

/** One item of a multi-valued field, with its exact offsets. */
export interface FieldItem {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface RecipientOutcome {
  readonly recipient?: FieldItem;
  readonly status?: FieldItem;
}

/** Splits a field's value on `;`, trimming blanks; items keep their offsets. */
export function splitItems(log: ExchangeLog, field: number): FieldItem[] {
  if (field < 0) return [];
  const { start, end } = fieldValueRange(log, field);
  const { text } = log;
  const unescape = (log.fields.flags[field]! & ESCAPED_QUOTES) !== 0;
  const items: FieldItem[] = [];
  let from = start;
  while (from <= end) {
    let to = indexWithin(text, CharCode.Semicolon, from, end);
    if (to < 0) to = end;
    let s = from;
    let e = to;
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    if (e > s) {
      const raw = text.slice(s, e);
      items.push({ start: s, end: e, text: unescape ? raw.replaceAll('""', '"') : raw });
    }
    from = to + 1;
  }
  return items;
}

const isBlank = (c: number): boolean => c === CharCode.Space || c === CharCode.Tab;

/**
 * recipient-status items grouped into one status per recipient. A status may itself contain ";"
 * ("550 5.1.1 RESOLVER.ADR.RecipNotFound; not found"), so a piece starts a new status only when it
 * begins with a reply code; the rest continue the one before.
 */
export function statusGroups(log: ExchangeLog, row: LogRow): FieldItem[] {
  const pieces = splitItems(log, fieldOf(row, 'recipient-status'));
  const groups: FieldItem[] = [];
  for (const piece of pieces) {
    const last = groups[groups.length - 1];
    if (last && !startsWithReplyCode(piece.text)) {
      groups[groups.length - 1] = { start: last.start, end: piece.end, text: `${last.text}${log.text.slice(last.end, piece.start)}${piece.text}` };
    } else groups.push(piece);
  }
  return groups;
}

const isDigit = (c: number): boolean => c >= CharCode.Digit0 && c <= CharCode.Digit9;

function startsWithReplyCode(text: string): boolean {
  const c0 = text.charCodeAt(0);
  if (c0 < CharCode.Digit2 || c0 > CharCode.Digit5) return false;
  const c1 = text.charCodeAt(1);
  const c2 = text.charCodeAt(2);
  const after = text.charCodeAt(3);
  return isDigit(c1) && isDigit(c2) && (text.length === 3 || after === CharCode.Space || after === CharCode.Dash);
}

/**
 * Each recipient with its status, paired by position. One status for several recipients applies
 * to all of them; extra items on either side stay unpaired.
 */
export function recipientOutcomes(log: ExchangeLog, row: LogRow): RecipientOutcome[] {
  const recipients = splitItems(log, fieldOf(row, 'recipient-address'));
  const statuses = statusGroups(log, row);
  const outcomes: RecipientOutcome[] = [];
  const count = Math.max(recipients.length, statuses.length);
  for (let i = 0; i < count; i++) {
    const recipient = recipients[i];
    const status = statuses.length === 1 && recipients.length > 1 ? statuses[0] : statuses[i];
    outcomes.push({ ...(recipient ? { recipient } : {}), ...(status ? { status } : {}) });
  }
  return outcomes;
}

export interface CustomDataItem extends FieldItem {
  /** "S" for strings; the letter before the colon. */
  readonly type: string;
  readonly key: string;
  readonly value: string;
}

/** custom-data's "S:key=value;S:key=value" items. Items without a "key=" keep their text as the value. */
export function customDataItems(log: ExchangeLog, row: LogRow): CustomDataItem[] {
  return splitItems(log, fieldOf(row, 'custom-data')).map((item) => {
    const colon = item.text.indexOf(':');
    const typed = colon > 0 && colon <= 2;
    const body = typed ? item.text.slice(colon + 1) : item.text;
    const eq = body.indexOf('=');
    return { ...item, type: typed ? item.text.slice(0, colon) : '', key: eq > 0 ? body.slice(0, eq) : '', value: eq > 0 ? body.slice(eq + 1) : body };
  });
}

/** What identifies a row's message, in order: message-id, else network-message-id, else internal-message-id. */
const MESSAGE_ID_COLUMNS = ['message-id', 'network-message-id', 'internal-message-id'];

/** What identifies a row's message: the first of MESSAGE_ID_COLUMNS with a value. */
export function messageKey(log: ExchangeLog, row: LogRow): string {
  for (const column of MESSAGE_ID_COLUMNS) {
    const value = valueOf(log, fieldOf(row, column));
    if (value) return value;
  }
  return '';
}

/** Rows grouped by their message, as `messageKey` names it. */
export const MESSAGE_KEY: RowKey = { id: 'message', firstOf: MESSAGE_ID_COLUMNS.map(columnKey) };

/** Row indexes of each message (well-formed rows only), in file order. */
export function messageRows(log: ExchangeLog): RowGroups {
  return rowGroups(log, MESSAGE_KEY);
}
