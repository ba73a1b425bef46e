// The part of LSP's CancellationToken the service reads; callers pass the real one.
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}
