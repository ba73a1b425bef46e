// Exchange Online message traces: the columns of the admin center's reports and of the trace
// cmdlets' output, the Status values, the events of Recipient_status and the detail cmdlets, and what
// custom_data's malware and transport-rule groups hold. Facts from the sources listed in
// shared/reference/microsoft-facts/message-trace-formats.md (ids in brackets), in our own words.

export const EAC_SOURCE = 'Microsoft Learn: Message trace in the modern Exchange admin center';
export const MTV2_SOURCE = 'Microsoft Learn: Get-MessageTraceV2 and Get-MessageTrace';
export const MTDV2_SOURCE = 'Microsoft Learn: Get-MessageTraceDetailV2, and the MessageTraceDetail class reference';
export const EXPORT_CSV_SOURCE = 'Microsoft Learn: Export-Csv / ConvertTo-Csv and about_Character_Encoding';

export interface TraceColumnFact {
  /** Lower-case names the column goes by; a name ending "_" matches any zone suffix ("origin_timestamp_utc"). */
  readonly names: readonly string[];
  readonly meaning: string;
  readonly source: string;
  /** The column holds an identifier that ties rows together (references and highlights). */
  readonly links?: boolean;
}

/** The admin center's enhanced summary and extended reports [EAC]. */
export const reportColumns: readonly TraceColumnFact[] = [
  { names: ['origin_timestamp_'], meaning: 'When the service received the message, in the time zone chosen for the report (the name\'s suffix, such as _utc, says which).', source: EAC_SOURCE },
  { names: ['date_time_'], meaning: 'When this event happened, in the time zone chosen for the report (the column is expected as date_time_<zone>; the documentation does not name it).', source: EAC_SOURCE },
  { names: ['sender_address'], meaning: 'The sender\'s address.', source: EAC_SOURCE },
  { names: ['recipient_status'], meaning: 'Each recipient and what happened to it: entries address##events joined by semicolons, the events listed in order with commas (Receive, Deliver).', source: EAC_SOURCE },
  { names: ['message_subject'], meaning: 'The subject, cut to its first 256 characters.', source: EAC_SOURCE },
  { names: ['total_bytes'], meaning: 'The size of the message in bytes, attachments included.', source: EAC_SOURCE },
  { names: ['message_id'], meaning: 'The Message-ID header; mail written in Exchange has one in angle brackets, <GUID@server>.', source: EAC_SOURCE, links: true },
  { names: ['network_message_id'], meaning: 'The ID every copy of one message shares, also after it was split for its recipients or a group was expanded.', source: EAC_SOURCE, links: true },
  { names: ['original_client_ip'], meaning: 'The IP address of the sender\'s client.', source: EAC_SOURCE },
  { names: ['directionality'], meaning: 'Which way the message went: 1 into the organisation, 2 out of it (the documentation\'s values; words such as Incoming and Originating are read too).', source: EAC_SOURCE },
  { names: ['connector_id'], meaning: 'The name of the connector the message came in or left by.', source: EAC_SOURCE },
  { names: ['delivery_priority'], meaning: 'The message\'s priority: High, Normal or Low (enhanced summary only).', source: EAC_SOURCE },
  { names: ['client_ip'], meaning: 'The IP address of the server or client that handed the message over at this event.', source: EAC_SOURCE },
  { names: ['client_hostname'], meaning: 'The name of the server or client that handed the message over.', source: EAC_SOURCE },
  { names: ['server_ip'], meaning: 'The IP address of the source or destination server.', source: EAC_SOURCE },
  { names: ['server_hostname'], meaning: 'The name of the destination server.', source: EAC_SOURCE },
  { names: ['source_context'], meaning: 'More detail about the source, such as the agent\'s name (Protocol Filter Agent) or a long number.', source: EAC_SOURCE },
  { names: ['source'], meaning: 'The Exchange Online component that logged the event, such as SMTP, AGENT or MAILBOXRULE.', source: EAC_SOURCE },
  { names: ['event_id'], meaning: 'What happened at this step (RECEIVE, DELIVER, SEND, FAIL, DEFER, EXPAND, AGENTINFO ...), the events of message tracking.', source: EAC_SOURCE },
  { names: ['internal_message_id'], meaning: 'The ID the server handling the message gave it at that moment; another server gives another.', source: EAC_SOURCE, links: true },
  { names: ['recipient_address'], meaning: 'The recipients of this event, separated by semicolons.', source: EAC_SOURCE },
  { names: ['recipient_count'], meaning: 'How many recipients the event covers.', source: EAC_SOURCE },
  { names: ['related_recipient_address'], meaning: 'Other addresses tied to EXPAND, REDIRECT and RESOLVE events, such as the group expanded or the address a recipient was changed to.', source: EAC_SOURCE },
  { names: ['reference'], meaning: 'Depends on the event: on DSN the Message-ID of the notification (or of the original, on the notification\'s own rows), on EXPAND the related recipient, on SEND and TRANSFER an internal message ID; usually empty.', source: EAC_SOURCE },
  { names: ['return_path'], meaning: 'The envelope sender (MAIL FROM): never empty, but <> on notifications.', source: EAC_SOURCE },
  { names: ['message_info'], meaning: 'Extra detail: the origination time (yyyy-mm-ddThh:mm:ss.fffZ) on DELIVER and SEND, or authentication error codes such as 11a.', source: EAC_SOURCE },
  { names: ['tenant_id'], meaning: 'The GUID of the Exchange Online organisation.', source: EAC_SOURCE },
  { names: ['original_server_ip'], meaning: 'The IP address of the original server.', source: EAC_SOURCE },
  { names: ['custom_data'], meaning: 'Data of the event, mostly on AGENTINFO: agent groups S:SFA (spam filter), S:AMA (malware filter), S:TRA (mail flow rules), each key=value items separated by |, groups by ;.', source: EAC_SOURCE },
  // The on-screen summary's export [EAC]: its column names are not documented beyond these words.
  { names: ['date'], meaning: 'When the message was received (Get-MessageTraceDetail: when this event happened), in the report\'s time zone; cmdlet output is UTC, written in the exporting machine\'s date format.', source: `${EAC_SOURCE}; ${MTDV2_SOURCE}` },
  { names: ['sender'], meaning: 'The sender\'s address.', source: EAC_SOURCE },
  { names: ['recipient'], meaning: 'The recipient: one row per recipient; a group comes first, then one row per member.', source: EAC_SOURCE },
  { names: ['subject'], meaning: 'The subject (its first 256 characters in the admin center).', source: `${EAC_SOURCE}; ${MTV2_SOURCE}` },
  { names: ['status'], meaning: 'The delivery status of this recipient: Delivered, Expanded, Failed, FilteredAsSpam, GettingStatus, Pending, Quarantined (or None).', source: `${EAC_SOURCE}; ${MTV2_SOURCE}` },
];

/** Properties of Get-MessageTrace(V2) and Get-MessageTraceDetail(V2) objects as Export-Csv writes them [MTV2, MTD-CLS, RWS]. */
export const cmdletColumns: readonly TraceColumnFact[] = [
  { names: ['organization'], meaning: 'The Exchange Online organisation (tenant domain) the trace was run in.', source: MTV2_SOURCE },
  { names: ['messageid'], meaning: 'The Message-ID header, with its angle brackets.', source: MTV2_SOURCE, links: true },
  { names: ['received'], meaning: 'When the service received the message, in UTC, written in the exporting machine\'s date format.', source: MTV2_SOURCE },
  { names: ['senderaddress'], meaning: 'The sender\'s address.', source: MTV2_SOURCE },
  { names: ['recipientaddress'], meaning: 'The recipient: the cmdlets write one row per recipient.', source: MTV2_SOURCE },
  { names: ['toip'], meaning: 'For outbound mail, the public IP the destination\'s MX record led to; empty for mail coming in.', source: MTV2_SOURCE },
  { names: ['fromip'], meaning: 'For inbound mail, the public IP of the sending SMTP server.', source: MTV2_SOURCE },
  { names: ['size'], meaning: 'The size of the message in bytes.', source: MTV2_SOURCE },
  { names: ['messagetraceid'], meaning: 'A GUID the service gives every message it processes; Get-MessageTraceDetailV2 takes it, with the recipient, to list the message\'s events. The same value serves as the network message ID.', source: MTV2_SOURCE, links: true },
  { names: ['startdate'], meaning: 'The start of the time range the trace was run for.', source: MTV2_SOURCE },
  { names: ['enddate'], meaning: 'The end of the time range the trace was run for.', source: MTV2_SOURCE },
  { names: ['index'], meaning: 'The row\'s number in the cmdlet\'s output, counting from 0.', source: MTV2_SOURCE },
  { names: ['event'], meaning: 'The event of this row: Receive, Send, Deliver, Fail, Defer, Expand, Transfer, Resolved, and others the service adds.', source: MTDV2_SOURCE },
  { names: ['action'], meaning: 'The action taken at this event (the values Get-MailFilterListReport -SelectionTarget Actions lists).', source: MTDV2_SOURCE },
  { names: ['detail'], meaning: 'What happened, in words; on Fail and Defer the reason, often [{LED=<reply>};{MSG=...};{FQDN=...};{IP=...}].', source: MTDV2_SOURCE },
  { names: ['data'], meaning: 'More about the event as XML: <MEP Name="..." String="..."/> items (ServerHostName, ClientIP, ConnectorId, SCL, SFV, ...).', source: MTDV2_SOURCE },
  { names: ['pscomputername'], meaning: 'Added by PowerShell remoting: the computer the object came from. Not part of the trace.', source: EXPORT_CSV_SOURCE },
  { names: ['runspaceid'], meaning: 'Added by PowerShell remoting: the runspace that produced the object. Not part of the trace.', source: EXPORT_CSV_SOURCE },
  { names: ['psshowcomputername'], meaning: 'Added by PowerShell remoting: whether PSComputerName is shown. Not part of the trace.', source: EXPORT_CSV_SOURCE },
];

/** What a recipient's trace says happened to it, as the Problems panel reports it. */
export type TraceOutcome = 'delivered' | 'failed' | 'pending' | 'quarantined' | 'filtered' | 'expanded' | 'none';

export interface TraceStatusFact {
  readonly name: string;
  readonly outcome: TraceOutcome;
  readonly meaning: string;
}

/** The Status values of Get-MessageTraceV2 and the admin center's delivery status [MTV2, EAC]; compared case-insensitively. */
export const traceStatuses: readonly TraceStatusFact[] = [
  { name: 'Delivered', outcome: 'delivered', meaning: 'The message reached its destination.' },
  { name: 'Expanded', outcome: 'expanded', meaning: 'The recipient was a distribution group: it was expanded to its members, which have rows of their own; the group itself gets no delivery.' },
  { name: 'Failed', outcome: 'failed', meaning: 'Delivery was tried and failed.' },
  { name: 'FilteredAsSpam', outcome: 'filtered', meaning: 'Marked as spam and rejected or blocked rather than quarantined.' },
  { name: 'Filtered as spam', outcome: 'filtered', meaning: 'Marked as spam and rejected or blocked rather than quarantined.' },
  { name: 'GettingStatus', outcome: 'none', meaning: 'Just received: the service has no status for it yet (reported status can lag 5 to 10 minutes).' },
  { name: 'Getting status', outcome: 'none', meaning: 'Just received: the service has no status for it yet (reported status can lag 5 to 10 minutes).' },
  { name: 'Pending', outcome: 'pending', meaning: 'Delivery is under way, or was deferred and is being retried.' },
  { name: 'Quarantined', outcome: 'quarantined', meaning: 'Put in quarantine (spam, bulk or phishing).' },
  { name: 'None', outcome: 'none', meaning: 'No status: the message was rejected or redirected (a value the documentation once listed).' },
  { name: 'Recalled', outcome: 'none', meaning: 'The sender recalled the message (a Graph status value).' },
];

/** The events of Recipient_status and of the detail cmdlets that tracking logs do not have [EAC, MTDV2]. */
export const traceOnlyEvents: readonly TraceStatusFact[] = [
  { name: 'Quarantined', outcome: 'quarantined', meaning: 'The message was put in quarantine.' },
  { name: 'FilteredAsSpam', outcome: 'filtered', meaning: 'The message was marked as spam.' },
  { name: 'Resolved', outcome: 'none', meaning: 'A directory lookup rewrote the recipient to another address; the original address keeps its own row.' },
  { name: 'Spam', outcome: 'filtered', meaning: 'The spam filter marked the message as spam.' },
  { name: 'Malware', outcome: 'quarantined', meaning: 'The malware filter found malware in the message.' },
];

/** directionality values [EAC]; words as Exchange Server writes them are understood too. */
export const directionalityValues: Readonly<Record<string, string>> = {
  '1': 'inbound: mail coming into the organisation',
  '2': 'outbound: mail leaving the organisation',
  incoming: 'inbound: mail from outside the organisation',
  originating: 'mail that started inside the organisation',
  inbound: 'mail coming into the organisation',
  outbound: 'mail leaving the organisation',
};

/** custom_data agent groups [EAC]. */
export const agentNames: Readonly<Record<string, string>> = {
  SFA: 'spam filter agent: its verdicts, the same keys as the X-Forefront-Antispam-Report header',
  AMA: 'malware filter agent',
  TRA: 'transport (mail flow) rule agent',
};

/** S:AMA keys and the malware filter's action letters [EAC]. */
export const malwareKeys: Readonly<Record<string, string>> = {
  AMA: 'SUM: malware found by one of the engines; EV: found by one named engine.',
  V: 'The format version of this group.',
  ACTION: 'What the malware filter did.',
  NAME: 'The name of the malware found.',
  FILE: 'The file the malware was found in.',
};

export const malwareActions: Readonly<Record<string, string>> = {
  r: 'replaced: the attachment was replaced by a notice',
  p: 'bypassed', st: 'bypassed', sy: 'bypassed',
  d: 'deferred',
  s: 'deleted',
  ni: 'rejected', ne: 'rejected',
  b: 'blocked',
};

/** S:TRA keys [EAC]. */
export const transportRuleKeys: Readonly<Record<string, string>> = {
  TRA: 'ETR: a mail flow (transport) rule matched the message.',
  RULEID: 'The GUID of the mail flow rule (Get-TransportRule -Identity <guid> shows it).',
  ST: 'When the rule ran, in UTC.',
  ACTION: 'The action the rule took.',
  SEV: 'The severity set on the rule, for reports.',
  MODE: 'Enforce, or one of the test modes (with or without policy tips), in which the rule only logs what it would do.',
};
