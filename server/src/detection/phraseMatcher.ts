// Finds which of many fixed phrases occur in a text in one pass: an Aho-Corasick automaton turned
// into a dense transition table over the characters the phrases use (every other character is one
// class that leads back to the start). The bounce classifier checks hundreds of reply fragments
// per recipient; this reads each character of a text once, with one table lookup. Matching ignores
// ASCII case and reads any run of blanks and line breaks as one space, so texts need no copying.

import { CharCode } from '../common/charCode';

/** From an ASCII upper-case letter to its lower case. */
const CASE_OFFSET = CharCode.LowerA - CharCode.UpperA;
/** Tab, line feed, vertical tab, form feed and carriage return: each reads as a space. */
const BLANKS: readonly number[] = [CharCode.Tab, CharCode.LineFeed, CharCode.VerticalTab, CharCode.FormFeed, CharCode.CarriageReturn];

export class PhraseMatcher {
  /** Character class of each UTF-16 code unit; 0 means "in no phrase". One byte each when the classes fit, read once per character. */
  private readonly classOfUnit: Uint8Array | Uint16Array;
  private readonly classes: number;
  /** transitions[state * classes + class] = next state (plus `accepting`); 16-bit when the states fit, so more of it stays in cache. */
  private readonly transitions: Uint16Array | Int32Array;
  /** Phrase indexes that end at each state (its own and its suffixes'); empty for most states. */
  private readonly output: (readonly number[])[];
  /**
   * Added to a transition's target when some phrase ends there: the scan learns it from the value it
   * just read, rather than from a second table. A bit above every state number.
   */
  private readonly accepting: number;
  /** The class of a space (and of every other blank), 0 when no phrase holds one. */
  private readonly space: number;

  constructor(phrases: readonly string[]) {
    const table = new Uint16Array(65536);
    let classes = 1;
    for (const phrase of phrases) {
      for (let i = 0; i < phrase.length; i++) {
        const c = fold(phrase.charCodeAt(i));
        if (table[c] === 0) table[c] = classes++;
      }
    }
    // Upper-case letters read as lower case; tabs and line breaks as a space.
    for (let c: number = CharCode.UpperA; c <= CharCode.UpperZ; c++) table[c] = table[c + CASE_OFFSET]!;
    for (const c of BLANKS) table[c] = table[CharCode.Space]!;
    this.space = table[CharCode.Space]!;
    this.classes = classes;
    this.classOfUnit = classes <= 0xff ? Uint8Array.from(table) : table;
    // The trie as child lists in typed arrays sized for the most nodes the phrases can make (one per
    // character): a dense table here would be megabytes, freshly mapped pages the kernel must zero.
    let most = 1;
    for (const phrase of phrases) most += phrase.length;
    const firstChild = new Int32Array(most).fill(-1);
    const nextSibling = new Int32Array(most);
    const label = new Int32Array(most);
    const ends: number[][] = [];
    let nodes = 1;
    phrases.forEach((phrase, index) => {
      let node = 0;
      for (let i = 0; i < phrase.length; i++) {
        const cls = table[fold(phrase.charCodeAt(i))]!;
        let child = firstChild[node]!;
        while (child !== -1 && label[child] !== cls) child = nextSibling[child]!;
        if (child === -1) {
          child = nodes++;
          label[child] = cls;
          nextSibling[child] = firstChild[node]!;
          firstChild[node] = child;
        }
        node = child;
      }
      (ends[node] ??= []).push(index);
    });
    // States numbered breadth first: a scan spends most of its steps in the shallow states, and
    // numbered this way their rows lie together and stay in the processor's cache. A state's row
    // starts as a copy of its fail state's row (complete already: it is shallower), then its own
    // edges go in; a target's "phrase ends here" mark is added as it is written.
    const accepting = nodes <= 0x7fff ? 0x8000 : 0x40000000;
    const transitions = accepting === 0x8000 ? new Uint16Array(nodes * classes) : new Int32Array(nodes * classes);
    const output: (readonly number[])[] = [ends[0] ?? []];
    const fail = new Int32Array(nodes);
    const queue = [0];
    for (let state = 0; state < queue.length; state++) {
      const row = state * classes;
      if (state > 0) transitions.copyWithin(row, fail[state]! * classes, fail[state]! * classes + classes);
      for (let child = firstChild[queue[state]!]!; child !== -1; child = nextSibling[child]!) {
        const cls = label[child]!;
        const to = queue.length;
        queue.push(child);
        // The fail state of the child: where its fail state's row leads on the same class (the
        // start for the children of the start).
        const viaFail = state === 0 ? 0 : transitions[row + cls]! & (accepting - 1);
        fail[to] = viaFail;
        const own = ends[child];
        output[to] = own ? (output[viaFail]!.length > 0 ? [...own, ...output[viaFail]!] : own) : output[viaFail]!;
        transitions[row + cls] = output[to]!.length > 0 ? to + accepting : to;
      }
    }
    this.transitions = transitions;
    this.output = output;
    this.accepting = accepting;
  }

  /** Indexes of the phrases found in `text`, each with the offset where its first occurrence ends. */
  find(text: string): Map<number, number> {
    const found = new Map<number, number>();
    const { transitions, classes, output, accepting, classOfUnit, space } = this;
    let state = 0;
    let previous = -1;
    for (let i = 0; i < text.length; i++) {
      const cls = classOfUnit[text.charCodeAt(i)]!;
      // A run of blanks reads as one.
      if (cls === space && previous === space && space !== 0) continue;
      previous = cls;
      state = transitions[state * classes + cls]!;
      if (state >= accepting) {
        state -= accepting;
        for (const index of output[state]!) if (!found.has(index)) found.set(index, i + 1);
      }
    }
    return found;
  }
}

/** Blanks and line breaks as a space, ASCII upper case as lower case: how phrases and texts are compared. */
function fold(c: number): number {
  if (c >= CharCode.UpperA && c <= CharCode.UpperZ) return c + CASE_OFFSET;
  return BLANKS.includes(c) ? CharCode.Space : c;
}
