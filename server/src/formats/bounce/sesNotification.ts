// Amazon SES event notifications mailed through SNS: a JSON object in the body, with
// notificationType "Bounce", "Complaint" or "Delivery" and one entry per recipient. Parsed with
// JSON.parse (data only), and every value located back in the text for ranges.

import type { MappedText } from '../mime/mappedText';
import type { DeliveryAction, Located } from './model';

export interface SesRecipient {
  readonly recipient: Located;
  readonly action: DeliveryAction;
  readonly status?: Located;
  readonly diagnostic?: Located;
}

export interface SesNotification {
  readonly type: 'bounce' | 'complaint' | 'delivery';
  readonly recipients: readonly SesRecipient[];
  readonly reportingMta?: string;
}

/** Recipients read from one notification: SES sends to at most 50 per message. */
const MAX_RECIPIENTS = 100;

/** JSON bigger than this is not an SES notification. */
const MAX_JSON = 512 * 1024;

interface SesJson {
  notificationType?: unknown;
  bounce?: { bouncedRecipients?: unknown; reportingMTA?: unknown };
  complaint?: { complainedRecipients?: unknown };
  delivery?: { recipients?: unknown; smtpResponse?: unknown; reportingMTA?: unknown };
}

/** The notification object: written as it is, or as the "Message" string of an SNS envelope. */
function parseNotification(text: string): { json: SesJson; start: number } | undefined {
  // One search settles most reports: both spellings hold the bare name.
  if (!text.includes('notificationType')) return undefined;
  const direct = text.indexOf('{"notificationType"');
  const enveloped = direct < 0 ? text.indexOf('\\"notificationType\\"') : -1;
  const start = direct >= 0 ? direct : enveloped >= 0 ? text.lastIndexOf('{', text.lastIndexOf('"Message"', enveloped)) : -1;
  if (start < 0) return undefined;
  const end = text.lastIndexOf('}');
  if (end <= start || end - start > MAX_JSON) return undefined;
  try {
    // Long lines may have been folded by the mailer: line breaks are not part of the JSON.
    const parsed = JSON.parse(text.slice(start, end + 1).replace(/\r?\n/g, '')) as SesJson & { Message?: unknown };
    if (direct >= 0) return { json: parsed, start };
    return typeof parsed.Message === 'string' ? { json: JSON.parse(parsed.Message) as SesJson, start } : undefined;
  } catch {
    return undefined;
  }
}

export function readSesNotification(report: MappedText): SesNotification | undefined {
  const text = report.text;
  const found = parseNotification(text);
  if (!found) return undefined;
  const { json, start } = found;
  // Recipients are located in the order the JSON lists them, each after the one before: searching
  // every one from the start would read the text once per recipient.
  let cursor = start;
  const locate = (value: string, from: number): Located | undefined => {
    const at = text.indexOf(value, from);
    return at < 0 ? undefined : { value, span: { start: report.toRaw(at), end: report.toRaw(at + value.length) } };
  };
  const locateNext = (value: string): Located | undefined => {
    const at = text.indexOf(value, cursor);
    if (at < 0) return undefined;
    cursor = at + value.length;
    return { value, span: { start: report.toRaw(at), end: report.toRaw(cursor) } };
  };
  const strings = (list: unknown): string[] => (Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : []);
  const objects = (list: unknown): Record<string, unknown>[] =>
    (Array.isArray(list) ? list.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : []);
  const nonEmptyString = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
  const mta = (v: unknown): string | undefined => nonEmptyString(v)?.replace(/^dsn;\s*/i, '');

  switch (json.notificationType) {
    case 'Bounce': {
      const recipients: SesRecipient[] = [];
      for (const entry of objects(json.bounce?.bouncedRecipients).slice(0, MAX_RECIPIENTS)) {
        const address = nonEmptyString(entry.emailAddress);
        const recipient = address ? locateNext(address) : undefined;
        if (!recipient) continue;
        const after = cursor;
        const status = nonEmptyString(entry.status);
        const diagnostic = nonEmptyString(entry.diagnosticCode);
        const action = nonEmptyString(entry.action)?.toLowerCase();
        recipients.push({
          recipient,
          action: action === 'delayed' || action === 'delivered' ? action : 'failed',
          status: status ? locate(status, after) : undefined,
          diagnostic: diagnostic ? locate(diagnostic, after) : undefined,
        });
      }
      return { type: 'bounce', recipients, reportingMta: mta(json.bounce?.reportingMTA) };
    }
    case 'Complaint': {
      const recipients = objects(json.complaint?.complainedRecipients).slice(0, MAX_RECIPIENTS)
        .map((e) => nonEmptyString(e.emailAddress)).filter((a): a is string => a !== undefined)
        .map(locateNext).filter((l): l is Located => l !== undefined)
        .map((recipient): SesRecipient => ({ recipient, action: 'delivered' }));
      return { type: 'complaint', recipients };
    }
    case 'Delivery': {
      const response = nonEmptyString(json.delivery?.smtpResponse);
      const located = response ? locate(response, start) : undefined;
      const code = response ? /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(response) : null;
      const status: Located | undefined = located && code
        ? { value: code[1]!, span: { start: located.span.start + code.index, end: located.span.start + code.index + code[1]!.length } } : undefined;
      const recipients = strings(json.delivery?.recipients).slice(0, MAX_RECIPIENTS)
        .map(locateNext).filter((l): l is Located => l !== undefined)
        .map((recipient): SesRecipient => ({ recipient, action: 'delivered', status, diagnostic: located }));
      return { type: 'delivery', recipients, reportingMta: mta(json.delivery?.reportingMTA) };
    }
    default:
      return undefined;
  }
}
