// The four output formats, written as the events of each file arrive (in file order): nothing is
// held back but the SARIF rules and the summary's counts, so output starts before the input ends.

import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import manifest from '../../../../package.json';
import type { CheckOptions } from './options';
import type { FileEvent, FileReport, ProblemRecord, RecordSeverity } from './records';
import { NO_CODE_RULE, ruleOf, type SarifRule } from './sarifRules';

export interface OutputWriter {
  event(event: FileEvent): void;
  /** After the last file: closes the document and writes the summary. */
  finish(): void;
}

type Write = (text: string) => void;

const COLOR: Record<RecordSeverity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[36m' };
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

export function createWriter(options: CheckOptions, out: Write, err: Write): OutputWriter {
  const reports: FileReport[] = [];
  const noteReport = (report: FileReport) => {
    reports.push(report);
    if (report.status === 'unreadable') err(`${report.file}: ${report.reason}\n`);
    else if (report.status === 'skipped') err(`${report.file}: skipped: ${report.reason}\n`);
    for (const note of report.notes) err(`${report.file}: note: ${note}\n`);
  };
  const summary = () => summaryText(reports);
  switch (options.format) {
    case 'text': return textWriter(options, out, noteReport, () => { if (options.summary) out(summary()); });
    case 'ndjson': return {
      event: (e) => {
        if (e.kind === 'problems') out(e.records.map((r) => `${JSON.stringify(r)}\n`).join(''));
        else if (e.kind === 'end') noteReport(e.report);
      },
      finish: () => { if (options.summary) err(summary()); },
    };
    case 'json': return jsonWriter(options, out, noteReport, reports);
    case 'sarif': return sarifWriter(out, noteReport, reports, () => { if (options.summary) err(summary()); });
  }
}

function textWriter(options: CheckOptions, out: Write, noteReport: (r: FileReport) => void, finish: () => void): OutputWriter {
  const line = (r: ProblemRecord) => (options.color
    ? `${DIM}${r.file}:${r.line}:${r.column}:${RESET} ${COLOR[r.severity]}${r.severity}${RESET}: ${r.message}\n`
    : `${r.file}:${r.line}:${r.column}: ${r.severity}: ${r.message}\n`);
  return {
    event: (e) => {
      if (e.kind === 'problems') out(e.records.map(line).join(''));
      else if (e.kind === 'end') noteReport(e.report);
    },
    finish,
  };
}

function jsonWriter(options: CheckOptions, out: Write, noteReport: (r: FileReport) => void, reports: FileReport[]): OutputWriter {
  let files = 0;
  let open = false;
  let first = true;
  out(`{"tool":${JSON.stringify({ name: manifest.name, version: manifest.version })},"files":[`);
  const opening = (file: string, language: string | undefined) =>
    `${files++ ? ',' : ''}{"file":${JSON.stringify(file)}${language ? `,"language":${JSON.stringify(language)}` : ''},"problems":[`;
  return {
    event: (e) => {
      if (e.kind === 'start') { out(opening(e.file, e.language)); open = true; first = true; }
      else if (e.kind === 'problems') {
        out(`${first ? '' : ','}${e.records.map((r) => JSON.stringify(r)).join(',')}`);
        first = false;
      } else {
        const { report } = e;
        if (!open) out(opening(report.file, report.language));
        open = false;
        const tail = { status: report.status, ...(report.reason ? { reason: report.reason } : {}), omitted: report.omitted, notes: report.notes };
        out(`],${JSON.stringify(tail).slice(1)}`);
        noteReport(report);
      }
    },
    finish: () => out(`]${options.summary ? `,"summary":${JSON.stringify(summaryOf(reports))}` : ''}}\n`),
  };
}

const SARIF_LEVEL: Record<RecordSeverity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function sarifWriter(out: Write, noteReport: (r: FileReport) => void, reports: FileReport[], finish: () => void): OutputWriter {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  let results = 0;
  out('{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"columnKind":"utf16CodeUnits","results":[');
  const result = (r: ProblemRecord): string => {
    const { file, line, column, endLine, endColumn, severity, code, message, ...fields } = r;
    const id = code ?? NO_CODE_RULE;
    let index = ruleIndex.get(id);
    if (index === undefined) {
      index = rules.push(ruleOf(id)) - 1;
      ruleIndex.set(id, index);
    }
    return JSON.stringify({
      ruleId: id, ruleIndex: index, level: SARIF_LEVEL[severity], message: { text: message },
      locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(file) }, region: { startLine: line, startColumn: column, endLine, endColumn } } }],
      ...(Object.keys(fields).length ? { properties: fields } : {}),
    });
  };
  return {
    event: (e) => {
      if (e.kind === 'problems') {
        out(e.records.map((r) => `${results++ ? ',' : ''}${result(r)}`).join(''));
      } else if (e.kind === 'end') noteReport(e.report);
    },
    finish: () => {
      const failures = reports.filter((r) => r.status === 'unreadable');
      const driver = { name: 'Mailflow Lens', version: manifest.version, informationUri: manifest.repository.url.replace(/\.git$/, ''), rules };
      const invocation = {
        executionSuccessful: failures.length === 0,
        toolExecutionNotifications: failures.map((r) => ({
          level: 'error', message: { text: `${r.file}: ${r.reason}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(r.file) } } }],
        })),
      };
      out(`],"tool":${JSON.stringify({ driver })},"invocations":${JSON.stringify([invocation])}}]}\n`);
      finish();
    },
  };
}

/** A relative path stays relative (code-scanning views resolve it against the checkout); stdin has a name of its own. */
function artifactUri(file: string): string {
  if (file === '<stdin>') return 'stdin';
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return encodeURI(file.replaceAll('\\', '/')).replaceAll('?', '%3F').replaceAll('#', '%23');
}

interface Summary {
  readonly files: { readonly checked: number; readonly skipped: number; readonly unreadable: number };
  readonly counts: Record<RecordSeverity, number>;
  readonly perFile: readonly { readonly file: string; readonly counts: FileReport['counts']; readonly codes: FileReport['codes'] }[];
}

function summaryOf(reports: readonly FileReport[]): Summary {
  const counts: Record<RecordSeverity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of reports) for (const key of Object.keys(counts) as RecordSeverity[]) counts[key] += r.counts[key];
  const status = (s: FileReport['status']) => reports.filter((r) => r.status === s).length;
  return {
    files: { checked: status('checked'), skipped: status('skipped'), unreadable: status('unreadable') },
    counts,
    perFile: reports.filter((r) => r.status === 'checked').map((r) => ({ file: r.file, counts: r.counts, codes: r.codes })),
  };
}

function summaryText(reports: readonly FileReport[]): string {
  const s = summaryOf(reports);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;
  const severities = (c: Record<RecordSeverity, number>) => `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.info + c.hint, 'info')}`;
  const lines = [`summary: ${s.files.checked} checked, ${s.files.skipped} skipped, ${s.files.unreadable} unreadable; ${severities(s.counts)}`];
  for (const f of s.perFile) {
    const kinds = Object.entries(f.codes).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([code, n]) => `${code} ${n}`).join(', ');
    lines.push(`  ${f.file}: ${severities(f.counts)}${kinds ? ` (${kinds})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
