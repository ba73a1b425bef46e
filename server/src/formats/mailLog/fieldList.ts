// Postfix and Sendmail "name=value, " fields of a log line's body (lineEvents.ts), read as offsets.

import { CharCode } from '../../common/charCode';

// Postfix and Sendmail "name=value, " fields, read left to right until a token is not one. A value in
// <...> may hold commas and is read up to 320 characters (an address is at most 254), so a line of
// unclosed "<" costs each field a bounded look, not the rest of the line.
const MAX_FIELDS = 24;
const MAX_BRACKETED = 320;

/**
 * The fields of the last body read by `fields`, as offsets: no Map and no object per field, since
 * every delivery line has a dozen of them and only a few are asked for. Valid until the next call.
 */
class FieldList {
  private body = '';
  private count = 0;
  /** Per field: key start, key end, value start, value end. */
  private readonly offsets = new Int32Array(MAX_FIELDS * 4);

  read(body: string): this {
    this.body = body;
    this.count = 0;
    const offsets = this.offsets;
    let at = 0;
    while (at < body.length && this.count < MAX_FIELDS) {
      let keyEnd = at;
      for (let c = body.charCodeAt(keyEnd); (c >= CharCode.LowerA && c <= CharCode.LowerZ) || c === CharCode.Underscore; c = body.charCodeAt(++keyEnd));
      if (keyEnd === at || body.charCodeAt(keyEnd) !== CharCode.Equals) break;
      const start = keyEnd + 1;
      let end = start;
      const close = body.charCodeAt(start) === CharCode.LessThan ? body.indexOf('>', start) : -1;
      if (close >= 0 && close - start <= MAX_BRACKETED) end = close + 1;
      else {
        for (let c = body.charCodeAt(end); end < body.length && c !== CharCode.Comma && c !== CharCode.Space && c !== CharCode.Tab; c = body.charCodeAt(++end));
      }
      // The first of a repeated name counts.
      if (this.find(at, keyEnd) < 0) {
        const slot = this.count++ * 4;
        offsets[slot] = at;
        offsets[slot + 1] = keyEnd;
        offsets[slot + 2] = start;
        offsets[slot + 3] = end;
      }
      at = end;
      if (body.charCodeAt(at) === CharCode.Comma) at++;
      while (body.charCodeAt(at) === CharCode.Space) at++;
    }
    return this;
  }

  /** The value of `name` (without its <>), or undefined. */
  value(name: string): string | undefined {
    const slot = this.slotOf(name);
    return slot < 0 ? undefined : unbracket(this.body.slice(this.offsets[slot + 2], this.offsets[slot + 3]));
  }

  /** Offsets in the body of the value of `name` as written, or undefined. */
  span(name: string): { readonly start: number; readonly end: number } | undefined {
    const slot = this.slotOf(name);
    return slot < 0 ? undefined : { start: this.offsets[slot + 2]!, end: this.offsets[slot + 3]! };
  }

  private slotOf(name: string): number {
    for (let i = 0; i < this.count; i++) {
      const slot = i * 4;
      if (this.offsets[slot + 1]! - this.offsets[slot]! === name.length && sameAt(this.body, this.offsets[slot]!, name)) return slot;
    }
    return -1;
  }

  private find(keyStart: number, keyEnd: number): number {
    const length = keyEnd - keyStart;
    for (let i = 0; i < this.count; i++) {
      const slot = i * 4;
      const start = this.offsets[slot]!;
      if (this.offsets[slot + 1]! - start === length && sameChars(this.body, start, keyStart, length)) return slot;
    }
    return -1;
  }
}

/** body[at, at + name.length) is name. */
function sameAt(body: string, at: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) if (body.charCodeAt(at + i) !== name.charCodeAt(i)) return false;
  return true;
}

function sameChars(text: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

const fieldList = new FieldList();

/** Reads the fields of `body`; the answer is valid until the next call. */
export function fields(body: string): FieldList {
  return fieldList.read(body);
}

function unbracket(value: string): string {
  return value.startsWith('<') && value.endsWith('>') ? value.slice(1, -1) : value;
}
