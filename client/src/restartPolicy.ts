// When a crashed language server is started again. A hostile document can crash the server on
// every start; a bounded number of restarts in a sliding window keeps that from looping forever,
// while an occasional crash days apart is always recovered from.

export const RESTART_LIMIT = 5;
export const RESTART_WINDOW_MS = 3 * 60_000;
/** Errors can quote a document; the output channel gets a bounded excerpt. */
const MAX_ERROR_CHARS = 4000;

export class RestartPolicy {
  /** When the server stopped unasked, oldest first; never more than limit + 1 entries. */
  private stops: number[] = [];
  private error: string | undefined;

  constructor(
    private readonly now: () => number,
    readonly limit = RESTART_LIMIT,
    readonly windowMs = RESTART_WINDOW_MS,
  ) {}

  /** Keeps the text of the latest error the server or its thread reported. */
  recordError(error: unknown): void {
    const text = error instanceof Error ? error.stack ?? `${error.name}: ${error.message}` : String(error);
    this.error = text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS)}…` : text;
  }

  get lastError(): string | undefined {
    return this.error;
  }

  /** Counts a stop nobody asked for; true when the server may be started again. */
  stopped(): boolean {
    const now = this.now();
    this.stops = this.stops.filter((at) => now - at < this.windowMs).slice(-this.limit);
    this.stops.push(now);
    return this.stops.length <= this.limit;
  }

  /** Stops counted in the window that ends now. */
  stopsInWindow(): number {
    const now = this.now();
    return this.stops.filter((at) => now - at < this.windowMs).length;
  }

  /** A restart the user asked for starts a fresh count; the last error stays for the record. */
  reset(): void {
    this.stops = [];
  }

  /** What the notification says once the policy refuses to restart. */
  giveUpMessage(): string {
    const minutes = Math.round(this.windowMs / 60_000);
    return `Mailflow Lens: the language server stopped ${this.stopsInWindow()} times in ${minutes} minutes and will not be restarted automatically. The last error is in the "Mailflow Lens" output channel.`;
  }
}
