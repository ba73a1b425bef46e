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
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'order(token.kind) > lastKind(current)',
    reason: 'Equal orders mean the reply already holds a token of that kind, which !current[token.kind] refuses first, so >= joins nothing more.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'i < n',
    reason: 'charCodeAt past the end of the text (or at -1) is NaN, which no character test matches, so reading one more place changes nothing.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'i > 0',
    reason: 'At i = 0 charCodeAt(-1) is NaN, and NaN, -1 and +1 are alike to every test of prev (no word character, no dot).',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: '-1',
    within: 'const prev = i > 0 ? text.charCodeAt(i - 1) : -1;',
    reason: 'No character test matches -1 or +1 (control characters are no word characters or dots).',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'j < n',
    within: 'while (j < n && isDigit(text.charCodeAt(j))) j++;',
    reason: 'charCodeAt past the end of the text (or at -1) is NaN, which no character test matches, so reading one more place changes nothing.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'j < n',
    within: 'while (j < n && isUpper(text.charCodeAt(j))) j++;',
    reason: 'charCodeAt past the end of the text (or at -1) is NaN, which no character test matches, so reading one more place changes nothing.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'j < n && text.charCodeAt(j) === CharCode.Dot && j - i <= MAX_TRANSPORT_LENGTH',
    reason: 'Bounds only: readDottedName reads no part unless a dot follows the root, and no root is longer than MAX_TRANSPORT_LENGTH (roots.has decides).',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'name.end > j + 1',
    reason: 'readDottedName ends at the dot (no part) or at least two past it (a part has a letter), never one past it.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'while (j < n && isWordChar(text.charCodeAt(j))) j++;',
    reason: 'Skipping the rest of the word only saves steps: each later character has a word character before it, which every branch of the loop skips.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'k < text.length',
    within: 'k < text.length && text.charCodeAt(k) === CharCode.Dot && k + 1 < text.length && isLetter(text.charCodeAt(k + 1))',
    reason: 'charCodeAt past the end of the text (or at -1) is NaN, which no character test matches, so reading one more place changes nothing.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'k + 1 < text.length',
    reason: 'charCodeAt past the end of the text (or at -1) is NaN, which no character test matches, so reading one more place changes nothing.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'k < text.length',
    within: 'while (k < text.length && (isLetter(text.charCodeAt(k)) || isDigit(text.charCodeAt(k)))) k++;',
    reason: 'charCodeAt past the end of the text (or at -1) is NaN, which no character test matches, so reading one more place changes nothing.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'k < n && k < start + 8',
    reason: 'Bounds only: a detail of four or more digits is refused right after the loop either way, and NaN past the end is no digit.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'k < n',
    within: 'if (k < n && (isDigit(text.charCodeAt(k)) || (text.charCodeAt(k) === CharCode.Dot && isDigit(text.charCodeAt(k + 1))))) return undefined;',
    reason: 'charCodeAt past the end of the text (or at -1) is NaN, which no character test matches, so reading one more place changes nothing.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'start > 0',
    reason: 'At start 0, charCodeAt(-1) is NaN, never a slash.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'len !== 3',
    reason: 'isBasicReplyCode accepts three-digit strings only (^[2-5][0-5]\\d$), so other lengths are refused there too.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'k < text.length',
    within: 'while (k < text.length && k < pos + 3 && (text.charCodeAt(k) === CharCode.Space || text.charCodeAt(k) === CharCode.Dash)) k++;',
    reason: 'charCodeAt past the end of the text (or at -1) is NaN, which no character test matches, so reading one more place changes nothing.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'k === pos',
    reason: 'With no separator read, the character at pos is the tab or the end that ended the code, never a reply class: the test below fails the same way.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'tailEnd > from',
    within: 'while (tailEnd > from && isBlank(text.charCodeAt(tailEnd - 1))) tailEnd--;',
    reason: 'Going back past from only over blanks leaves tailEnd - from negative, where every place word and the colon test below fail as at from.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'tailEnd > from',
    within: 'tailEnd > from && text.charCodeAt(tailEnd - 1) === CharCode.Colon',
    reason: 'tailEnd = from only when the window behind the code is blank, where neither \'reject:\' nor a host line can be found.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: '\']:\'',
    reason: 'The host-line pattern below ends in \\]:$ itself, so the endsWith test only saves a regular expression run.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'c < CharCode.FirstNonAscii',
    reason: 'On ASCII, /\\s/ matches exactly space, tab, LF, VT, FF and CR, the characters the fast test names.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'k > 0',
    within: 'while (k > 0 && k > start - 3 && (text.charCodeAt(k - 1) === CharCode.Space || text.charCodeAt(k - 1) === CharCode.Colon)) k--;',
    reason: 'charCodeAt past the end of the text (or at -1) is NaN, which no character test matches, so reading one more place changes nothing.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'w > 0 && w > k - 10',
    reason: 'Bounds only: no version word has ten letters, so the last ten letters of a longer word are never one, nor is the whole word; NaN before the text is no letter.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'w < k',
    reason: 'An empty word is not in VERSION_WORDS.',
  },
  {
    file: 'server/src/detection/replyScanner.ts',
    code: 'kind === \'enhanced\'',
    reason: 'Only basic must come first: lastKind and !current[token.kind] keep an enhanced code and a transport string apart whether they share an order or not.',
  },
  {
    file: 'server/src/analysis/bounce/chooseCodes.ts',
    code: 'known === undefined',
    reason: 'A cache: computing a code\'s specificity again on every call gives the same number.',
  },
  {
    file: 'server/src/analysis/bounce/chooseCodes.ts',
    code: 'specificityOf.size >= MAX_SPECIFICITIES',
    reason: 'Only bounds the cache\'s memory: clearing it at another size, always or never, gives the same specificities.',
  },
  {
    file: 'server/src/analysis/bounce/chooseCodes.ts',
    code: "''",
    within: "(e.enhanced?.value ?? e.basic?.value ?? '')[0]",
    reason: 'The fallback only stops [0] reading undefined: any string not starting with 2 or 3 keeps the evidence alike.',
  },
  {
    file: 'server/src/analysis/bounce/chooseCodes.ts',
    code: 'e.enhanced?.value',
    within: "e.enhanced?.value.endsWith('.5.1')",
    reason: 'Status-field evidence always carries its enhanced code (recipients.ts adds it only with one), so ?. never short-circuits.',
  },
  {
    file: 'server/src/analysis/bounce/chooseCodes.ts',
    code: '-Infinity',
    reason: 'The first candidate is taken by !best, which sets bestScore, so its starting value is never compared.',
  },
  {
    file: 'server/src/analysis/bounce/chooseCodes.ts',
    code: 'status !== best',
    reason: 'When the Status evidence is the one kept, its value equals the kept one and the value test after it refuses the same.',
  },
  {
    file: 'server/src/analysis/bounce/chooseCodes.ts',
    code: 'best?.enhanced?.value',
    reason: 'best comes from withEnhanced, so it has an enhanced code whenever it is defined.',
  },
  {
    file: 'server/src/detection/phraseMatcher.ts',
    code: 'i < phrase.length',
    within: 'for (let i = 0; i < phrase.length; i++) {\n        const c = fold(phrase.charCodeAt(i));\n        if (table[c] === 0) table[c] = classes++;\n      }',
    reason: 'One place past the end reads NaN, and table[NaN] is undefined, never 0, so no class is made.',
  },
  {
    file: 'server/src/detection/phraseMatcher.ts',
    code: 'classes <= 0xff',
    reason: 'Only picks the width: a 16-bit class table (always, or at exactly 255 classes) reads the same classes. Always 8 bits is caught by phraseMatcherEdges (300 classes) but ignored with the rest.',
  },
  {
    file: 'server/src/detection/phraseMatcher.ts',
    code: 'nodes <= 0x7fff',
    reason: 'Only picks the width: the wide mark and 32-bit table (always, or at exactly 0x7fff states) give the same states. Always narrow is caught by the 36,000-state test but ignored with the rest.',
  },
  {
    file: 'server/src/detection/phraseMatcher.ts',
    code: 'accepting === 0x8000',
    reason: 'A 32-bit table holds every narrow transition too. Always 16 bits is caught by the 36,000-state test but ignored with the rest.',
  },
  {
    file: 'server/src/detection/phraseMatcher.ts',
    code: 'state > 0',
    reason: 'The start is its own fail state (fail[0] = 0), so copying its row onto itself changes nothing.',
  },
  {
    file: 'server/src/detection/phraseMatcher.ts',
    code: 'state === 0',
    reason: 'Siblings have distinct classes, so when the start\'s children are added its row still holds 0 at each child\'s class: the fail state read there is the start.',
  },
  {
    file: 'server/src/detection/phraseMatcher.ts',
    code: 'output[viaFail]!.length > 0',
    reason: 'Only saves a copy: joining an empty list of suffix phrases gives the state\'s own list.',
  },
  {
    file: 'server/src/detection/phraseMatcher.ts',
    code: 'output[to]!.length > 0',
    reason: 'Marking a state with no phrases as accepting only makes the scan walk its empty list.',
  },
  {
    file: 'server/src/detection/phraseMatcher.ts',
    code: 'i < text.length',
    reason: 'One place past the end reads NaN: its class and next state are undefined, no blank and never accepting, and the loop ends.',
  },
  {
    file: 'server/src/detection/phraseMatcher.ts',
    code: 'space !== 0',
    reason: 'Class 0 leads every state to the start (no edge has class 0), so skipping a second class-0 character leaves the scan at the start as reading it would.',
  },
  {
    file: 'server/src/detection/phraseMatcher.ts',
    code: 'state >= accepting',
    reason: 'The mark is added only to a child state (number 1 or more), so a marked value is never exactly accepting.',
  },
  {
    file: 'server/src/formats/exchangeLogLookups.ts',
    code: 'row.lineCount === 1',
    reason: 'Only a shortcut: a one-line row has no line break before any offset in it and its one line is row.line, so the general path gives the same answer.',
  },
  {
    file: 'server/src/formats/exchangeLogLookups.ts',
    code: 'k < row.end',
    reason: 'A bound for lines past the row, which callers never pass: for a line inside the row the walk reaches it first.',
  },
  {
    file: 'server/src/detection/blockLists.ts',
    code: 'reply.length > WINDOW',
    reason: 'Slicing a reply of at most WINDOW characters to WINDOW gives the same text, so slicing always (or also at exactly WINDOW) reads the same.',
  },
  {
    file: 'server/src/formats/protocolLog.ts',
    code: 'new Array<string>(log.rows.length)',
    reason: 'Sizing the array only saves growing it: an empty array gives undefined at every index not written, as the holes of the sized one do.',
  },
  {
    file: 'server/src/formats/protocolLog.ts',
    code: 'i < log.rows.length',
    within: 'i < log.rows.length ? rowSession[i] : undefined',
    reason: 'Past the last row, rowSession[i] is undefined anyway, so the test (or <=) changes nothing; it only says the extra step ends the last run.',
  },
  {
    file: 'server/src/knowledge/mailSystems.ts',
    code: 'host.length > 0',
    reason: 'No host pattern in the table matches an empty name (each needs letters of a domain), so testing the empty name gives false anyway.',
  },
  {
    file: 'server/src/analysis/replyReason.ts',
    code: '{ reason }',
    reason: 'Only the automatic reply and delivered reasons have no actor, and classifyFailure gives neither for a failed or delayed reply.',
  },
  {
    file: 'server/src/analysis/replyReason.ts',
    code: 'hosts: []',
    reason: 'Hosts only name Google Groups for a reply without a status; no host name is given either way, and a made-up one names no system.',
  },
  {
    file: 'server/src/analysis/productContext.ts',
    code: '{ line: 0, character: 0 }',
    reason: 'A position without its numbers reads as offset 0 in TextDocument.offsetAt, the start either way.',
  },
  {
    file: 'server/src/analysis/flow/lookFurther.ts',
    code: '!search || !snippet',
    reason: 'snippet is undefined whenever search is (search && ...), and every prefix in RECIPIENT_SEARCH is in the shipped catalogue (the snippet tests check it), so && decides the same.',
  },
  {
    file: 'server/src/analysis/flow/lookFurther.ts',
    code: 'if (!fills.has(search.placeholder)) return undefined;',
    reason: 'A guard: cleanDocumentValue lets only addresses of letters, digits and ._%+- through, which always make a single-quoted literal, and both placeholders are single-quoted in their snippets.',
  },
  {
    file: 'server/src/analysis/writerOf.ts',
    code: "{\n  const present = patterns.filter((p): p is RegExp => p !== undefined);\n  const flags = present[0]?.flags;\n  if (flags === undefined || /[gy]/.test(flags) || present.some((p) => p.flags !== flags || /\\\\[1-9]|\\\\k</.test(p.source))) return undefined;\n  return new RegExp(present.map((p) => `(?:${p.source})`).join('|'), flags);\n}",
    reason: "The unions only let narrowed() skip what no pattern can match. With the shipped table (each kind's patterns share their flags, none has a back-reference) every change here builds no union (nothing is skipped) or one that matches as much or more, so who is named never changes.",
  },
  {
    file: 'server/src/analysis/writerOf.ts',
    code: "unionOf(mailSystems.map((system) => system.hosts))",
    reason: "Without the union no host is skipped before the per-system tests, which name the same systems.",
  },
  {
    file: 'server/src/analysis/writerOf.ts',
    code: "unionOf(mailSystems.map((system) => system.marks))",
    reason: "Without the union no text is skipped before the per-system tests, which name the same systems.",
  },
  {
    file: 'server/src/analysis/writerOf.ts',
    code: "unionOf(mailSystems.map((system) => system.reportMarks))",
    reason: "Without the union no report is skipped before the per-system tests, which name the same systems.",
  },
  {
    file: 'server/src/analysis/writerOf.ts',
    code: "{\n    hosts: hosts && ANY_HOST ? hosts.filter((host) => host.length > 0 && ANY_HOST.test(host.toLowerCase())) : hosts,\n    texts: texts && ANY_MARK ? texts.filter((text) => ANY_MARK.test(text)) : texts,\n    report: report !== undefined && ANY_REPORT_MARK && !ANY_REPORT_MARK.test(report) ? undefined : report,\n  }",
    reason: "Only drops hosts, texts and reports that no system's pattern matches (an empty host matches none): keeping more, or dropping a report nobody names, leaves names() with the same answer.",
  },
  {
    file: 'server/src/analysis/writerOf.ts',
    code: "mailSystems\n  .slice(0, mailSystems.reduce((last, system, index) => (system.products.length > 0 ? index + 1 : last), 0))",
    reason: "Systems after the last one with products have none: finding one of them gives [] as finding none does, so not cutting them off (or cutting elsewhere after it) answers the same.",
  },
  {
    file: 'server/src/analysis/flow/flowQueries.ts',
    code: "'always'",
    within: "queryValue(raw, 'always')",
    reason: "queryValue leaves a value bare only for 'when-needed'; any other word, the empty one too, quotes it as 'always' does.",
  },
  {
    file: 'server/src/knowledge/messageTraceFacts.ts',
    code: '!exactColumns.has(name)',
    reason: 'No column name is listed twice in the shipped tables (reportColumns and cmdletColumns), so the first one is never there already.',
  },
  {
    file: 'server/src/knowledge/messageTraceFacts.ts',
    code: 'eventFacts.size < MAX_REMEMBERED_EVENTS && name.length <= 64',
    reason: 'Only bounds what is remembered: a name not remembered is looked up again, with the same answer.',
  },
  {
    file: 'server/src/knowledge/messageTraceFacts.ts',
    code: 'fact === undefined',
    reason: 'Looking a remembered name up again gives the answer remembered.',
  },
  {
    file: 'server/src/knowledge/exchangeLogFacts.ts',
    code: "product?.startsWith('Exchange 2016')",
    reason: "exchangeProductOfBuild writes that product as exactly 'Exchange 2016', which ends with those words as it starts with them.",
  },
  {
    file: 'server/src/analysis/writerOf.ts',
    code: 'evidence.report !== undefined',
    reason: "Without a report, hasReportMark tests the text 'undefined', which no system's report marks match.",
  },
  {
    file: 'server/src/formats/exchangeLogParts.ts',
    code: "1 / 8",
    reason: "Only the first guess of the field store's size: a store too small grows, one too large is cut, and the fields are the same.",
  },
  {
    file: 'server/src/formats/exchangeLogParts.ts',
    code: "text.length * this.fieldsPerChar * 1.125",
    reason: "Only sizes the field store: a store too small grows, one too large is cut, and the fields are the same.",
  },
  {
    file: 'server/src/formats/exchangeLogParts.ts',
    code: "if (text.length > 0) this.fieldsPerChar = log.fields.length / text.length;",
    reason: "Only updates the size guess for the next part's field store; the fields read are the same whatever it is.",
  },
  {
    file: 'server/src/formats/exchangeLogParts.ts',
    code: "if (cutInText > 0) {\n      const part = this.pending + text.slice(0, cutInText);\n      this.pending = text.slice(cutInText);\n      return this.parse(part, true);\n    }",
    reason: "The fast path for new text that holds a record start itself: without it the held text and the new one are searched together and cut at the same record start; read as the last part instead, a part that ends before a record start stops an open quote there just the same.",
  },
  {
    file: 'server/src/formats/exchangeLogParts.ts',
    code: "cut <= 0",
    reason: "lastRecordStart and lastLineStart give -1 or an offset after a line break, never 0.",
  },
  {
    file: 'server/src/formats/exchangeLogParts.ts',
    code: "this.parse(part, false)",
    reason: "At the text's end an open quote stops at the end whether the end counts as a record start or not, so reading the last part as one more changes nothing.",
  },
  {
    file: 'server/src/formats/exchangeLogParts.ts',
    code: "text.length - RECORD_START_SPAN - 1",
    reason: "Only where the backward search starts: a line start nearer the end cannot show a whole record start (startsRecord then reads past the end) except a directive's #, and cutting before that line gives the same rows.",
  },
  {
    file: 'server/src/formats/exchangeLogParts.ts',
    code: "at >= from",
    reason: "A line break exactly at from was searched already before the new text came; missing it holds the text to the next record start, which gives the same rows.",
  },
  {
    file: 'server/src/formats/exchangeLogParts.ts',
    code: "at > 0 ? text.lastIndexOf('\\n', at - 1) : -1",
    reason: "Trying only the last line break holds the text longer when it is no record start: the next cut gives the same rows, and the held text stays under maxPending.",
  },
  {
    file: 'server/src/formats/exchangeLogLookups.ts',
    code: 'len < 20 || len > 28',
    reason: 'The length test only returns early: a shorter field cannot hold the T, dashes, colons, Z and two-digit second where utcMsAt reads them, and a longer one needs more than 7 fraction digits, refused below.',
  },
  {
    file: 'server/src/formats/exchangeLogLookups.ts',
    code: 'found < 0',
    within: 'if (found < 0) return -1;',
    reason: 'With found -1, ends[-1] is undefined and both offset < undefined and offset === undefined are false, so -1 is returned anyway.',
  },
  {
    file: 'server/src/formats/exchangeLogLookups.ts',
    code: 'field < 0',
    within: 'if (field < 0) return Number.NaN;',
    reason: 'Field -1 has no offsets (starts[-1] is undefined), so every place utcMsAt computes is NaN: charCodeAt(NaN) reads index 0 for both the T and the Z, which one character cannot be, so the result is NaN anyway.',
  },
  {
    file: 'server/src/formats/exchangeLogLookups.ts',
    code: 'digits <= 7',
    reason: 'With len at most 28, digits = len - 21 is never over 7.',
  },
  {
    file: 'server/src/formats/exchangeLogLookups.ts',
    code: 'digits <= 3',
    reason: 'For 1 to 3 digits, fraction / 10 ** (digits - 3) is the same whole number as fraction * 10 ** (3 - digits) (checked for every value), and at 3 both give the fraction. Taking the product always is caught by .0010000 (0.9999 ms) but ignored with the rest.',
  },
  {
    file: 'server/src/formats/mime/charset.ts',
    code: "'windows-1252'",
    within: `{
  'cp932': 'shift_jis', 'x-euc-jp': 'euc-jp', 'utf8': 'utf-8', 'x-unknown': 'windows-1252', 'unknown-8bit': 'windows-1252',
  'ansi_x3.4-1968': 'windows-1252', 'cp1252': 'windows-1252', 'latin1': 'windows-1252', 'x-user-defined': 'windows-1252',
}`,
    reason: 'An empty alias names no decoder, and a label without one falls back to windows-1252, the alias\'s own target.',
  },
  {
    file: 'server/src/formats/mime/charset.ts',
    code: "'utf-8'",
    within: "label ?? 'utf-8'",
    reason: 'An empty key is read as utf-8 by the || after the normalising, so a missing label ends there too.',
  },
  {
    file: 'server/src/formats/mime/charset.ts',
    code: 'known',
    within: 'if (known) return known;',
    reason: 'Only skips normalising: every label kept was stored while the key cache had room (it never holds more keys than the label cache holds labels), so the key cache returns the same charset.',
  },
  {
    file: 'server/src/formats/mime/charset.ts',
    code: '{\n    return undefined;\n  }',
    reason: 'An empty catch block returns undefined as well.',
  },
  {
    file: 'server/src/formats/mime/dates.ts',
    code: "'Z'",
    within: "m[7] === undefined || m[7] === 'Z'",
    reason: 'zoneMinutes reads Z as 0 minutes too (ZONES.z), so the shortcut for Z gives the same instant.',
  },
  {
    file: 'server/src/formats/mime/lines.ts',
    code: '-1',
    within: 'private lfAt = -1;',
    reason: 'lfFrom starts at Infinity, so the first lookup searches whatever lfAt holds.',
  },
  {
    file: 'server/src/formats/mime/lines.ts',
    code: '-1',
    within: 'private crAt = -1;',
    reason: 'crFrom starts at Infinity, so the first lookup searches whatever crAt holds.',
  },
  {
    file: 'server/src/formats/mime/contentType.ts',
    code: "'('",
    within: "main.includes('(')",
    reason: 'Only skips a regular expression run: without a parenthesis the comment pattern matches nothing.',
  },
  {
    file: 'server/src/formats/mime/contentType.ts',
    code: "'*'",
    within: "name.includes('*')",
    reason: 'Only skips a regular expression run: the pattern needs a star, so a name without one gives null either way.',
  },
  {
    file: 'server/src/formats/mime/contentType.ts',
    code: "'\\\\'",
    within: "val.indexOf('\\\\', 1)",
    reason: "An empty search finds 1, which sends every value to the loop: it unquotes values without escapes as the slice does.",
  },
  {
    file: 'server/src/formats/mime/contentType.ts',
    code: "'%'",
    within: "!encoded.includes('%')",
    reason: 'Only skips decodeURIComponent, which returns a text without a percent sign unchanged.',
  },
  {
    file: 'server/src/formats/mime/mappedText.ts',
    code: 'points.length - 1',
    reason: 'Searching past the last point reads undefined, never <= offset, so the search ends at the same point.',
  },
  {
    file: 'server/src/formats/mime/mappedText.ts',
    code: 'points.length === 0',
    reason: 'Only an empty builder leaves no point, and then both paths read rawAt[0], undefined, and give NaN; otherwise toRaw answers as the forward path does.',
  },
  {
    file: 'server/src/formats/mime/mappedText.ts',
    code: 'next === this.decodedAt[k + 1]',
    reason: "At a point, toRaw(next) is rawAt[k + 1]; elsewhere the piece is the slice's last, whose raw stop only decides a merge (which changes no answer) and is replaced by rawEnd.",
  },
  {
    file: 'server/src/formats/mime/mappedText.ts',
    code: 'k + 1',
    within: 'this.rawAt[k + 1]!',
    reason: 'The raw stop of a piece only decides whether the next piece merges into its run, which changes no answer.',
  },
  {
    file: 'server/src/formats/mime/mappedText.ts',
    code: 'this.decodedAt.length - 1',
    reason: 'Whether a piece extends the run before it or starts a point changes no answer: the point gets the raw offset the run would give, and no character of the run before reaches that offset, its new clamp.',
  },
  {
    file: 'server/src/formats/mime/mappedText.ts',
    code: 'last >= 0',
    reason: 'Whether a piece extends the run before it or starts a point changes no answer: the point gets the raw offset the run would give, and no character of the run before reaches that offset, its new clamp.',
  },
  {
    file: 'server/src/formats/mime/mappedText.ts',
    code: 'this.rawEnd === rawStart',
    reason: 'Whether a piece extends the run before it or starts a point changes no answer: the point gets the raw offset the run would give, and no character of the run before reaches that offset, its new clamp.',
  },
  {
    file: 'server/src/formats/mime/mappedText.ts',
    code: 'rawStop - rawStart === text.length',
    reason: 'Whether a piece extends the run before it or starts a point changes no answer: the point gets the raw offset the run would give, and no character of the run before reaches that offset, its new clamp.',
  },
  {
    file: 'server/src/formats/mime/receivedChain.ts',
    code: "''",
    within: "header(block, 'date')?.value ?? ''",
    reason: 'Without a Date header any text that holds no date gives the same undefined.',
  },
  {
    file: 'server/src/formats/mime/receivedChain.ts',
    code: 'semicolon + 1',
    reason: 'Starting one character early adds the character before the semicolon, which a date pattern cannot join across the semicolon.',
  },
  {
    file: 'server/src/formats/mime/receivedChain.ts',
    code: "''",
    within: "fromAt >= 0 ? path.slice(fromAt, byAt > fromAt ? byAt : path.length) : ''",
    reason: 'Without a from keyword any text that holds no bracket or parenthesis gives no address either.',
  },
  {
    file: 'server/src/formats/mime/receivedChain.ts',
    code: "''",
    within: "lower[i + keyword.length] ?? ''",
    reason: 'A keyword taken at the very end of the path has no word after it, and cutting the from part before it keeps every address.',
  },
  {
    file: 'server/src/formats/mime/receivedChain.ts',
    code: 'value.length > 0',
    reason: 'Only picks the first argument of the min in endOfLineBefore, which is past the end of the first line either way (a continuation line, or the field\'s end).',
  },
  {
    file: 'server/src/formats/mime/htmlText.ts',
    code: "'<'",
    within: "new NextOf(text, '<')",
    reason: 'Searching for the empty string stops at every character, which the loop then reads one by one to the same text.',
  },
  {
    file: 'server/src/formats/mime/htmlText.ts',
    code: "'&'",
    within: "new NextOf(text, '&')",
    reason: 'Searching for the empty string stops at every character, which the loop then reads one by one to the same text.',
  },
  {
    file: 'server/src/formats/mime/htmlText.ts',
    code: 'close + 1',
    within: 'indexOfCaseless(text, `</${name}`, close + 1)',
    reason: 'The end tag cannot start at the opening tag\'s last character or its closing bracket, so searching from there finds the same one.',
  },
  {
    file: 'server/src/formats/mime/htmlText.ts',
    code: 'close + 1',
    within: 'toRaw(close + 1)',
    reason: 'A piece\'s raw stop only decides whether the next piece merges into its run, which changes no answer, and the text\'s raw end is set at the end.',
  },
  {
    file: 'server/src/formats/mime/htmlText.ts',
    code: 'semi + 1',
    within: 'toRaw(semi + 1)',
    reason: 'A piece\'s raw stop only decides whether the next piece merges into its run, which changes no answer, and the text\'s raw end is set at the end.',
  },
  {
    file: 'server/src/formats/mime/htmlText.ts',
    code: 'raw + 1',
    reason: 'A piece\'s raw stop only decides whether the next piece merges into its run, which changes no answer, and the text\'s raw end is set at the end.',
  },
  {
    file: 'server/src/formats/mime/htmlText.ts',
    code: '-1',
    within: 'k > amp + 1 ? k : -1',
    reason: 'For "&;" a semi of 1 gives a slice that decodes to itself ("&;", "&" or empty), so nothing is replaced.',
  },
  {
    file: 'server/src/formats/mime/htmlText.ts',
    code: '-1',
    within: 'if (!isAsciiLetterOrDigit(c) && c !== CharCode.Hash) return -1;',
    reason: 'A semi of 1 gives a slice of at most "&" and one character, and no HTML reference is one character long.',
  },
  {
    file: 'server/src/formats/mime/headers.ts',
    code: "'=?'",
    within: "raw.includes('=?')",
    reason: 'Only skips decodeWords, which returns a value without an encoded word unchanged.',
  },
  {
    file: 'server/src/formats/mime/headers.ts',
    code: 'false',
    within: 'let previousSpace = false;',
    reason: 'hasBlankRun only decides whether to collapse blanks: collapsing a value with no tab and no two blanks in a row changes nothing.',
  },
  {
    file: 'server/src/formats/mime/headers.ts',
    code: 'false',
    within: 'return false;',
    reason: 'hasBlankRun only decides whether to collapse blanks: collapsing a value with no tab and no two blanks in a row changes nothing.',
  },
  {
    file: 'server/src/formats/mime/mimeTree.ts',
    code: "''",
    within: "{ value: '', params: NO_PARAMS }",
    reason: 'Without a Content-Type any value that is not type/subtype gives the default type.',
  },
  {
    file: 'server/src/formats/mime/mimeTree.ts',
    code: 'line.end - line.start',
    reason: 'A line under three characters never matches: one dash is no delimiter, and two dashes leave an empty candidate, which no boundary is.',
  },
  {
    file: 'server/src/formats/mime/mimeTree.ts',
    code: 'at < n && !startsWithTwoDashes(text, at)',
    reason: 'Only skips lines: returning a line start that holds no "--" makes the main loop read that line, find no delimiter and ask again from the next.',
  },
  {
    file: 'server/src/formats/mime/mimeTree.ts',
    code: "'--'",
    within: "text.indexOf('--', at)",
    reason: 'An empty search finds at itself: a line start is returned and read as above, any other place skips to the next line.',
  },
  {
    file: 'server/src/formats/mime/mimeTree.ts',
    code: 'pos <= line.start',
    reason: 'enter returns the child\'s body start, past the delimiter line, so pos is never at or before it; resuming at the child\'s headers instead finds the same next boundary, as a header block stops at any boundary line.',
  },
  {
    file: 'server/src/formats/mime/bodyDecoding.ts',
    code: '64 * 1024',
    reason: 'Which grown buffers are kept for the next bodies only saves allocations: every line writes its bytes before reading them.',
  },
  {
    file: 'server/src/formats/mime/bodyDecoding.ts',
    code: 'bytes.length <= MAX_SHARED_LINE',
    reason: 'Which grown buffers are kept for the next bodies only saves allocations: every line writes its bytes before reading them.',
  },
  {
    file: 'server/src/formats/mime/bodyDecoding.ts',
    code: '{\n        sharedBytes = bytes;\n        sharedRaw = raw;\n      }',
    reason: 'Which grown buffers are kept for the next bodies only saves allocations: every line writes its bytes before reading them.',
  },
  {
    file: 'server/src/formats/mime/bodyDecoding.ts',
    code: 'breakAt + 1',
    reason: 'A piece\'s raw stop only decides whether the next piece merges into its run, which changes no answer.',
  },
  {
    file: 'server/src/formats/mime/bodyDecoding.ts',
    code: 'i + 3',
    within: 'out.push(String.fromCharCode(byte), i, i + 3)',
    reason: 'A piece\'s raw stop only decides whether the next piece merges into its run, which changes no answer.',
  },
  {
    file: 'server/src/formats/mime/bodyDecoding.ts',
    code: 'i + 1',
    within: "out.push('\\n', i, i + 1)",
    reason: 'A piece\'s raw stop only decides whether the next piece merges into its run, which changes no answer.',
  },
  {
    file: 'server/src/formats/mime/bodyDecoding.ts',
    code: "'='",
    within: "new NextOf(body, '=', start)",
    reason: 'Searching for the empty string stops at every character, which the loop then reads one by one to the same text.',
  },
  {
    file: 'server/src/formats/mime/bodyDecoding.ts',
    code: "'\\n'",
    within: "new NextOf(body, '\\n', start)",
    reason: 'Searching for the empty string stops at every character, which the loop then reads one by one to the same text.',
  },
  {
    file: 'server/src/formats/mime/bodyDecoding.ts',
    code: "'\\r'",
    within: "new NextOf(body, '\\r', start)",
    reason: 'Searching for the empty string stops at every character, which the loop then reads one by one to the same text.',
  },
  {
    file: 'server/src/formats/mime/bodyDecoding.ts',
    code: '-1',
    within: 'let highStart = -1;',
    reason: 'highStart is set at the first high byte, before any read of it.',
  },
  {
    file: 'server/src/formats/mime/bodyDecoding.ts',
    code: 'Math.min(i, end)',
    reason: 'i passes end only after a soft break at the very end, which leaves runStart at i (no run to flush) and a raw end past a decoded text shorter than its source (no clamp reached).',
  },
  {
    file: 'server/src/analysis/mailLog/sharedStrings.ts',
    code: 'kept !== undefined',
    reason: 'Skipping the kept copy returns value, a string equal to it: JavaScript cannot tell equal strings apart (only memory can), and setting the same key again adds nothing.',
  },
  {
    file: 'server/src/analysis/mailLog/mailLogTrails.ts',
    code: '5 * 1024 * 1024',
    reason: 'MAX_LINE_CHARS is exported but nothing reads it: the head and event readers bound their own windows.',
  },
  {
    file: 'server/src/analysis/mailLog/mailLogTrails.ts',
    code: 'start <= text.length',
    reason: 'The round at start = text.length reads the empty line after a final line break (or an empty log), which is no mail log line.',
  },
  {
    file: 'server/src/analysis/mailLog/mailLogTrails.ts',
    code: 'end > start',
    reason: 'When end = start the line is empty and the character before it is the line break ending the line before (NaN at 0), never a carriage return.',
  },
  {
    file: 'server/src/formats/mailLog/fieldList.ts',
    code: "''",
    within: "private body = '';",
    reason: 'The list is reached only through fields(), whose read() sets the body before any look-up.',
  },
  {
    file: 'server/src/formats/mailLog/fieldList.ts',
    code: 'at < body.length && this.count < MAX_FIELDS',
    reason: 'Only bounds the work: at the end of the body the empty name stops the loop, and a name past the 24th is written past the end of the offsets array (dropped) and never found.',
  },
  {
    file: 'server/src/formats/mailLog/fieldList.ts',
    code: 'close >= 0',
    reason: 'A > found is after the name and its = (close >= 2), so > 0 is the same test.',
  },
  {
    file: 'server/src/formats/mailLog/fieldList.ts',
    code: 'i < length',
    reason: 'Both names compared end before an =, so comparing one character more compares = with =.',
  },
  {
    file: 'server/src/formats/messageTrace/traceFields.ts',
    code: 'from <= end',
    reason: 'The round at from = end reads the empty piece after a final separator (or of an empty cell), which is dropped.',
  },
  {
    file: 'server/src/formats/messageTrace/traceFields.ts',
    code: 's < e',
    within: 'while (s < e && isBlank(text.charCodeAt(s))) s++;',
    reason: 'When the blanks run on past the piece, s ends beyond e and the piece is empty (undefined) either way.',
  },
  {
    file: 'server/src/formats/messageTrace/traceFields.ts',
    code: 'e > s',
    within: 'while (e > s && isBlank(text.charCodeAt(e - 1))) e--;',
    reason: 'e meets s only when the piece is all blanks, and then going on below s still leaves an empty piece (undefined).',
  },
  {
    file: 'server/src/formats/messageTrace/traceFields.ts',
    code: 'eq > 0',
    within: "eq > 0 ? item.text.slice(0, eq).toUpperCase() : ''",
    reason: "At eq = 0 the key read is text.slice(0, 0), the same '' as the fallback.",
  },
  {
    file: 'server/src/formats/messageTrace/traceReparse.ts',
    code: '!reading || rows.length === 0',
    reason: 'Every table comes from parseTraceTable or this function, which both remember how they read it; a table without rows gets -1 from firstRowToRead and is parsed whole all the same.',
  },
  {
    file: 'server/src/formats/messageTrace/traceReparse.ts',
    code: 'Math.min(old.length, text.length)',
    within: 'commonPrefix(old, text, Math.min(old.length, text.length))',
    reason: 'Past the shorter text charCodeAt is NaN and its slices are shorter, so no comparison matches there.',
  },
  {
    file: 'server/src/formats/messageTrace/traceReparse.ts',
    code: 'Math.min(old.length, text.length) - prefix',
    reason: 'A longer limit only lets the common end reach into the common start: still text both versions share, so a row resumed in it reads the same.',
  },
  {
    file: 'server/src/formats/messageTrace/traceReparse.ts',
    code: 'prefix <= reading.rowsFrom || headerIsLoose(previous)',
    reason: 'An edit at or before rowsFrom has no row starting before it (firstRowToRead gives -1: parsed whole), and a header whose quote never closes makes no table, so previous never has one.',
  },
  {
    file: 'server/src/formats/messageTrace/traceReparse.ts',
    code: 'text.length - old.length',
    reason: 'With a wrong shift no previous row starts at pos - shift, so the reading goes on to the end: the same rows, read again (moved rows are new objects as fresh ones are).',
  },
  {
    file: 'server/src/formats/messageTrace/traceReparse.ts',
    code: 'text.length - suffix',
    reason: 'A later changed end only stops the reading later or never: the same rows, read again (moved rows are new objects as fresh ones are).',
  },
  {
    file: 'server/src/formats/messageTrace/traceReparse.ts',
    code: 'pos < changedEnd',
    reason: 'Resuming one row later or never gives the same rows, read again instead of moved (both are new objects).',
  },
  {
    file: 'server/src/formats/messageTrace/traceReparse.ts',
    code: 'resumeAt >= 0',
    reason: 'resumeAt is never 0: pos >= changedEnd >= prefix + shift, so pos - shift is past the start of the first row read again, which is before prefix.',
  },
  {
    file: 'server/src/formats/messageTrace/traceReparse.ts',
    code: 'first < 0',
    within: 'if (first < 0) return parseTraceTable(text);',
    reason: 'first = 0 reads every row again from the first, which is what a full parse gives (no row before it to keep).',
  },
  {
    file: 'server/src/formats/messageTrace/traceReparse.ts',
    code: 'first < 0',
    within: 'if (first < 0) return -1;',
    reason: 'With first = -1 no loose row is before it and the look-back does not run, so -1 comes back anyway; at first = 0 reading everything is parsing whole (no row to keep).',
  },
  {
    file: 'server/src/formats/messageTrace/traceReparse.ts',
    code: 'loose < first',
    reason: 'At loose = first, first becomes what it is.',
  },
  {
    file: 'server/src/formats/messageTrace/traceReparse.ts',
    code: 'found === undefined',
    reason: 'A cache: finding the first loose row again gives the same row.',
  },
  {
    file: 'server/src/formats/messageTrace/traceReparse.ts',
    code: '{\n    if (pos < changedEnd) return false;\n    resumeAt = rowStartingAt(rows, pos - shift, first);\n    return resumeAt >= 0;\n  }',
    reason: 'Never stopping reads on to the end: the same rows, read again instead of moved (both are new objects).',
  },
  {
    file: 'server/src/formats/messageTrace/traceReparse.ts',
    code: '{\n  const { fields, header } = table;\n  for (let f = header.firstField; f < header.firstField + header.names.length; f++) if (fields.flags[f]! & UNTERMINATED) return true;\n  return false;\n}',
    reason: 'A header whose quote never closes makes no table (parseTraceTable gives undefined), so no previous table has one.',
  },
  {
    file: 'server/src/formats/messageTrace/traceIndex.ts',
    code: '{\n  return MESSAGE_KEY_COLUMNS.flatMap((name) => {\n    const index = table.columns.get(name);\n    return index === undefined ? [] : [index];\n  });\n}',
    reason: 'Each change leaves sameKeyAs no columns, or a column it cannot read (undefined, a string) before any present one it drops: it then answers false and the key is read as usual.',
  },
  {
    file: 'server/src/formats/messageTrace/traceIndex.ts',
    code: 'last && this.sameKeyAs(row, last)',
    reason: 'sameKeyAs is a shortcut: without it the key is read and the row joins the same list.',
  },
  {
    file: 'server/src/formats/messageTrace/traceIndex.ts',
    code: '{ last.list.push(index); return; }',
    within: 'if (last && this.sameKeyAs(row, last)) { last.list.push(index); return; }',
    reason: 'sameKeyAs is a shortcut: without it the key is read and the row joins the same list.',
  },
  {
    file: 'server/src/formats/messageTrace/traceIndex.ts',
    code: 'last?.value === key',
    reason: 'A shortcut past the Map: push() finds the same list under the key.',
  },
  {
    file: 'server/src/formats/messageTrace/traceIndex.ts',
    code: '{ last.list.push(index); return; }',
    within: 'if (last?.value === key) { last.list.push(index); return; }',
    reason: 'A shortcut past the Map: push() finds the same list under the key.',
  },
  {
    file: 'server/src/formats/messageTrace/traceIndex.ts',
    code: 'last?.value === value',
    reason: 'A shortcut past the Map: push() finds the same list under the value.',
  },
  {
    file: 'server/src/formats/messageTrace/traceIndex.ts',
    code: '(c: number): boolean => c > CharCode.Space && c < 127',
    reason: 'Letting a blank or control character at an end be read in place only makes sameKeyAs answer false more often: keys are trimmed, so such a value never equals one, and a blank value then counts as a value.',
  },
  {
    file: 'server/src/formats/messageTrace/traceIndex.ts',
    code: '-1',
    within: 'column: -1',
    reason: 'A key read from time, sender and subject holds two NUL characters, so no ID column sameKeyAs compares it with (column 1 or -1 alike) ever has the same length: it answers false.',
  },
  {
    file: 'server/src/formats/messageTrace/traceIndex.ts',
    code: 'if (end <= start) return end === start ? start : -1;',
    reason: 'With flags 0 or QUOTED a value never ends before it starts; the changes only send an empty value to the printable check (which answers start or -1) or answer -1, and -1 only makes sameKeyAs answer false.',
  },
  {
    file: 'server/src/formats/messageTrace/traceIndex.ts',
    code: 'isPrintable(table.text.charCodeAt(start)) && isPrintable(table.text.charCodeAt(end - 1))',
    reason: 'Letting a blank or control character at an end, or the character after the value, through only makes sameKeyAs answer false more often: keys are trimmed, so such a value never equals one.',
  },
  {
    file: 'server/src/formats/messageTrace/traceIndex.ts',
    code: 'time <= this.newest',
    reason: 'An equal time sets newest to the value it has.',
  },
  {
    file: 'server/src/formats/messageTrace/traceIndex.ts',
    code: 'column === last.column',
    within: 'if (column === last.column) return false;',
    reason: 'Every change only answers false, or goes on past the missing column to answer false: the key is then read as usual.',
  },
  {
    file: 'server/src/formats/messageTrace/traceIndex.ts',
    code: 'column === last.column',
    within: 'if (column === last.column) return length === last.value.length && table.text.startsWith(last.value, start);',
    reason: 'Comparing another ID column with the last key answers true only when it holds that very string, and then the row\'s key (that column, or the one after the empty last column) is the same string; otherwise it answers false.',
  },
  {
    file: 'server/src/formats/messageTrace/traceIndex.ts',
    code: 'length > 0',
    reason: 'Returning false for an empty preferred column too only makes sameKeyAs answer false more often.',
  },
  {
    file: 'server/src/formats/messageTrace/traceIndex.ts',
    code: 'flags & (ESCAPED_QUOTES | TEXT_AFTER_QUOTE)',
    reason: 'Reading every time through parseTraceTime(traceValue) is what parseTraceTimeAt stands for (messageTraceIndex.test.ts checks they agree); only reading a quoted value in place is a change, and traceIndexEdges.test.ts kills it.',
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
