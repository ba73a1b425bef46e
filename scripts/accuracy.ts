// Accuracy beside Sisimai in one run: our engine and Sisimai 5.1.0 (../shared/tools/sisimai/run.sh)
// over both shared bounce corpora, each scored by the same scorer (test/support/bounceCorpora.ts)
// against the corpus's own expected file. Prints one Markdown table (the README's).
//
//   npm run accuracy            both analysers
//   npm run accuracy -- --ours  our engine only (no Perl needed)
import { execFileSync } from 'node:child_process';
import {
  analyzeFile, bounceCorpora, percent, scoreCorpus, sisimaiReports,
  type BounceCorpus, type Figures, type ReportedMessage,
} from '../test/support/bounceCorpora';
import { sharedPath } from '../test/support/shared';

function ours(corpus: BounceCorpus): Figures {
  const reports = new Map<string, ReportedMessage>();
  for (const { name, path } of corpus.files) reports.set(name, analyzeFile(path));
  return scoreCorpus(corpus, reports).figures;
}

function sisimai(corpus: BounceCorpus): Figures {
  // One timing round: only the records matter here (the bench measures speed).
  const tsv = execFileSync(sharedPath('tools/sisimai/run.sh'), [corpus.sisimaiFolder], {
    encoding: 'utf8', env: { ...process.env, ROUNDS: '1' }, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'],
  });
  return scoreCorpus(corpus, sisimaiReports(corpus, tsv)).figures;
}

const cell = (tally: readonly [number, number]): string => (tally[1] === 0 ? '–' : percent(tally));

const withSisimai = !process.argv.includes('--ours');
const lines = [
  '| corpus | analyser | recipients found | precision | status | reason | hard/soft |',
  '|---|---|---|---|---|---|---|',
];
for (const corpus of bounceCorpora()) {
  const rows: [string, Figures][] = [['Mailflow Lens', ours(corpus)]];
  if (withSisimai) rows.push(['Sisimai 5.1.0', sisimai(corpus)]);
  rows.forEach(([who, f], i) => {
    lines.push(`| ${i === 0 ? corpus.title : ''} | ${who} | ${cell(f.recipients)} | ${cell(f.precision)} | ${cell(f.status)} | ${cell(f.reason)} | ${cell(f.hard)} |`);
  });
}
console.log(lines.join('\n'));
console.log([
  '',
  'recipients found: expected recipients reported (any spelling the expected file allows); precision: failed or delayed',
  'recipients reported that the expected file names (messages whose rows all name a recipient); status: rows with a real',
  'expected status; reason: the Sisimai set only, after the documented mapping of its reasons onto ours; hard/soft:',
  'recipients found whose expected row settles it.',
].join('\n'));
