// The PowerShell snippets that investigate a status code, for hovers and quick fixes. The snippet
// text lives only in snippets/exchange-powershell.json (the file VS Code contributes); the link from
// codes to snippets is data/investigations.ts. Pure: no Node APIs.
import catalogueFile from '../../../snippets/exchange-powershell.json';
import { type FillSource, INVESTIGATION_RULES, type InvestigationStep, TRACE_MESSAGE_STEPS } from './data/investigations';
import { powerShellValueFills, renderSnippetBody, snippetWithFills } from './snippetText';
import { parseEnhancedCode } from './statusCode';

export type { FillSource } from './data/investigations';

export type SnippetScope = 'on-premises' | 'exchange-online' | 'both';

export interface CatalogueSnippet {
  /** The snippet's key in the file: the name `editor.action.insertSnippet` takes with `langId: 'powershell'`. */
  readonly name: string;
  readonly prefix: string;
  readonly description: string;
  readonly scope: SnippetScope;
  /** The body lines joined with `\n`, in snippet syntax. */
  readonly body: string;
}

/** Values found in the document that a snippet can be pre-filled with. */
export interface DocumentValues {
  readonly recipient?: string;
  readonly sender?: string;
  readonly messageId?: string;
  readonly ipAddress?: string;
}

export type DocumentValue = keyof DocumentValues;

export interface Investigation {
  readonly title: string;
  readonly snippetName: string;
  readonly prefix: string;
  readonly scope: SnippetScope;
  /** The document values this snippet can be pre-filled with. */
  readonly uses: readonly DocumentValue[];
  /** Placeholder index → where its value comes from. */
  readonly fills: Readonly<Record<number, FillSource>>;
}

const SCOPES: readonly [string, SnippetScope][] = [
  ['On-premises and Exchange Online: ', 'both'],
  ['On-premises: ', 'on-premises'],
  ['Exchange Online: ', 'exchange-online'],
];

interface RawSnippet {
  readonly prefix: string;
  readonly description: string;
  readonly body: readonly string[];
}

let catalogue: { byPrefix: Map<string, CatalogueSnippet>; byName: Map<string, CatalogueSnippet> } | undefined;

function load(): NonNullable<typeof catalogue> {
  const byPrefix = new Map<string, CatalogueSnippet>();
  const byName = new Map<string, CatalogueSnippet>();
  for (const [name, raw] of Object.entries(catalogueFile as Record<string, RawSnippet>)) {
    const scope = SCOPES.find(([label]) => raw.description.startsWith(label))?.[1];
    if (!scope) throw new Error(`snippet "${name}": its description does not say where it runs`);
    const snippet: CatalogueSnippet = { name, prefix: raw.prefix, description: raw.description, scope, body: raw.body.join('\n') };
    byPrefix.set(snippet.prefix, snippet);
    byName.set(name, snippet);
  }
  return { byPrefix, byName };
}

function snippets(): NonNullable<typeof catalogue> {
  return (catalogue ??= load());
}

export function catalogueSnippets(): readonly CatalogueSnippet[] {
  return [...snippets().byName.values()];
}

export function snippetByPrefix(prefix: string): CatalogueSnippet | undefined {
  return snippets().byPrefix.get(prefix);
}

export function snippetByName(name: string): CatalogueSnippet | undefined {
  return snippets().byName.get(name);
}

const DOCUMENT_VALUE_OF: Readonly<Record<FillSource, DocumentValue>> = {
  recipient: 'recipient',
  sender: 'sender',
  messageId: 'messageId',
  ipAddress: 'ipAddress',
  recipientDomain: 'recipient',
  senderDomain: 'sender',
};

function investigation(step: InvestigationStep): Investigation {
  const snippet = snippetByPrefix(step.prefix);
  if (!snippet) throw new Error(`investigation "${step.title}": no snippet has the prefix ${step.prefix}`);
  const fills = step.fills ?? {};
  const uses = [...new Set(Object.values(fills).map((source) => DOCUMENT_VALUE_OF[source]))];
  return { title: step.title, snippetName: snippet.name, prefix: snippet.prefix, scope: snippet.scope, uses, fills };
}

/**
 * The snippets that investigate an enhanced status code (and, through `replyText`, failures such as
 * reverse-DNS rejections that the text names), most specific first, each snippet once.
 */
export function investigationsFor(code: string, replyText?: string): readonly Investigation[] {
  const normalised = parseEnhancedCode(code.trim())?.text;
  const chosen: Investigation[] = [];
  const seen = new Set<string>();
  for (const rule of INVESTIGATION_RULES) {
    const byCode = normalised !== undefined && rule.codes.includes(normalised);
    const byCue = rule.replyCue !== undefined && replyText !== undefined && rule.replyCue.test(replyText.slice(0, MAX_REPLY_LENGTH));
    if (!byCode && !byCue) continue;
    for (const step of rule.steps) {
      if (seen.has(step.prefix)) continue;
      seen.add(step.prefix);
      chosen.push(investigation(step));
    }
  }
  return chosen;
}

/** Following one message by its Message-ID (on-premises, then Exchange Online): the tracking-log quick fix. */
export function traceMessageInvestigations(): readonly Investigation[] {
  return TRACE_MESSAGE_STEPS.map(investigation);
}

/** Replies longer than this are cut before looking for words in them. */
const MAX_REPLY_LENGTH = 4096;

const ADDRESS = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10}$/;
const MESSAGE_ID = /^<[^\s<>"'`$]{1,500}>$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV6 = /^[0-9A-Fa-f:.]{2,45}$/;

/**
 * A document value in the shape it should have, or undefined when it does not look like what it
 * should be (the placeholder then keeps its example). Addresses may come in angle brackets or with
 * an `smtp:` prefix; a Message-ID gets its angle brackets; an IP may be bracketed. A second line of
 * defence only: what keeps a value inside its PowerShell string is `powerShellValueFills`.
 */
export function cleanDocumentValue(kind: DocumentValue, raw: string): string | undefined {
  let value = raw.trim();
  if (value.length > 600) return undefined;
  switch (kind) {
    case 'recipient':
    case 'sender':
      value = value.replace(/^smtp:/i, '').replace(/^<(.*)>$/, '$1');
      return ADDRESS.test(value) ? value : undefined;
    case 'messageId':
      if (!value.startsWith('<')) value = `<${value}>`;
      return MESSAGE_ID.test(value) && value.includes('@') ? value : undefined;
    case 'ipAddress': {
      value = value.replace(/^\[(.*)\]$/, '$1').replace(/^ipv6:/i, '');
      const v4 = IPV4.exec(value);
      if (v4) return v4.slice(1).every((octet) => Number(octet) <= 255) ? value : undefined;
      return IPV6.test(value) && value.includes(':') ? value : undefined;
    }
  }
}

function fillValue(source: FillSource, values: DocumentValues): string | undefined {
  const kind = DOCUMENT_VALUE_OF[source];
  const raw = values[kind];
  const clean = raw === undefined ? undefined : cleanDocumentValue(kind, raw);
  if (clean === undefined) return undefined;
  return source === 'recipientDomain' || source === 'senderDomain' ? clean.slice(clean.indexOf('@') + 1).toLowerCase() : clean;
}

/** Placeholder index → content, for the placeholders written between single quotes only. */
function fillsFor(item: Investigation, values: DocumentValues): Map<number, string> {
  const found = new Map<number, string>();
  for (const [index, source] of Object.entries(item.fills)) {
    const value = fillValue(source, values);
    if (value !== undefined) found.set(Number(index), value);
  }
  return powerShellValueFills(snippetOf(item).body, found);
}

function snippetOf(item: Investigation): CatalogueSnippet {
  const snippet = snippetByName(item.snippetName);
  if (!snippet) throw new Error(`no snippet named "${item.snippetName}"`);
  return snippet;
}

/** The PowerShell the snippet inserts, with the usable document values in its placeholders. */
export function investigationText(item: Investigation, values: DocumentValues = {}): string {
  return renderSnippetBody(snippetOf(item).body, fillsFor(item, values));
}

/** The snippet with the usable document values as placeholder content, tab stops kept (for insertSnippet). */
export function investigationSnippet(item: Investigation, values: DocumentValues = {}): string {
  return snippetWithFills(snippetOf(item).body, fillsFor(item, values));
}
