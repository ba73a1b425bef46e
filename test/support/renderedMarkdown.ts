// Renders our Markdown the way VS Code does (marked with GFM for hovers and inlay tooltips,
// markdown-it with HTML and linkify on for the Markdown preview) and lists whatever in the HTML
// did not come from us: any element outside plain Markdown's, any attribute but a link's href, and
// any link but our PowerShell command with the arguments the product built.

import { decodeHTML } from 'entities';
import MarkdownIt from 'markdown-it';
import { marked } from 'marked';
import { OPEN_POWERSHELL_COMMAND, type OpenPowerShellArgs } from '../../server/src/common/protocol';
import { commandUri } from '../../server/src/text/markdown';

const preview = new MarkdownIt({ html: true, linkify: true });

/** A hover or inlay tooltip as VS Code's hover widget renders it (before its own sanitising). */
export function renderHover(markdown: string): string {
  return marked.parse(markdown, { gfm: true, async: false });
}

/** The Markdown preview of an Explain command: HTML and linkify are on there. */
export function renderPreview(markdown: string): string {
  return preview.render(markdown);
}

/** Elements our Markdown makes: text styles, lists, headings, tables, quotes, rules, code spans and links. */
const OUR_ELEMENTS = new Set(['p', 'strong', 'em', 'code', 'a', 'ul', 'ol', 'li', 'hr', 'h1', 'h2', 'h3', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'blockquote', 'br']);

/** A link the product may put in a hover: its text and the arguments of our command. */
export interface ExpectedLink {
  readonly title: string;
  readonly args: readonly [OpenPowerShellArgs];
}

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const COMMAND_PREFIX = `command:${OPEN_POWERSHELL_COMMAND}?`;

/** Everything in the HTML that did not come from us; empty when the HTML is safe. */
export function foreignParts(html: string, expectedLinks: readonly ExpectedLink[] = []): string[] {
  const problems: string[] = [];
  // Text from documents is entity-escaped by both renderers, so every "<" left is a real tag.
  for (const tag of html.matchAll(TAG)) {
    const [whole, closing, rawName, rawAttributes] = tag;
    const name = rawName!.toLowerCase();
    if (!OUR_ELEMENTS.has(name)) {
      problems.push(`element <${name}>: ${whole.slice(0, 120)}`);
      continue;
    }
    if (closing) continue;
    const attributes = [...rawAttributes!.matchAll(ATTRIBUTE)].map((a) => ({ name: a[1]!.toLowerCase(), value: decodeHTML(a[2] ?? a[3] ?? a[4] ?? '') }));
    for (const attribute of attributes) {
      if (name !== 'a' || attribute.name !== 'href') problems.push(`attribute ${attribute.name} on <${name}>: ${whole.slice(0, 120)}`);
    }
    if (name === 'a') {
      const href = attributes.find((a) => a.name === 'href')?.value;
      const text = linkText(html, tag.index! + whole.length);
      const problem = href === undefined ? 'a link without a target' : linkProblem(href, text, expectedLinks);
      if (problem) problems.push(`${problem}: ${whole.slice(0, 160)}`);
    }
  }
  return problems;
}

function linkText(html: string, from: number): string {
  const end = html.indexOf('</a>', from);
  return decodeHTML(html.slice(from, end < 0 ? from : end).replace(/<[^>]*>/g, ''));
}

/** Why a link is not one the product built, or undefined when it is. */
function linkProblem(href: string, text: string, expected: readonly ExpectedLink[]): string | undefined {
  if (!href.startsWith(COMMAND_PREFIX)) return `a link to ${href.slice(0, 80)}`;
  let args: unknown;
  try {
    args = JSON.parse(decodeURIComponent(href.slice(COMMAND_PREFIX.length)));
  } catch {
    return 'command arguments that are not JSON';
  }
  if (!Array.isArray(args) || args.length !== 1 || typeof args[0] !== 'object' || args[0] === null
    || Object.keys(args[0] as object).join() !== 'snippet' || typeof (args[0] as { snippet: unknown }).snippet !== 'string') {
    return 'command arguments not of the form [{ snippet: string }]';
  }
  const snippet = (args[0] as { snippet: string }).snippet;
  const match = expected.find((link) => link.args[0].snippet === snippet && link.title === text);
  if (!match) return `a command link the product did not build (${text})`;
  if (href !== commandUri(OPEN_POWERSHELL_COMMAND, match.args)) return 'a command URI not written by the Markdown layer';
  return undefined;
}
