// SARIF rules: one per problem code, with its help text from the knowledge base (a status code's
// full explanation, a tracking event's meaning, or what a log-structure check looks for).

import { explainText } from '../../analysis/replyExplanation';
import { lookupTrackingEvent } from '../../knowledge/exchangeLogFacts';
import { renderPlainText } from '../../modes/shared/renderPlainText';
import { LOG_PROBLEM_HELP } from '../../modes/exchangeLog/exchangeLogRules';

/** The rule of problems that carry no code (a bounce's structure, say). */
export const NO_CODE_RULE = 'no-code';

export interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly help: { readonly text: string };
}

export function ruleOf(code: string): SarifRule {
  const make = (name: string, short: string, full: string, help = full): SarifRule => ({
    id: code, name, shortDescription: { text: short }, fullDescription: { text: full }, help: { text: help },
  });
  if (code === NO_CODE_RULE) {
    return make('NoCode', 'A problem without a status code or event', 'A problem found while reading the document that has no status code or event of its own, such as a delivery report that names no recipient.');
  }
  const structure = LOG_PROBLEM_HELP[code];
  if (structure) return make(pascal(code), structure.replace(/[,;:].*$|\.$/, ''), structure);
  const event = lookupTrackingEvent(code);
  if (event && event.id === code) return make(pascal(code), `Exchange message tracking event ${event.id}`, event.meaning);
  const explanation = explainText(code)[0];
  if (explanation) return make(pascal(code), `${explanation.label}: ${explanation.title}`, explanation.summary, renderPlainText(explanation));
  return make(pascal(code), code, `Problems with the code ${code}.`);
}

function pascal(code: string): string {
  return code.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join('') || 'Code';
}
