// The README's first command ends here: builds the .vsix, then shows the command line at work
// on the bundled samples. `check` exits 1 when it finds errors, which is what the samples hold.
import { execFileSync, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
execFileSync(npm, ['run', 'package'], { stdio: 'inherit' });
const { version } = JSON.parse(execFileSync(process.execPath, ['-p', 'JSON.stringify(require("./package.json"))'], { encoding: 'utf8' }));
const vsix = `mailflow-lens-${version}.vsix`;
console.log(`\nBuilt ${vsix} (${(statSync(vsix).size / 1024).toFixed(0)} KiB). Install it with: code --install-extension ${vsix}\n`);

const run = (args) => {
  console.log(`$ mailflow-lens ${args.map((a) => (a.includes(' ') ? `"${a}"` : a)).join(' ')}`);
  const result = spawnSync(process.execPath, ['dist/cli.js', ...args], { stdio: 'inherit' });
  console.log(`(exit code ${result.status})\n`);
  return result.status;
};
const statuses = [
  run(['explain', '550 5.1.10 RESOLVER.ADR.RecipientNotFound']),
  run(['check', 'samples/exchange-online-ndr.eml', 'samples/postfix-mail.log']),
  run(['report', 'samples/', '-o', 'mail-flow-report.html']),
];
if (statuses[2] === 0) console.log('Wrote mail-flow-report.html: open it in a browser (one self-contained file, no network).');
// explain and report must succeed; check is expected to report errors (exit 1), anything else is a failure.
if (statuses[0] !== 0 || statuses[1] !== 1 || statuses[2] !== 0) process.exit(1);
