// Renders a ReplyExplanation as hover Markdown, brief or full.

import type { HoverAction } from './investigationLinks';
import { ACTOR_TEXT, PERMANENCE_TEXT, type ReplyExplanation } from './replyExplanation';

export type DetailLevel = 'brief' | 'full';

/** Backslash-escapes Markdown syntax so data such as "<domain>" or "$range" shows literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+|!~$]/g, '\\$&');
}

export function renderMarkdown(explanation: ReplyExplanation, level: DetailLevel, actions: readonly HoverAction[] = []): string {
  const e = escapeMarkdown;
  const out: string[] = [];
  const permanence = PERMANENCE_TEXT[explanation.permanence];
  out.push(`**${e(explanation.label)}: ${e(explanation.title)}** · ${permanence.label}`);
  if (actions.length) out.push('', `**Investigate in PowerShell:** ${actions.map((a) => `[${e(a.title)}](${a.uri})`).join(' · ')}`);
  if (explanation.decoded.length) out.push('', explanation.decoded.map(e).join(' · '));
  for (const note of explanation.notes) out.push('', `⚠ ${e(note)}`);
  const [first, ...rest] = explanation.sections;
  if (level === 'brief') {
    if (first) {
      out.push('', e(first.entry.meaning));
      if (first.entry.fixes[0]) out.push('', `**Do:** ${e(first.entry.fixes[0])}`);
    }
    for (const section of rest) out.push('', `**${e(section.heading)}:** ${e(section.entry.title)}`);
    out.push('', `**Who must act:** ${explanation.actors.map((a) => ACTOR_TEXT[a]).join(', ')}`);
    return out.join('\n');
  }
  out.push('', `**Retries:** ${e(permanence.retry)}.`);
  for (const section of explanation.sections) {
    const { entry } = section;
    out.push('', '---', '', `**${e(section.heading)}: ${e(entry.title)}**`, '', e(entry.meaning));
    for (const fact of section.facts) out.push('', `*${e(fact)}*`);
    if (entry.causes.length) out.push('', '*Likely causes*', '', ...entry.causes.map((c) => `- ${e(c)}`));
    if (entry.fixes.length) out.push('', '*What to do*', '', ...entry.fixes.map((f) => `- ${e(f)}`));
    out.push('', `*Who must act:* ${entry.actors.map((a) => ACTOR_TEXT[a]).join(', ')}`);
    out.push('', `*Sources:* ${e(entry.sources.join('; '))}`);
  }
  return out.join('\n');
}
