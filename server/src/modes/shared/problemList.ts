// Every analysis reports through this list: at most maxProblems diagnostics per document, and one
// last entry saying how many more there were, so a 10 MB log cannot flood the Problems panel.

import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';

export const DIAGNOSTIC_SOURCE = 'Mailflow Lens';

export interface DiagnosticsSettings {
  readonly maxProblems: number;
}

/** Where an analysis puts its problems: a capped list for the editor, or a stream for the command line. */
export interface ProblemSink {
  add(diagnostic: Omit<Diagnostic, 'source'>): void;
}

export class ProblemList implements ProblemSink {
  private readonly items: Diagnostic[] = [];
  private omitted = 0;
  constructor(private readonly max: number) {}

  add(diagnostic: Omit<Diagnostic, 'source'>): void {
    if (this.items.length >= this.max) this.omitted++;
    else this.items.push({ ...diagnostic, source: DIAGNOSTIC_SOURCE });
  }

  get size(): number {
    return this.items.length;
  }

  finish(): Diagnostic[] {
    if (this.omitted > 0) {
      this.items.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: DIAGNOSTIC_SOURCE,
        message: `${this.omitted} more problems not shown (setting mailflowLens.diagnostics.maxProblems is ${this.max})`,
      });
    }
    return this.items;
  }
}

/** The problems added since the last `take`, for a stream that hands them on as they come. */
export class ProblemBatch implements ProblemSink {
  private items: Diagnostic[] = [];

  add(diagnostic: Omit<Diagnostic, 'source'>): void {
    this.items.push({ ...diagnostic, source: DIAGNOSTIC_SOURCE });
  }

  take(): Diagnostic[] {
    const taken = this.items;
    this.items = [];
    return taken;
  }
}
