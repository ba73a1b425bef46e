// Parsing of code strings shared by lookup and detection, so both agree on what a code is.

export type StatusClass = '2' | '4' | '5';

/** An enhanced status code split into its three numbers (RFC 3463 §2). */
export interface EnhancedCode {
  readonly statusClass: StatusClass;
  readonly subject: number;
  readonly detail: number;
  /** Normalised "5.1.1" (leading zeros dropped). */
  readonly text: string;
}

/** A range of details within one class and subject: "5.7.606-649". */
export interface EnhancedRange {
  readonly statusClass: StatusClass;
  readonly subject: number;
  readonly low: number;
  readonly high: number;
}

const ENHANCED = /^([245])\.(\d{1,3})\.(\d{1,3})$/;
const RANGE = /^([245])\.(\d{1,3})\.(\d{1,3})-(?:[245]\.\d{1,3}\.)?(\d{1,3})$/;
const BASIC = /^[2-5][0-5]\d$/;

export function parseEnhancedCode(text: string): EnhancedCode | undefined {
  const m = ENHANCED.exec(text);
  if (!m) return undefined;
  const subject = Number(m[2]);
  const detail = Number(m[3]);
  return { statusClass: m[1] as StatusClass, subject, detail, text: `${m[1]}.${subject}.${detail}` };
}

export function parseEnhancedRange(text: string): EnhancedRange | undefined {
  const m = RANGE.exec(text);
  if (!m) return undefined;
  const low = Number(m[3]);
  const high = Number(m[4]);
  return high >= low ? { statusClass: m[1] as StatusClass, subject: Number(m[2]), low, high } : undefined;
}

export function isBasicReplyCode(text: string): boolean {
  return BASIC.test(text);
}

export function rangeContains(range: EnhancedRange, code: EnhancedCode): boolean {
  return range.statusClass === code.statusClass && range.subject === code.subject
    && code.detail >= range.low && code.detail <= range.high;
}
