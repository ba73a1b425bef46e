// Character codes the scanners compare against, by name rather than number. A const enum: the
// compiler writes the numbers inline, so naming them costs nothing at run time.

export const enum CharCode {
  Null = 0,
  Tab = 9,
  LineFeed = 10,
  VerticalTab = 11,
  FormFeed = 12,
  CarriageReturn = 13,
  Escape = 27,
  Space = 32,
  Exclamation = 33,
  DoubleQuote = 34,
  Hash = 35,
  Ampersand = 38,
  SingleQuote = 39,
  OpenParen = 40,
  CloseParen = 41,
  Plus = 43,
  Comma = 44,
  Dash = 45,
  Dot = 46,
  Slash = 47,
  Digit0 = 48,
  Digit2 = 50,
  Digit4 = 52,
  Digit5 = 53,
  Digit7 = 55,
  Digit9 = 57,
  Colon = 58,
  Semicolon = 59,
  LessThan = 60,
  Equals = 61,
  GreaterThan = 62,
  QuestionMark = 63,
  At = 64,
  UpperA = 65,
  UpperF = 70,
  UpperT = 84,
  UpperZ = 90,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  Underscore = 95,
  Backtick = 96,
  LowerA = 97,
  LowerF = 102,
  LowerG = 103,
  LowerH = 104,
  LowerR = 114,
  LowerT = 116,
  LowerZ = 122,
  Tilde = 126,
  /** The first code beyond ASCII. */
  FirstNonAscii = 0x80,
  /** The last code a single byte can hold: a limit, not a character. */
  LastByte = 0xff,
  ByteOrderMark = 0xfeff,
}

/** The bit that tells an ASCII letter's lower case from its upper case: `c | ASCII_CASE_BIT` lower-cases a letter. */
export const ASCII_CASE_BIT = 0x20;

/** True when `word` (lower-case ASCII) is written at `at` in `text`, ASCII case ignored. */
export function caselessAt(text: string, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = text.charCodeAt(at + i);
    if ((c >= CharCode.UpperA && c <= CharCode.UpperZ ? c | ASCII_CASE_BIT : c) !== word.charCodeAt(i)) return false;
  }
  return true;
}
