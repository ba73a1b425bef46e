// Exchange Online message traces: the admin center's CSV reports and Export-Csv of the trace cmdlets.

import { MESSAGE_TRACE } from '../../common/languages';
import type { FamilyMode, LanguageModeOptions } from '../languageModes';
import { getTraceCodeActions } from './traceActions';
import { validateMessageTrace } from './traceDiagnostics';
import { looksLikeTrace } from './traceDocument';
import { filterMessageTrace } from './traceFilter';
import { doTraceHover } from './traceHover';
import { findTraceSymbols, getTraceFoldingRanges } from './traceOutline';
import { findTraceHighlights, findTraceReferences } from './traceReferences';
import { messageTraceFlow } from './traceFlow';

export function getMessageTraceMode(options: LanguageModeOptions): FamilyMode {
  return {
    id: 'messageTrace',
    languageIds: [MESSAGE_TRACE],
    claimsContent: looksLikeTrace,
    doHover: (document, position, settings, token) => doTraceHover(document, position, settings.hover.detail, token),
    doValidation: (document, settings, token) => validateMessageTrace(document, settings.diagnostics, token, options.yieldControl),
    findDocumentSymbols: findTraceSymbols,
    findReferences: findTraceReferences,
    findDocumentHighlights: findTraceHighlights,
    getFoldingRanges: getTraceFoldingRanges,
    getCodeActions: getTraceCodeActions,
    mailFlow: (document, _settings, token) => messageTraceFlow(document, token, options.yieldControl),
    filterLines: (document, query, limit, token) => filterMessageTrace(document, query, limit, token, options.yieldControl),
  };
}
