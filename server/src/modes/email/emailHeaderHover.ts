// Hovers on the headers an administrator reads in an e-mail: Received (with this hop's delay),
// authentication results, DKIM and ARC, Return-Path and Auto-Submitted, the delivery-status fields,
// and Microsoft's anti-spam headers key by key. Status codes keep their own hover (see codeHover.ts).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, Position } from 'vscode-languageserver-types';
import type { CancellationToken } from '../../common/cancellation';
import { emailDocument, inHeaderRegion, type EmailDocument } from './emailDocument';
import { hopRoute } from './hopHints';
import type { DetailLevel } from '../../common/settings';
import { formatDuration } from '../../formats/mime/dates';
import { authVerdicts, FAILING_RESULTS } from '../../formats/mime/authResults';
import { parseHeaderBlock, type HeaderBlock, type HeaderField } from '../../formats/mime/headers';
import { LineBreakFinder, lineAt } from '../../formats/mime/lines';
import { MappedText } from '../../formats/mime/mappedText';
import type { HeaderSource } from '../../formats/bounce/messageView';
import { antispamKeys, AUTH_METHODS, authResultMeanings, headerFacts, type HeaderFact } from '../../knowledge/data/emailHeaderFacts';
import { bclMeaning, sclMeaning } from '../../knowledge/antispam';
import { code, joinMarkdown, lines, type Markdown, markupContent, md } from '../../text/markdown';

/** Characters of a value read for a hover; a megabyte-long header is explained from its start. */
const MAX_VALUE = 64 * 1024;

interface FieldAt {
  readonly key: string;
  readonly name: string;
  /** Raw offsets. */
  readonly start: number;
  readonly nameEnd: number;
  readonly valueStart: number;
  readonly end: number;
  /** The value with its line breaks and folding blanks collapsed to one space. */
  readonly value: string;
  /** The raw offset of the value's character at `offset`; undefined past its end. */
  rawAt(offset: number): number | undefined;
}

const FACTS = new Map(headerFacts.map((f) => [f.name, f]));
const ANTISPAM = new Map(antispamKeys.map((k) => [k.key, k]));
const ANTISPAM_HEADERS = new Set(['x-forefront-antispam-report', 'x-microsoft-antispam', 'x-forefront-antispam-report-untrusted', 'x-microsoft-antispam-untrusted']);
const AUTH_HEADERS = new Set(['authentication-results', 'arc-authentication-results']);

export function doEmailHeaderHover(document: TextDocument, position: Position, level: DetailLevel, token?: CancellationToken): Hover | null {
  if (token?.isCancellationRequested) return null;
  const offset = document.offsetAt(position);
  const email = emailDocument(document);
  if (!inHeaderRegion(email, offset)) return null;
  const field = fieldAt(email, offset);
  if (!field || offset < field.start || offset > field.end) return null;
  const fact = FACTS.get(field.key) ?? (ANTISPAM_HEADERS.has(field.key) ? FACTS.get(field.key.replace(/-untrusted$/, '')) : undefined);
  if (!fact) return null;
  const onName = offset < field.nameEnd;
  const range = (start: number, end: number): Hover['range'] => ({ start: document.positionAt(start), end: document.positionAt(end) });

  if (!onName && ANTISPAM_HEADERS.has(field.key)) {
    const item = antispamItemAt(field, offset);
    if (item) return { contents: markupContent(antispamMarkdown(item.key, item.value, fact)), range: range(item.start, item.end) };
  }
  if (!onName && AUTH_HEADERS.has(field.key)) {
    const verdict = authItemAt(field, offset);
    if (verdict) return { contents: markupContent(verdictMarkdown(verdict.method, verdict.result, fact)), range: range(verdict.start, verdict.end) };
  }
  const body = joinMarkdown([headerMarkdown(fact, field, level), ...detailsFor(email, field, offset)], md`\n\n`);
  return { contents: markupContent(body), range: onName ? range(field.start, field.nameEnd) : range(field.valueStart, field.end) };
}

/** The parsed header field that holds the offset, its value unfolded with one space for each fold. */
function fieldAt(email: EmailDocument, offset: number): FieldAt | undefined {
  for (const { block, map } of headerSources(email)) {
    if (offset < map.toRaw(block.start) || offset > map.toRaw(block.end)) continue;
    const field = block.fields.find((f) => map.toRaw(f.start) <= offset && offset <= map.toRaw(f.end));
    if (field) return unfolded(field, map);
  }
  return undefined;
}

function unfolded(field: HeaderField, map: MappedText): FieldAt {
  const raw = field.value;
  const folds = field.folds;
  let value = '';
  // Where each line's part of the value came from: (value offset, offset in the mapped text) pairs,
  // one for each joining space and one for each line's text, mapped to raw offsets only when asked.
  const segments: number[] = [];
  for (let line = 0; line <= folds.length && value.length < MAX_VALUE; line++) {
    const from = line === 0 ? 0 : folds[line - 1]![0];
    const to = line < folds.length ? folds[line]![0] : raw.length;
    const lineStart = line === 0 ? field.valueStart : folds[line - 1]![1];
    if (line > 0) { segments.push(value.length, lineStart); value += ' '; }
    const stop = Math.min(to, from + MAX_VALUE - value.length);
    segments.push(value.length, lineStart);
    value += raw.slice(from, stop);
  }
  const rawAt = (offset: number): number | undefined => {
    if (offset < 0 || offset >= value.length) return undefined;
    // The last segment starting at or before the offset (segments start in increasing order).
    let lo = 0;
    let hi = segments.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (segments[2 * mid]! <= offset) lo = mid + 1; else hi = mid;
    }
    return map.toRaw(segments[2 * lo - 1]! + (offset - segments[2 * lo - 2]!));
  };
  return {
    key: field.key, name: field.name, start: map.toRaw(field.start), nameEnd: map.toRaw(field.nameEnd),
    valueStart: map.toRaw(field.valueStart), end: map.toRaw(field.end), value, rawAt,
  };
}

/** Every parsed header block of the document: the message's and its parts', the returned message's, and the delivery-status and feedback fields. */
function headerSources(email: EmailDocument): readonly HeaderSource[] {
  let sources = sourcesOf.get(email);
  if (!sources) {
    const { view } = email;
    const raw = MappedText.identity(view.text, 0);
    sources = view.mime.nodes.map((node) => ({ block: node.headers, map: raw }));
    if (view.original) sources.push(view.original);
    for (const fields of [...view.deliveryStatus, ...view.feedbackReport]) {
      for (const block of fieldGroups(fields.text)) sources.push({ block, map: fields });
    }
    sourcesOf.set(email, sources);
  }
  return sources;
}

const sourcesOf = new WeakMap<EmailDocument, HeaderSource[]>();

/** The blank-line separated field groups of a delivery-status or feedback-report part. */
function fieldGroups(text: string): HeaderBlock[] {
  const groups: HeaderBlock[] = [];
  const breaks = new LineBreakFinder(text);
  let pos = 0;
  while (pos < text.length) {
    const block = parseHeaderBlock(text, pos, text.length, undefined, breaks);
    if (block.fields.length > 0) groups.push(block);
    // A line that is not a field is skipped: each round moves on by at least one line.
    pos = block.bodyStart > pos ? block.bodyStart : lineAt(text, pos).next;
  }
  return groups;
}

function headerMarkdown(fact: HeaderFact, field: FieldAt, level: DetailLevel): Markdown {
  const out = [md`**${fact.display}** · ${fact.meaning}`];
  const whole = field.value.trim().toLowerCase().split(/[\s;(]/, 1)[0] ?? '';
  const valueMeaning = fact.values?.[whole];
  if (valueMeaning) out.push(md``, md`${code(whole)}: ${valueMeaning}`);
  if (level === 'full' && fact.tips?.length) out.push(md``, ...fact.tips.map((t) => md`- ${t}`));
  if (level === 'full') out.push(md``, md`*Source:* ${fact.source}`);
  return lines(out);
}

/** Extra lines for a header: this hop's timing, the verdicts of an authentication header, the SCL value. */
function detailsFor(email: EmailDocument, field: FieldAt, offset: number): Markdown[] {
  if (field.key === 'received') {
    for (const { label, chain } of email.chains) {
      const index = chain.hops.findIndex((h) => h.start <= offset && offset <= h.end);
      if (index < 0) continue;
      const hop = chain.hops[index]!;
      const out = [md`**Hop ${index + 1} of ${chain.hops.length}** in ${label}`];
      const route = hopRoute(hop, md`, `, true);
      if (route) out.push(route);
      const skew = hop.delayMs !== undefined && hop.delayMs < 0 ? ': a negative time means the two servers\' clocks disagree' : '';
      if (hop.delayMs !== undefined) out.push(md`This hop took **${formatDuration(hop.delayMs)}** (since the ${hop.delaySince ?? 'previous hop'})${skew}.`);
      else if (hop.time === undefined) out.push(md`This header has no time stamp that could be read.`);
      if (hop.sinceFirstMs !== undefined && hop.sinceFirstMs > 0) out.push(md`${formatDuration(hop.sinceFirstMs)} since the first stamp.`);
      if (chain.totalMs !== undefined) out.push(md`Whole path: ${formatDuration(chain.totalMs)}.`);
      return [joinMarkdown(out, md`\n\n`)];
    }
    return [];
  }
  if (AUTH_HEADERS.has(field.key) || field.key === 'received-spf') {
    const verdicts = authItems(field);
    if (verdicts.length === 0) return [];
    // A header repeating one verdict thousands of times renders each distinct line once.
    const rendered = new Map<string, Markdown>();
    return [lines(verdicts.map((v) => {
      const pair = `${v.key}=${v.value}`;
      let line = rendered.get(pair);
      if (!line) rendered.set(pair, line = md`- ${code(pair)}${FAILING_RESULTS.has(v.value) ? ' ⚠' : ''}: ${authResultMeanings[v.value] ?? 'a result this hover does not know'}`);
      return line;
    }))];
  }
  if (field.key === 'x-ms-exchange-organization-scl') {
    const scl = Number.parseInt(field.value.trim(), 10);
    if (Number.isFinite(scl)) return [md`SCL ${scl}: ${sclMeaning(scl)}`];
  }
  return [];
}

interface Item { readonly key: string; readonly value: string; readonly start: number; readonly end: number }

/** "KEY:value" items of an anti-spam header, with raw offsets. */
function antispamItems(field: FieldAt): Item[] {
  const items: Item[] = [];
  const pattern = /([A-Za-z]{1,12}):([^;]{0,500})/g;
  for (let m = pattern.exec(field.value); m; m = pattern.exec(field.value)) {
    const before = field.value[m.index - 1];
    if (before !== undefined && before !== ';' && before !== ' ') continue;
    items.push({ key: m[1]!.toUpperCase(), value: m[2]!.trim(), start: field.rawAt(m.index)!, end: (field.rawAt(m.index + m[0].length - 1) ?? field.end) + 1 });
  }
  return items;
}

function antispamItemAt(field: FieldAt, offset: number): Item | undefined {
  return antispamItems(field).find((i) => i.start <= offset && offset < i.end && ANTISPAM.has(i.key));
}

function antispamMarkdown(key: string, value: string, fact: HeaderFact): Markdown {
  const known = ANTISPAM.get(key)!;
  const out = [md`**${key}** in ${fact.display} · ${known.meaning}`];
  const valueMeaning = known.values?.[value.toUpperCase()];
  if (value) out.push(md``, valueMeaning ? md`Value ${code(value)}: ${valueMeaning}` : md`Value ${code(value)}`);
  if (key === 'SCL') {
    const scl = Number.parseInt(value, 10);
    if (Number.isFinite(scl)) out.push(md``, md`${sclMeaning(scl)}`);
  }
  if (key === 'BCL') {
    const bcl = Number.parseInt(value, 10);
    if (Number.isFinite(bcl)) out.push(md``, md`${bclMeaning(bcl)}`);
  }
  out.push(md``, md`*Source:* ${fact.source}`);
  return lines(out);
}

/** Read once per field: a hover off every verdict asks for them again to list them all. */
const authItemsOf = new WeakMap<FieldAt, Item[]>();

function authItems(field: FieldAt): Item[] {
  let items = authItemsOf.get(field);
  if (!items) {
    items = authVerdicts(field).map((v) => ({ key: v.method, value: v.result, start: field.rawAt(v.start)!, end: (field.rawAt(v.end - 1) ?? field.end) + 1 }));
    authItemsOf.set(field, items);
  }
  return items;
}

function authItemAt(field: FieldAt, offset: number): { method: string; result: string; start: number; end: number } | undefined {
  const item = authItems(field).find((i) => i.start <= offset && offset < i.end);
  return item ? { method: item.key, result: item.value, start: item.start, end: item.end } : undefined;
}

function verdictMarkdown(method: string, result: string, fact: HeaderFact): Markdown {
  const out = [md`**${method}=${result}**${FAILING_RESULTS.has(result) ? ' ⚠' : ''} in ${fact.display}`];
  if (AUTH_METHODS[method]) out.push(md``, md`${AUTH_METHODS[method]!}`);
  out.push(md``, md`${code(result)}: ${authResultMeanings[result] ?? 'a result this hover does not know'}`);
  out.push(md``, md`*Source:* ${fact.source}`);
  return lines(out);
}
