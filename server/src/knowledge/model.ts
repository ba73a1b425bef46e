// The shape of every fact the knowledge base holds. Data modules under data/ fill these
// types; lookup.ts answers questions about them. Nothing here knows about editors.

import type { MailSystemId } from './data/mailSystems';

/** Who has to do something about a failure, most responsible first. */
export type Actor = 'sender' | 'sender-admin' | 'recipient-admin' | 'network-owner';

/** What a status means for retries. Derived from the code's class where there is one. */
export type Permanence = 'success' | 'intermediate' | 'transient' | 'permanent';

/** The explanation every entry carries, written in our own words. */
export interface Explanation {
  /** Short name, as mail software prints it: "Bad destination mailbox address". */
  readonly title: string;
  /** What happened, in plain words, one or two sentences. */
  readonly meaning: string;
  /** Likely causes, most common first. */
  readonly causes: readonly string[];
  /** What to check and how to fix it; names the PowerShell cmdlets or DNS tools where they apply. */
  readonly fixes: readonly string[];
  /** Who must act, most responsible first. */
  readonly actors: readonly Actor[];
  /** Where the facts come from: "RFC 3463 §3.2", "Exchange Online NDR reference". */
  readonly sources: readonly string[];
}

/**
 * An enhanced status code's subject and detail as registered (RFC 3463 and successors),
 * independent of its class: "X.1.1" serves 4.1.1 and 5.1.1 alike.
 */
export interface EnhancedDetailEntry extends Explanation {
  /** "X.<subject>.<detail>" */
  readonly code: string;
  /** Extra words for one class only, e.g. that X.1.1 is only meaningful as a permanent failure. */
  readonly classNotes?: Partial<Record<'2' | '4' | '5', string>>;
  /** Where a class's usual retry rule does not hold for this detail: its own label and retry sentence. */
  readonly retries?: Partial<Record<'4' | '5', { readonly label: string; readonly retry: string }>>;
  /** Basic reply codes this detail is commonly sent with (IANA registry / sisimai annotation). */
  readonly basicCodes?: readonly string[];
}

/** A basic SMTP reply code: 550, 421, 535, ... */
export interface BasicReplyEntry extends Explanation {
  readonly code: string;
}

/** Products whose own reading of a code we record next to the standard one. */
export type Product = 'Exchange Server' | 'Exchange Online';

/** A product's own reading of an enhanced code, or of a range of codes. */
export interface VendorCodeEntry extends Explanation {
  /** "5.7.501", or a range written "5.7.606-649" (detail range within one class and subject). */
  readonly code: string;
  /** Other exact codes the product uses for the very same case (5.7.13 and 5.7.135). */
  readonly alsoCodes?: readonly string[];
  readonly product: Product;
  /** For Exchange Server: the versions that emit it ("2000", "2003", "2007", "2010", "2013", "2016", "2019", "SE"). */
  readonly versions?: readonly string[];
  /** Exchange 2000/2003 application event-log ID (3000-3033) logged when the NDR is generated. */
  readonly eventId?: number;
  /** The basic reply code the product sends with it, when documented ("550"). */
  readonly basicCode?: string;
  /** The short NDR text the product prints with the code (a quoted fact, kept short). */
  readonly ndrText?: string;
}

/** An Exchange transport status string such as RESOLVER.ADR.RecipNotFound, or a family fallback such as RESOLVER.ADR. */
export interface TransportStringEntry extends Explanation {
  readonly name: string;
  /** True for a family-level fallback entry ("QUEUE", "RESOLVER.RST"). */
  readonly family?: boolean;
  /** The reply it usually travels with, "550 5.1.1". */
  readonly typicalReply?: string;
  /** Permanence when the string is seen without a code. */
  readonly permanence: Permanence;
  readonly versions?: readonly string[];
}

/**
 * A reading chosen by the reply itself: its writer (a provider's own codes such as Outlook.com's
 * S3150 or Yahoo's TSS04) or its words (a block list named in the reply). It leads the explanation
 * whenever it applies, ahead of the code's generic readings.
 */
export interface ReplyReadingEntry extends Explanation {
  /** Stable key: "yahoo-tss04". */
  readonly id: string;
  /** As the heading names it: "Yahoo TSS04", "Spamhaus block list". */
  readonly name: string;
  /** Lower-case fragments of the reply, any of which selects the reading; none when the code and writer alone select it. */
  readonly phrases?: readonly string[];
  /** Enhanced codes or ranges ("5.7.606-649") it applies to; none for any code. */
  readonly codes?: readonly string[];
  /** The mail systems (ids of data/mailSystems.ts) whose replies it reads; none for any writer. */
  readonly writers?: readonly MailSystemId[];
  /** What a reply with this reading but without a code means for retries (a bare transport string). */
  readonly permanence?: Permanence;
  /** True when the failure is about the sender, its server or its message, never the recipient's address. */
  readonly addressFine?: boolean;
  /** The first thing to do, short, with its actor as subject, for one-line problems: "sender's admin requests delisting". */
  readonly act: string;
}

/**
 * Words that choose between readings a code already has, where a product and the RFC disagree:
 * Exchange Online's 5.2.2 is a submission quota when the reply says so, a full mailbox when it says that.
 */
export interface ReadingChoiceEntry {
  readonly code: string;
  /** Lower-case fragments of the reply. */
  readonly phrases: readonly string[];
  /** The reading the words choose: the registered one, or a product's. */
  readonly reading: 'standard' | Product;
  readonly sources: readonly string[];
}

/** The meaning of the first digit of an enhanced code (RFC 3463 §2). */
export interface ClassEntry {
  readonly code: '2' | '4' | '5';
  readonly title: string;
  readonly meaning: string;
  readonly permanence: Permanence;
  readonly sources: readonly string[];
}

/** The meaning of the middle number of an enhanced code (RFC 3463 §2; details in §3.1-3.8). */
export interface SubjectEntry {
  readonly code: string;
  readonly title: string;
  readonly meaning: string;
  readonly sources: readonly string[];
}
