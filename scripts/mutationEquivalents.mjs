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
    file: 'server/src/formats/exchangeLogLookups.ts',
    code: 'k < end',
    within: 'k < end && digitsAt(text, k, 1) >= 0',
    reason: 'The digits stop at the Z anyway; when end - 1 is a digit, k never equals end - 1 at a Z whether the loop stops at end or later.',
  },
  {
    file: 'server/src/formats/exchangeLogLookups.ts',
    code: 'len < 20',
    within: 'len < 20 || len > 28',
    reason: 'Shorter fields fail later either way: isValidTimestamp needs k = end - 1 with k from start + 19, and timestampMs would find its Z on a digit or separator place.',
  },
  {
    file: 'server/src/formats/exchangeLogLookups.ts',
    code: 'len > 28',
    within: 'len < 20 || len > 28',
    reason: 'Longer fields need a fraction of eight or more digits, refused later either way (more than 7 digits in both functions).',
  },
  {
    file: 'server/src/formats/exchangeLogLookups.ts',
    code: 'k - fractionStart > 7',
    reason: 'With len at most 28, a Z at end - 1 leaves at most 7 fraction digits; more are refused by the length test first.',
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
    file: 'server/src/formats/exchangeLogLookups.ts',
    code: 'day < 1',
    within: 'year < 1900 || month < 1 || month > 12 || day < 1 || day > 31',
    reason: 'timestampMs: day 0 (or -1 for a non-digit) rolls Date.UTC back into the month before, whose date never equals it, so the round trip refuses it.',
  },
  {
    file: 'server/src/formats/exchangeLogLookups.ts',
    code: 'day > 31',
    reason: 'A day over 31 rolls Date.UTC into the next month, whose date is never that large, so the round trip refuses it.',
  },
  {
    file: 'server/src/formats/exchangeLogLookups.ts',
    code: 'hour < 0',
    within: 'year < 1900 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0',
    reason: 'timestampMs: hour -1 (a non-digit) moves Date.UTC to the day before, so the round trip refuses it.',
  },
  {
    file: 'server/src/formats/exchangeLogLookups.ts',
    code: 'hour > 23',
    within: 'year < 1900 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23',
    reason: 'timestampMs: hours 24 to 99 move Date.UTC one to four days on, never to the same date, so the round trip refuses them.',
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
