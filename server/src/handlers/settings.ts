// Reads the mailflowLens settings from the client, per document, falling back to the defaults.

import type { Connection } from 'vscode-languageserver';
import { defaultSettings, EVENT_SEVERITIES, type EventSeverity, type LanguageSettings } from '../settings';

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

/** Settings come from user JSON: keep only well-typed values. */
export function normalize(raw: RawSettings): LanguageSettings {
  const detail = raw.hover?.detail === 'brief' || raw.hover?.detail === 'full' ? raw.hover.detail : defaultSettings.hover.detail;
  const enable = typeof raw.diagnostics?.enable === 'boolean' ? raw.diagnostics.enable : defaultSettings.diagnostics.enable;
  const max = raw.diagnostics?.maxProblems;
  const maxProblems = typeof max === 'number' && Number.isFinite(max) && max >= 1 ? Math.floor(max) : defaultSettings.diagnostics.maxProblems;
  const eventSeverity = normalizeEventSeverity(raw.diagnostics?.eventSeverity);
  const slow = raw.hops?.slowHopSeconds;
  const slowHopSeconds = typeof slow === 'number' && Number.isFinite(slow) && slow >= 0 ? slow : defaultSettings.hops!.slowHopSeconds;
  return { hover: { detail }, diagnostics: { enable, maxProblems, ...(eventSeverity ? { eventSeverity } : {}) }, hops: { slowHopSeconds } };
}

/** { "DSN": "off", "DROP": "warning" }: event IDs upper-cased, unknown severities dropped. */
function normalizeEventSeverity(raw: unknown): Record<string, EventSeverity> | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const out: Record<string, EventSeverity> = {};
  for (const [event, severity] of Object.entries(raw)) {
    if (typeof severity === 'string' && (EVENT_SEVERITIES as readonly string[]).includes(severity)) out[event.toUpperCase()] = severity as EventSeverity;
  }
  return Object.keys(out).length ? out : undefined;
}
