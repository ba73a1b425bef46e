// Exchange transport logs: the message tracking fields, event IDs and sources, and the SMTP
// protocol log's fields and event symbols. Facts from Microsoft's message tracking and protocol
// logging documentation (Exchange 2010-2019) and real log headers, explained in our own words.
import type { LogEventEntry, LogFieldEntry, LogSourceEntry, ProtocolEventEntry } from '../exchangeLogModel';

export const TRACKING_LOG_SOURCE = 'Microsoft Docs: message tracking in Exchange Server; real Exchange 2010-2019 log headers';
export const PROTOCOL_LOG_SOURCE = 'Microsoft Docs: protocol logging in Exchange Server; real protocol log headers';

/** Message tracking fields in Exchange 2016/2019 order. Exchange 2010 lacks the `since` ones. */
export const trackingLogFields: readonly LogFieldEntry[] = [
  { name: 'date-time', kind: 'timestamp', meaning: 'When this step happened, in UTC, to the millisecond (yyyy-mm-ddThh:mm:ss.fffZ).' },
  { name: 'client-ip', kind: 'ip', meaning: 'IP address of the client or server that handed the message to this step.' },
  { name: 'client-hostname', kind: 'host', meaning: 'Name of that client or server: its FQDN, or the name it gave for itself.' },
  { name: 'server-ip', kind: 'ip', meaning: 'IP address of the server side of the hop: this server for mail it takes in, the next hop for mail it passes on.' },
  { name: 'server-hostname', kind: 'host', meaning: 'Name of the server side of the hop; for outbound SMTP events it is the host the message was handed to.' },
  { name: 'source-context', kind: 'text', meaning: 'Free-form detail from the component that logged the row. For SMTP rows it often holds the reply of the next hop; for mailbox rows, store and event identifiers.' },
  { name: 'connector-id', kind: 'text', meaning: 'The Send or Receive connector that carried the message, written Server\\Connector or just the connector name.' },
  { name: 'source', kind: 'source', meaning: 'The transport component that wrote this row (SMTP, STOREDRIVER, ROUTING, AGENT, DSN and others).' },
  { name: 'event-id', kind: 'event', meaning: 'What happened to the message at this step: received, delivered, sent on, deferred, failed, and so on.' },
  { name: 'internal-message-id', kind: 'number', meaning: 'A number this server gives the message while it holds it. Another server gives the same message a different number, so use it only within one server.' },
  { name: 'message-id', kind: 'message-id', meaning: 'The Message-ID header. It stays the same on every server the message passes, so it is the key for following a message across servers.' },
  { name: 'network-message-id', kind: 'guid', since: '2013', meaning: 'A GUID Exchange stamps on the message. Copies made when the recipient list is split keep the same value.' },
  { name: 'recipient-address', kind: 'address-list', meaning: 'The recipients this row is about, separated by semicolons.' },
  { name: 'recipient-status', kind: 'status-list', meaning: 'The outcome for each recipient, separated by semicolons and in the same order as recipient-address: usually an SMTP reply with an enhanced code.' },
  { name: 'total-bytes', kind: 'number', meaning: 'Size of the message in bytes, attachments included.' },
  { name: 'recipient-count', kind: 'number', meaning: 'How many recipients this row covers.' },
  { name: 'related-recipient-address', kind: 'address-list', meaning: 'For EXPAND, REDIRECT and RESOLVE rows: the other address involved, such as the group that was expanded or the address a recipient was changed to.' },
  { name: 'reference', kind: 'message-id', meaning: 'Extra detail that depends on the event. A DSN row names here the Message-ID of the message it reports on; the row of the reported message names the DSN.' },
  { name: 'message-subject', kind: 'text', meaning: 'The Subject header, when subject logging is on (it is by default).' },
  { name: 'sender-address', kind: 'address', meaning: 'The sender as written in the Sender header, or in From when there is no Sender.' },
  { name: 'return-path', kind: 'address', meaning: 'The envelope sender (SMTP MAIL FROM), where bounces go. Notifications themselves carry an empty one, <>.' },
  { name: 'message-info', kind: 'text', meaning: 'Extra detail, such as the time the message was first created on DELIVER and SEND rows, and a breakdown of where time was spent.' },
  { name: 'directionality', kind: 'text', meaning: 'Incoming (from outside the organization), Originating (from inside it) or Undefined.' },
  { name: 'tenant-id', kind: 'guid', meaning: 'The Exchange Online tenant; empty on premises.' },
  { name: 'original-client-ip', kind: 'ip', meaning: 'IP address of the client that first submitted the message.' },
  { name: 'original-server-ip', kind: 'ip', meaning: 'IP address of the server that first accepted the message.' },
  { name: 'custom-data', kind: 'custom-data', meaning: 'Event-specific data as S:key=value pairs separated by semicolons: agent verdicts, transport rule IDs, the forest and the like.' },
  { name: 'transport-traffic-type', kind: 'text', since: '2016', meaning: 'The kind of traffic; empty or Email on premises.' },
  { name: 'log-id', kind: 'guid', since: '2016', meaning: 'A GUID that identifies this one row.' },
  { name: 'schema-version', kind: 'version', since: '2016', meaning: 'The Exchange build that wrote this row (15.01.x is Exchange 2016, 15.02.x Exchange 2019 or SE).' },
];

export const protocolLogFields: readonly LogFieldEntry[] = [
  { name: 'date-time', kind: 'timestamp', meaning: 'When this line of the conversation was logged, in UTC, to the millisecond.' },
  { name: 'connector-id', kind: 'text', meaning: 'The Receive or Send connector that handled the session, written Server\\Connector.' },
  { name: 'session-id', kind: 'session-id', meaning: 'Sixteen hex digits shared by every line of one SMTP conversation. Sessions interleave in the file, so follow this value rather than the line order.' },
  { name: 'sequence-number', kind: 'number', meaning: 'Position of this line within its session, counting from 0.' },
  { name: 'local-endpoint', kind: 'endpoint', meaning: "This server's IP address and port for the session." },
  { name: 'remote-endpoint', kind: 'endpoint', meaning: "The other party's IP address and port." },
  { name: 'event', kind: 'event', meaning: 'What the line records: + connect, - disconnect, > a line this server sent, < a line it received, * information.' },
  { name: 'data', kind: 'text', meaning: 'The SMTP line itself (a command or a reply), or the text of an information line.' },
  { name: 'context', kind: 'text', meaning: 'More about the line: who closed the session, TLS details, why a command was refused.' },
];

/** Exchange 2010 (14.x) writes 26 fields, Exchange 2013 (15.00) 27, Exchange 2016/2019 (15.01/15.02) 30. */
export const trackingFieldsByVersion: Readonly<Record<'2010' | '2013' | '2016', readonly string[]>> = {
  '2010': trackingLogFields.filter((f) => !f.since).map((f) => f.name),
  '2013': trackingLogFields.filter((f) => !f.since || f.since === '2013').map((f) => f.name),
  '2016': trackingLogFields.map((f) => f.name),
};

export const trackingEvents: readonly LogEventEntry[] = [
  { id: 'AGENTINFO', outcome: 'other', severity: 'off', meaning: 'A transport agent (anti-malware, transport rules, and so on) recorded what it did; the details are in custom-data.' },
  { id: 'BADMAIL', outcome: 'failure', severity: 'error', meaning: 'A message dropped into the Pickup or Replay directory could be neither delivered nor returned to its sender.' },
  { id: 'CLIENTSUBMISSION', outcome: 'other', severity: 'off', meaning: 'A client submitted the message from the Outbox of a mailbox.' },
  { id: 'DEFER', outcome: 'delay', severity: 'warning', meaning: 'Delivery was postponed. The message stays queued and is tried again until it expires (two days by default).' },
  { id: 'DELIVER', outcome: 'success', severity: 'off', meaning: 'The message was put into a mailbox on this organization.' },
  { id: 'DELIVERFAIL', outcome: 'failure', severity: 'error', meaning: 'An agent tried to deliver the message into a mailbox folder that does not exist.' },
  { id: 'DROP', outcome: 'other', severity: 'information', meaning: 'The message was discarded without a delivery report, for example spam or a finished moderation request.' },
  { id: 'DSN', outcome: 'other', severity: 'information', meaning: 'Exchange created a delivery status notification (a bounce, delay or relay report) about another message; reference names that message.' },
  { id: 'DUPLICATEDELIVER', outcome: 'success', severity: 'off', meaning: 'A second copy was delivered to a recipient reached through more than one nested group; Exchange keeps only one in the mailbox.' },
  { id: 'DUPLICATEEXPAND', outcome: 'other', severity: 'off', meaning: 'Expanding a group found a recipient that was already on the list.' },
  { id: 'DUPLICATEREDIRECT', outcome: 'other', severity: 'off', meaning: 'The alternate recipient of a redirection was already a recipient of the message.' },
  { id: 'EXPAND', outcome: 'other', severity: 'off', meaning: 'A distribution group was replaced by its members; related-recipient-address names the group.' },
  { id: 'FAIL', outcome: 'failure', severity: 'error', meaning: 'Delivery to the recipients on this row failed for good; recipient-status says why, and a DSN row usually follows.' },
  { id: 'HADISCARD', outcome: 'other', severity: 'off', meaning: 'The shadow copy kept for redundancy was thrown away because the primary copy reached the next hop.' },
  { id: 'HARECEIVE', outcome: 'other', severity: 'off', meaning: 'A shadow copy arrived from a peer server in the same DAG or Active Directory site.' },
  { id: 'HAREDIRECT', outcome: 'other', severity: 'off', meaning: 'A shadow copy of the message was made on another server for redundancy.' },
  { id: 'HAREDIRECTFAIL', outcome: 'other', severity: 'warning', meaning: 'No shadow copy could be made, so the message has no redundant copy; source-context gives the reason.' },
  { id: 'INITMESSAGECREATED', outcome: 'other', severity: 'off', meaning: 'The message was addressed to a moderated recipient and went to the arbitration mailbox to wait for approval.' },
  { id: 'LOAD', outcome: 'other', severity: 'off', meaning: 'The message was still queued when the transport service started and was loaded again.' },
  { id: 'MODERATIONEXPIRE', outcome: 'failure', severity: 'warning', meaning: 'No moderator approved or rejected the message in time, so it expired.' },
  { id: 'MODERATORAPPROVE', outcome: 'other', severity: 'off', meaning: 'A moderator approved the message, so it goes on to its recipients.' },
  { id: 'MODERATORREJECT', outcome: 'failure', severity: 'warning', meaning: 'A moderator rejected the message; it is not delivered to the moderated recipient.' },
  { id: 'MODERATORSALLNDR', outcome: 'failure', severity: 'warning', meaning: 'Every approval request sent to the moderators bounced, so nobody could approve the message.' },
  { id: 'NOTIFYMAPI', outcome: 'other', severity: 'off', meaning: 'The store told transport that a message is waiting in the Outbox of a mailbox on this server.' },
  { id: 'NOTIFYSHADOW', outcome: 'other', severity: 'off', meaning: 'A message waiting in an Outbox needs a shadow copy before it is sent.' },
  { id: 'POISONMESSAGE', outcome: 'failure', severity: 'error', meaning: 'The message crashed the transport service repeatedly and was moved to (or released from) the poison message queue.' },
  { id: 'PROCESS', outcome: 'other', severity: 'off', meaning: 'The message was processed successfully.' },
  { id: 'PROCESSMEETINGMESSAGE', outcome: 'other', severity: 'off', meaning: 'The Mailbox Transport Delivery service handled a meeting request or response.' },
  { id: 'RECEIVE', outcome: 'success', severity: 'off', meaning: 'The message came in: over SMTP, from the Pickup or Replay directory (source SMTP), or from a mailbox (source STOREDRIVER).' },
  { id: 'REDIRECT', outcome: 'other', severity: 'off', meaning: 'After a directory lookup the message was sent to an alternate recipient instead.' },
  { id: 'RESOLVE', outcome: 'other', severity: 'off', meaning: 'A directory lookup matched the recipient address to a different primary address.' },
  { id: 'RESUBMIT', outcome: 'other', severity: 'off', meaning: 'Safety Net submitted the message again, usually after a mailbox database failover.' },
  { id: 'RESUBMITDEFER', outcome: 'delay', severity: 'warning', meaning: 'Resubmitting the message from Safety Net was postponed.' },
  { id: 'RESUBMITFAIL', outcome: 'failure', severity: 'error', meaning: 'Resubmitting the message from Safety Net failed.' },
  { id: 'SEND', outcome: 'success', severity: 'off', meaning: 'The message was handed over SMTP to another transport service or server.' },
  { id: 'SENDEXTERNAL', outcome: 'success', severity: 'off', meaning: 'The message was handed to a host outside the organization. Seen in Exchange 2013 and later logs, although the documentation does not list it.' },
  { id: 'SUBMIT', outcome: 'success', severity: 'off', meaning: 'The Mailbox Transport Submission service passed the message from a mailbox to the Transport service.' },
  { id: 'SUBMITDEFER', outcome: 'delay', severity: 'warning', meaning: 'The hand-over of a message from a mailbox (by Mailbox Transport Submission) to transport was put off until later.' },
  { id: 'SUBMITFAIL', outcome: 'failure', severity: 'error', meaning: 'The hand-over of a message from a mailbox (by Mailbox Transport Submission) to transport failed.' },
  { id: 'SUPPRESSED', outcome: 'other', severity: 'off', meaning: 'Sending the message was suppressed on purpose.' },
  { id: 'THROTTLE', outcome: 'delay', severity: 'warning', meaning: 'The message was held back by throttling (too many messages or connections), so it is slowed down rather than lost.' },
  { id: 'TRANSFER', outcome: 'other', severity: 'off', meaning: 'Some recipients were moved to a forked copy of the message, because of content conversion, recipient limits or an agent.' },
];

export const trackingSources: readonly LogSourceEntry[] = [
  { name: 'ADMIN', meaning: 'An administrator acted on the message, for example deleting it in Queue Viewer or dropping it into the Replay directory.' },
  { name: 'AGENT', meaning: 'A transport agent, such as anti-malware or the transport rules agent.' },
  { name: 'APPROVAL', meaning: 'The approval framework used by moderated transport.' },
  { name: 'BOOTLOADER', meaning: 'Messages found queued when the transport service started (LOAD rows).' },
  { name: 'DNS', meaning: 'A DNS lookup, for example for the MX records of the recipient domain.' },
  { name: 'DSN', meaning: 'The component that writes delivery status notifications (bounces and delay reports).' },
  { name: 'GATEWAY', meaning: 'A Foreign connector, which hands mail to a non-SMTP system.' },
  { name: 'MAILBOXRULE', meaning: 'An Inbox rule of a mailbox.' },
  { name: 'MEETINGMESSAGEPROCESSOR', meaning: 'The processor that updates calendars from meeting messages.' },
  { name: 'ORAR', meaning: 'An Originator Requested Alternate Recipient: the sender asked for another recipient if the first could not be reached.' },
  { name: 'PICKUP', meaning: 'The Pickup directory, where files dropped in become messages.' },
  { name: 'POISONMESSAGE', meaning: 'The poison message detector, which parks messages that keep crashing the service.' },
  { name: 'PUBLICFOLDER', meaning: 'A mail-enabled public folder.' },
  { name: 'QUEUE', meaning: 'A delivery queue, for example when a message expires waiting there.' },
  { name: 'REDUNDANCY', meaning: 'Shadow redundancy, which keeps a copy until the next hop confirms delivery.' },
  { name: 'RESOLVER', meaning: 'Recipient resolution in the categorizer: directory lookups, group expansion, redirection.' },
  { name: 'ROUTING', meaning: 'Routing in the categorizer: choosing the next hop for each recipient.' },
  { name: 'SAFETYNET', meaning: 'Safety Net, which keeps delivered messages for a while so they can be resubmitted.' },
  { name: 'SMTP', meaning: 'The SMTP Send or Receive component: mail arriving over SMTP or leaving over it.' },
  { name: 'STOREDRIVER', meaning: 'The store driver: messages submitted from, or delivered to, mailboxes on this server.' },
];

export const protocolEvents: readonly ProtocolEventEntry[] = [
  { symbol: '+', title: 'connect', meaning: 'The session opened: a TCP connection was set up.' },
  { symbol: '-', title: 'disconnect', meaning: 'The session closed; context says which side closed it (Local or Remote) and any error.' },
  { symbol: '>', title: 'sent', meaning: 'A line this server sent: its banner and replies in a Receive log, its commands in a Send log.' },
  { symbol: '<', title: 'received', meaning: 'A line this server received from the other party: commands in a Receive log, replies in a Send log.' },
  { symbol: '*', title: 'information', meaning: 'A note from Exchange rather than a line on the wire: permissions, TLS details, authentication results, errors.' },
];

/** The header lines every Exchange transport log starts with (again after a restart). */
export const logDirectives: readonly { readonly name: string; readonly meaning: string }[] = [
  { name: 'Software', meaning: 'The product that wrote the log.' },
  { name: 'Version', meaning: 'The Exchange build that wrote the log. The build decides the tracking columns: 26 for Exchange 2010, 27 for 2013, 30 for 2016 and 2019.' },
  { name: 'Log-type', meaning: 'Which log this is: Message Tracking Log, SMTP Receive Protocol Log or SMTP Send Protocol Log. Mailflow Lens reads the file by this line, whatever the file is called.' },
  { name: 'Date', meaning: 'When Exchange started writing this file, in UTC.' },
  { name: 'Fields', meaning: 'The names of the columns of the rows below, in order. Rows are read by these names, never by fixed positions.' },
];
