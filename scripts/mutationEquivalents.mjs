// Surviving mutants that no behaviour can tell apart from the original, each with the reason. Stryker
// reports them as "ignored" with that reason instead of counting them. An entry names the file and
// the exact source of the smallest expression or statement holding the mutant (so it survives edits
// that move lines); every mutant inside that expression is ignored, so keep entries small.
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

/** @type {{ file: string, code: string, reason: string }[]} */
export const EQUIVALENT_MUTANTS = [
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
      return entries.find((entry) => entry.code === source)?.reason;
    },
  }),
];
