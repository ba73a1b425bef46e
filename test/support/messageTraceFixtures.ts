// The synthetic message trace fixtures (test/fixtures/message-trace), decoded as the editor hands
// them over: UTF-16LE or UTF-8 by their byte order mark, the mark kept as U+FEFF.
import { readFileSync } from 'node:fs';

export const TRACE_FIXTURES = 'test/fixtures/message-trace/';

export function traceFixture(name: string): string {
  const bytes = readFileSync(TRACE_FIXTURES + name);
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  return new TextDecoder(utf16 ? 'utf-16le' : 'utf-8', { ignoreBOM: true }).decode(bytes);
}
