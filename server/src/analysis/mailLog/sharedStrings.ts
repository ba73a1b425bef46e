// One copy of each value that many trails of a log repeat (senders, clients):
// every trail then points at it instead of holding a string of its own that lives as long as the
// log is open. Bounded: past its limit a value is kept as it came.

export class SharedStrings {
  private readonly known = new Map<string, string>();

  constructor(private readonly limit = 4096) {}

  /** The copy kept of `value`, or `value` itself (then kept, while there is room). */
  of(value: string): string;
  of(value: string | undefined): string | undefined;
  of(value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    const kept = this.known.get(value);
    if (kept !== undefined) return kept;
    if (this.known.size < this.limit) this.known.set(value, value);
    return value;
  }
}
