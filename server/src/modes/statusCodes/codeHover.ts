// Hover on a status code: finds the reply under the cursor and explains it.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, Position } from 'vscode-languageserver-types';
import type { CancellationToken } from '../../common/cancellation';
import { scanReplies } from '../../detection/replyScanner';
import { investigationActions } from '../shared/investigationLinks';
import { productPreferenceOnLine } from '../../analysis/productContext';
import { explainMention } from '../../analysis/replyExplanation';
import type { DetailLevel } from '../../common/settings';
import { renderMarkdown } from '../shared/renderMarkdown';
import { markupContent } from '../../text/markdown';

/** Characters read on each side of the cursor: enough for any reply and its context, and
 * independent of the line's length, so a 5 MB line hovers as fast as a short one. */
export const CODE_HOVER_WINDOW = 512;

export function doCodeHover(document: TextDocument, position: Position, level: DetailLevel, token?: CancellationToken): Hover | null {
  if (token?.isCancellationRequested) return null;
  const from = Math.max(0, position.character - CODE_HOVER_WINDOW);
  const text = document.getText({
    start: { line: position.line, character: from },
    end: { line: position.line, character: position.character + CODE_HOVER_WINDOW },
  }).replace(/[\r\n]+$/, '');
  return codeHoverInLine(document, position, { from, text }, level);
}

/**
 * The code hover at `position`, given its line's text from character `from` on, up to
 * CODE_HOVER_WINDOW characters past the position: for callers that know the line without asking the document.
 */
export function codeHoverInLine(document: TextDocument, position: Position, line: { from: number; text: string }, level: DetailLevel): Hover | null {
  const { from, text } = line;
  const cursor = position.character - from;
  const mention = scanReplies(text, from === 0).find((m) => m.start <= cursor && cursor < m.end);
  if (!mention) return null;
  const explanation = explainMention(mention, { prefer: productPreferenceOnLine(document, text), reply: text });
  if (!explanation) return null;
  return {
    contents: markupContent(renderMarkdown(explanation, level, investigationActions(mention, text))),
    range: {
      start: { line: position.line, character: from + mention.start },
      end: { line: position.line, character: from + mention.end },
    },
  };
}
