// Problems of an Exchange log read in parts (the command line): the editor's row rules over each
// part as it is complete, so a log of any size is checked in bounded memory.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { PROTOCOL_LOG } from '../../common/languages';
import { productPreference } from '../../analysis/productContext';
import type { ExchangeLog } from '../../formats/exchangeLog';
import { ExchangeLogParts } from '../../formats/exchangeLogParts';
import type { ProblemStream } from '../languageModes';
import { ProblemBatch } from '../shared/problemList';
import { type LogDiagnosticsSettings, LogRowRules } from './exchangeLogRules';

export function streamExchangeLog(head: TextDocument, settings: LogDiagnosticsSettings): ProblemStream {
  const parts = new ExchangeLogParts(head.languageId === PROTOCOL_LOG ? 'protocol' : 'tracking');
  const rules = new LogRowRules(productPreference(head), settings);
  const batch = new ProblemBatch();
  const read = (log: ExchangeLog | undefined) => {
    if (log) for (const row of log.rows) rules.check(log, row, batch);
    return batch.take();
  };
  return { push: (text) => read(parts.push(text)), finish: () => read(parts.finish()) };
}
