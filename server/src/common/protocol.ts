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
