// Reads the mailflowLens settings from the client, per document, falling back to the defaults.

import type { Connection } from 'vscode-languageserver';
import { defaultSettings, EVENT_SEVERITIES, type EventSeverity, type LanguageSettings, type SettingRange, settingRanges } from '../common/settings';

/** Tracking logs know a few dozen event IDs; more overrides than this are not a user's. */
const MAX_EVENT_OVERRIDES = 200;

interface RawSettings {
  hover?: { detail?: unknown };
  diagnostics?: { enable?: unknown; maxProblems?: unknown; eventSeverity?: unknown };
  hops?: { slowHopSeconds?: unknown };
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<LanguageSettings>>();
  constructor(private readonly connection: Connection, private readonly clientHasConfiguration: () => boolean) {}

  get(uri: string): Promise<LanguageSettings> {
    if (!this.clientHasConfiguration()) return Promise.resolve(defaultSettings);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'mailflowLens' })
        .then((raw: RawSettings | null) => normalize(raw ?? {}), () => defaultSettings);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri?: string): void {
    if (uri === undefined) this.cache.clear();
    else this.cache.delete(uri);
  }
}

/**
 * Settings come from user JSON, and in a workspace from whoever wrote its folder settings: keep
 * only well-typed values, and clamp numbers to their declared range (1e9 problems becomes the maximum).
 */
export function normalize(raw: RawSettings): LanguageSettings {
  const detail = raw.hover?.detail === 'brief' || raw.hover?.detail === 'full' ? raw.hover.detail : defaultSettings.hover.detail;
  const enable = typeof raw.diagnostics?.enable === 'boolean' ? raw.diagnostics.enable : defaultSettings.diagnostics.enable;
  const maxProblems = Math.floor(clamp(raw.diagnostics?.maxProblems, settingRanges.maxProblems, defaultSettings.diagnostics.maxProblems));
  const eventSeverity = normalizeEventSeverity(raw.diagnostics?.eventSeverity);
  const slowHopSeconds = clamp(raw.hops?.slowHopSeconds, settingRanges.slowHopSeconds, defaultSettings.hops.slowHopSeconds);
  return { hover: { detail }, diagnostics: { enable, maxProblems, ...(eventSeverity ? { eventSeverity } : {}) }, hops: { slowHopSeconds } };
}

/** A number within the range (infinities become its ends); anything else, NaN included, the default. */
export function clamp(value: unknown, range: SettingRange, fallback: number): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return fallback;
  return Math.min(range.maximum, Math.max(range.minimum, value));
}

/** { "DSN": "off", "DROP": "warning" }: event IDs upper-cased, unknown severities dropped. */
function normalizeEventSeverity(raw: unknown): Record<string, EventSeverity> | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const out: Record<string, EventSeverity> = {};
  for (const [event, severity] of Object.entries(raw).slice(0, MAX_EVENT_OVERRIDES)) {
    if (typeof severity === 'string' && (EVENT_SEVERITIES as readonly string[]).includes(severity)) out[event.toUpperCase()] = severity as EventSeverity;
  }
  return Object.keys(out).length ? out : undefined;
}
