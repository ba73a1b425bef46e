// Decoded text that remembers where each character came from in the raw document, so a code found
// after quoted-printable, base64, charset or HTML decoding still gets an exact diagnostic range.

/** Text plus a map from its offsets to offsets in the raw document. */
export class MappedText {
  /**
   * `points` hold pairs (decoded offset, raw offset) sorted by decoded offset; between two points
   * characters map one to one, clamped to the next point's raw offset (base64 and multi-byte
   * charsets map to the start of their source run rather than guessing inside it).
   */
  private constructor(
    readonly text: string,
    private readonly decodedAt: readonly number[],
    private readonly rawAt: readonly number[],
    private readonly rawEnd: number,
  ) {}

  /** A slice of the raw document, unchanged. */
  static identity(text: string, rawStart: number): MappedText {
    return new MappedText(text, [0], [rawStart], rawStart + text.length);
  }

  static fromBuilder(builder: MappedTextBuilder): MappedText {
    return new MappedText(builder.parts.join(''), builder.decodedAt, builder.rawAt, builder.rawEnd);
  }

  /** Raw offset of the character at `offset` (or of the end, for offset === text.length). */
  toRaw(offset: number): number {
    const points = this.decodedAt;
    let lo = 0;
    let hi = points.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (points[mid]! <= offset) lo = mid; else hi = mid - 1;
    }
    const limit = lo + 1 < points.length ? this.rawAt[lo + 1]! : this.rawEnd;
    return Math.min(this.rawAt[lo]! + (offset - points[lo]!), Math.max(this.rawAt[lo]!, limit));
  }

  /**
   * toRaw for a reader whose offsets only grow (an HTML walk): each answer's search starts where the
   * last one stopped, so a walk costs one step per point passed instead of a binary search per offset.
   * An offset before the last one is answered by toRaw.
   */
  forwardToRaw(): (offset: number) => number {
    const points = this.decodedAt;
    let at = 0;
    return (offset) => {
      if (points.length === 0 || offset < points[at]!) return this.toRaw(offset);
      while (at + 1 < points.length && points[at + 1]! <= offset) at++;
      const limit = at + 1 < points.length ? this.rawAt[at + 1]! : this.rawEnd;
      return Math.min(this.rawAt[at]! + (offset - points[at]!), Math.max(this.rawAt[at]!, limit));
    };
  }

  /** A sub-range of this text, still mapped to the raw document. */
  slice(start: number, end: number): MappedText {
    if (this.decodedAt.length === 1) return MappedText.identity(this.text.slice(start, end), this.toRaw(start));
    const builder = new MappedTextBuilder();
    let k = 0;
    while (k + 1 < this.decodedAt.length && this.decodedAt[k + 1]! <= start) k++;
    let at = start;
    while (at < end) {
      const next = Math.min(end, k + 1 < this.decodedAt.length ? this.decodedAt[k + 1]! : end);
      if (next > at) builder.push(this.text.slice(at, next), this.toRaw(at), next === this.decodedAt[k + 1] ? this.rawAt[k + 1]! : this.toRaw(next));
      at = next;
      k++;
    }
    builder.rawEnd = this.toRaw(end);
    return MappedText.fromBuilder(builder);
  }
}

/** Collects decoded pieces with the raw offset each starts at. */
export class MappedTextBuilder {
  readonly parts: string[] = [];
  readonly decodedAt: number[] = [];
  readonly rawAt: number[] = [];
  length = 0;
  rawEnd = 0;

  /** Appends `text` that came from raw offsets [rawStart, rawStop). */
  push(text: string, rawStart: number, rawStop: number): void {
    if (text.length === 0) return;
    const last = this.decodedAt.length - 1;
    // Extend the current run when the piece continues it one to one.
    if (last >= 0 && this.rawAt[last]! + (this.length - this.decodedAt[last]!) === rawStart && this.rawEnd === rawStart
      && rawStop - rawStart === text.length) {
      this.parts.push(text);
    } else {
      this.decodedAt.push(this.length);
      this.rawAt.push(rawStart);
      this.parts.push(text);
    }
    this.length += text.length;
    this.rawEnd = rawStop;
  }
}
