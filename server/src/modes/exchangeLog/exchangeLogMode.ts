// Exchange message tracking and protocol logs.

import { PROTOCOL_LOG, TRACKING_LOG } from '../../common/languages';
import type { FamilyMode, LanguageModeOptions } from '../languageModes';
import { getLogCodeActions } from './exchangeLogActions';
import { validateExchangeLog } from './exchangeLogDiagnostics';
import { filterExchangeLog } from './exchangeLogFilter';
import { getLogFoldingRanges } from './exchangeLogFolding';
import { doLogHover } from './exchangeLogHover';
import { findLogHighlights, findLogReferences } from './exchangeLogReferences';
import { findLogSymbols } from './exchangeLogSymbols';
import { streamExchangeLog } from './exchangeLogStream';
import { exchangeLogFlow } from './exchangeLogFlow';

export function getExchangeLogMode(options: LanguageModeOptions): FamilyMode {
  return {
    id: 'exchangeLog',
    languageIds: [TRACKING_LOG, PROTOCOL_LOG],
    doHover: (document, position, settings, token) => doLogHover(document, position, settings.hover.detail, token),
    doValidation: (document, settings, token) => validateExchangeLog(document, settings.diagnostics, token, options.yieldControl),
    findDocumentSymbols: findLogSymbols,
    findReferences: findLogReferences,
    findDocumentHighlights: findLogHighlights,
    getFoldingRanges: getLogFoldingRanges,
    getCodeActions: getLogCodeActions,
    streamValidation: (head, settings) => streamExchangeLog(head, settings.diagnostics),
    mailFlow: (document, _settings, token) => exchangeLogFlow(document, token, options.yieldControl),
    filterLines: (document, query, limit, token) => filterExchangeLog(document, query, limit, token, options.yieldControl),
  };
}
