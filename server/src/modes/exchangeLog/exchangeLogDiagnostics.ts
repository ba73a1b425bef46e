// Problems in Exchange message tracking and SMTP protocol logs, for the editor: the rules of
// exchangeLogRules.ts over every row of the document, in cancellable slices.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { type CancellationToken, SlicedWork, type YieldControl } from '../../common/cancellation';
import { ProblemList } from '../shared/problemList';
import { exchangeLogOf } from './exchangeLogDocument';
import { groupingsOf } from './exchangeLogLinks';
import { type LogDiagnosticsSettings, LogRowRules } from './exchangeLogRules';
import { productPreference } from '../../analysis/productContext';
import { RowGroupsBuilder } from '../../formats/exchangeLogIndex';

export { LOG_PROBLEM, type LogDiagnosticsSettings } from './exchangeLogRules';

const ROWS_PER_SLICE = 5000;

export async function validateExchangeLog(
  document: TextDocument, settings: LogDiagnosticsSettings, token: CancellationToken | undefined, yieldControl: YieldControl,
): Promise<Diagnostic[]> {
  if (token?.isCancellationRequested) return [];
  const log = exchangeLogOf(document);
  if (!log) return [];
  const problems = new ProblemList(settings.maxProblems);
  const rules = new LogRowRules(productPreference(document), settings);
  const slices = new SlicedWork(ROWS_PER_SLICE, token, yieldControl);
  // Grouped here, in the same slices, so that no request after the diagnostics waits for it.
  const groupings = new RowGroupsBuilder(log, groupingsOf(log.kind));
  for (let i = 0; i < log.rows.length; i++) {
    rules.check(log, log.rows[i]!, problems);
    groupings.addRow(i);
    if (slices.step() && !(await slices.next())) return [];
  }
  return problems.finish();
}
