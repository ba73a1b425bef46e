// The command line's reading of a file in chunks: what it gives and counts must not depend on where a chunk ends.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { InvalidUtf8Count, openText, UnreadableInput } from '../../server/src/node/cli/reading';

describe('invalid UTF-8 counted over chunks', () => {
  it('the same count wherever the bytes are cut, literal U+FFFD not counted (synthetic bytes)', () => {
    // Two literal U+FFFD, a lone continuation byte, a cut three-byte sequence before ASCII, an overlong slash.
    const bytes = Buffer.concat([Buffer.from('a\uFFFDb', 'utf8'), Buffer.from([0x80]), Buffer.from('c'), Buffer.from([0xe2, 0x82]), Buffer.from('d\uFFFD'), Buffer.from([0xc0, 0xaf])]);
    const countWith = (cuts: number[]) => {
      const decoder = new TextDecoder('utf-8');
      const count = new InvalidUtf8Count();
      let from = 0;
      for (const to of [...cuts, bytes.length]) {
        const chunk = bytes.subarray(from, to);
        count.add(chunk, decoder.decode(chunk, { stream: true }));
        from = to;
      }
      count.add(Buffer.alloc(0), decoder.decode());
      return count.count();
    };
    const whole = countWith([]);
    assert.equal(whole, 4, 'the lone byte, the cut sequence and the two bytes of the overlong slash');
    for (let a = 1; a < bytes.length; a++) {
      assert.equal(countWith([a]), whole, `cut at ${a}`);
      for (let b = a + 1; b < bytes.length; b++) assert.equal(countWith([a, b]), whole, `cuts at ${a} and ${b}`);
    }
  });
});

describe('openText on a file', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'mailflow-reading-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  const openDescriptors = (): number => readdirSync('/proc/self/fd').length;
  const readAll = async (path: string): Promise<string> => {
    let text = '';
    for await (const chunk of (await openText(path)).chunks) text += chunk;
    return text;
  };

  it('gives the whole text of a file many chunks long, characters cut between chunks joined again (synthetic text)', async () => {
    // Three- and four-byte characters at every offset against the chunk size, and a UTF-16 copy with its byte order mark.
    const text = Array.from({ length: 60_000 }, (_, i) => `line ${i} caf\u00e9 \u20ac ${'\u{1F4E7}'.repeat(i % 3)}\n`).join('');
    const utf8 = join(scratch, 'big.log');
    writeFileSync(utf8, text);
    assert.ok(statSync(utf8).size > 1_000_000);
    assert.equal(await readAll(utf8), text);
    const utf16 = join(scratch, 'big16.log');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    assert.equal(await readAll(utf16), text);
    const gzipped = join(scratch, 'big.log.gz');
    writeFileSync(gzipped, gzipSync(text));
    const source = await openText(gzipped);
    let unzipped = '';
    for await (const chunk of source.chunks) unzipped += chunk;
    assert.equal(unzipped, text);
    assert.equal(source.compressed, true);
    assert.equal(source.bytesRead(), statSync(gzipped).size);
  });

  it('drops the byte order mark at the start only: a U+FEFF after a run of ASCII stays (synthetic text)', async () => {
    // 64 KB of ASCII first: the chunks read before the decoder sees any text.
    const ascii = 'a'.repeat(65_536 * 2 - 1) + '\n';
    for (const [name, bytes, expected] of [
      ['bom8.log', Buffer.from(`\uFEFFhead\n${ascii}\uFEFFafter`, 'utf8'), `head\n${ascii}\uFEFFafter`],
      ['nobom8.log', Buffer.from(`${ascii}\uFEFFafter`, 'utf8'), `${ascii}\uFEFFafter`],
      ['bom16.log', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`head\n\uFEFF`, 'utf16le')]), 'head\n\uFEFF'],
    ] as const) {
      const path = join(scratch, name);
      writeFileSync(path, bytes);
      assert.equal(await readAll(path), expected, name);
    }
  });

  it('lets go of the file when closed before its end, and after its end', async () => {
    const path = join(scratch, 'closing.log');
    writeFileSync(path, 'x,y\n'.repeat(100_000));
    const before = openDescriptors();
    const source = await openText(path);
    await source.chunks[Symbol.asyncIterator]().next();
    assert.equal(openDescriptors(), before + 1);
    source.close();
    assert.equal(openDescriptors(), before);
    await readAll(path);
    assert.equal(openDescriptors(), before);
  });

  it('a missing file, a directory and binary data are unreadable, naming why, and keep no descriptor', async () => {
    const before = openDescriptors();
    await assert.rejects(openText(join(scratch, 'absent.log')), (e: Error) => e instanceof UnreadableInput && e.message === 'no such file');
    await assert.rejects(openText(scratch), (e: Error) => e instanceof UnreadableInput && e.message === 'is a directory');
    const binary = join(scratch, 'binary.log');
    writeFileSync(binary, Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]));
    await assert.rejects(openText(binary), (e: Error) => e instanceof UnreadableInput && /binary data/.test(e.message));
    assert.equal(openDescriptors(), before);
  });
});
