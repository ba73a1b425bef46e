// Problems for failure and deferral codes found anywhere in a document, line by line: the whole
// document for the editor, or a text read in parts for the command line.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { type CancellationToken, SlicedWork, type YieldControl } from '../../common/cancellation';
import { CharCode } from '../../common/charCode';
import { forEachReply } from '../../detection/replyScanner';
import { productPreferenceOnLine } from '../../analysis/productContext';
import { type DiagnosticsSettings, ProblemBatch, ProblemList, type ProblemSink } from '../shared/problemList';
import { type ExplainContext, explainMention } from '../../analysis/replyExplanation';
import { mentionCodes, replyFields } from '../shared/problemData';
import type { ProblemStream } from '../languageModes';

const LINES_PER_SLICE = 5000;

/** The problems of one line; `column` is where `lineText` starts on its line (0 but for a line read in pieces). */
function checkLine(document: TextDocument, lineText: string, line: number, column: number, problems: ProblemSink): void {
  let context: ExplainContext | undefined; // once per line: a huge line may hold many codes
  forEachReply(lineText, (mention) => {
    // "550-5.1.1 ..." continues a multi-line reply; its last line ("550 5.1.1 ...") is reported instead.
    if (mention.basic && lineText.charCodeAt(mention.basic.end) === CharCode.Dash) return;
    const explanation = explainMention(mention, (context ??= { prefer: productPreferenceOnLine(document, lineText), reply: lineText }));
    if (!explanation || (explanation.permanence !== 'permanent' && explanation.permanence !== 'transient')) return;
    const codes = mentionCodes(mention);
    problems.add({
      range: { start: { line, character: column + mention.start }, end: { line, character: column + mention.end } },
      severity: explanation.permanence === 'permanent' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      code: codes.enhanced ?? codes.basic ?? codes.transport,
      message: `${explanation.label}: ${explanation.summary} (${explanation.permanence})`,
      data: { ...replyFields(codes, explanation, lineText.slice(mention.start)), outcome: explanation.permanence === 'permanent' ? 'failed' : 'deferred' },
    });
  });
}

export async function validateCodes(
  document: TextDocument, settings: DiagnosticsSettings, token: CancellationToken | undefined, yieldControl: YieldControl,
): Promise<Diagnostic[]> {
  const text = document.getText();
  const problems = new ProblemList(settings.maxProblems);
  const slices = new SlicedWork(LINES_PER_SLICE, token, yieldControl);
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    checkLine(document, text.charCodeAt(end - 1) === CharCode.CarriageReturn ? text.slice(start, end - 1) : text.slice(start, end), line, 0, problems);
    start = end + 1;
    if (slices.step() && !(await slices.next())) return [];
  }
  return problems.finish();
}

/** A line longer than this is read in pieces of it (a code cut in two there is missed), so memory stays bounded. */
const MAX_LINE_CHARS = 16 * 1024 * 1024;

/** The same rules over a text read in parts; `head` is a document of its start. */
export function streamCodes(head: TextDocument): ProblemStream {
  const batch = new ProblemBatch();
  let pending = '';
  let line = 0;
  let column = 0;
  const lines = (text: string, last: boolean): void => {
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      checkLine(head, text.charCodeAt(end - 1) === CharCode.CarriageReturn ? text.slice(start, end - 1) : text.slice(start, end), line, column, batch);
      line++;
      column = 0;
      start = end + 1;
    }
    pending = text.slice(start);
    if (last || pending.length >= MAX_LINE_CHARS) {
      checkLine(head, pending, line, column, batch);
      column += pending.length;
      pending = '';
    }
  };
  return {
    push: (text) => { lines(pending + text, false); return batch.take(); },
    finish: () => { lines(pending, true); return batch.take(); },
  };
}
