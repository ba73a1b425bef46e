// Node's timers for the host-neutral server core.
import type { RuntimeEnvironment } from '../runtime';

export const nodeRuntime: RuntimeEnvironment = {
  timer: {
    setImmediate(callback) {
      const handle = setImmediate(callback);
      return { dispose: () => clearImmediate(handle) };
    },
    setTimeout(callback, ms) {
      const handle = setTimeout(callback, ms);
      return { dispose: () => clearTimeout(handle) };
    },
  },
};
