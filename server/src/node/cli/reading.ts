// Reading an input as text in chunks: a file or standard input, gunzipped on the fly when it is
// gzip data, decoded by its byte order mark (UTF-8 with or without one, UTF-16LE and UTF-16BE with
// one), with invalid UTF-8 replaced and counted, and binary data refused.

import { closeSync, openSync, readSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { CharCode } from '../../common/charCode';

/**
 * Bytes read (and gunzipped) at a time. Not more: a chunk over 128 KB, and the string decoded from
 * it, each take freshly mapped pages that are unmapped again when freed, and on a virtual machine
 * the page faults cost more than the reading (a 100 MB log: 0.74 s of system time at 256 KB, 0.25
 * s at 64 KB, and 2.0 against 1.3 s in all).
 */
const CHUNK_BYTES = 1 << 16;
/** Chunks read from a file between two turns of the event loop, which keeps the progress line and output moving. */
const CHUNKS_PER_TURN = 64;
/** Bytes looked at to tell text from binary data. */
const SNIFF_BYTES = 8192;

/** An input that cannot be read as text; the message names the reason. */
export class UnreadableInput extends Error {}

export interface TextSource {
  /** The text, in order, in chunks of about 64 KB. */
  readonly chunks: AsyncIterable<string>;
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  readonly compressed: boolean;
  /** After the chunks are read: how many invalid UTF-8 sequences were replaced by U+FFFD. */
  invalidSequences(): number;
  /** Raw bytes read so far (compressed bytes for gzip input), for progress. */
  bytesRead(): number;
  /** Lets go of the file (its descriptor) when the chunks are not read to the end. */
  close(): void;
}

/** Opens a file, or standard input for "-". Fails with UnreadableInput before any text is given out. */
export async function openText(path: string): Promise<TextSource> {
  const raw = path === '-' ? streamBytes(process.stdin) : fileBytes(path);
  let bytesRead = 0;
  const counted: AsyncIterator<Buffer> = {
    next: async () => {
      const next = await raw.next();
      if (!next.done) bytesRead += next.value.length;
      return next;
    },
  };
  try {
    return await openDecoded(counted, path, () => bytesRead, raw.close);
  } catch (error) {
    raw.close();
    throw error;
  }
}

type ClosableBytes = AsyncIterator<Buffer> & { readonly close: () => void };

/**
 * A file read with synchronous reads, a new buffer each (a gunzip stream may still hold the last):
 * a stream's trip through the thread pool for every chunk took twice as long over a 100 MB log.
 */
function fileBytes(path: string): ClosableBytes {
  let fd: number | undefined;
  let ended = false;
  let chunks = 0;
  const close = (): void => {
    ended = true;
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
  };
  return {
    next: async () => {
      if (ended) return { done: true, value: undefined };
      if (++chunks % CHUNKS_PER_TURN === 0) await new Promise((turn) => setImmediate(turn));
      try {
        fd ??= openSync(path, 'r');
        const buffer = Buffer.allocUnsafeSlow(CHUNK_BYTES);
        const length = readSync(fd, buffer, 0, CHUNK_BYTES, null);
        if (length === 0) {
          close();
          return { done: true, value: undefined };
        }
        return { done: false, value: length < CHUNK_BYTES ? buffer.subarray(0, length) : buffer };
      } catch (error) {
        close();
        throw error;
      }
    },
    close,
  };
}

/** Standard input, as the stream gives it. */
function streamBytes(stream: Readable): ClosableBytes {
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return { next: () => chunks.next(), close: () => undefined };
}

async function openDecoded(rawIterator: AsyncIterator<Buffer>, path: string, bytesRead: () => number, close: () => void): Promise<TextSource> {
  const first = await readFirst(rawIterator, path);
  const compressed = first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b;
  let bytes: AsyncIterator<Buffer> = withFirst(first, rawIterator);
  let head = first;
  if (compressed) {
    const gunzip = pipeline(Readable.from(iterable(bytes)), createGunzip({ chunkSize: CHUNK_BYTES }), () => undefined);
    bytes = gunzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    try {
      head = await readFirst(bytes, path);
    } catch (error) {
      throw new UnreadableInput(`cannot decompress: ${(error as Error).message}`);
    }
    bytes = withFirst(head, bytes);
  }
  const encoding = encodingOf(head);
  if (encoding === 'utf-8' && looksBinary(head)) throw new UnreadableInput('binary data, not text (a log or message saved as UTF-16 needs its byte order mark)');
  // The byte order mark is dropped here, once: the decoder would take one for the start of its
  // stream wherever it first sees text, and ASCII chunks never reach it.
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  const invalid = new InvalidUtf8Count();
  let atStart = true;
  // After a chunk that ends in an ASCII byte the decoder holds no part of a character.
  let decoderEmpty = true;
  const decodeChunk = (chunk: Buffer): string => {
    let text: string;
    // ASCII is its own Latin-1 text, which V8 copies without decoding (most logs are all ASCII).
    if (encoding === 'utf-8' && decoderEmpty && isAscii(chunk)) text = chunk.toString('latin1');
    else {
      text = decoder.decode(chunk, { stream: true });
      decoderEmpty = chunk.length > 0 && chunk[chunk.length - 1]! < 0x80;
    }
    if (atStart && text) {
      atStart = false;
      if (text.charCodeAt(0) === CharCode.ByteOrderMark) text = text.slice(1);
    }
    return text;
  };
  async function* decode(): AsyncGenerator<string> {
    for (let next = await nextBytes(bytes, compressed); !next.done; next = await nextBytes(bytes, compressed)) {
      const text = decodeChunk(next.value);
      if (encoding === 'utf-8') invalid.add(next.value, text);
      if (text) yield text;
    }
    let rest = decoder.decode();
    if (atStart && rest.charCodeAt(0) === CharCode.ByteOrderMark) rest = rest.slice(1);
    if (encoding === 'utf-8') invalid.add(EMPTY, rest);
    if (rest) yield rest;
  }
  return { chunks: decode(), encoding, compressed, invalidSequences: () => invalid.count(), bytesRead, close };
}

const REPLACEMENT_UTF8 = Buffer.from([0xef, 0xbf, 0xbd]);
const EMPTY = Buffer.alloc(0);

/**
 * Invalid UTF-8 sequences the decoder replaced: the U+FFFD in the text less those the bytes hold
 * literally (EF BF BD), counted across chunk boundaries too, so any cut of the bytes gives the same count.
 */
export class InvalidUtf8Count {
  private replaced = 0;
  private literal = 0;
  /** The last bytes seen (up to two), which a literal U+FFFD may continue in the next chunk. */
  private tail = EMPTY;

  /** A chunk of bytes and the text the decoder made of it. */
  add(bytes: Buffer, text: string): void {
    this.replaced += countChar(text, '\uFFFD');
    if (!bytes.length) return;
    if (this.tail.length) {
      const joint = Buffer.concat([this.tail, bytes.subarray(0, 2)]);
      for (let at = joint.indexOf(REPLACEMENT_UTF8); at >= 0 && at < this.tail.length; at = joint.indexOf(REPLACEMENT_UTF8, at + 1)) this.literal++;
    }
    this.literal += countBytes(bytes, REPLACEMENT_UTF8);
    this.tail = Buffer.from(bytes.length >= 2 ? bytes.subarray(bytes.length - 2) : Buffer.concat([this.tail, bytes]).subarray(-2));
  }

  count(): number {
    return Math.max(0, this.replaced - this.literal);
  }
}

async function readFirst(iterator: AsyncIterator<Buffer>, path: string): Promise<Buffer> {
  try {
    const first = await iterator.next();
    return first.done ? Buffer.alloc(0) : first.value;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UnreadableInput('no such file');
    if (code === 'EISDIR') throw new UnreadableInput('is a directory');
    if (code === 'EACCES') throw new UnreadableInput('permission denied');
    if (path === '-' || code) throw new UnreadableInput(`cannot read: ${(error as Error).message}`);
    throw error;
  }
}

async function nextBytes(iterator: AsyncIterator<Buffer>, compressed: boolean): Promise<IteratorResult<Buffer>> {
  try {
    return await iterator.next();
  } catch (error) {
    throw new UnreadableInput(`${compressed ? 'cannot decompress' : 'cannot read'}: ${(error as Error).message}`);
  }
}

function withFirst(first: Buffer, rest: AsyncIterator<Buffer>): AsyncIterator<Buffer> {
  let given = first.length === 0;
  return { next: () => (given ? rest.next() : (given = true, Promise.resolve({ done: false, value: first }))) };
}

async function* iterable(iterator: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
}

function encodingOf(head: Buffer): TextSource['encoding'] {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** A NUL byte, or mostly control bytes other than the whitespace text uses, in the first bytes. */
function looksBinary(head: Buffer): boolean {
  const end = Math.min(head.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const b = head[i]!;
    if (b === 0) return true;
    // Tab, LF, VT, FF, CR and ESC appear in text; other C0 controls hardly ever do.
    if (b < 0x20 && !(b >= 0x09 && b <= 0x0d) && b !== 0x1b) controls++;
  }
  return end > 0 && controls * 10 > end;
}

function countChar(text: string, char: string): number {
  let n = 0;
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) n++;
  return n;
}

function countBytes(buffer: Buffer, needle: Buffer): number {
  let n = 0;
  for (let at = buffer.indexOf(needle); at >= 0; at = buffer.indexOf(needle, at + needle.length)) n++;
  return n;
}
