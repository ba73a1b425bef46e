// Custom LSP requests shared by the client and the server. No imports: the client bundles it.

/** "Explain a status code" command: free text in, Markdown out (null when no code is found). */
export const EXPLAIN_REQUEST = 'mailflowLens/explain';
export interface ExplainParams { readonly text: string }
export interface ExplainResult { readonly markdown: string | null }
