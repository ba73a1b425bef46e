// The report's stylesheets: one layout for both pages, and two palettes. The webview takes every
// colour from the VS Code theme (its CSS variables follow light, dark and high contrast); a saved
// file has a neutral palette (Okabe and Ito's colour-blind-safe colours) for light and dark.
// Charts use these too: each bar has a series class, and axes and text use currentColor.

const LAYOUT = `
body { margin: 0 auto; max-width: 1100px; padding: 8px 20px 40px; line-height: 1.45; }
h1 { font-size: 1.5em; margin: 0.6em 0 0.2em; }
h2 { font-size: 1.2em; margin: 1.6em 0 0.5em; border-bottom: 1px solid var(--mf-rule); padding-bottom: 0.2em; }
header p { margin: 0.2em 0; }
.totals, .percentiles, .legend { list-style: none; padding: 0; margin: 0.5em 0; display: flex; flex-wrap: wrap; gap: 8px 12px; }
.totals li { border: 1px solid var(--mf-rule); border-left: 4px solid var(--mf-muted); border-radius: 4px; padding: 6px 12px; min-width: 7em; }
.totals .value { display: block; font-size: 1.5em; font-weight: 600; font-variant-numeric: tabular-nums; }
.totals .total-delivered { border-left-color: var(--mf-delivered); }
.totals .total-failed { border-left-color: var(--mf-failed); }
.totals .total-deferred { border-left-color: var(--mf-deferred); }
.percentiles li { border: 1px solid var(--mf-rule); border-radius: 4px; padding: 4px 12px; }
.percentiles .value { font-weight: 600; }
.legend li { display: flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; }
figure.chart { margin: 0.5em 0 1em; }
figure.chart figcaption { opacity: 0.8; font-size: 0.9em; }
svg.mf-chart { display: block; width: 100%; max-width: 760px; height: auto; overflow: visible; font-family: inherit; }
svg.mf-chart text { fill: currentColor; }
table { border-collapse: collapse; margin: 0.5em 0 1em; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { text-align: left; vertical-align: top; padding: 3px 8px; border-bottom: 1px solid var(--mf-rule); overflow-wrap: anywhere; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.words { overflow-wrap: normal; }
pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
code, pre { font-family: var(--mf-mono); font-size: 0.92em; }
pre code { display: block; padding: 4px 6px; background: var(--mf-code-background); border-radius: 3px; }
.empty, .cap { opacity: 0.85; font-style: italic; }
details summary { cursor: pointer; margin: 0.3em 0; }
ul.notes { margin: 0; padding-left: 1.2em; }
`;

/** The heights a lazy section's content can be given before it is drawn: 64 px to 64 K px, in powers of two. */
const LAZY_SIZES = Array.from({ length: 11 }, (_, i) => 64 * 2 ** i);

/** The class that keeps about `estimatePx` for a lazy content: the smallest size at least as tall, or the largest. */
export function lazySizeClass(estimatePx: number): string {
  return `size-${LAZY_SIZES.find((size) => size >= estimatePx) ?? LAZY_SIZES[LAZY_SIZES.length - 1]!}`;
}

/**
 * The content of sections below the first screen is laid out and painted only when it comes near
 * the viewport, not before the page's first paint (the failed-recipients table alone can hold 1,000
 * rows); until then it keeps the room its size class names, and once drawn the size it had ("auto").
 * Its text is in the page all along: find in page, the accessibility tree and printing see it.
 */
const LAZY_CONTENT = `.lazy { content-visibility: auto; contain-intrinsic-block-size: auto 256px; }
${LAZY_SIZES.map((size) => `.lazy.size-${size} { contain-intrinsic-block-size: auto ${size}px; }`).join('\n')}
@media print { .lazy { content-visibility: visible; } }`;

/** Fill and stroke of every series, from palette variables. */
const SERIES = ['received', 'delivered', 'failed', 'deferred', 'hard', 'soft', 'mixed', 'code']
  .map((s) => `.series-${s} { fill: var(--mf-${s}); background: var(--mf-${s}); }`).join('\n')
  + '\n.mf-chart g.series-received path { fill: none; stroke: var(--mf-received); stroke-width: 2; }';

const WEBVIEW_PALETTE = `
:root {
  --mf-received: var(--vscode-charts-blue); --mf-delivered: var(--vscode-charts-green); --mf-failed: var(--vscode-charts-red);
  --mf-deferred: var(--vscode-charts-yellow); --mf-hard: var(--vscode-charts-red); --mf-soft: var(--vscode-charts-orange);
  --mf-mixed: var(--vscode-charts-purple); --mf-code: var(--vscode-charts-blue); --mf-muted: var(--vscode-descriptionForeground);
  --mf-rule: var(--vscode-editorWidget-border, var(--vscode-panel-border)); --mf-mono: var(--vscode-editor-font-family);
  --mf-code-background: var(--vscode-textCodeBlock-background);
}
body { color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
tr.link { cursor: pointer; }
tr.link:hover, tr.link:focus { background: var(--vscode-list-hoverBackground); outline: none; }
tr.link:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
.mf-chart rect[data-line], .mf-chart rect[data-query] { cursor: pointer; }
.mf-chart rect:hover { opacity: 0.8; }
th[aria-sort] { cursor: pointer; }
th[aria-sort="ascending"]::after { content: " ▲"; }
th[aria-sort="descending"]::after { content: " ▼"; }
button.lines { font: inherit; font-size: 0.85em; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: none; border-radius: 2px; padding: 1px 6px; margin-left: 6px; cursor: pointer; }
.tooltip { position: fixed; pointer-events: none; padding: 4px 8px; border-radius: 3px; color: var(--vscode-editorHoverWidget-foreground); background: var(--vscode-editorHoverWidget-background); border: 1px solid var(--vscode-editorHoverWidget-border); max-width: 420px; overflow-wrap: anywhere; }
body.vscode-high-contrast .mf-chart rect, body.vscode-high-contrast-light .mf-chart rect { stroke: var(--vscode-contrastBorder); stroke-width: 1; }
body.vscode-high-contrast .totals li, body.vscode-high-contrast-light .totals li { border-color: var(--vscode-contrastBorder); }
`;

const FILE_PALETTE = `
:root {
  color-scheme: light dark;
  --mf-received: #0072b2; --mf-delivered: #009e73; --mf-failed: #d55e00; --mf-deferred: #e69f00; --mf-hard: #d55e00;
  --mf-soft: #e69f00; --mf-mixed: #cc79a7; --mf-code: #0072b2; --mf-muted: #767676; --mf-rule: #d0d0d0;
  --mf-mono: ui-monospace, "Cascadia Mono", Consolas, Menlo, monospace; --mf-code-background: #f2f2f2;
}
body { color: #1f1f1f; background: #ffffff; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: 14px; }
@media (prefers-color-scheme: dark) {
  :root { --mf-received: #56b4e9; --mf-delivered: #2fc49a; --mf-failed: #ff7a33; --mf-deferred: #f0c05a; --mf-hard: #ff7a33; --mf-soft: #f0c05a; --mf-code: #56b4e9; --mf-rule: #444444; --mf-code-background: #2a2a2a; }
  body { color: #e6e6e6; background: #1e1e1e; }
}
@media print { body { max-width: none; } details { display: block; } }
`;

export const WEBVIEW_STYLES = `${LAYOUT}\n${LAZY_CONTENT}\n${SERIES}\n${WEBVIEW_PALETTE}`;
export const FILE_STYLES = `${LAYOUT}\n${LAZY_CONTENT}\n${SERIES}\n${FILE_PALETTE}`;
