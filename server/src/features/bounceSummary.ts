// The "Explain this bounce" summary: who failed, why, who must fix it, what to do, and the path the
// message took. Plain Markdown (headings, tables, lists, no colours or HTML), so it reads the same
// in light and dark themes.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken } from './cancellation';
import { productsFor, recipientMessage } from './bounceDiagnostics';
import { emailDocument, type EmailDocument } from './emailDocument';
import { hopLabel, type HopSettings } from './hopHints';
import { escapeMarkdown as e } from './renderMarkdown';
import { ACTOR_TEXT, explainReply } from './replyExplanation';
import { formatDuration } from '../formats/mime/dates';
import { FAILING_RESULTS } from '../formats/mime/authResults';
import type { BounceAnalysis, RecipientOutcome } from '../formats/bounce/model';
import { bounceReasons } from '../knowledge/data/bounceReasons';
import { authResultMeanings } from '../knowledge/data/emailHeaderFacts';
import type { ExplainBounceResult } from '../protocol';

const KIND_TEXT: Record<BounceAnalysis['kind'], string> = {
  'bounce': 'a non-delivery report: delivery failed for at least one recipient',
  'delay': 'a delay notice: delivery has not succeeded yet and is still being retried',
  'delivery-report': 'a delivery report: the message was delivered or relayed',
  'auto-reply': 'an automatic reply (out of office or similar): the message was delivered, nothing failed',
  'feedback-report': 'a feedback report (ARF): a recipient complained about the message or asked to unsubscribe',
  'not-a-bounce': 'an ordinary message, not a delivery report',
};

export function explainBounce(document: TextDocument, settings: HopSettings, token?: CancellationToken): ExplainBounceResult | null {
  if (token?.isCancellationRequested) return null;
  const email = emailDocument(document);
  const { analysis } = email;
  const failed = analysis.recipients.filter((r) => r.action === 'failed').length;
  const delayed = analysis.recipients.filter((r) => r.action === 'delayed').length;
  const title = failed > 0 ? `Bounce: ${failed} recipient${failed === 1 ? '' : 's'} failed`
    : delayed > 0 ? `Delay: ${delayed} recipient${delayed === 1 ? '' : 's'} waiting`
      : analysis.kind === 'not-a-bounce' ? 'Message: not a bounce' : `Report: ${analysis.kind.replace('-', ' ')}`;
  const out: string[] = [`# ${e(title)}`, ''];
  const by = analysis.reporter ? `, written by **${e(analysis.reporter)}**` : '';
  const mta = analysis.reportingMta ? ` (\`${analysis.reportingMta.value}\`)` : '';
  out.push(`This is ${KIND_TEXT[analysis.kind]}${by}${mta}.`);

  if (analysis.recipients.length > 0) {
    out.push('', '## Recipients', '', '| Recipient | Result | Code | Reason | Bounce | Who must act |', '|---|---|---|---|---|---|');
    for (const r of analysis.recipients) {
      const code = [r.replyCode?.value, r.status?.value].filter(Boolean).join(' ') || '—';
      const bounce = r.action === 'failed' ? (r.hard ? 'hard' : 'soft') : r.action === 'delayed' ? 'soft (retrying)' : '—';
      const who = r.actors.map((a) => ACTOR_TEXT[a]).join(', ') || '—';
      out.push(`| ${cell(r.recipient.value)} | ${r.action} | ${cell(code)} | ${r.reason} | ${bounce} | ${cell(who)} |`);
    }
    for (const r of analysis.recipients) out.push('', ...recipientSection(document, r));
  }
  const original = analysis.original;
  if (original) {
    out.push('', '## The returned message', '');
    for (const [label, value] of [['Subject', original.subject], ['From', original.from], ['To', original.to], ['Date', original.date], ['Message-ID', original.messageId]] as const) {
      if (value) out.push(`- **${label}:** ${e(value.value)}`);
    }
  }
  out.push(...pathSection(email, settings), ...authSection(email));
  return { title, markdown: out.join('\n') };
}

function cell(text: string): string {
  return e(text).replace(/\r?\n/g, ' ');
}

function recipientSection(document: TextDocument, r: RecipientOutcome): string[] {
  const entry = bounceReasons[r.reason];
  const out = [`### ${e(r.recipient.value)} (${r.action})`, ''];
  out.push(`${e(recipientMessage(r, productsFor(document, r)))}`, '');
  if (r.status || r.replyCode) {
    const explanation = explainReply({ enhanced: r.status?.value, basic: r.replyCode?.value, transport: r.transport?.value }, { prefer: productsFor(document, r) });
    if (explanation) out.push(`- **The code:** ${e(explanation.label)}: ${e(explanation.summary)}.`);
  }
  out.push(`- **Why:** ${r.reason}: ${e(entry.meaning)} *(decided from ${e(r.reasonBasis)})*`);
  if (r.action === 'failed') {
    out.push(r.hard
      ? '- **Hard bounce:** the address itself does not work; stop sending to it until it is corrected.'
      : '- **Soft bounce:** the address may work once the cause is fixed, or later.');
  }
  const who = r.actors.map((a) => ACTOR_TEXT[a]).join(', ');
  if (who) out.push(`- **Who must fix it:** ${who}`);
  out.push(`- **What to do:** ${e(entry.fix)}.`, ...entry.steps.map((s) => `  - ${e(s)}`));
  const facts: [string, string | undefined][] = [
    ['Original recipient', r.originalRecipient?.value], ['Remote server', r.remoteMta?.value], ['Reported by', r.reportingMta?.value],
    ['SMTP command answered', r.stage?.toUpperCase()], ['Last attempt', r.lastAttempt?.value], ['Retrying until', r.retryUntil?.value],
  ];
  for (const [label, value] of facts) if (value) out.push(`- **${label}:** ${e(value)}`);
  if (r.conflict) out.push(`- ⚠ ${e(r.conflict)}`);
  if (r.diagnostic) out.push('', `> ${e(r.diagnostic.value)}`);
  return out;
}

function pathSection(email: EmailDocument, settings: HopSettings): string[] {
  const out: string[] = [];
  for (const { label, chain } of email.chains) {
    out.push('', `## Path of ${e(label)}`, '');
    if (chain.totalMs !== undefined) out.push(`${chain.hops.length} hops, ${formatDuration(chain.totalMs)} from the first stamp to the last.`, '');
    out.push('| # | From | By | Stamped (UTC) | Hop |', '|---|---|---|---|---|');
    chain.hops.forEach((hop, i) => {
      const from = hop.from ? `${hop.from}${hop.fromIp ? ` [${hop.fromIp}]` : ''}` : '—';
      const when = hop.time !== undefined ? new Date(hop.time).toISOString().replace('T', ' ').replace('.000Z', '') : '—';
      const timing = (hopLabel(hop, settings) ?? '—').replace(/^⏱ /, '');
      out.push(`| ${i + 1} | ${cell(from)} | ${cell(hop.by ?? '—')} | ${when} | ${cell(timing)} |`);
    });
  }
  return out;
}

function authSection(email: EmailDocument): string[] {
  const verdicts = email.authHeaders.flatMap((a) => a.verdicts.map((v) => ({ header: a.field.name, ...v })));
  if (verdicts.length === 0) return [];
  const out = ['', '## Authentication', ''];
  for (const v of verdicts) {
    out.push(`- ${FAILING_RESULTS.has(v.result) ? '⚠ ' : ''}\`${v.method}=${v.result}\` (${e(v.header)}): ${e(authResultMeanings[v.result] ?? 'not a standard result')}`);
  }
  return out;
}
