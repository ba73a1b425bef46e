// The settings the language service reads, and their defaults. Light on purpose: the server
// loads it at start-up, before the analysis engine.

import manifest from '../../../package.json';

/** How much a hover says: the summary, or everything we know. */
export type DetailLevel = 'brief' | 'full';

/** Problems-panel severity of a tracking-log event, before the user's overrides. */
export type EventSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';
export const EVENT_SEVERITIES: readonly EventSeverity[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface LanguageSettings {
  readonly hover: { readonly detail: DetailLevel };
  readonly diagnostics: {
    readonly enable: boolean;
    readonly maxProblems: number;
    /** Exchange message tracking event IDs mapped to the severity to report them with ("off" hides them). */
    readonly eventSeverity?: Readonly<Record<string, EventSeverity>>;
  };
  /** Received-chain hints of e-mail documents. */
  readonly hops: { readonly slowHopSeconds: number };
}

const declared = manifest.contributes.configuration.properties;

/** A numeric setting's allowed values; the server clamps what arrives to them. */
export interface SettingRange {
  readonly minimum: number;
  readonly maximum: number;
}

/**
 * The ranges package.json declares (its schema warns the user; the server clamps, since a folder
 * setting can carry any JSON): written once, there.
 */
export const settingRanges = {
  maxProblems: declared['mailflowLens.diagnostics.maxProblems'] satisfies SettingRange,
  slowHopSeconds: declared['mailflowLens.hops.slowHopSeconds'] satisfies SettingRange,
} as const;

/** The defaults declared in package.json, the one place they are written. */
export const defaultSettings: LanguageSettings = {
  hover: { detail: declared['mailflowLens.hover.detail'].default as DetailLevel },
  diagnostics: {
    enable: declared['mailflowLens.diagnostics.enable'].default,
    maxProblems: declared['mailflowLens.diagnostics.maxProblems'].default,
  },
  hops: { slowHopSeconds: declared['mailflowLens.hops.slowHopSeconds'].default },
};
