// The shape of the Exchange log facts (data/exchangeLogFormats.ts); their lookups are in exchangeLogFacts.ts.


/** What a column holds; decides how its values are checked, hovered and highlighted. */
export type LogFieldKind =
  | 'timestamp' | 'ip' | 'host' | 'endpoint' | 'text' | 'source' | 'event' | 'number' | 'message-id' | 'guid'
  | 'session-id' | 'address' | 'address-list' | 'status-list' | 'custom-data' | 'version';

export interface LogFieldEntry {
  readonly name: string;
  readonly kind: LogFieldKind;
  readonly meaning: string;
  /** The first Exchange version whose tracking log has the field; absent when Exchange 2010 has it. */
  readonly since?: '2013' | '2016';
}

/** How an event ID is coloured: the grammar's groups. */
export type EventOutcome = 'failure' | 'delay' | 'success' | 'other';

export type { EventSeverity } from '../common/settings';
import type { EventSeverity } from '../common/settings';

export interface LogEventEntry {
  readonly id: string;
  readonly outcome: EventOutcome;
  readonly severity: EventSeverity;
  readonly meaning: string;
}

export interface LogSourceEntry {
  readonly name: string;
  readonly meaning: string;
}

export interface ProtocolEventEntry {
  readonly symbol: string;
  readonly title: string;
  readonly meaning: string;
}
