// Status codes in any text: the mode of every document no other family claims, and the codes
// other families embed (log fields, bounce bodies).

import type { LanguageMode, LanguageModeOptions } from '../languageModes';
import { streamCodes, validateCodes } from './codeDiagnostics';
import { doCodeHover } from './codeHover';
import { runLineFilter, TextLines } from '../shared/lineFilter';

export function getStatusCodeMode(options: LanguageModeOptions): LanguageMode {
  return {
    id: 'statusCodes',
    doHover: (document, position, settings, token) => doCodeHover(document, position, settings.hover.detail, token),
    doValidation: (document, settings, token) => validateCodes(document, settings.diagnostics, token, options.yieldControl),
    streamValidation: (head) => streamCodes(head),
    filterLines: (document, query, limit, token) => runLineFilter(new TextLines('plain text documents', document.getText()), query, limit, token, options.yieldControl),
  };
}
