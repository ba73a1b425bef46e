// Open documents as the server keeps them. The library's TextDocument rebuilds its whole text on
// every incremental change (a 50 MB log costs a 50 MB copy per typed character); this one keeps
// the text as a list of pieces, edits the list and joins it only when the text is read.

import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { CharCode } from '../common/charCode';

/** Pieces kept before they are joined anyway: finding an offset walks the list. */
const MAX_PIECES = 512;

class PieceTextDocument implements TextDocument {
  /** The text is these pieces in order; one piece once read. */
  private pieces: string[];
  private length: number;
  private lineOffsets: number[] | undefined;

  constructor(readonly uri: string, readonly languageId: string, public version: number, content: string) {
    this.pieces = [content];
    this.length = content.length;
  }

  get lineCount(): number {
    return this.getLineOffsets().length;
  }

  getText(range?: Range): string {
    const text = this.flatten();
    return range ? text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const lineOffsets = this.getLineOffsets();
    let low = 0;
    let high = lineOffsets.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (lineOffsets[mid]! > offset) high = mid; else low = mid + 1;
    }
    const line = low - 1;
    return { line, character: this.beforeLineBreak(offset, lineOffsets[line]!) - lineOffsets[line]! };
  }

  offsetAt(position: Position): number {
    const lineOffsets = this.getLineOffsets();
    if (position.line >= lineOffsets.length) return this.length;
    if (position.line < 0) return 0;
    const lineOffset = lineOffsets[position.line]!;
    if (position.character <= 0) return lineOffset;
    const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1]! : this.length;
    // A position past the end of a line stops before its line break.
    return this.beforeLineBreak(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
  }

  getLineRange(line: number): Range {
    const lineOffsets = this.getLineOffsets();
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (line >= lineOffsets.length) {
      const last = lineOffsets.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.length - lineOffsets[last]! } };
    }
    const start = lineOffsets[line]!;
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineBreak(this.lineEnd(line), start) - start } };
  }

  getEOLCharacters(line: number): string {
    const lineOffsets = this.getLineOffsets();
    if (line < 0 || line >= lineOffsets.length) return '';
    const end = this.lineEnd(line);
    return this.getText().substring(this.beforeLineBreak(end, lineOffsets[line]!), end);
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change) || !change.range) {
        this.pieces = [change.text];
        this.length = change.text.length;
        this.lineOffsets = undefined;
        continue;
      }
      const { start, end } = ordered(change.range);
      const startOffset = this.offsetAt(start);
      const endOffset = this.offsetAt(end);
      this.replace(startOffset, endOffset, change.text);
      const insertedEnd = startOffset + change.text.length;
      // A CR and an LF that the edit joins into one line break: count the lines again.
      const crlfAtStart = this.charCodeAt(startOffset - 1) === CharCode.CarriageReturn && this.charCodeAt(startOffset) === CharCode.LineFeed;
      const crlfAtEnd = this.charCodeAt(insertedEnd - 1) === CharCode.CarriageReturn && this.charCodeAt(insertedEnd) === CharCode.LineFeed;
      if (crlfAtStart || crlfAtEnd || !this.lineOffsets) {
        this.lineOffsets = undefined;
        continue;
      }
      let lineOffsets = this.lineOffsets;
      const added = lineStarts(change.text, startOffset);
      const startLine = Math.max(start.line, 0);
      const endLine = Math.max(end.line, 0);
      // An edit within one line (typing) adds and removes no line starts: the table keeps its shape.
      if (added.length > 0 || endLine !== startLine) {
        if (added.length < 10_000) lineOffsets.splice(startLine + 1, endLine - startLine, ...added);
        else this.lineOffsets = lineOffsets = [...lineOffsets.slice(0, startLine + 1), ...added, ...lineOffsets.slice(endLine + 1)];
      }
      const diff = change.text.length - (endOffset - startOffset);
      if (diff !== 0) for (let i = startLine + 1 + added.length; i < lineOffsets.length; i++) lineOffsets[i]! += diff;
    }
    this.version = version;
  }

  private lineEnd(line: number): number {
    const lineOffsets = this.getLineOffsets();
    return line + 1 < lineOffsets.length ? lineOffsets[line + 1]! : this.length;
  }

  private beforeLineBreak(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isLineBreak(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  private getLineOffsets(): number[] {
    if (!this.lineOffsets) {
      const starts = lineStarts(this.flatten(), 0);
      starts.unshift(0);
      this.lineOffsets = starts;
    }
    return this.lineOffsets;
  }

  private flatten(): string {
    if (this.pieces.length !== 1) this.pieces = [this.pieces.join('')];
    return this.pieces[0]!;
  }

  private charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    for (const piece of this.pieces) {
      if (offset < piece.length) return piece.charCodeAt(offset);
      offset -= piece.length;
    }
    return NaN;
  }

  /** Replaces [from, to) with `text` in the piece list; substrings of a flat string share its memory. */
  private replace(from: number, to: number, text: string): void {
    const next: string[] = [];
    let base = 0;
    for (const piece of this.pieces) {
      const pieceEnd = base + piece.length;
      if (pieceEnd <= from || base >= to) {
        if (base === to && text) { next.push(text); text = ''; }
        next.push(piece);
      } else {
        if (from > base) next.push(piece.substring(0, from - base));
        if (text) { next.push(text); text = ''; }
        if (to < pieceEnd) next.push(piece.substring(to - base));
      }
      base = pieceEnd;
    }
    if (text) next.push(text);
    this.pieces = next.filter((piece) => piece.length > 0);
    if (this.pieces.length === 0) this.pieces = [''];
    this.length = this.pieces.reduce((sum, piece) => sum + piece.length, 0);
    if (this.pieces.length > MAX_PIECES) this.flatten();
  }
}

const isLineBreak = (c: number): boolean => c === CharCode.CarriageReturn || c === CharCode.LineFeed;

function ordered(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

/** Offsets (plus `base`) of the starts of the lines after the first in `text`. */
function lineStarts(text: string, base: number): number[] {
  const starts: number[] = [];
  // Without CRs, indexOf finds the breaks many times faster than reading every character.
  if (!text.includes('\r')) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(base + at + 1);
    return starts;
  }
  // With CRs (Windows files), the next CR and the next LF found by indexOf, a CR LF counted once.
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  while (cr >= 0 || lf >= 0) {
    const at = lf < 0 || (cr >= 0 && cr < lf) ? (lf === cr + 1 ? lf : cr) : lf;
    starts.push(base + at + 1);
    if (cr >= 0 && cr <= at) cr = text.indexOf('\r', at + 1);
    if (lf >= 0 && lf <= at) lf = text.indexOf('\n', at + 1);
  }
  return starts;
}

/** For `new TextDocuments(...)`: documents that take many small edits to a big text cheaply. */
export const pieceTextDocuments: TextDocumentsConfiguration<TextDocument> = {
  create: (uri, languageId, version, content) => new PieceTextDocument(uri, languageId, version, content),
  update: (document, changes, version) => {
    (document as unknown as PieceTextDocument).update(changes, version);
    return document;
  },
};
