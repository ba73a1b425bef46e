// The client side of the mail flow report (#15): reading a folder within bounds, decoding files by
// byte order mark and gzip, refusing binary ones with a reason, and checking the page's messages.
// The trees and files here are synthetic, built in memory by each test.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { type EntryKind, type FileTree, readReportFiles, type ReportLimits } from '../../client/src/report/folderReading';
import { MAX_QUERY_LENGTH, newNonce, readPageMessage } from '../../client/src/report/pageMessages';
import { decodeText, sourceText } from '../../client/src/report/sourceText';

/** A synthetic tree: paths ending in / are folders, the rest files with their bytes. */
function memoryTree(entries: Record<string, Uint8Array | string>): FileTree<string> & { reads: string[] } {
  const bytesOf = (path: string): Uint8Array => {
    const value = entries[path];
    if (value === undefined) throw new Error(`no file ${path}`);
    return typeof value === 'string' ? new TextEncoder().encode(value) : value;
  };
  const reads: string[] = [];
  return {
    reads,
    list: async (folder) => {
      const names = new Map<string, EntryKind>();
      const base = folder.endsWith('/') ? folder : `${folder}/`;
      for (const path of Object.keys(entries)) {
        if (!path.startsWith(base) || path === base) continue;
        const rest = path.slice(base.length);
        const slash = rest.indexOf('/');
        names.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? 'file' : 'folder');
      }
      return [...names];
    },
    size: async (file) => bytesOf(file).length,
    read: async (file) => {
      reads.push(file);
      return bytesOf(file);
    },
    child: (folder, name) => (folder.endsWith('/') ? `${folder}${name}` : `${folder}/${name}`),
    key: (uri) => uri,
  };
}

const LIMITS: ReportLimits = { maxDepth: 8, maxFiles: 100, maxTotalBytes: 1 << 20, maxSkippedListed: 50 };
const never = { cancelled: () => false };
const utf16le = (text: string): Uint8Array => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);

describe('mail flow report: reading a folder', () => {
  it('reads every file below the folder in name order, entering sub-folders but not hidden ones', async () => {
    const tree = memoryTree({
      '/logs/': '', '/logs/b.log': 'b', '/logs/a.log': 'a', '/logs/sub/c.log': 'c', '/logs/.git/config': 'x',
    });
    const read = await readReportFiles(tree, [{ uri: '/logs/', kind: 'folder' }], LIMITS, never);
    assert.deepEqual(read.files, [{ uri: '/logs/a.log', text: 'a' }, { uri: '/logs/b.log', text: 'b' }, { uri: '/logs/sub/c.log', text: 'c' }]);
    assert.deepEqual(read.skipped, []);
    assert.ok(!tree.reads.includes('/logs/.git/config'));
  });

  it('stops at the file limit and says so for each file left out', async () => {
    const files = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`/f/${i}.log`, `line ${i}`]));
    const read = await readReportFiles(memoryTree(files), [{ uri: '/f/', kind: 'folder' }], { ...LIMITS, maxFiles: 3 }, never);
    assert.deepEqual(read.files.map((f) => f.uri), ['/f/0.log', '/f/1.log', '/f/2.log']);
    assert.deepEqual(read.skipped.map((s) => s.uri), ['/f/3.log', '/f/4.log']);
    assert.match(read.skipped[0]!.reason, /after 3 files/);
  });

  it('leaves out what would pass the byte limit, and reads smaller files after it', async () => {
    const tree = memoryTree({ '/d/a.log': 'x'.repeat(60), '/d/b.log': 'y'.repeat(50), '/d/c.log': 'z'.repeat(30) });
    const read = await readReportFiles(tree, [{ uri: '/d/', kind: 'folder' }], { ...LIMITS, maxTotalBytes: 100 }, never);
    assert.deepEqual(read.files.map((f) => f.uri), ['/d/a.log', '/d/c.log']);
    assert.equal(read.skipped.length, 1);
    assert.equal(read.skipped[0]!.uri, '/d/b.log');
    assert.match(read.skipped[0]!.reason, /limit of 100 bytes/);
    assert.ok(!tree.reads.includes('/d/b.log'), 'a file too large is not read at all');
  });

  it('does not go deeper than the depth limit and names the folder left out', async () => {
    const tree = memoryTree({ '/r/1/2/3/deep.log': 'deep', '/r/1/top.log': 'top' });
    const read = await readReportFiles(tree, [{ uri: '/r/', kind: 'folder' }], { ...LIMITS, maxDepth: 2 }, never);
    assert.deepEqual(read.files.map((f) => f.uri), ['/r/1/top.log']);
    assert.deepEqual(read.skipped.map((s) => s.uri), ['/r/1/2/3']);
    assert.match(read.skipped[0]!.reason, /deeper than 2/);
  });

  it('lists a bounded number of skipped files and counts the rest in one entry', async () => {
    const binary = new Uint8Array([1, 0, 2]);
    const files = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`/b/${i}.bin`, binary]));
    const read = await readReportFiles(memoryTree(files), [{ uri: '/b/', kind: 'folder' }], { ...LIMITS, maxSkippedListed: 3 }, never);
    assert.equal(read.files.length, 0);
    assert.equal(read.skipped.length, 4);
    assert.match(read.skipped[3]!.reason, /5 more/);
  });

  it('stops between files once cancelled', async () => {
    const files = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`/c/${i}.log`, 'x']));
    const tree = memoryTree(files);
    const read = await readReportFiles(tree, [{ uri: '/c/', kind: 'folder' }], LIMITS, { cancelled: () => tree.reads.length >= 2 });
    assert.equal(read.files.length, 2);
  });

  it('takes files given directly, beside folders', async () => {
    const tree = memoryTree({ '/one.log': 'one', '/two/x.log': 'x' });
    const read = await readReportFiles(tree, [{ uri: '/one.log', kind: 'file' }, { uri: '/two/', kind: 'folder' }], LIMITS, never);
    assert.deepEqual(read.files.map((f) => f.text), ['one', 'x']);
  });
});

describe('mail flow report: decoding a file', () => {
  it('decodes a UTF-16LE file with its byte order mark (admin-center trace downloads)', () => {
    assert.deepEqual(decodeText(utf16le('origin_timestamp_utc,sender_address\r\n')), { text: 'origin_timestamp_utc,sender_address\r\n' });
  });

  it('drops a UTF-8 byte order mark and decodes UTF-16BE by its mark', () => {
    assert.deepEqual(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x23, 0x53])), { text: '#S' });
    assert.deepEqual(decodeText(new Uint8Array([0xfe, 0xff, 0, 0x41, 0, 0x42])), { text: 'AB' });
  });

  it('refuses a file with NUL bytes and no UTF-16 mark, with the reason', () => {
    const result = decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    assert.ok('skipped' in result);
    assert.match(result.skipped, /binary/);
  });

  it('keeps a log with an invalid UTF-8 byte, as the editor does (U+FFFD)', () => {
    assert.deepEqual(decodeText(new Uint8Array([0x61, 0xff, 0x62])), { text: 'a\ufffdb' });
  });

  it('inflates a gzip-compressed rotation and decodes what it holds', async () => {
    const text = 'Nov 23 10:00:01 mx postfix/smtp[1]: 4F1A: to=<a@b.example>, status=sent\n';
    assert.deepEqual(await sourceText('mail.log.2.gz', gzipSync(text), 1 << 20), { text });
    assert.deepEqual(await sourceText('trace.csv.gz', gzipSync(utf16le('a,b')), 1 << 20), { text: 'a,b' });
  });

  it('gives up on a small file that inflates past the limit', async () => {
    const bomb = gzipSync(Buffer.alloc(4 << 20, 0x61));
    assert.ok(bomb.length < 10_000);
    const result = await sourceText('bomb.gz', bomb, 1 << 20);
    assert.ok('skipped' in result);
    assert.match(result.skipped, /more than 1 MB/);
  });

  it('says a .gz file that is not gzip data is unreadable', async () => {
    const result = await sourceText('broken.gz', new TextEncoder().encode('not gzip at all'), 1 << 20);
    assert.deepEqual(result, { skipped: 'not valid gzip data' });
  });
});

describe('mail flow report: the page\'s messages', () => {
  it('passes a reveal or filter message of this report', () => {
    assert.deepEqual(readPageMessage({ command: 'reveal', source: 1, line: 41 }, 2), { command: 'reveal', source: 1, line: 41 });
    assert.deepEqual(readPageMessage({ command: 'filter', source: 0, query: 'status:deferred', extra: '<x>' }, 1),
      { command: 'filter', source: 0, query: 'status:deferred' });
    assert.deepEqual(readPageMessage({ command: 'saveHtml', source: 'ignored' }, 0), { command: 'saveHtml' });
  });

  it('drops anything out of shape or range', () => {
    const dropped: unknown[] = [
      null, 'reveal', 42, [], {},
      { command: 'reveal', source: 2, line: 1 },
      { command: 'reveal', source: -1, line: 1 },
      { command: 'reveal', source: 0.5, line: 1 },
      { command: 'reveal', source: '0', line: 1 },
      { command: 'reveal', source: 0, line: -1 },
      { command: 'reveal', source: 0, line: Number.NaN },
      { command: 'reveal', source: 0, line: 1e12 },
      { command: 'reveal', source: 0 },
      { command: 'filter', source: 0, query: 7 },
      { command: 'filter', source: 0, query: '   ' },
      { command: 'filter', source: 0, query: 'x'.repeat(MAX_QUERY_LENGTH + 1) },
      { command: 'openExternal', url: 'https://example.com' },
      { command: 'toString' },
    ];
    for (const message of dropped) assert.equal(readPageMessage(message, 2), undefined, JSON.stringify(message));
  });

  it('makes a new 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => newNonce()));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
  });
});
