// Postfix, Exim and Sendmail logs read as the journeys of their messages: by language id
// (mail-log) or, in a log or plain-text document, by the look of its first lines.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAIL_LOG } from '../../common/languages';
import { LineHeadReader } from '../../formats/mailLog/lineHead';
import type { FamilyMode, LanguageModeOptions } from '../languageModes';
import { getMailLogCodeActions } from './mailLogActions';
import { validateMailLog } from './mailLogDiagnostics';
import { mailLogFlow } from './mailLogFlow';
import { doMailLogHover } from './mailLogHover';
import { findMailLogHighlights, findMailLogReferences } from './mailLogReferences';
import { findMailLogSymbols, getMailLogFoldingRanges } from './mailLogSymbols';
import { streamMailLog } from './mailLogStream';

export function getMailLogMode(options: LanguageModeOptions): FamilyMode {
  return {
    id: 'mailLog',
    languageIds: [MAIL_LOG],
    claimsContent: looksLikeMailLog,
    doHover: (document, position, settings, token) => doMailLogHover(document, position, settings.hover.detail, token),
    doValidation: (document, settings, token) => validateMailLog(document, settings.diagnostics, token, options.yieldControl),
    findDocumentSymbols: findMailLogSymbols,
    findReferences: findMailLogReferences,
    findDocumentHighlights: findMailLogHighlights,
    getFoldingRanges: getMailLogFoldingRanges,
    getCodeActions: getMailLogCodeActions,
    streamValidation: () => streamMailLog(),
    mailFlow: (document, _settings, token) => mailLogFlow(document, token, options.yieldControl),
  };
}

/** Characters and lines of the head read to recognise a mail log. */
const HEAD_CHARS = 16 * 1024;
const HEAD_LINES = 50;
// Lines that start with an Exim time stamp are Exim's only with one of its marks; other software
// writes "yyyy-mm-dd hh:mm:ss" too.
const EXIM_MARK = /^[0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4} |^(?:H=|F=<|SMTP (?:connection|protocol|command|call)|Start queue run|End queue run|exim \d|\S+ authenticator failed|no host name found|TLS error|rejected |unexpected disconnection)/;

/**
 * True when most lines of the document's head are Postfix, Exim or Sendmail log lines (at least
 * two, or the only one). Lines such as "#" annotations and blank lines count for nothing.
 */
export function looksLikeMailLog(document: TextDocument): boolean {
  // Bounded in characters as well as lines, so a huge first line is not copied whole.
  const end = Math.min(document.offsetAt({ line: HEAD_LINES, character: 0 }), HEAD_CHARS);
  const head = document.getText({ start: { line: 0, character: 0 }, end: document.positionAt(end) });
  const reader = new LineHeadReader();
  let mail = 0;
  let other = 0;
  let start = 0;
  while (start < head.length) {
    let end = head.indexOf('\n', start);
    if (end < 0) end = head.length;
    const contentEnd = end > start && head[end - 1] === '\r' ? end - 1 : end;
    if (contentEnd > start && head[start] !== '#') {
      const line = reader.read(head, start, contentEnd);
      if (line && (line.system !== 'exim' || line.programStart >= 0 || EXIM_MARK.test(head.slice(line.idStart >= 0 ? line.idStart : line.body, contentEnd)))) mail++;
      else other++;
    }
    start = end + 1;
  }
  return mail >= 1 && mail >= other && (mail >= 2 || other === 0);
}
