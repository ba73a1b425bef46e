// Custom LSP requests shared by the client and the server. No imports: the client bundles it.

/** "Explain a status code" command: free text in, Markdown out (null when no code is found). */
export const EXPLAIN_REQUEST = 'mailflowLens/explain';
export interface ExplainParams { readonly text: string }
export interface ExplainResult { readonly markdown: string | null }

/**
 * "Explain this bounce" command: the URI of an open e-mail document in, a Markdown summary out (who
 * failed, why, who must fix it, what to do, the hop timeline). Null when the document is not open.
 */
export const EXPLAIN_BOUNCE_REQUEST = 'mailflowLens/explainBounce';
export interface ExplainBounceParams { readonly uri: string }
export interface ExplainBounceResult {
  /** A short title for the preview tab: "Bounce: 2 recipients failed". */
  readonly title: string;
  readonly markdown: string;
}

/**
 * Client command that opens an untitled PowerShell editor: `text` goes in as it is, `snippet` is
 * inserted as a snippet (tab stops on its placeholders). Hover links may run this command only.
 * `language: 'shellscript'` opens a shell script instead (the mail-log trace).
 */
export const OPEN_POWERSHELL_COMMAND = 'mailflowLens.openPowerShell';
export interface OpenPowerShellArgs { readonly text?: string; readonly snippet?: string; readonly language?: 'shellscript' }

/**
 * Mail Flow Report (#15): the report of open documents (`uris`, the server has their text) and of
 * files the client read from a folder (`files`), rendered three ways from one MailFlowReport
 * (common/mailFlow.ts): the webview page (scripts only with `webview.nonce`, resources only from
 * `webview.cspSource`), one self-contained HTML file, and Markdown tables for a ticket.
 */
export const MAIL_FLOW_REPORT_REQUEST = 'mailflowLens/mailFlowReport';
export interface MailFlowReportParams {
  readonly uris?: readonly string[];
  readonly files?: readonly { readonly uri: string; readonly text: string }[];
  /** Files the client could not read or left out (too large, binary), with why. */
  readonly skipped?: readonly { readonly uri: string; readonly reason: string }[];
  readonly webview: { readonly nonce: string; readonly cspSource: string };
}
export interface MailFlowReportResult {
  /** For the panel's tab: "Mail flow: mail.log". */
  readonly title: string;
  /** The uri of each MailFlowReport source, in order: what the `source` index of a page's reveal and filter messages names. */
  readonly sources: readonly string[];
  readonly webviewHtml: string;
  readonly fileHtml: string;
  readonly markdown: string;
}

/**
 * Filter Lines (#15): the lines of an open document that match a field query, e.g.
 * `status:deferred recipient:*@contoso.com` (terms joined by AND; `field:value`, values may be
 * double-quoted and use `*`; a bare word is free text). Fields: event, status, recipient, sender,
 * reason, id, code, client. `lines` are 0-based and in order, at most `limit`; `total` counts all.
 */
export const FILTER_LINES_REQUEST = 'mailflowLens/filterLines';
/** Lines one answer lists when the request names no limit. */
export const FILTER_LINES_DEFAULT_LIMIT = 10_000;
export interface FilterLinesParams { readonly uri: string; readonly query: string; readonly limit?: number }
export interface FilterLinesResult {
  readonly lines: readonly number[];
  readonly total: number;
  /** Set when the query cannot be read: what is wrong with it, in one line. */
  readonly error?: string;
}

/** Client commands the report's links run (arguments built by us, never taken from a document). */
export const REVEAL_LINE_COMMAND = 'mailflowLens.revealLine';
export interface RevealLineArgs { readonly uri: string; readonly line: number }
export const FILTER_LINES_COMMAND = 'mailflowLens.filterLines';
export interface FilterLinesArgs { readonly uri?: string; readonly query?: string }
