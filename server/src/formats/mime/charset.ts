// Bytes to text in a named charset, through the WHATWG TextDecoder that browsers, workers and Node
// all provide. Labels it does not know fall back to windows-1252, which never fails.

interface TextDecoderLike {
  readonly encoding: string;
  decode(input: Uint8Array): string;
}
type TextDecoderConstructor = new (label?: string) => TextDecoderLike;

/** The host's TextDecoder; the core is typechecked without DOM or Node types, so it is reached through globalThis. */
const { TextDecoder } = globalThis as unknown as { TextDecoder: TextDecoderConstructor };

/** Charsets whose multi-byte sequences may contain ASCII bytes, so a line cannot be decoded piecewise. */
const STATEFUL_OR_MULTIBYTE = new Set(['gbk', 'gb18030', 'big5', 'euc-jp', 'iso-2022-jp', 'shift_jis', 'euc-kr', 'utf-16be', 'utf-16le']);

/** Labels seen in real mail that the WHATWG list lacks. */
const ALIASES: Record<string, string> = {
  'cp932': 'shift_jis', 'x-euc-jp': 'euc-jp', 'utf8': 'utf-8', 'x-unknown': 'windows-1252', 'unknown-8bit': 'windows-1252',
  'ansi_x3.4-1968': 'windows-1252', 'cp1252': 'windows-1252', 'latin1': 'windows-1252', 'x-user-defined': 'windows-1252',
};

export interface Charset {
  /** The WHATWG name the label resolved to ("utf-8", "shift_jis"). */
  readonly name: string;
  /** True when every ASCII byte stands for itself, so ASCII runs can be mapped one to one. */
  readonly asciiSafe: boolean;
  decode(bytes: Uint8Array): string;
}

const cache = new Map<string, Charset>();

/** By the label as written: most messages write one of a few labels, which then need no normalising. */
const byLabel = new Map<string | undefined, Charset>();

export function charsetFor(label: string | undefined): Charset {
  const known = byLabel.get(label);
  if (known) return known;
  const charset = charsetForKey((label ?? 'utf-8').trim().toLowerCase().replace(/^["']|["']$/g, '') || 'utf-8');
  if (byLabel.size < 64) byLabel.set(label, charset);
  return charset;
}

function charsetForKey(key: string): Charset {
  let charset = cache.get(key);
  if (!charset) {
    const decoder = tryDecoder(ALIASES[key] ?? key) ?? tryDecoder('windows-1252')!;
    charset = { name: decoder.encoding, asciiSafe: !STATEFUL_OR_MULTIBYTE.has(decoder.encoding), decode: (bytes) => decoder.decode(bytes) };
    if (cache.size < 64) cache.set(key, charset);
  }
  return charset;
}

function tryDecoder(label: string): TextDecoderLike | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}
