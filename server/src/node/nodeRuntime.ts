// Node's timers for the host-neutral server core, and the engine bundled in (the stdio server).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { RuntimeEnvironment } from '../runtime';

export const nodeTimer: RuntimeEnvironment['timer'] = {
  setImmediate(callback) {
    const handle = setImmediate(callback);
    return { dispose: () => clearImmediate(handle) };
  },
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    return { dispose: () => clearTimeout(handle) };
  },
};

let fullCollection: (() => void) | undefined;

/** V8's gc(), made available on first use: node offers it only behind --expose-gc. */
export function collectGarbage(): void {
  if (!fullCollection) {
    setFlagsFromString('--expose-gc');
    fullCollection = runInNewContext('gc') as () => void;
  }
  fullCollection();
}

export const nodeRuntime: RuntimeEnvironment = {
  timer: nodeTimer,
  collectGarbage,
  // esbuild keeps the dynamic import's modules unevaluated until the handshake is over.
  loadLanguageService: () => import('../languageService'),
};
