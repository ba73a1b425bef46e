// Node's timers for the host-neutral server core, and the engine bundled in (the stdio server).
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

export const nodeRuntime: RuntimeEnvironment = {
  timer: nodeTimer,
  // esbuild keeps the dynamic import's modules unevaluated until the handshake is over.
  loadLanguageService: () => import('../languageService'),
};
