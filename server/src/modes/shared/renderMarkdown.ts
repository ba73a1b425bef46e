// Renders a ReplyExplanation as hover Markdown, brief or full.

import type { HoverAction } from './investigationLinks';
import { ACTOR_TEXT, type ReplyExplanation } from '../../analysis/replyExplanation';
import type { Explanation } from '../../knowledge/model';
import { commandLink, joinMarkdown, lines, type Markdown, md } from '../../text/markdown';

import type { DetailLevel } from '../../common/settings';

const DOT = md` · `;

export function renderMarkdown(explanation: ReplyExplanation, level: DetailLevel, actions: readonly HoverAction[] = []): Markdown {
  const out: Markdown[] = [];
  const permanence = explanation.retries;
  out.push(md`**${explanation.label}: ${explanation.title}** · ${permanence.label}`);
  if (actions.length) {
    const links = joinMarkdown(actions.map((a) => commandLink(a.title, a.command, a.args)), DOT);
    out.push(md``, md`**Investigate in PowerShell:** ${links}`);
  }
  if (explanation.decoded.length) out.push(md``, joinMarkdown(explanation.decoded.map((d) => md`${d}`), DOT));
  for (const note of explanation.notes) out.push(md``, md`⚠ ${note}`);
  const [first, ...rest] = explanation.sections;
  if (level === 'brief') {
    if (first) {
      out.push(md``, md`${first.entry.meaning}`);
      if (first.entry.fixes[0]) out.push(md``, md`**Do:** ${first.entry.fixes[0]}`);
    }
    for (const section of rest) out.push(md``, md`**${section.heading}:** ${section.entry.title}`);
    out.push(md``, md`**Who must act:** ${explanation.actors.map((a) => ACTOR_TEXT[a]).join(', ')}`);
    return lines(out);
  }
  out.push(md``, md`**Retries:** ${permanence.retry}.`);
  for (const section of explanation.sections) {
    const { entry } = section;
    const written = entryMarkdown(entry);
    out.push(md``, md`---`, md``, md`**${section.heading}: ${entry.title}**`, md``, written.meaning);
    for (const fact of section.facts) out.push(md``, md`*${fact}*`);
    out.push(written.rest);
  }
  return lines(out);
}

/** What a full hover shows of a knowledge entry below its facts, escaped once per entry: code hovers repeat a few entries many times. */
const writtenEntries = new WeakMap<Explanation, { readonly meaning: Markdown; readonly rest: Markdown }>();

function entryMarkdown(entry: Explanation): { readonly meaning: Markdown; readonly rest: Markdown } {
  let written = writtenEntries.get(entry);
  if (!written) {
    const rest: Markdown[] = [];
    if (entry.causes.length) rest.push(md``, md`*Likely causes*`, md``, ...entry.causes.map((c) => md`- ${c}`));
    if (entry.fixes.length) rest.push(md``, md`*What to do*`, md``, ...entry.fixes.map((f) => md`- ${f}`));
    rest.push(md``, md`*Who must act:* ${entry.actors.map((a) => ACTOR_TEXT[a]).join(', ')}`);
    rest.push(md``, md`*Sources:* ${entry.sources.join('; ')}`);
    written = { meaning: md`${entry.meaning}`, rest: lines(rest) };
    writtenEntries.set(entry, written);
  }
  return written;
}

/** The "Explain a status code" preview: every code found in the text, fully explained, one after the other. */
export function renderExplanations(explanations: readonly ReplyExplanation[]): Markdown {
  return joinMarkdown(explanations.map((e) => renderMarkdown(e, 'full')), md`\n\n---\n\n`);
}
