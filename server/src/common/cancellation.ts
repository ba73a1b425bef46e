// The part of LSP's CancellationToken the service reads; callers pass the real one.
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

/** Lets a long validation give the event loop a turn, so cancellation and hovers get through. */
export type YieldControl = () => Promise<void>;

/**
 * A long loop cut into slices: after every `perSlice` steps the event loop gets a turn, and the
 * loop stops once its token is cancelled. Use: `if (slices.step() && !(await slices.next())) return;`
 */
export class SlicedWork {
  private steps = 0;

  constructor(
    private readonly perSlice: number, private readonly token: CancellationToken | undefined, private readonly yieldControl: YieldControl,
  ) {}

  /** Counts one step; true when it ends a slice, and the loop should await `next`. */
  step(): boolean {
    return ++this.steps % this.perSlice === 0;
  }

  /** Yields, then says whether to go on: false once the work is cancelled. */
  async next(): Promise<boolean> {
    await this.yieldControl();
    return !this.token?.isCancellationRequested;
  }
}
