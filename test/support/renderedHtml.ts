// Reads the report's HTML pages the way a browser tokenises them (tags, quoted attributes, raw text
// of <style> and <script>) and lists whatever could be live: an element outside the report's own
// set, an event handler, a URL-taking or style attribute, a script without the page's nonce or with
// other text than ours, a right-to-left override left raw.

import { decodeHTML } from 'entities';

export interface Tag {
  readonly name: string;
  readonly closing: boolean;
  readonly attributes: ReadonlyMap<string, string>;
  /** For <script> and <style>: the raw text up to the closing tag. */
  readonly rawText?: string;
}

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s=/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const RAW_TEXT = new Set(['script', 'style']);

/** Every tag of the page, with raw-text elements' content kept whole as a browser does. */
export function tagsOf(page: string): Tag[] {
  const tags: Tag[] = [];
  const pattern = new RegExp(TAG.source, 'g');
  for (let m = pattern.exec(page); m; m = pattern.exec(page)) {
    const name = m[2]!.toLowerCase();
    const attributes = new Map<string, string>();
    for (const a of m[3]!.matchAll(ATTRIBUTE)) attributes.set(a[1]!.toLowerCase(), decodeHTML(a[2] ?? a[3] ?? a[4] ?? ''));
    if (!m[1] && RAW_TEXT.has(name)) {
      const found = page.toLowerCase().indexOf(`</${name}`, pattern.lastIndex);
      const end = found < 0 ? page.length : found;
      tags.push({ name, closing: false, attributes, rawText: page.slice(pattern.lastIndex, end) });
      pattern.lastIndex = end;
    } else {
      tags.push({ name, closing: m[1] === '/', attributes });
    }
  }
  return tags;
}

/** The raw text of every <script> or <style>, in order. */
export function rawTexts(page: string, name: 'script' | 'style'): string[] {
  return tagsOf(page).filter((t) => t.name === name && t.rawText !== undefined).map((t) => t.rawText!);
}

/** The page's text outside tags (raw text of scripts and styles left out), entities decoded. */
export function textOutsideTags(page: string): string {
  return decodeHTML(page.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<(?:[^>"']|"[^"]*"|'[^']*')*>/g, ' '));
}

/** The elements the report writes (HTML document, tables, lists, and the SVG Plot draws). */
const REPORT_ELEMENTS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'section', 'div', 'h1', 'h2', 'p', 'ul', 'li', 'span', 'figure',
  'figcaption', 'details', 'summary', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'pre', 'code', 'script',
  'svg', 'g', 'path', 'line', 'rect', 'text', 'tspan',
]);
const URL_OR_STYLE_ATTRIBUTES = new Set(['href', 'xlink:href', 'src', 'srcset', 'action', 'formaction', 'style', 'background', 'poster', 'data', 'ping']);

export interface PageExpectations {
  /** The nonce every script and style of the page must carry; undefined for a page with neither a script nor a nonce. */
  readonly nonce?: string;
  /** The one script text the page may run. */
  readonly script?: string;
}

/** What in the page could run, load or restyle something; empty when the page is inert but for our own script. */
export function liveParts(page: string, expected: PageExpectations): string[] {
  const problems: string[] = [];
  for (const tag of tagsOf(page)) {
    if (tag.name === '!doctype' || tag.closing) continue;
    if (!REPORT_ELEMENTS.has(tag.name)) problems.push(`element <${tag.name}>`);
    for (const [name, value] of tag.attributes) {
      if (name.startsWith('on')) problems.push(`<${tag.name} ${name}="${value}">`);
      if (URL_OR_STYLE_ATTRIBUTES.has(name)) problems.push(`<${tag.name} ${name}="${value}">`);
    }
    if (tag.name === 'script') {
      if (expected.nonce === undefined) problems.push('a script in a page that must have none');
      else if (tag.attributes.get('nonce') !== expected.nonce) problems.push('a script without the nonce');
      if (tag.attributes.has('src')) problems.push('a script with src');
    }
    if (tag.name === 'style' && expected.nonce !== undefined && tag.attributes.get('nonce') !== expected.nonce) problems.push('a style without the nonce');
    if (tag.name === 'meta' && tag.attributes.get('http-equiv')?.toLowerCase() === 'refresh') problems.push('a meta refresh');
  }
  for (const text of rawTexts(page, 'script')) if (text !== expected.script) problems.push(`script text not ours: ${text.slice(0, 60)}`);
  if (textOutsideTags(page).includes('\u202E')) problems.push('a right-to-left override shown raw');
  return problems;
}
