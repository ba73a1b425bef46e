// An esbuild plugin for the browser bundles: any Node built-in (node:fs, fs, path...) fails the
// build with the file that imports it, where platform 'browser' alone might map it to an empty module.
import { builtinModules } from 'node:module';

const builtins = new Set(builtinModules);

/** @type {import('esbuild').Plugin} */
export const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /^[a-z_:/]+$/ }, ({ path, importer }) => (path.startsWith('node:') || builtins.has(path)
      ? { errors: [{ text: `Node built-in "${path}" imported by ${importer}: the browser build runs without Node` }] }
      : undefined));
  },
};
