// The text of a file the report reads from disk rather than from an open editor: decoded by its byte
// order mark (admin-center message trace downloads are UTF-16LE with a BOM; Exchange 2010 tracking
// logs carry a UTF-8 one), gzip-compressed rotations inflated, binary files refused with a reason.
// Pure (no vscode): the extension host and the tests run it alike, in node and in a browser.

/** What a file gave: its text, or why it was left out. */
export type SourceText = { readonly text: string } | { readonly skipped: string };

/** How far into a file (or its inflated content) a NUL byte marks it as binary. */
export const BINARY_PROBE_BYTES = 8192;

/** The web platform's gzip decompressor, in browsers, web workers and Node 18+; typed here because the client builds without DOM types. */
interface ByteStreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}
interface Decompressor {
  readonly writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
  readonly readable: { getReader(): ByteStreamReader };
}
type DecompressorConstructor = new (format: 'gzip') => Decompressor;

function decompressorConstructor(): DecompressorConstructor | undefined {
  return (globalThis as { DecompressionStream?: DecompressorConstructor }).DecompressionStream;
}

export function isGzip(name: string, bytes: Uint8Array): boolean {
  return name.toLowerCase().endsWith('.gz') || (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b);
}

/** Decodes one file's bytes; `maxBytes` bounds what a compressed file may inflate to. */
export async function sourceText(name: string, bytes: Uint8Array, maxBytes: number): Promise<SourceText> {
  if (!isGzip(name, bytes)) return decodeText(bytes);
  const inflated = await gunzip(bytes, maxBytes);
  return 'skipped' in inflated ? inflated : decodeText(inflated.bytes);
}

/** Text by byte order mark (UTF-8, UTF-16LE, UTF-16BE), else UTF-8; a NUL byte without a UTF-16 mark means binary. */
export function decodeText(bytes: Uint8Array): SourceText {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decode('utf-8', bytes.subarray(3));
  if (b0 === 0xff && b1 === 0xfe) return decode('utf-16le', bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return decode('utf-16be', bytes.subarray(2));
  if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) return { skipped: 'binary file (NUL bytes, no UTF-16 byte order mark)' };
  return decode('utf-8', bytes);
}

function decode(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): SourceText {
  try {
    // Not fatal: a stray invalid byte in a log becomes U+FFFD, as the editor shows it.
    return { text: new TextDecoder(encoding).decode(bytes) };
  } catch {
    return { skipped: `cannot decode ${encoding.toUpperCase()} here` };
  }
}

/** Inflates gzip data, giving up past `maxBytes` (a small file may inflate to gigabytes). */
export async function gunzip(bytes: Uint8Array, maxBytes: number): Promise<{ readonly bytes: Uint8Array } | { readonly skipped: string }> {
  const decompression = decompressorConstructor();
  if (!decompression) return { skipped: 'compressed (.gz), and this host has no DecompressionStream to inflate it' };
  const stream = new decompression('gzip');
  const writer = stream.writable.getWriter();
  // Not awaited: the writes finish only as the reader below drains the output.
  writer.write(bytes).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || !value) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { skipped: `inflates to more than ${formatBytes(maxBytes)}, the report's limit` };
      }
      chunks.push(value);
    }
  } catch {
    return { skipped: 'not valid gzip data' };
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return { bytes: out };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
