// Facts the human-readable report states in passing: which server refused (the remote MTA),
// which server wrote the report, and which SMTP command the refusal answered.

import type { SmtpStage } from '../../formats/bounce/model';

/** Regexes below run on lines no longer than this, which keeps their bounded backtracking cheap. */
const MAX_LINE = 2000;

const HOST_WITH_IP = /([A-Za-z0-9][A-Za-z0-9.-]{0,200}\.[A-Za-z]{2,63})\.?\s?\[(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}|[0-9A-Fa-f:.]{2,45}|[\w/-]{1,60})\]/;
const REMOTE_PHRASES: readonly RegExp[] = [
  /remote server at ([A-Za-z0-9.-]{1,255}) \(/i,
  /^(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}) (?:does not like|failed after)/,
  /connected to (\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}) but/i,
  /remote host (\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}) said/i,
];

/** The remote MTA named in one line, with its offset in the line. */
export function remoteHostIn(line: string): { host: string; start: number } | undefined {
  if (line.length > MAX_LINE) return undefined;
  // Cheap tests first: every pattern needs a "[" or one of a few words.
  const bracket = line.includes('[');
  if (!bracket && !/remote|does not like|failed after|connected to|host/i.test(line)) return undefined;
  const withIp = bracket ? HOST_WITH_IP.exec(line) : null;
  if (withIp && !/\.(?:jpg|png|gif|html?)$/i.test(withIp[1]!)) return { host: withIp[1]!, start: withIp.index };
  for (const pattern of REMOTE_PHRASES) {
    const m = pattern.exec(line);
    if (m) return { host: m[1]!, start: m.index + m[0].indexOf(m[1]!) };
  }
  return hostBeforeParenthesisedIp(line);
}

/** "host: mx.example.net (192.0.2.1)": the name as one token, then its address in parentheses. */
function hostBeforeParenthesisedIp(line: string): { host: string; start: number } | undefined {
  const lower = line.toLowerCase();
  for (let at = lower.indexOf('host'), seen = 0; at >= 0 && seen < 8; at = lower.indexOf('host', at + 4), seen++) {
    let start = at + 4;
    if (line[start] === ':') start++;
    if (line[start] !== ' ') continue;
    start++;
    const end = line.indexOf(' ', start);
    if (end < 0 || end - start > 255) continue;
    const host = line.slice(start, end);
    if (bareHostLine(host) && PARENTHESISED_IP.test(line.slice(end + 1, end + 20))) return { host, start };
  }
  return undefined;
}
const PARENTHESISED_IP = /^\(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\)/;

/** A line that is nothing but a host name, as Exchange prints the remote server under the recipient. */
export function bareHostLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length <= 255 && /^[A-Za-z0-9][A-Za-z0-9.-]{0,200}\.[A-Za-z]{2,63}$/.test(trimmed) && !trimmed.includes('..');
}

const REPORTER_PHRASES: readonly RegExp[] = [
  /^generating server: ([A-Za-z0-9.-]{1,255})/i,
  /^(?:hi\. )?this is the .{1,60}? at (?:host )?([A-Za-z0-9-]{1,63}\.[A-Za-z0-9.-]{1,200}?)\.?\s*$/i,
  /^reporting-mta: (?:dns;\s?)?([A-Za-z0-9.-]{1,255})/i,
];

export function reportingHostIn(line: string): string | undefined {
  if (line.length > MAX_LINE) return undefined;
  for (const pattern of REPORTER_PHRASES) {
    const m = pattern.exec(line.trim());
    if (m) return m[1];
  }
  return undefined;
}

const STAGES: readonly (readonly [SmtpStage, readonly string[]])[] = [
  ['rcpt', ['in reply to rcpt to', 'after rcpt to', 'rcpt to response', 'did not like our rcpt to', 'does not like recipient', '[rcpt_to]', 'error following rcpt', 'rcpt to:<', 'smtp:rcpt', 'rcpt to command']],
  ['mail', ['in reply to mail from', 'after mail from', 'sender was rejected', '[mail_from]', 'did not like our mail from', 'mail from command']],
  ['data', ['in reply to end of data', 'after end of data', 'in reply to data', 'after data', 'did not like our final data', 'failed after i sent the message', 'did not like our data', 'end of data command', 'data command']],
  ['helo', ['in reply to helo', 'in reply to ehlo', 'after helo', 'after ehlo', 'my name was rejected', 'did not like our helo', 'did not like our ehlo']],
  ['connect', ['initial connection', 'refused to talk to me', 'after connect', 'during greeting', 'did not like our greeting', 'connection refused']],
];

/** The stage phrases, each with its stage; read by formats/bounce/wording.ts. */
export const STAGE_PHRASES = STAGES.flatMap(([stage, phrases]) => phrases.map((phrase) => ({ stage, phrase })));

/** What starts a command line of a session transcript (">>> RCPT TO:<bob@example.com>"). */
export const TRANSCRIPT_MARK = '>>> ';

/** The SMTP command of the last ">>> COMMAND" line of a session transcript. */
export function stageFromTranscript(text: string): SmtpStage | undefined {
  const transcript = text.lastIndexOf(TRANSCRIPT_MARK);
  if (transcript < 0) return undefined;
  const command = text.slice(transcript + 4, transcript + 8).toLowerCase();
  if (command === 'rcpt') return 'rcpt';
  if (command === 'mail') return 'mail';
  if (command === 'data' || command.startsWith('.')) return 'data';
  if (command === 'ehlo' || command === 'helo') return 'helo';
  return undefined;
}
