// "Investigate in PowerShell" links under a code's hover: the snippets that look into that code,
// pre-filled with the address, Message-ID or IP found on the hovered line.

import type { ReplyMention } from '../../detection/replyScanner';
import { type DocumentValues, investigationSnippet, investigationsFor } from '../../knowledge/investigations';
import { OPEN_POWERSHELL_COMMAND, type OpenPowerShellArgs } from '../../common/protocol';

/** A link under a hover: the Markdown layer turns it into the one command: URI the client trusts. */
export interface HoverAction {
  readonly title: string;
  readonly command: typeof OPEN_POWERSHELL_COMMAND;
  readonly args: readonly [OpenPowerShellArgs];
}

const MAX_LINKS = 3;
// Bounded repeats only: each match costs at most a few hundred steps.
const MESSAGE_ID = /<([^<>\s@]{1,200}@[^<>\s]{1,200})>/;
// Not global: only the first address is used, and the line past it is not searched.
const EMAIL = /[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/;
const BRACKETED_IPV4 = /\[(\d{1,3}(?:\.\d{1,3}){3})\]/;

/** Values a snippet can be filled with, read from the line around a reply. */
export function valuesOnLine(line: string): DocumentValues {
  const messageId = MESSAGE_ID.exec(line);
  const withoutId = messageId ? line.replace(messageId[0], ' ') : line;
  const recipient = EMAIL.exec(withoutId)?.[0];
  const ipAddress = BRACKETED_IPV4.exec(line)?.[1];
  return {
    ...(recipient ? { recipient } : {}),
    ...(messageId ? { messageId: messageId[0] } : {}),
    ...(ipAddress ? { ipAddress } : {}),
  };
}

export function investigationActions(mention: ReplyMention, line: string): HoverAction[] {
  const code = mention.enhanced?.text;
  if (!code) return [];
  const values = valuesOnLine(line);
  return investigationsFor(code, line).slice(0, MAX_LINKS).map((item) => {
    const args: OpenPowerShellArgs = { snippet: investigationSnippet(item, values) };
    return { title: item.title, command: OPEN_POWERSHELL_COMMAND, args: [args] };
  });
}
