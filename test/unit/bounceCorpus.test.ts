// The acceptance measure: the whole engine over the 629 real bounces of the shared corpus, against
// the expectations of the sisimai project's own tests (expected-results.tsv). Prints the three
// agreement figures and writes every disagreement to test-results/bounce-disagreements.tsv.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { analyzeBounce } from '../../server/src/analysis/bounce/analyzeBounce';
import type { BounceAnalysis, RecipientOutcome } from '../../server/src/analysis/bounce/bounceAnalysis';
import { getLanguageService } from '../../server/src/languageService';
import { agreementRegressions, checksOf, type AgreementCheck } from '../support/corpusAgreement';
import { readTsv, repoRoot, sharedPath } from '../support/shared';

/**
 * sisimai's reasons that our taxonomy names differently. Each maps to the reasons of ours that
 * count as agreeing. `filtered` also accepts userunknown: sisimai calls an unknown-user reply
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

const decoder = new TextDecoder('utf-8');
const read = (path: string): string => decoder.decode(readFileSync(path));

/** Our reason for a message without recipients: auto-replies and feedback reports still have one. */
function messageReason(analysis: BounceAnalysis): string {
  if (analysis.kind === 'auto-reply') return 'vacation';
  if (analysis.kind === 'feedback-report') return 'feedback';
  return 'none';
}

const percent = (ok: number, all: number): string => `${((100 * ok) / all).toFixed(1)}% (${ok}/${all})`;

describe('bounce accuracy on the shared corpus', () => {
  it('reaches 97% on status and recipients and 90% on reason, and writes the disagreements', async () => {
    const maildir = sharedPath('corpus/bounces/maildir/bsd');
    const rows = readTsv('corpus/bounces/expected-results.tsv');
    const service = getLanguageService();
    const analyses = new Map<string, BounceAnalysis>();
    let slowest = { file: '', ms: 0 };
    for (const file of readdirSync(maildir).sort()) {
      const text = read(join(maildir, file));
      const started = performance.now();
      analyses.set(file, analyzeBounce(text));
      const ms = performance.now() - started;
      if (ms > slowest.ms) slowest = { file, ms };
      // The editor path too: validation must not throw on any sample.
      await service.doValidation(TextDocument.create(`file:///corpus/${file}`, 'email', 1, text));
    }
    assert.equal(analyses.size, 629);

    const disagreements: string[][] = [];
    let status = 0; let statusRows = 0;
    let recipients = 0; let recipientRows = 0;
    let reason = 0; let strictReason = 0; let reasonRows = 0;
    let hard = 0; let hardRows = 0;
    const checks: AgreementCheck[] = [];
    for (const row of rows) {
      const analysis = analyses.get(row.file!);
      assert.ok(analysis, `no analysis for ${row.file}`);
      const expected = (row.recipient ?? '').toLowerCase();
      const found: RecipientOutcome | undefined = expected
        ? analysis.recipients.find((r) => r.recipient.value.toLowerCase() === expected)
        : analysis.recipients[0];
      const note = (kind: string, want: string, got: string): void => {
        disagreements.push([kind, row.file!, row.recipient ?? '', want, got, found?.reasonBasis ?? analysis.kind, (found?.diagnostic?.value ?? '').slice(0, 200)]);
      };
      if (expected) {
        recipientRows++;
        if (found) recipients++;
        else note('recipient', expected, analysis.recipients.map((r) => r.recipient.value).join(' ') || `(none: ${analysis.kind})`);
      }
      if (row.status_is_sisimai_pseudo === 'no' && row.expected_status) {
        statusRows++;
        if (found?.status?.value === row.expected_status) status++;
        else note('status', row.expected_status, found?.status?.value ?? '(none)');
      }
      if (row.expected_reason) {
        reasonRows++;
        const ours = found?.reason ?? messageReason(analysis);
        const accepted = SISIMAI_REASON_MAP[row.expected_reason] ?? [row.expected_reason];
        if (accepted.includes(ours)) reason++;
        else note('reason', row.expected_reason, ours);
        if (accepted[0] === ours) strictReason++;
      }
      if (found && (row.expected_hardbounce === 'true' || row.expected_hardbounce === 'false') && found.action === 'failed') {
        hardRows++;
        if (String(found.hard) === row.expected_hardbounce) hard++;
      }
      const accepted = SISIMAI_REASON_MAP[row.expected_reason!] ?? [row.expected_reason];
      checks.push(...checksOf(expected ? `${row.file} ${expected}` : row.file!, {
        recipient: expected ? found !== undefined : undefined,
        status: row.status_is_sisimai_pseudo === 'no' && row.expected_status ? found?.status?.value === row.expected_status : undefined,
        reason: row.expected_reason ? accepted.includes(found?.reason ?? messageReason(analysis)) : undefined,
        'hard/soft': found?.action === 'failed' && (row.expected_hardbounce === 'true' || row.expected_hardbounce === 'false') ? String(found.hard) === row.expected_hardbounce : undefined,
      }));
    }

    const outDir = join(repoRoot, 'test-results');
    mkdirSync(outDir, { recursive: true });
    const header = ['kind', 'file', 'expected_recipient', 'expected', 'got', 'our_basis', 'our_diagnostic'];
    writeFileSync(join(outDir, 'bounce-disagreements.tsv'), [header, ...disagreements].map((r) => r.map((c) => c.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n') + '\n');

    console.log([
      `bounce accuracy over ${analyses.size} samples (${rows.length} expected rows):`,
      `  status      ${percent(status, statusRows)} of rows with a real expected status`,
      `  recipients  ${percent(recipients, recipientRows)} of rows naming a recipient`,
      `  reason      ${percent(reason, reasonRows)} after the documented mapping; ${percent(strictReason, reasonRows)} one-to-one`,
      `  hard/soft   ${percent(hard, hardRows)} of failed recipients`,
      `  slowest sample: ${slowest.file} (${slowest.ms.toFixed(1)} ms); disagreements in test-results/bounce-disagreements.tsv`,
    ].join('\n'));

    assert.ok(status / statusRows >= 0.97, `status agreement ${percent(status, statusRows)}`);
    assert.ok(recipients / recipientRows >= 0.97, `recipient agreement ${percent(recipients, recipientRows)}`);
    assert.ok(reason / reasonRows >= 0.90, `reason agreement ${percent(reason, reasonRows)}`);
    // Every sample that agreed once must go on agreeing (test/corpus/bounces-agreeing.tsv).
    assert.equal(agreementRegressions('bounces', checks), undefined);
  });

  it('gives the messages that are not bounces no failure problems', async () => {
    const service = getLanguageService();
    for (const file of ['is-not-bounce-01.eml', 'is-not-bounce-02.eml']) {
      const text = read(sharedPath(join('corpus/bounces/maildir/not', file)));
      assert.equal(analyzeBounce(text).kind, 'not-a-bounce', file);
      const diagnostics = await service.doValidation(TextDocument.create(`file:///not/${file}`, 'email', 1, text));
      assert.deepEqual(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning), [], file);
    }
  });

  it('reads auto-replies as auto-replies, with no recipients to report', () => {
    const maildir = sharedPath('corpus/bounces/maildir/bsd');
    for (const file of ['rfc3834-01.eml', 'rfc3834-02.eml', 'rfc3834-03.eml']) {
      const analysis = analyzeBounce(read(join(maildir, file)));
      assert.equal(analysis.kind, 'auto-reply', file);
      assert.deepEqual(analysis.recipients, [], file);
    }
  });
});
