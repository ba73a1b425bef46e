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
    // The trie, with -1 for "no edge", in one typed array sized for the most states the phrases can
    // make (one per character): growing a plain array row by row left megabytes of garbage.
    let most = 1;
    for (const phrase of phrases) most += phrase.length;
    let edges: Int32Array = new Int32Array(most * classes).fill(-1);
    let output: number[][] = [[]];
    let states = 1;
    phrases.forEach((phrase, index) => {
      let state = 0;
      for (let i = 0; i < phrase.length; i++) {
        const slot = state * classes + table[fold(phrase.charCodeAt(i))]!;
        if (edges[slot] === -1) {
          edges[slot] = states++;
          output.push([]);
        }
        state = edges[slot]!;
      }
      output[state]!.push(index);
    });
    ({ edges, output } = breadthFirst(edges, output, states, classes));
    // Breadth-first: fill the missing edges with the fail state's edges, so the table is complete.
    const accepting = states <= 0x7fff ? 0x8000 : 0x40000000;
    const transitions = accepting === 0x8000 ? new Uint16Array(states * classes) : new Int32Array(states * classes);
    const fail = new Int32Array(states);
    const queue: number[] = [];
    for (let k = 0; k < classes; k++) {
      const to = edges[k]!;
      transitions[k] = to === -1 ? 0 : to;
      if (to > 0) queue.push(to);
    }
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q]!;
      for (let k = 0; k < classes; k++) {
        const to = edges[state * classes + k]!;
        const viaFail = transitions[fail[state]! * classes + k]!;
        if (to === -1) {
          transitions[state * classes + k] = viaFail;
        } else {
          transitions[state * classes + k] = to;
          fail[to] = viaFail;
          if (output[viaFail]!.length > 0) output[to] = [...output[to]!, ...output[viaFail]!];
          queue.push(to);
        }
      }
    }
    for (let slot = 0; slot < transitions.length; slot++) if (output[transitions[slot]!]!.length > 0) transitions[slot] += accepting;
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

/**
 * The trie with its states numbered breadth first, which changes no answer: a scan spends most of
 * its steps in the shallow states, and numbered this way their rows of the table lie together, so
 * they stay in the processor's cache instead of being spread over a megabyte.
 */
function breadthFirst(edges: Int32Array, output: readonly number[][], states: number, classes: number): { edges: Int32Array; output: number[][] } {
  const renumbered = new Int32Array(states);
  const order = [0];
  for (let q = 0; q < order.length; q++) {
    const state = order[q]!;
    for (let k = 0; k < classes; k++) {
      const to = edges[state * classes + k]!;
      if (to !== -1) { renumbered[to] = order.length; order.push(to); }
    }
  }
  const newEdges = new Int32Array(states * classes);
  const newOutput = new Array<number[]>(states);
  for (let state = 0; state < states; state++) {
    const at = renumbered[state]!;
    for (let k = 0; k < classes; k++) {
      const to = edges[state * classes + k]!;
      newEdges[at * classes + k] = to === -1 ? -1 : renumbered[to]!;
    }
    newOutput[at] = output[state]!;
  }
  return { edges: newEdges, output: newOutput };
}

/** Blanks and line breaks as a space, ASCII upper case as lower case: how phrases and texts are compared. */
function fold(c: number): number {
  if (c >= CharCode.UpperA && c <= CharCode.UpperZ) return c + CASE_OFFSET;
  return BLANKS.includes(c) ? CharCode.Space : c;
}
