// The values that tie rows of a log together, and the row groupings the log features read: the
// validation builds them while it reads the rows, so no hover or reference request waits for them.

import type { LogKind } from '../../formats/exchangeLog';
import { columnKey, type RowKey } from '../../formats/exchangeLogIndex';
import { MESSAGE_KEY } from '../../formats/trackingLog';

/** For each linking column, the columns searched for the same value. */
export const LINKED_COLUMNS: Readonly<Record<LogKind, Readonly<Record<string, readonly string[]>>>> = {
  tracking: {
    'message-id': ['message-id', 'reference'],
    'reference': ['message-id', 'reference'],
    'internal-message-id': ['internal-message-id'],
    'network-message-id': ['network-message-id'],
  },
  protocol: {
    'session-id': ['session-id'],
  },
};

const GROUPINGS: Readonly<Record<LogKind, readonly RowKey[]>> = {
  // Messages for the outline and the trace quick fix; each linked column for hovers, references and highlights.
  tracking: [MESSAGE_KEY, ...linkedColumnKeys('tracking')],
  // Sessions for the outline, folding, hovers, references and highlights.
  protocol: linkedColumnKeys('protocol'),
};

function linkedColumnKeys(kind: LogKind): RowKey[] {
  return [...new Set(Object.values(LINKED_COLUMNS[kind]).flat())].map(columnKey);
}

/** The groupings the features of a log of this kind read. */
export function groupingsOf(kind: LogKind | undefined): readonly RowKey[] {
  return GROUPINGS[kind ?? 'tracking'];
}
