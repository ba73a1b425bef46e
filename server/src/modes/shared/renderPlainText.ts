// Renders a ReplyExplanation for a terminal, with the same words as the full hover.

import { ACTOR_TEXT, type ReplyExplanation } from '../../analysis/replyExplanation';

export function renderPlainText(explanation: ReplyExplanation): string {
  const out: string[] = [];
  const permanence = explanation.retries;
  out.push(`${explanation.label}: ${explanation.title} · ${permanence.label}`);
  if (explanation.decoded.length) out.push(`  ${explanation.decoded.join(' · ')}`);
  for (const note of explanation.notes) out.push(`  ! ${note}`);
  out.push(`  Retries: ${permanence.retry}.`);
  for (const section of explanation.sections) {
    const { entry } = section;
    out.push('', `${section.heading}: ${entry.title}`, `  ${entry.meaning}`);
    for (const fact of section.facts) out.push(`  ${fact}`);
    if (entry.causes.length) out.push('  Likely causes:', ...entry.causes.map((c) => `    - ${c}`));
    if (entry.fixes.length) out.push('  What to do:', ...entry.fixes.map((f) => `    - ${f}`));
    out.push(`  Who must act: ${entry.actors.map((a) => ACTOR_TEXT[a]).join(', ')}`);
    out.push(`  Sources: ${entry.sources.join('; ')}`);
  }
  return out.join('\n');
}
