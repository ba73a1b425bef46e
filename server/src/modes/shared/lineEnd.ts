// LSP positions are unsigned 32-bit integers and a character past the line's end means its end.
// VS Code's client rejects a whole symbol list holding a larger number, so "to the end of the
// line" is written with the largest value the protocol allows, never Number.MAX_SAFE_INTEGER.

/** The character of a position that stands for the end of its line. */
export const LINE_END = 2_147_483_647;
