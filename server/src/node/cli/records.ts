// What the command line writes for each problem and each file: the same records in every format
// (schemas/problem.schema.json describes a problem; schemas/check.schema.json the json document).

import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { ProblemFields } from '../../common/problemFields';
import type { SeverityName } from './options';

export type RecordSeverity = 'error' | 'warning' | 'info' | 'hint';

export interface ProblemRecord extends ProblemFields {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: RecordSeverity;
  readonly code?: string;
  readonly message: string;
}

export interface FileReport {
  readonly file: string;
  readonly language?: string;
  readonly status: 'checked' | 'skipped' | 'unreadable';
  /** Why the file was skipped or could not be read. */
  readonly reason?: string;
  /** What the reader noticed: invalid UTF-8 replaced, problems left out. */
  readonly notes: readonly string[];
  /** Problems at or above the chosen severity, per severity and per code, shown or not. */
  readonly counts: Readonly<Record<RecordSeverity, number>>;
  readonly codes: Readonly<Record<string, number>>;
  /** Problems left out by --max-problems. */
  readonly omitted: number;
  /** Problems of error severity, whatever was shown: they decide the exit code. */
  readonly errors: number;
}

/** Events of one file, in order: start (once its language is known), problems in batches, end. */
export type FileEvent =
  | { readonly kind: 'start'; readonly file: string; readonly language: string }
  | { readonly kind: 'problems'; readonly records: readonly ProblemRecord[] }
  | { readonly kind: 'end'; readonly report: FileReport };

const SEVERITY_NAME: Record<number, RecordSeverity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

const RANK: Record<RecordSeverity | SeverityName, number> = { error: 3, warning: 2, info: 1, hint: 1 };

export function isShown(severity: RecordSeverity, least: SeverityName): boolean {
  return RANK[severity] >= RANK[least];
}

export function recordOf(file: string, diagnostic: Diagnostic): ProblemRecord {
  const { start, end } = diagnostic.range;
  const code = diagnostic.code === undefined ? undefined : String(diagnostic.code);
  return {
    file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: SEVERITY_NAME[diagnostic.severity ?? DiagnosticSeverity.Error]!,
    ...(code ? { code } : {}),
    message: Diagnostic.getMessageString(diagnostic),
    ...(diagnostic.data as ProblemFields | undefined),
  };
}
