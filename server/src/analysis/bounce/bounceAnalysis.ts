// The result of reading a bounce: one entry per recipient, with its reason, who must act, and
// where each fact was found.

import type { Actor } from '../../knowledge/model';
import type { BounceReason } from '../../knowledge/data/bounceReasons';
import type { DeliveryAction, Located, OriginalMessage, SmtpStage, Span } from '../../formats/bounce/model';

/** What kind of message this is. */
export type MessageKind = 'bounce' | 'delay' | 'delivery-report' | 'auto-reply' | 'feedback-report' | 'not-a-bounce';

export interface RecipientOutcome {
  readonly recipient: Located;
  readonly originalRecipient?: Located;
  readonly action: DeliveryAction;
  readonly actionSpan?: Span;
  /** The enhanced status code kept (see `conflict`). */
  readonly status?: Located;
  /** The basic SMTP reply code that came with it. */
  readonly replyCode?: Located;
  /** An Exchange transport string seen with the status ("RESOLVER.ADR.RecipNotFound"). */
  readonly transport?: Located;
  readonly diagnostic?: Located;
  readonly remoteMta?: Located;
  readonly reportingMta?: Located;
  readonly lastAttempt?: Located;
  readonly retryUntil?: Located;
  readonly stage?: SmtpStage;
  readonly reason: BounceReason;
  /** How the reason was decided, for the summary: "status 5.1.1", "text: mailbox full", "Google reply". */
  readonly reasonBasis: string;
  readonly hard: boolean;
  readonly permanent: boolean;
  readonly actors: readonly Actor[];
  /** Set when the Status field and the diagnostic text disagree, saying which was kept. */
  readonly conflict?: string;
  /** Where a diagnostic for this recipient belongs: the status, or else the diagnostic text. */
  readonly anchor: Span;
}

export interface BounceAnalysis {
  readonly kind: MessageKind;
  /** The software or service that wrote the report, when recognisable ("Postfix", "Exchange Online"). */
  readonly reporter?: string;
  readonly recipients: readonly RecipientOutcome[];
  readonly reportingMta?: Located;
  readonly arrivalDate?: Located;
  readonly original?: OriginalMessage;
  /** Structural problems found while reading (nesting too deep, too many parts). */
  readonly problems: readonly { readonly message: string; readonly span: Span }[];
}
