// What the engine knows about a problem beyond its message, carried in Diagnostic.data and written
// out by the command line's json, ndjson and sarif formats. Field names follow Sisimai's where they
// mean the same thing (recipient, deliverystatus, replycode, diagnosticcode, reason, hardbounce,
// timestamp), so its users can switch; every field is optional because each family knows different ones.

export interface ProblemFields {
  /** The failed, deferred or filtered recipient address. */
  readonly recipient?: string;
  /** The envelope sender, when known. */
  readonly sender?: string;
  /** Enhanced status code, e.g. "5.1.1". */
  readonly deliverystatus?: string;
  /** Basic SMTP reply code, e.g. "550". */
  readonly replycode?: string;
  /** The reply text as written (trimmed and bounded). */
  readonly diagnosticcode?: string;
  /** Exchange transport status string, e.g. "RESOLVER.ADR.RecipNotFound". */
  readonly transportstring?: string;
  /** The bounce engine's reason, e.g. "userunknown", "mailboxfull". */
  readonly reason?: string;
  /** True for a permanent failure, false for a temporary one; absent when not a delivery failure. */
  readonly hardbounce?: boolean;
  /** Who must act first: "sender", "sender-admin", "recipient-admin" or "network-owner". */
  readonly whoacts?: string;
  /** The message's Message-ID, without angle brackets. */
  readonly messageid?: string;
  /** A queue id (Postfix, Sendmail), Exim message id, or Exchange internal/network message id. */
  readonly queueid?: string;
  /** When it happened, as ISO 8601 when the source says enough; otherwise as written. */
  readonly timestamp?: string;
  /** The outcome the problem reports: "bounced", "expired", "deferred", "rejected", "failed", "quarantined", ... */
  readonly outcome?: string;
}
