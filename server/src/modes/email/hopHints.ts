// Inlay hints on the path a message took: at the end of each Received header's first line, how long
// that hop took and the time since the first one, flagging slow hops (setting
// mailflowLens.hops.slowHopSeconds) and clock skew; on Authentication-Results and Received-SPF,
// the checks that did not pass.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type InlayHint, InlayHintKind, type Range } from 'vscode-languageserver-types';
import type { CancellationToken } from '../../common/cancellation';
import { emailDocument } from './emailDocument';
import { formatDuration } from '../../formats/mime/dates';
import { FAILING_RESULTS } from '../../formats/mime/authResults';
import type { Hop } from '../../formats/mime/receivedChain';
import { code, joinMarkdown, lines, type Markdown, markupContent, md } from '../../text/markdown';

export interface HopSettings {
  /** A hop slower than this is flagged. */
  readonly slowHopSeconds: number;
}

/** Clock differences smaller than this are not called skew: servers' clocks drift by a few seconds. */
const SKEW_TOLERANCE_MS = 2000;

export function getHopHints(document: TextDocument, range: Range | undefined, settings: HopSettings, token?: CancellationToken): InlayHint[] {
  if (token?.isCancellationRequested) return [];
  const email = emailDocument(document);
  const from = range ? document.offsetAt(range.start) : 0;
  const to = range ? document.offsetAt(range.end) : Number.MAX_SAFE_INTEGER;
  const hints: InlayHint[] = [];
  for (const { label, chain } of email.chains) {
    chain.hops.forEach((hop, index) => {
      if (hop.firstLineEnd < from || hop.firstLineEnd > to) return;
      const text = hopLabel(hop, settings);
      if (!text) return;
      hints.push({
        position: document.positionAt(hop.firstLineEnd),
        label: text,
        kind: InlayHintKind.Type,
        paddingLeft: true,
        tooltip: markupContent(hopTooltip(hop, index, chain.hops.length, label, chain.totalMs)),
      });
    });
  }
  for (const auth of email.authHeaders) {
    const failing = auth.verdicts.filter((v) => FAILING_RESULTS.has(v.result));
    if (failing.length === 0) continue;
    const field = auth.field;
    // The first line holds the value up to the first fold.
    const firstLineEnd = auth.map.toRaw(field.folds.length > 0 ? field.valueStart + field.folds[0]![0] : field.end);
    if (firstLineEnd < from || firstLineEnd > to) continue;
    hints.push({
      position: document.positionAt(firstLineEnd),
      label: `⚠ ${failing.map((v) => `${v.method}=${v.result}`).join(', ')}`,
      kind: InlayHintKind.Parameter,
      paddingLeft: true,
      tooltip: 'Authentication that did not pass: hover the header for what each result means.',
    });
  }
  return hints.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}

/** "+12 s · 3 min 4 s in all", with ⚠ when the hop is slow or its clock runs behind the previous one. */
export function hopLabel(hop: Hop, settings: HopSettings): string | undefined {
  if (hop.time === undefined) return undefined;
  const parts: string[] = [];
  if (hop.delayMs !== undefined) {
    const sign = hop.delayMs >= 0 ? '+' : '';
    parts.push(`${sign}${formatDuration(hop.delayMs)}${hop.delaySince === 'Date header' ? ' after Date' : ''}`);
  } else parts.push('first stamp');
  if (hop.sinceFirstMs !== undefined && hop.sinceFirstMs !== 0 && hop.delaySince === 'previous hop') parts.push(`${formatDuration(hop.sinceFirstMs)} in all`);
  let label = `⏱ ${parts.join(' · ')}`;
  if (hop.delayMs !== undefined && hop.delayMs > settings.slowHopSeconds * 1000) label += ' ⚠ slow hop';
  if (hop.delayMs !== undefined && hop.delayMs < -SKEW_TOLERANCE_MS) label += ' ⚠ clock skew';
  return label;
}

function hopTooltip(hop: Hop, index: number, count: number, label: string, totalMs: number | undefined): Markdown {
  const out = [md`**Hop ${index + 1} of ${count}** in ${label}`];
  const route = hopRoute(hop, md` `);
  if (route) out.push(md``, route);
  if (hop.time !== undefined) out.push(md``, md`Stamped ${new Date(hop.time).toISOString().replace('.000Z', 'Z')}`);
  if (hop.delayMs !== undefined) out.push(md``, md`This hop: ${formatDuration(hop.delayMs)} since the ${hop.delaySince ?? 'previous hop'}.`);
  if (totalMs !== undefined) out.push(md``, md`Whole path: ${formatDuration(totalMs)} from the first stamp to the last.`);
  return lines(out);
}

/** "from `a` [192.0.2.1] to `b` with ESMTPS": host names in code spans, each part only when the header has it. */
export function hopRoute(hop: Hop, separator: Markdown, withId = false): Markdown | undefined {
  const parts: Markdown[] = [];
  if (hop.from) parts.push(hop.fromIp ? md`from ${code(hop.from)} \\[${hop.fromIp}\\]` : md`from ${code(hop.from)}`);
  if (hop.by) parts.push(md`to ${code(hop.by)}`);
  if (hop.with) parts.push(md`with ${hop.with}`);
  if (withId && hop.id) parts.push(md`id ${code(hop.id)}`);
  return parts.length ? joinMarkdown(parts, separator) : undefined;
}
