// The "Explain this bounce" summary: who failed, why, who must fix it, what to do, and the path the
// message took. Plain Markdown (headings, tables, lists, no colours or HTML), so it reads the same
// in light and dark themes.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken } from '../../common/cancellation';
import { readRecipient } from '../../analysis/bounce/recipientReading';
import { emailDocument, type EmailDocument } from './emailDocument';
import { hopLabel, type HopSettings } from './hopHints';
import { ACTOR_TEXT } from '../../analysis/replyExplanation';
import { formatDuration } from '../../formats/mime/dates';
import { FAILING_RESULTS } from '../../formats/mime/authResults';
import type { BounceAnalysis, RecipientOutcome } from '../../analysis/bounce/bounceAnalysis';
import { bounceReasons } from '../../knowledge/data/bounceReasons';
import { authResultMeanings } from '../../knowledge/data/emailHeaderFacts';
import type { ExplainBounceResult } from '../../common/protocol';
import { code, lines, type Markdown, md } from '../../text/markdown';

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
  const out: Markdown[] = [md`# ${title}`, md``];
  const by = analysis.reporter ? md`, written by **${analysis.reporter}**` : md``;
  const mta = analysis.reportingMta ? md` (${code(analysis.reportingMta.value)})` : md``;
  out.push(md`This is ${KIND_TEXT[analysis.kind]}${by}${mta}.`);

  if (analysis.recipients.length > 0) {
    out.push(md``, md`## Recipients`, md``, md`| Recipient | Result | Code | Reason | Bounce | Who must act |`, md`|---|---|---|---|---|---|`);
    for (const r of analysis.recipients) {
      const codes = [r.replyCode?.value, r.status?.value].filter(Boolean).join(' ') || '—';
      const bounce = r.action === 'failed' ? (r.hard ? 'hard' : r.permanent ? 'permanent (address fine)' : 'soft') : r.action === 'delayed' ? 'soft (retrying)' : '—';
      const who = r.actors.map((a) => ACTOR_TEXT[a]).join(', ') || '—';
      // Interpolated text is escaped, "|" included, so each row stays one row.
      out.push(md`| ${r.recipient.value} | ${r.action} | ${codes} | ${r.reason} | ${bounce} | ${who} |`);
    }
    for (const r of analysis.recipients) out.push(md``, ...recipientSection(document, r));
  }
  const original = analysis.original;
  if (original) {
    out.push(md``, md`## The returned message`, md``);
    for (const [label, value] of [['Subject', original.subject], ['From', original.from], ['To', original.to], ['Date', original.date], ['Message-ID', original.messageId]] as const) {
      if (value) out.push(md`- **${label}:** ${value.value}`);
    }
  }
  out.push(...pathSection(email, settings), ...authSection(email));
  return { title, markdown: lines(out).value };
}

function recipientSection(document: TextDocument, r: RecipientOutcome): Markdown[] {
  const entry = bounceReasons[r.reason];
  const out = [md`### ${r.recipient.value} (${r.action})`, md``];
  const { explanation, message } = readRecipient(document, r);
  out.push(md`${message}`, md``);
  if (explanation) out.push(md`- **The code:** ${explanation.label}: ${explanation.summary}.`);
  out.push(md`- **Why:** ${r.reason}: ${entry.meaning} *(decided from ${r.reasonBasis})*`);
  if (r.action === 'failed') {
    out.push(r.hard
      ? md`- **Hard bounce:** the address itself does not work; stop sending to it until it is corrected.`
      : md`- **Soft bounce:** the address may work once the cause is fixed, or later.`);
  }
  const who = r.actors.map((a) => ACTOR_TEXT[a]).join(', ');
  if (who) out.push(md`- **Who must fix it:** ${who}`);
  out.push(md`- **What to do:** ${entry.fix}.`, ...entry.steps.map((s) => md`  - ${s}`));
  const facts: [string, string | undefined][] = [
    ['Original recipient', r.originalRecipient?.value], ['Remote server', r.remoteMta?.value], ['Reported by', r.reportingMta?.value],
    ['SMTP command answered', r.stage?.toUpperCase()], ['Last attempt', r.lastAttempt?.value], ['Retrying until', r.retryUntil?.value],
  ];
  for (const [label, value] of facts) if (value) out.push(md`- **${label}:** ${value}`);
  if (r.conflict) out.push(md`- ⚠ ${r.conflict}`);
  if (r.diagnostic) out.push(md``, md`> ${r.diagnostic.value}`);
  return out;
}

function pathSection(email: EmailDocument, settings: HopSettings): Markdown[] {
  const out: Markdown[] = [];
  for (const { label, chain } of email.chains) {
    out.push(md``, md`## Path of ${label}`, md``);
    if (chain.totalMs !== undefined) out.push(md`${chain.hops.length} hops, ${formatDuration(chain.totalMs)} from the first stamp to the last.`, md``);
    out.push(md`| # | From | By | Stamped (UTC) | Hop |`, md`|---|---|---|---|---|`);
    chain.hops.forEach((hop, i) => {
      const from = hop.from ? `${hop.from}${hop.fromIp ? ` [${hop.fromIp}]` : ''}` : '—';
      const when = hop.time !== undefined ? new Date(hop.time).toISOString().replace('T', ' ').replace('.000Z', '') : '—';
      const timing = (hopLabel(hop, settings) ?? '—').replace(/^⏱ /, '');
      out.push(md`| ${i + 1} | ${from} | ${hop.by ?? '—'} | ${when} | ${timing} |`);
    });
  }
  return out;
}

function authSection(email: EmailDocument): Markdown[] {
  const verdicts = email.authHeaders.flatMap((a) => a.verdicts.map((v) => ({ header: a.field.name, ...v })));
  if (verdicts.length === 0) return [];
  const out = [md``, md`## Authentication`, md``];
  for (const v of verdicts) {
    out.push(md`- ${FAILING_RESULTS.has(v.result) ? '⚠ ' : ''}${code(`${v.method}=${v.result}`)} (${v.header}): ${authResultMeanings[v.result] ?? 'not a standard result'}`);
  }
  return out;
}
