// The part of LSP's CancellationToken the service reads; callers pass the real one.
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

/** Lets a long validation give the event loop a turn, so cancellation and hovers get through. */
export type YieldControl = () => Promise<void>;
