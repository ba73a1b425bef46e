// Problems for failure and deferral codes found anywhere in a document.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { type CancellationToken, SlicedWork, type YieldControl } from '../../common/cancellation';
import { CharCode } from '../../common/charCode';
import { forEachReply } from '../../detection/replyScanner';
import { productPreferenceOnLine } from '../../analysis/productContext';
import { type DiagnosticsSettings, ProblemList } from '../shared/problemList';
import { type ExplainContext, explainMention } from '../../analysis/replyExplanation';

const LINES_PER_SLICE = 5000;

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
    const lineText = text.charCodeAt(end - 1) === CharCode.CarriageReturn ? text.slice(start, end - 1) : text.slice(start, end);
    let context: ExplainContext | undefined; // once per line: a huge line may hold many codes
    forEachReply(lineText, (mention) => {
      // "550-5.1.1 ..." continues a multi-line reply; its last line ("550 5.1.1 ...") is reported instead.
      if (mention.basic && lineText.charCodeAt(mention.basic.end) === CharCode.Dash) return;
      const explanation = explainMention(mention, (context ??= { prefer: productPreferenceOnLine(document, lineText), reply: lineText }));
      if (!explanation || (explanation.permanence !== 'permanent' && explanation.permanence !== 'transient')) return;
      problems.add({
        range: { start: { line, character: mention.start }, end: { line, character: mention.end } },
        severity: explanation.permanence === 'permanent' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        code: mention.enhanced?.text ?? mention.basic?.text ?? mention.transport?.text,
        message: `${explanation.label}: ${explanation.summary} (${explanation.permanence})`,
      });
    });
    start = end + 1;
    if (slices.step() && !(await slices.next())) return [];
  }
  return problems.finish();
}
