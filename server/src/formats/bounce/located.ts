// Where the facts of a bounce are written: values of delivery-status fields and headers with their
// raw spans, and the returned message's headers.

import { decodedValue, header, valueOffsetToRaw, type HeaderField } from '../mime/headers';
import { addressIn, findAddresses } from './addresses';
import type { DsnValue } from './deliveryStatus';
import type { HeaderSource } from './messageView';
import type { Located, OriginalMessage } from './model';

/** The address inside a DSN value, located. */
export function locatedAddress(value: DsnValue | undefined): Located | undefined {
  if (!value) return undefined;
  const hit = findAddresses(value.value)[0];
  if (!hit) return undefined;
  return { value: hit.address, span: { start: value.toRaw(hit.start), end: value.toRaw(hit.end) } };
}

export function locatedDsn(value: DsnValue): Located {
  return { value: value.value, span: { start: value.start, end: value.end } };
}

export function locatedHeader(source: HeaderSource, field: HeaderField | undefined, value?: string): Located | undefined {
  if (!field) return undefined;
  return {
    value: value ?? decodedValue(field),
    span: { start: source.map.toRaw(field.valueStart), end: source.map.toRaw(field.end) },
  };
}
/** The returned message's headers: sender, recipients, subject, date and Message-ID, where they are written. */
export function readOriginal(source: HeaderSource | undefined): OriginalMessage | undefined {
  if (!source || source.block.fields.length === 0) return undefined;
  const block = source.block;
  const fromField = header(block, 'from');
  return {
    messageId: locatedHeader(source, header(block, 'message-id')),
    subject: locatedHeader(source, header(block, 'subject')),
    from: fromField ? locatedHeader(source, fromField, addressIn(decodedValue(fromField)) ?? decodedValue(fromField)) : undefined,
    to: locatedHeader(source, header(block, 'to')),
    envelopeRecipient: envelopeRecipientOf(source),
    date: locatedHeader(source, header(block, 'date')),
    headersStart: source.map.toRaw(block.start),
    headersEnd: source.map.toRaw(block.end),
  };
}

/**
 * The address of the first Received header's "for" clause: the envelope recipient of the hop that
 * delivered the message to the system now returning it. A header written for several recipients has none.
 */
function envelopeRecipientOf(source: HeaderSource): Located | undefined {
  const received = header(source.block, 'received');
  if (!received) return undefined;
  const clause = ENVELOPE_FOR.exec(received.value);
  if (!clause) return undefined;
  const hit = findAddresses(received.value, clause.index, clause.index + clause[0].length + 260)[0];
  if (!hit) return undefined;
  const raw = (offset: number): number => source.map.toRaw(valueOffsetToRaw(received, offset));
  return { value: hit.address, span: { start: raw(hit.start), end: raw(hit.end) } };
}

const ENVELOPE_FOR = /\sfor\s+<?(?=[^\s@<>;]{1,128}@)/i;
