// What the parts of a bounce are made of: values and where each is written, the delivery action and
// SMTP stage a report states, and the returned message's headers.

/** Raw document offsets, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A value and where it is written. */
export interface Located {
  readonly value: string;
  readonly span: Span;
}

export type DeliveryAction = 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded';

/** The SMTP command the remote server was answering, when the report says. */
export type SmtpStage = 'connect' | 'helo' | 'mail' | 'rcpt' | 'data';

export interface OriginalMessage {
  readonly messageId?: Located;
  readonly subject?: Located;
  readonly from?: Located;
  readonly to?: Located;
  /** The one recipient its first Received header says it was received for ("for <bob@example.com>"). */
  readonly envelopeRecipient?: Located;
  readonly date?: Located;
  /** Where the original's header block starts in the raw document. */
  readonly headersStart: number;
  readonly headersEnd: number;
}
