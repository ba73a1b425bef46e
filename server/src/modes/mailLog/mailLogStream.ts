// Problems of a mail log read in parts (the command line): the editor's trail builder fed line by
// line, each message's problems written when its trail closes and each connection's as its line
// is read, so a log of any size is checked in bounded memory. The problems are the editor's; their
// order is the order messages end in, not the order they start in.

import type { Range } from 'vscode-languageserver-types';
import { CharCode } from '../../common/charCode';
import { MailLogReader } from '../../analysis/mailLog/mailLogTrails';
import type { TextSpan } from '../../formats/mailLog/lineEvents';
import type { ProblemStream } from '../languageModes';
import { ProblemBatch } from '../shared/problemList';
import { lineProblem, lostConnectionProblem, openLimitProblem, recipientProblem, wholeLine } from './mailLogDiagnostics';
import { countLostConnection, type LostConnections } from './mailLogIndex';

/** A longer line is read in pieces of it, so memory stays bounded (the reader reads its head and event only). */
const MAX_PENDING_CHARS = 16 * 1024 * 1024;

export function streamMailLog(): ProblemStream {
  const batch = new ProblemBatch();
  const lost = new Map<string, LostConnections>();
  const onLine = (line: number) => (span: TextSpan): Range => ({ start: { line, character: span.start }, end: { line, character: span.end } });
  const reader = new MailLogReader({
    onTrail: (trail) => {
      for (const recipient of trail.recipients) {
        const problem = recipientProblem(trail, recipient);
        if (!problem) continue;
        const range = recipient.decisiveSpan ? onLine(recipient.decisiveLine)(recipient.decisiveSpan) : wholeLine(recipient.decisiveLine);
        batch.add({ ...problem, range });
      }
    },
  });
  let pending = '';
  let line = 0;
  const readLine = (text: string): void => {
    const end = text.charCodeAt(text.length - 1) === CharCode.CarriageReturn ? text.length - 1 : text.length;
    const read = reader.readLine(text, 0, end, line);
    if (read?.event.kind === 'lost-connection') countLostConnection(lost, read.event.client ?? 'unknown client', read.event.after, line);
    else if (read) {
      const problem = lineProblem(read.event, onLine(line), (span) => text.slice(span.start, span.end));
      if (problem) batch.add(problem);
    }
    line++;
  };
  const lines = (text: string): void => {
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      readLine(text.slice(start, end));
      start = end + 1;
    }
    pending = text.slice(start);
    if (pending.length > MAX_PENDING_CHARS) {
      // The reader keeps a bounded window of a line: the rest of an endless line is dropped.
      pending = pending.slice(0, MAX_PENDING_CHARS);
    }
  };
  return {
    push: (text) => {
      lines(pending + text);
      return batch.take();
    },
    finish: () => {
      readLine(pending);
      pending = '';
      reader.finish();
      for (const [client, entry] of lost) {
        const problem = lostConnectionProblem(client, entry);
        if (problem) batch.add(problem);
      }
      if (reader.evicted > 0) batch.add(openLimitProblem(reader.evicted));
      return batch.take();
    },
  };
}
