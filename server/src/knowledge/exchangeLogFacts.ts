// Lookups over the Exchange log facts (data/exchangeLogFormats.ts).

import {
  logDirectives, protocolEvents, protocolLogFields, trackingEvents, trackingFieldsByVersion, trackingLogFields, trackingSources,
} from './data/exchangeLogFormats';
import type { LogEventEntry, LogFieldEntry, LogSourceEntry, ProtocolEventEntry } from './exchangeLogModel';

const events = new Map(trackingEvents.map((e) => [e.id, e]));
const sources = new Map(trackingSources.map((s) => [s.name, s]));
const trackingFields = new Map(trackingLogFields.map((f) => [f.name, f]));
const protocolFields = new Map(protocolLogFields.map((f) => [f.name, f]));
const protocolEventMap = new Map(protocolEvents.map((e) => [e.symbol, e]));

export function lookupTrackingEvent(id: string): LogEventEntry | undefined {
  return events.get(id.toUpperCase());
}

export function lookupTrackingSource(name: string): LogSourceEntry | undefined {
  return sources.get(name.toUpperCase());
}

export function lookupLogField(kind: 'tracking' | 'protocol', name: string): LogFieldEntry | undefined {
  return (kind === 'tracking' ? trackingFields : protocolFields).get(name.toLowerCase());
}

export function lookupProtocolEvent(symbol: string): ProtocolEventEntry | undefined {
  return protocolEventMap.get(symbol);
}

/** The tracking field lists Exchange writes, longest first, for rows that come without a #Fields line. */
export function knownTrackingFieldLists(): readonly (readonly string[])[] {
  return [trackingFieldsByVersion['2016'], trackingFieldsByVersion['2013'], trackingFieldsByVersion['2010']];
}

export const PROTOCOL_FIELD_NAMES: readonly string[] = protocolLogFields.map((f) => f.name);

/** "15.02.1544.004" -> "Exchange 2019 (or Exchange SE)"; undefined when the build is not one we know. */
export function exchangeProductOfBuild(build: string): string | undefined {
  const match = /^(\d{1,2})\.(\d{1,2})/.exec(build.trim());
  if (!match) return undefined;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  if (major === 8) return 'Exchange 2007';
  if (major === 14) return 'Exchange 2010';
  if (major === 15 && minor === 0) return 'Exchange 2013';
  if (major === 15 && minor === 1) return 'Exchange 2016';
  if (major === 15 && minor === 2) return 'Exchange 2019 (or Exchange Server SE)';
  return undefined;
}

/** How many tracking fields the product of a #Version build writes. */
export function trackingFieldCountOfBuild(build: string): number | undefined {
  const product = exchangeProductOfBuild(build);
  if (product === 'Exchange 2010') return trackingFieldsByVersion['2010'].length;
  if (product === 'Exchange 2013') return trackingFieldsByVersion['2013'].length;
  if (product?.startsWith('Exchange 2016') || product?.startsWith('Exchange 2019')) return trackingFieldsByVersion['2016'].length;
  return undefined;
}

const directives = new Map(logDirectives.map((d) => [d.name.toLowerCase(), d]));

export function lookupLogDirective(name: string): { readonly name: string; readonly meaning: string } | undefined {
  return directives.get(name.toLowerCase());
}
