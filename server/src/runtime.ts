// What the server needs from its host, supplied by the node or browser entry point.

import type { Disposable } from 'vscode-languageserver';

export interface RuntimeEnvironment {
  readonly timer: {
    setImmediate(callback: () => void): Disposable;
    setTimeout(callback: () => void, ms: number): Disposable;
  };
}
