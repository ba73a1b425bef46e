// The structured cells of message traces, split with their offsets: Recipient_status entries
// ("address##Receive, Deliver" joined by ";"), the comma-separated events inside one, and
// custom_data's agent groups ("S:SFA=SUM|SFV=SPM|SCL=9;S:AMA=...") with their key=value items.

import { CharCode } from '../../common/charCode';
import { indexWithin } from '../csv';

/** A piece of a cell with its exact offsets in the document. */
export interface TracePiece {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface RecipientStatusEntry extends TracePiece {
  readonly recipient?: TracePiece;
  /** The status part after "##"; the whole entry when it has no "##". */
  readonly status?: TracePiece;
  /** Each comma-separated event of the status ("Receive", "Deliver", "Quarantined"). */
  readonly events: readonly TracePiece[];
}

/** Most pieces read from one cell: a hostile cell of a million separators is read to here. */
export const MAX_PIECES = 1000;

/** Splits [start, end) of `text` on a separator, trimming blanks; pieces keep their offsets. */
export function splitPieces(text: string, start: number, end: number, separator: number): TracePiece[] {
  const pieces: TracePiece[] = [];
  let from = start;
  while (from <= end && pieces.length < MAX_PIECES) {
    let to = indexWithin(text, separator, from, end);
    if (to < 0) to = end;
    const piece = trimmed(text, from, to);
    if (piece) pieces.push(piece);
    from = to + 1;
  }
  return pieces;
}

function trimmed(text: string, from: number, to: number): TracePiece | undefined {
  let s = from;
  let e = to;
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  return e > s ? { start: s, end: e, text: text.slice(s, e) } : undefined;
}

const isBlank = (c: number): boolean => c === CharCode.Space || c === CharCode.Tab;

/** The entries of a Recipient_status cell whose value lies in [start, end). */
export function recipientStatusEntries(text: string, start: number, end: number): RecipientStatusEntry[] {
  return splitPieces(text, start, end, CharCode.Semicolon).map((entry) => recipientStatusEntry(text, entry));
}

// Objects written out, one literal per shape: spreading conditional objects cost microseconds per entry.
function recipientStatusEntry(text: string, entry: TracePiece): RecipientStatusEntry {
  const { start, end } = entry;
  const marker = entry.text.indexOf('##');
  if (marker < 0) return { start, end, text: entry.text, status: entry, events: splitPieces(text, start, end, CharCode.Comma) };
  const recipient = trimmed(text, start, start + marker);
  const status = trimmed(text, start + marker + 2, end);
  if (!status) return recipient ? { start, end, text: entry.text, recipient, events: [] } : { start, end, text: entry.text, events: [] };
  const events = splitPieces(text, status.start, status.end, CharCode.Comma);
  return recipient ? { start, end, text: entry.text, recipient, status, events } : { start, end, text: entry.text, status, events };
}

export interface AgentItem extends TracePiece {
  readonly key: string;
  readonly value: string;
}

export interface AgentGroup extends TracePiece {
  /** "SFA", "AMA", "TRA" ... upper case; '' when the group does not start "S:<agent>". */
  readonly agent: string;
  readonly items: readonly AgentItem[];
}

/**
 * custom_data's agent groups: each starts "S:<agent>=" and holds key=value items separated by "|";
 * groups are separated by ";". The first item's key is the agent name itself ("SFA=SUM").
 */
export function agentGroups(text: string, start: number, end: number): AgentGroup[] {
  return splitPieces(text, start, end, CharCode.Semicolon).map((group) => {
    const typed = /^[A-Za-z]:/.test(group.text);
    const bodyStart = typed ? group.start + 2 : group.start;
    const items = splitPieces(text, bodyStart, group.end, 124 /* | */).map((item): AgentItem => {
      const eq = item.text.indexOf('=');
      return { start: item.start, end: item.end, text: item.text, key: eq > 0 ? item.text.slice(0, eq).toUpperCase() : '', value: eq > 0 ? item.text.slice(eq + 1) : item.text };
    });
    const agent = typed && items[0]?.key ? items[0].key : '';
    return { start: group.start, end: group.end, text: group.text, agent, items };
  });
}
