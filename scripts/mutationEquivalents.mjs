// Surviving mutants that no behaviour can tell apart from the original, each with the reason. Stryker
// reports them as "ignored" with that reason instead of counting them. An entry names the file and
// the exact source of the smallest expression or statement holding the mutant (so it survives edits
// that move lines) and, where that source is not unique, the source of an expression around it
// (`within`). Stryker ignores every mutant inside the matched expression, the killed ones too, so
// keep entries small.
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

/** @type {{ file: string, code: string, within?: string, reason: string }[]} */
export const EQUIVALENT_MUTANTS = [
  {
    file: 'server/src/analysis/bounce/classify.ts',
    code: "''",
    within: "(status ?? input.replyCode ?? '')[0] === '4'",
    reason: 'The fallback only stops [0] reading undefined: any string not starting with 4 gives the same answer.',
  },
  {
    file: 'server/src/analysis/bounce/classify.ts',
    code: '!status',
    within: 'if (!status) return false;',
    reason: 'Without it, a missing status still matches no fact: parseEnhancedCode(undefined) is undefined and a code never equals undefined.',
  },
  {
    file: 'server/src/analysis/bounce/classify.ts',
    code: 'range !== undefined',
    reason: 'Every range in providerReplyFacts parses (bounceKnowledge.test.ts checks each), so range is never undefined.',
  },
  {
    file: 'server/src/knowledge/knowledgeBase.ts',
    code: 'if (!code) throw new Error(`knowledge base: malformed vendor code ${text}`);',
    reason: 'A guard on the shipped data: every vendor code parses (knowledge.test.ts covers each table), so it never throws.',
  },
  {
    file: 'server/src/knowledge/knowledgeBase.ts',
    code: 'dot >= 0 && ends.length < MAX_TRANSPORT_PARTS',
    reason: 'Only bounds the work: a dot at 0 gives an empty first part that no entry has, and collecting past six dots ends in the same undefined.',
  },
  {
    file: 'server/src/knowledge/knowledgeBase.ts',
    code: 'n > 0',
    reason: 'n = 0 would look the whole name up again, which the first round (n = ends.length) already did.',
  },
  {
    file: 'server/src/knowledge/knowledgeBase.ts',
    code: 'vendorRanges.sort((a, b) => (a.range.high - a.range.low) - (b.range.high - b.range.low))',
    reason: 'No two ranges of one product overlap in the data, so their order changes no reading; knowledge.test.ts fails when two come to overlap, and then checks every code against the narrowest range.',
  },
];

const byFile = new Map();
for (const entry of EQUIVALENT_MUTANTS) byFile.set(entry.file, [...(byFile.get(entry.file) ?? []), entry]);

const relativeName = (fileName) => fileName.replaceAll('\\', '/').replace(/^.*?(?=server\/src\/)/, '');

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'equivalent-mutants', {
    shouldIgnore(path) {
      const entries = byFile.get(relativeName(path.hub?.file?.opts?.filename ?? ''));
      if (!entries || !path.node.loc) return undefined;
      const source = path.getSource();
      const within = (entry) => entry.within === undefined || path.findParent((parent) => parent.getSource() === entry.within) !== null;
      return entries.find((entry) => entry.code === source && within(entry))?.reason;
    },
  }),
];
