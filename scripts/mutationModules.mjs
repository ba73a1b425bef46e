// The modules mutation testing covers: the rules (detection, parsers, analysis, knowledge look-ups),
// not the fact tables (knowledge/data), the modes or the hosts.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOTS = ['server/src/detection', 'server/src/formats', 'server/src/analysis', 'server/src/knowledge'];
/** Folders holding facts, not rules: their mutants would test the data, which the completeness tests check. */
const NOT_RULES = new Set(['server/src/knowledge/data']);

function tsFilesUnder(dir) {
  if (NOT_RULES.has(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(path).isDirectory() ? tsFilesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

export const MUTATED_MODULES = ROOTS.flatMap((root) => tsFilesUnder(join(root).replaceAll('\\', '/')));

/** The score each module must reach: the bounce classification and the reply scanner carry the most weight. */
export const TARGETS = { default: 80, 'server/src/analysis/bounce/classify.ts': 90, 'server/src/detection/replyScanner.ts': 90 };

/**
 * The tests that read a module's rules, for the modules where the unit tests importing it directly
 * are not all of them (a rule reached through the bounce reader, say). The rest default to the
 * unit tests that import the module directly; `--wide` takes every unit test that reaches it.
 */
/** The tests that read whole bounces: the modules of the bounce reader are reached only through them. */
const BOUNCE_READING = ['bounceReading', 'messageKinds', 'bounceRecipients', 'chooseCodes', 'bounceWording', 'recipientMessages', 'bounceFormats', 'bounceFeatures', 'bounceLessons', 'replyDecides', 'repeatedReplies', 'mailSystems', 'bounceCorpus'];
const BOUNCE_READER = [
  'analysis/bounce/analyzeBounce', 'analysis/bounce/chooseCodes', 'analysis/bounce/feedbackRecipients', 'analysis/bounce/messageKind',
  'analysis/bounce/mtaFacts', 'analysis/bounce/recipientReading', 'analysis/bounce/recipients',
  'formats/bounce/addresses', 'formats/bounce/deliveryStatus', 'formats/bounce/located', 'formats/bounce/messageView',
  'formats/bounce/recipientBlocks', 'formats/bounce/replyEvidence', 'formats/bounce/sesNotification',
];

export const FOCUSED_TESTS = {
  ...Object.fromEntries(BOUNCE_READER.map((module) => [`server/src/${module}.ts`, BOUNCE_READING])),
  'server/src/analysis/bounce/wording.ts': ['bounceClassify', ...BOUNCE_READING],
  'server/src/formats/bounce/deliveryStatus.ts': ['deliveryStatusFields', ...BOUNCE_READING],
  'server/src/formats/bounce/addresses.ts': ['addressScanning', ...BOUNCE_READING],
  'server/src/formats/bounce/sesNotification.ts': ['sesNotifications', ...BOUNCE_READING],
  'server/src/formats/bounce/located.ts': ['returnedMessage', ...BOUNCE_READING],
  'server/src/formats/bounce/replyEvidence.ts': ['replyEvidence', ...BOUNCE_READING],
  // Its rules are reached through whole bounces too (the 503 rule, stages, providers' readings).
  'server/src/analysis/bounce/classify.ts': ['bounceClassify', ...BOUNCE_READING],
  'server/src/detection/replyScanner.ts': ['replyScannerEdges', 'replyScanner', 'repeatedReplies'],
  'server/src/knowledge/knowledgeBase.ts': ['knowledge', 'investigations', 'hover'],
  'server/src/formats/csv.ts': ['csvScannerEdges', 'csvScanner', 'exchangeLogParser'],
  // The bounce wording reads every reply through it, so the tests that read whole bounces reach it too.
  // Navigation reads rows, fields and positions through it without importing it.
  'server/src/formats/exchangeLogLookups.ts': ['exchangeLogLookups', 'exchangeLogParser', 'exchangeLogFlow', 'exchangeLogIndexes', 'exchangeLogNavigation'],
  // Hovers and problems reach the reply's choice through the explanation, which no test bypasses.
  'server/src/analysis/replyChoice.ts': ['replyDecides', 'hover'],
  // No test imports it: messages reach it through the body decoding.
  'server/src/formats/mime/charset.ts': ['charsetEdges', 'mime'],
  // Header blocks, the MIME tree and the body decoding walk lines through it.
  'server/src/formats/mime/lines.ts': ['linesEdges', 'mimeLines', 'mime'],
  // The email mode reads hops through it (Received hovers, hop hints).
  'server/src/formats/mime/receivedChain.ts': ['receivedChainEdges', 'mime', 'bounceFeatures'],
  // The mail-log hovers and problems read it without the tests importing it.
  'server/src/knowledge/mailLogFacts.ts': ['mailLogFacts', 'mailLogMode'],
  // The trail builder reads every sender and client through it.
  'server/src/analysis/mailLog/sharedStrings.ts': ['sharedStrings', 'mailLogReader'],
  // The mail-log events read every Postfix and Sendmail field through it.
  'server/src/formats/mailLog/fieldList.ts': ['fieldList', 'mailLogReader', 'mailLogCorpus'],
  // The trace verdicts reach it through the problems without importing it (messageTraces.test.ts reaches it too, but with
  // it a run was estimated at 75 minutes on the shared machine).
  'server/src/analysis/messageTraceOutcomes.ts': ['messageTraceOutcomesEdges', 'messageTraceIndex', 'messageTraceVerdicts'],
  'server/src/detection/phraseMatcher.ts': ['phraseMatcherEdges', 'bounceKnowledge', 'bounceClassify', ...BOUNCE_READING],
};
