// The two shared bounce corpora and one scorer for them, used by the corpus test and by
// scripts/accuracy.ts, so our engine and Sisimai are measured by the same rules against each
// corpus's own expected file. Scoring works per expected row (`scoreCorpus` returns every row's
// result), so a per-sample check can be built on it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBounce } from '../../server/src/analysis/bounce/analyzeBounce';
import type { BounceAnalysis } from '../../server/src/analysis/bounce/bounceAnalysis';
import { readTsv, sharedPath } from './shared';

/** One recipient as an analyser reports it. */
export interface ReportedRecipient {
  readonly address: string;
  readonly action: string;
  readonly status?: string;
  readonly reason: string;
  readonly hard: boolean;
  /** For the disagreements file: how the reason was decided, and the diagnostic text. */
  readonly basis?: string;
  readonly diagnostic?: string;
}

export interface ReportedMessage {
  readonly recipients: readonly ReportedRecipient[];
  /** The reason of a message that names no recipient (an auto-reply is "vacation"), else "none". */
  readonly messageReason: string;
}

/** One row of a corpus's expected file, in a form common to both corpora. */
export interface ExpectedRow {
  readonly file: string;
  /** Lower-case spellings that each count as this recipient; empty when the row names nobody. */
  readonly spellings: readonly string[];
  /** Statuses that count as right; empty when the row states no real status. */
  readonly statuses: readonly string[];
  /** Sisimai's reason (first corpus only). */
  readonly reason?: string;
  /** Whether the address itself is dead, when the row is a failure that settles it. */
  readonly hard?: boolean;
}

export interface BounceCorpus {
  readonly name: 'bounces' | 'bounces-flufl';
  readonly title: string;
  /** Message files, named as the expected file names them, with their absolute paths. */
  readonly files: readonly { readonly name: string; readonly path: string }[];
  readonly expected: readonly ExpectedRow[];
  /** Where the test writes this corpus's disagreements, under test-results/. */
  readonly disagreementsFile: string;
  /** The folder Sisimai's run.sh reads, and how its file names map to ours (undefined: not in the corpus). */
  readonly sisimaiFolder: string;
  readonly sisimaiName: (file: string) => string | undefined;
}

/**
 * Sisimai's reasons that our taxonomy names differently. Each maps to the reasons of ours that
 * count as agreeing. `filtered` also accepts userunknown: Sisimai calls an unknown-user reply
 * "filtered" whenever it cannot tie it to the RCPT TO command (its lhost modules decide this per
 * MTA), while we report what the reply says; the strict figure without this is printed too.
 */
export const SISIMAI_REASON_MAP: Readonly<Record<string, readonly string[]>> = {
  requireptr: ['blocked'],
  badreputation: ['blocked'],
  exceedlimit: ['mesgtoobig'],
  notcompliantrfc: ['contenterror'],
  mailererror: ['systemerror'],
  onhold: ['undefined'],
  failedstarttls: ['securityerror'],
  filtered: ['filtered', 'userunknown'],
};

/** Expected reasons that are not a failure, so say nothing about hard or soft. */
const NOT_A_FAILURE = new Set(['', 'delivered', 'feedback', 'vacation']);

export function sisimaiCorpus(): BounceCorpus {
  const folder = sharedPath('corpus/bounces/maildir/bsd');
  const expected = readTsv('corpus/bounces/expected-results.tsv').map((row): ExpectedRow => ({
    file: row.file!,
    spellings: row.recipient ? [row.recipient.toLowerCase()] : [],
    statuses: row.status_is_sisimai_pseudo === 'no' && row.expected_status ? [row.expected_status] : [],
    reason: row.expected_reason || undefined,
    hard: (row.expected_hardbounce === 'true' || row.expected_hardbounce === 'false') && !NOT_A_FAILURE.has(row.expected_reason ?? '')
      ? row.expected_hardbounce === 'true' : undefined,
  }));
  return {
    name: 'bounces', title: 'Sisimai set (629)',
    files: readdirSync(folder).sort().map((name) => ({ name, path: join(folder, name) })),
    expected,
    disagreementsFile: 'bounce-disagreements.tsv',
    sisimaiFolder: sharedPath('corpus/bounces/maildir'),
    sisimaiName: (file) => (file.startsWith('bsd/') ? file.slice(4) : undefined),
  };
}

export function fluflCorpus(): BounceCorpus {
  const root = sharedPath('corpus/bounces-flufl');
  const expected = readTsv('corpus/bounces-flufl/expected.tsv').map((row): ExpectedRow => ({
    file: row.file!,
    spellings: (row.recipient ?? '').split('|').filter(Boolean).map((s) => s.toLowerCase()),
    statuses: (row.status ?? '').split('|').filter(Boolean),
    hard: row.hard_soft === 'hard' ? true : row.hard_soft === 'soft' ? false : undefined,
  }));
  return {
    name: 'bounces-flufl', title: 'flufl set (101)',
    files: readdirSync(join(root, 'messages')).sort().map((name) => ({ name: `messages/${name}`, path: join(root, 'messages', name) })),
    expected,
    disagreementsFile: 'bounce-disagreements-flufl.tsv',
    sisimaiFolder: root,
    sisimaiName: (file) => (file.startsWith('messages/') ? file : undefined),
  };
}

export const bounceCorpora = (): BounceCorpus[] => [sisimaiCorpus(), fluflCorpus()];

const decoder = new TextDecoder('utf-8');
export const readMessage = (path: string): string => decoder.decode(readFileSync(path));

/** Our engine's report, in the scorer's terms. */
export function reportOf(analysis: BounceAnalysis): ReportedMessage {
  return {
    recipients: analysis.recipients.map((r) => ({
      address: r.recipient.value.toLowerCase(), action: r.action, status: r.status?.value, reason: r.reason, hard: r.hard,
      basis: r.reasonBasis, diagnostic: r.diagnostic?.value,
    })),
    messageReason: analysis.kind === 'auto-reply' ? 'vacation' : analysis.kind === 'feedback-report' ? 'feedback' : 'none',
  };
}

export const analyzeFile = (path: string): ReportedMessage => reportOf(analyzeBounce(readMessage(path)));

/** Sisimai's records (the TSV ../shared/tools/sisimai/run.sh prints), per file as the corpus names it. */
export function sisimaiReports(corpus: BounceCorpus, tsv: string): Map<string, ReportedMessage> {
  const byFile = new Map<string, ReportedRecipient[]>();
  for (const line of tsv.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [file = '', recipient = '', status = '', reason = '', hard = '', action = ''] = line.split('\t');
    const name = corpus.sisimaiName(file);
    if (name === undefined) continue;
    const list = byFile.get(name) ?? [];
    if (reason !== '(none)') list.push({ address: recipient.toLowerCase(), action, status: status || undefined, reason, hard: hard === '1' });
    byFile.set(name, list);
  }
  const reports = new Map<string, ReportedMessage>();
  for (const [file, recipients] of byFile) reports.set(file, { recipients, messageReason: recipients[0]?.reason ?? 'none' });
  return reports;
}

export type Tally = readonly [ok: number, all: number];

export interface Figures {
  readonly recipients: Tally;
  readonly precision: Tally;
  readonly status: Tally;
  readonly reason: Tally;
  readonly strictReason: Tally;
  readonly hard: Tally;
}

/** One expected row's result; a field is undefined when the row does not measure it. */
export interface RowResult {
  readonly row: ExpectedRow;
  readonly got: ReportedRecipient | undefined;
  /** The reason scored: the recipient's, or the message's when the row names nobody. */
  readonly ourReason: string;
  readonly recipient?: boolean;
  readonly status?: boolean;
  readonly reason?: boolean;
  readonly hard?: boolean;
}

export interface CorpusScore {
  readonly rows: readonly RowResult[];
  /** Failed or delayed recipients reported that the expected file does not name. */
  readonly extras: readonly { readonly file: string; readonly got: ReportedRecipient }[];
  readonly figures: Figures;
}

const reported = (r: ReportedRecipient): boolean => r.action === 'failed' || r.action === 'delayed';

/** The result of one expected row against one message's report. */
export function scoreRow(row: ExpectedRow, report: ReportedMessage): RowResult {
  const got = row.spellings.length > 0
    ? report.recipients.find((r) => row.spellings.includes(r.address))
    : report.recipients[0];
  const reason = got?.reason ?? report.messageReason;
  const accepted = row.reason ? [row.reason, ...(SISIMAI_REASON_MAP[row.reason] ?? [])] : [];
  return {
    row,
    got,
    ourReason: reason,
    recipient: row.spellings.length > 0 ? got !== undefined : undefined,
    status: row.statuses.length > 0 ? got?.status !== undefined && row.statuses.includes(got.status) : undefined,
    reason: row.reason ? accepted.includes(reason) : undefined,
    // Hard or soft is a reading of a recipient found: finding it is what recall measures.
    hard: row.hard !== undefined && got ? got.hard === row.hard : undefined,
  };
}

/** Every expected row's result, the extra recipients, and the figures; a missing report counts as naming nobody. */
export function scoreCorpus(corpus: BounceCorpus, reports: ReadonlyMap<string, ReportedMessage>): CorpusScore {
  const none: ReportedMessage = { recipients: [], messageReason: 'none' };
  const rows = corpus.expected.map((row) => scoreRow(row, reports.get(row.file) ?? none));
  const extras: { file: string; got: ReportedRecipient }[] = [];
  let precise = 0;
  let counted = 0;
  const byFile = new Map<string, ExpectedRow[]>();
  for (const row of corpus.expected) byFile.set(row.file, [...(byFile.get(row.file) ?? []), row]);
  for (const [file, expected] of byFile) {
    // A row that names nobody cannot tell a right recipient from a wrong one.
    if (expected.some((row) => row.spellings.length === 0)) continue;
    for (const got of (reports.get(file) ?? none).recipients.filter(reported)) {
      counted++;
      if (expected.some((row) => row.spellings.includes(got.address))) precise++;
      else extras.push({ file, got });
    }
  }
  const tally = (pick: (r: RowResult) => boolean | undefined): Tally => {
    const measured = rows.map(pick).filter((v) => v !== undefined);
    return [measured.filter(Boolean).length, measured.length];
  };
  // One to one: only the first reason the mapping names counts.
  const strict = (r: RowResult): boolean | undefined => (r.row.reason ? r.ourReason === (SISIMAI_REASON_MAP[r.row.reason]?.[0] ?? r.row.reason) : undefined);
  return {
    rows,
    extras,
    figures: {
      recipients: tally((r) => r.recipient),
      precision: [precise, counted],
      status: tally((r) => r.status),
      reason: tally((r) => r.reason),
      strictReason: tally(strict),
      hard: tally((r) => r.hard),
    },
  };
}

export const ratio = ([ok, all]: Tally): number => (all === 0 ? 1 : ok / all);
export const percent = (tally: Tally): string => `${(100 * ratio(tally)).toFixed(1)}% (${tally[0]}/${tally[1]})`;

/** The disagreements of one corpus as TSV rows: kind, file, expected recipient, expected, got, our basis, our diagnostic. */
export function disagreementRows(score: CorpusScore, reports: ReadonlyMap<string, ReportedMessage>): string[][] {
  const out: string[][] = [['kind', 'file', 'expected_recipient', 'expected', 'got', 'our_basis', 'our_diagnostic']];
  for (const r of score.rows) {
    const note = (kind: string, want: string, got: string): void => {
      out.push([kind, r.row.file, r.row.spellings.join('|'), want, got, r.got?.basis ?? '', (r.got?.diagnostic ?? '').slice(0, 200)]);
    };
    if (r.recipient === false) {
      const report = reports.get(r.row.file);
      note('recipient', r.row.spellings.join('|'), report?.recipients.map((g) => g.address).join(' ') || `(none: ${report?.messageReason ?? 'no report'})`);
    }
    if (r.status === false) note('status', r.row.statuses.join('|'), r.got?.status ?? '(none)');
    if (r.reason === false) note('reason', r.row.reason!, r.ourReason);
    if (r.hard === false) note('hard/soft', r.row.hard ? 'hard' : 'soft', r.got!.hard ? 'hard' : 'soft');
  }
  for (const { file, got } of score.extras) out.push(['extra', file, '', '(not expected)', got.address, got.basis ?? '', (got.diagnostic ?? '').slice(0, 200)]);
  return out.map((row) => row.map((cell) => cell.replace(/[\t\r\n]+/g, ' ')));
}
