// The next occurrence of one character, for a reader going forward through a text: found with
// indexOf (much faster than a loop over the characters) and remembered until the reader passes it,
// so a character the text lacks is looked for once, and a whole forward walk costs one read of it.

export class NextOf {
  private from = Number.POSITIVE_INFINITY;
  private at = -1;

  /** `offset` is where `text` starts in the document whose offsets the reader uses (0 for the text itself). */
  constructor(private readonly text: string, private readonly char: string, private readonly offset = 0) {}

  /** The offset of the first `char` at or after `from`, or the text's end. Offsets asked must not go back. */
  next(from: number): number {
    if (!(from >= this.from && from <= this.at)) {
      const found = this.text.indexOf(this.char, from - this.offset);
      this.from = from;
      this.at = this.offset + (found < 0 ? this.text.length : found);
    }
    return this.at;
  }
}
