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

let v8Collection: ((options?: { type: 'minor' | 'major' }) => void) | undefined;

/** V8's gc(), made available on first use: node offers it only behind --expose-gc. */
function v8Gc(): (options?: { type: 'minor' | 'major' }) => void {
  if (!v8Collection) {
    setFlagsFromString('--expose-gc');
    v8Collection = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
  }
  return v8Collection;
}

/** A full garbage collection. */
export function collectGarbage(): void {
  v8Gc()();
}

/** A collection of the young generation only: cheap, and it leaves the next allocation an empty nursery. */
export function collectYoungGarbage(): void {
  v8Gc()({ type: 'minor' });
}

export const nodeRuntime: RuntimeEnvironment = {
  timer: nodeTimer,
  collectGarbage,
  // esbuild keeps the dynamic import's modules unevaluated until the handshake is over.
  loadLanguageService: () => import('../languageService'),
  loadReportRenderer: () => import('../report/reportPages'),
};
