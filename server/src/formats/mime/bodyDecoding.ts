// Content-Transfer-Encoding and charset decoding of one MIME body, keeping the raw offset of
// every decoded character. Quoted-printable soft breaks are joined, so a reply split across two
// encoded lines reads as one line; base64 that is not valid is decoded as far as it goes.

import { CharCode } from '../../common/charCode';
import { NextOf } from '../../text/nextOf';
import { charsetFor, type Charset } from './charset';
import { isSpaceOrTab, pastBreak } from './lines';
import { MappedText, MappedTextBuilder } from './mappedText';

/** Decoded characters kept per body; bounce reports are a few kilobytes, attachments are not read whole. */
export const MAX_DECODED_CHARS = 1024 * 1024;

export function decodeBody(
  text: string, start: number, end: number, transferEncoding: string, charsetLabel: string | undefined, maxChars = MAX_DECODED_CHARS,
): MappedText {
  const stop = Math.min(end, start + maxChars * 2);
  const charset = charsetFor(charsetLabel);
  switch (transferEncoding) {
    case 'base64': return decodeBase64(text, start, stop, charset, maxChars);
    case 'quoted-printable': return charset.asciiSafe
      ? decodeQuotedPrintableRuns(text, start, stop, charset, maxChars)
      : decodeQuotedPrintable(text, start, stop, charset, maxChars);
    default: return decodePlain(text, start, Math.min(end, start + maxChars), charset);
  }
}

/**
 * The line buffers, shared by every decoder: one body is decoded at a time, and typed arrays of this
 * size live outside the heap, so a pair made per body cost each collection work of its own.
 */
let sharedBytes = new Uint8Array(256);
let sharedRaw = new Int32Array(256);
/** Longest line whose grown buffers are kept for the next bodies: a hostile 1 MB line's are not. */
const MAX_SHARED_LINE = 64 * 1024;

/** Collects one decoded line's bytes with their raw offsets, then turns them into text. */
class LineDecoder {
  readonly out = new MappedTextBuilder();
  private bytes = sharedBytes;
  private raw = sharedRaw;
  private count = 0;
  /** `coarse`: each line maps to the raw offset of its first byte only (base64, where bytes and characters do not align). */
  constructor(private readonly charset: Charset, private readonly coarse = false) {}

  byte(value: number, rawOffset: number): void {
    if (this.count === this.bytes.length) {
      const bytes = new Uint8Array(this.count * 2);
      bytes.set(this.bytes);
      const raw = new Int32Array(this.count * 2);
      raw.set(this.raw);
      this.bytes = bytes;
      this.raw = raw;
      if (bytes.length <= MAX_SHARED_LINE) {
        sharedBytes = bytes;
        sharedRaw = raw;
      }
    }
    this.bytes[this.count] = value;
    this.raw[this.count++] = rawOffset;
  }

  /** Ends the current line; `breakAt` is the raw offset of its line break, or -1 at the end. */
  endLine(breakAt: number): void {
    this.flush();
    if (breakAt >= 0) this.out.push('\n', breakAt, breakAt + 1);
  }

  private flush(): void {
    const { bytes, raw, count } = this;
    if (count === 0) return;
    let ascii = true;
    for (let i = 0; i < count; i++) if (bytes[i]! >= CharCode.FirstNonAscii || bytes[i] === CharCode.Escape) { ascii = false; break; }
    if (this.coarse || (!ascii && !this.charset.asciiSafe)) {
      const line = ascii ? latin1(bytes, 0, count) : this.charset.decode(bytes.subarray(0, count));
      this.out.push(line, raw[0]!, raw[count - 1]! + 1);
      this.count = 0;
      return;
    }
    let i = 0;
    while (i < count) {
      const high = bytes[i]! >= CharCode.FirstNonAscii;
      let j = i + 1;
      // ASCII runs map one to one while their raw offsets are consecutive; high-byte runs decode together.
      if (high) while (j < count && bytes[j]! >= CharCode.FirstNonAscii) j++;
      else while (j < count && bytes[j]! < CharCode.FirstNonAscii && raw[j] === raw[j - 1]! + 1) j++;
      const piece = high ? this.charset.decode(bytes.subarray(i, j)) : latin1(bytes, i, j);
      this.out.push(piece, raw[i]!, raw[j - 1]! + 1);
      i = j;
    }
    this.count = 0;
  }

  result(): MappedText {
    this.flush();
    return MappedText.fromBuilder(this.out);
  }
}

/** Bytes below 0x100 as characters, in chunks so a 1 MB line never overflows the argument list. */
function latin1(bytes: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i += 8192) out += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(to, i + 8192)) as unknown as number[]);
  return out;
}

function decodePlain(text: string, start: number, end: number, charset: Charset): MappedText {
  // Text the editor already decoded needs no work unless it holds bytes of another charset
  // (ISO-2022-JP escapes, Latin-1 bytes of a Shift_JIS body read as 8-bit).
  if (charset.name === 'utf-8' || charset.name === 'windows-1252' || !needsRedecoding(text, start, end)) return MappedText.identity(text.slice(start, end), start);
  const decoder = new LineDecoder(charset);
  let lineStart = start;
  let bytesOnLine = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === CharCode.LineFeed || c === CharCode.CarriageReturn) {
      // A line of plain ASCII is its own decoding: taken as it stands, not byte by byte.
      if (!bytesOnLine) decoder.out.push(text.slice(lineStart, i), lineStart, i);
      decoder.endLine(i);
      if (c === CharCode.CarriageReturn && text.charCodeAt(i + 1) === CharCode.LineFeed) i++;
      lineStart = i + 1;
      bytesOnLine = false;
      continue;
    }
    if (!bytesOnLine && (c === CharCode.Escape || c >= CharCode.FirstNonAscii)) {
      bytesOnLine = true;
      for (let k = lineStart; k < i; k++) decoder.byte(text.charCodeAt(k), k);
    }
    if (bytesOnLine) decoder.byte(asByte(c), i);
  }
  if (!bytesOnLine) decoder.out.push(text.slice(lineStart, end), lineStart, end);
  return decoder.result();
}

/** A character as the byte it stood for: beyond one byte, it was never a byte, and reads as "?". */
const asByte = (c: number): number => (c > CharCode.LastByte ? CharCode.QuestionMark : c);

function needsRedecoding(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c > CharCode.LastByte) return false; // already real text
    if (c === CharCode.Escape || c >= CharCode.FirstNonAscii) return true;
  }
  return false;
}

function hexValue(c: number): number {
  if (c >= CharCode.Digit0 && c <= CharCode.Digit9) return c - CharCode.Digit0;
  if (c >= CharCode.UpperA && c <= CharCode.UpperF) return c - CharCode.UpperA + 10;
  if (c >= CharCode.LowerA && c <= CharCode.LowerF) return c - CharCode.LowerA + 10;
  return -1;
}

function decodeQuotedPrintable(text: string, start: number, end: number, charset: Charset, maxChars: number): MappedText {
  const decoder = new LineDecoder(charset);
  let produced = 0;
  let i = start;
  let lineStart = true;
  while (i < end && produced < maxChars) {
    if (lineStart) {
      // A line with no "=" and nothing beyond ASCII decodes to itself: taken as it stands, not byte by byte.
      lineStart = false;
      const lineEnd = plainLineEnd(text, i, end);
      if (lineEnd > i && produced + (lineEnd - i) <= maxChars) {
        decoder.out.push(text.slice(i, lineEnd), i, lineEnd);
        produced += lineEnd - i;
        i = lineEnd;
        continue;
      }
    }
    const c = text.charCodeAt(i);
    if (c === CharCode.Equals) {
      // Soft line break: "=" then optional blanks then the line end.
      let k = i + 1;
      while (k < end && isSpaceOrTab(text.charCodeAt(k))) k++;
      if (k >= end) { i = k; continue; }
      const after = text.charCodeAt(k);
      if (after === CharCode.CarriageReturn || after === CharCode.LineFeed) {
        i = pastBreak(text, k);
        continue;
      }
      const hi = hexValue(text.charCodeAt(i + 1));
      const lo = hexValue(text.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0 && i + 2 < end) {
        decoder.byte(hi * 16 + lo, i);
        produced++;
        i += 3;
        continue;
      }
      decoder.byte(CharCode.Equals, i); // a stray "=" stays as written
      produced++;
      i++;
      continue;
    }
    if (c === CharCode.LineFeed || c === CharCode.CarriageReturn) {
      decoder.endLine(i);
      i = pastBreak(text, i);
      produced++;
      lineStart = true;
      continue;
    }
    decoder.byte(asByte(c), i);
    produced++;
    i++;
  }
  return decoder.result();
}

/** Where the line at `from` ends, when it holds no "=", escape or character beyond ASCII; -1 otherwise. */
function plainLineEnd(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === CharCode.LineFeed || c === CharCode.CarriageReturn) return i;
    if (c === CharCode.Equals || c === CharCode.Escape || c >= CharCode.FirstNonAscii) return -1;
  }
  return end;
}

/**
 * Quoted-printable in a charset where ASCII stands for itself: plain runs are copied as they are
 * (mapped one to one), escapes below 0x80 become their character, and escaped high bytes are
 * collected (across soft breaks, which may split a multi-byte character) and decoded together.
 */
function decodeQuotedPrintableRuns(text: string, start: number, end: number, charset: Charset, maxChars: number): MappedText {
  const out = new MappedTextBuilder();
  const high: number[] = [];
  let highStart = -1;
  let runStart = start;
  let i = start;
  const flushRun = (to: number): void => {
    if (to <= runStart) return;
    // Escaped high bytes still collected came before the run (a stray "=" after "=C3").
    flushHigh(runStart);
    out.push(text.slice(runStart, to), runStart, to);
  };
  const flushHigh = (rawEnd: number): void => {
    if (high.length === 0) return;
    out.push(charset.decode(Uint8Array.from(high)), highStart, rawEnd);
    high.length = 0;
  };
  // The body alone, so that each search below reads no further than its end.
  const body = text.slice(start, end);
  const equals = new NextOf(body, '=', start);
  const lineFeeds = new NextOf(body, '\n', start);
  const carriageReturns = new NextOf(body, '\r', start);
  while (i < end && out.length < maxChars) {
    const c = text.charCodeAt(i);
    if (c === CharCode.Equals) {
      let k = i + 1;
      while (k < end && isSpaceOrTab(text.charCodeAt(k))) k++;
      const after = k < end ? text.charCodeAt(k) : CharCode.LineFeed;
      if (after === CharCode.CarriageReturn || after === CharCode.LineFeed) {
        // Soft line break: the encoded line continues on the next raw line.
        flushRun(i);
        i = k < end ? pastBreak(text, k) : k + 1;
        runStart = i;
        continue;
      }
      const hi = hexValue(text.charCodeAt(i + 1));
      const lo = hexValue(text.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0 && i + 2 < end) {
        flushRun(i);
        const byte = hi * 16 + lo;
        if (byte >= CharCode.FirstNonAscii) {
          if (high.length === 0) highStart = i;
          high.push(byte);
        } else {
          flushHigh(i);
          out.push(String.fromCharCode(byte), i, i + 3);
        }
        i += 3;
        runStart = i;
        continue;
      }
      // A stray "=" stays as written, as part of the run.
      i++;
      continue;
    }
    if (high.length > 0) flushHigh(i);
    if (c === CharCode.CarriageReturn || c === CharCode.LineFeed) {
      flushRun(i);
      out.push('\n', i, i + 1);
      i = pastBreak(text, i);
      runStart = i;
      continue;
    }
    // The rest of a plain run needs no look: on to the next "=" or line break.
    i = Math.min(equals.next(i + 1), lineFeeds.next(i + 1), carriageReturns.next(i + 1));
  }
  flushRun(Math.min(i, end));
  flushHigh(Math.min(i, end));
  return MappedText.fromBuilder(out);
}

const BASE64_VALUE = (() => {
  const table = new Int8Array(CharCode.FirstNonAscii).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  table[CharCode.Dash] = 62; // "-" and "_" of the URL-safe alphabet, seen in broken encoders
  table[CharCode.Underscore] = 63;
  return table;
})();

/** Decodes base64, skipping anything outside the alphabet; each byte maps to the raw quantum it came from. */
function decodeBase64(text: string, start: number, end: number, charset: Charset, maxChars: number): MappedText {
  const decoder = new LineDecoder(charset, true);
  let bits = 0;
  let buffer = 0;
  let quantumAt = start;
  let produced = 0;
  let pendingCr = -1;
  for (let i = start; i < end && produced < maxChars; i++) {
    const c = text.charCodeAt(i);
    if (c === CharCode.Equals) break; // padding ends the data
    const value = c < CharCode.FirstNonAscii ? BASE64_VALUE[c]! : -1;
    if (value < 0) continue;
    if (bits === 0) quantumAt = i;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const byte = (buffer >> bits) & 0xff;
      buffer &= (1 << bits) - 1;
      produced++;
      // Line breaks in the decoded content end lines; CRLF counts once.
      if (byte === CharCode.LineFeed) { decoder.endLine(pendingCr >= 0 ? pendingCr : quantumAt); pendingCr = -1; continue; }
      if (pendingCr >= 0) { decoder.endLine(pendingCr); pendingCr = -1; }
      if (byte === CharCode.CarriageReturn) { pendingCr = quantumAt; continue; }
      decoder.byte(byte, quantumAt);
    }
  }
  if (pendingCr >= 0) decoder.endLine(pendingCr);
  return decoder.result();
}
