// Which PowerShell snippets investigate which status codes: the one table that links the code
// knowledge base to snippets/exchange-powershell.json. A step names a snippet by its prefix and
// says which placeholder (by tab-stop index) a value from the document can fill.

/** Where a placeholder's value comes from: a value found in the document, or the domain of one. */
export type FillSource = 'recipient' | 'sender' | 'messageId' | 'ipAddress' | 'recipientDomain' | 'senderDomain';

export interface InvestigationStep {
  /** A short action, as a link or quick-fix title: "Find who holds this address". */
  readonly title: string;
  /** The snippet's prefix in snippets/exchange-powershell.json. */
  readonly prefix: string;
  /** Placeholder index → the document value that may replace its default. */
  readonly fills?: Readonly<Record<number, FillSource>>;
}

export interface InvestigationRule {
  /** Enhanced status codes, normalised ("5.1.1"). */
  readonly codes: readonly string[];
  /** Words in the reply text that call for these steps whatever the code. Linear-time, bounded. */
  readonly replyCue?: RegExp;
  readonly steps: readonly InvestigationStep[];
}

const FIND_ADDRESS_HOLDER: InvestigationStep = { title: 'Find who holds this address', prefix: 'mf-diag-address-holder', fills: { 1: 'recipient' } };
const TRACE_RECIPIENT: InvestigationStep = { title: 'Trace this recipient', prefix: 'mf-track-recipient', fills: { 2: 'recipient' } };
const TRACE_RECIPIENT_EXO: InvestigationStep = { title: 'Trace this recipient in Exchange Online', prefix: 'mf-exo-trace-recipient', fills: { 1: 'recipient' } };
const TRACE_MESSAGE: InvestigationStep = { title: 'Trace this message', prefix: 'mf-track-msgid', fills: { 1: 'messageId' } };
const TRACE_MESSAGE_EXO: InvestigationStep = { title: 'Trace this message in Exchange Online', prefix: 'mf-exo-trace-msgid', fills: { 1: 'messageId' } };
const TRACE_SENDER_EXO: InvestigationStep = { title: 'Trace what this sender sent in Exchange Online', prefix: 'mf-exo-trace-sender', fills: { 1: 'sender' } };
const RECIPIENT_MX: InvestigationStep = { title: 'Look up the MX records of the recipient domain', prefix: 'mf-dns-mx', fills: { 1: 'recipientDomain' } };
const QUEUES: InvestigationStep = { title: 'Find the queues holding mail', prefix: 'mf-queue-list' };
const ACCEPTED_DOMAINS: InvestigationStep = { title: 'Check the accepted domains', prefix: 'mf-diag-accepted-domains' };
const RELAY: InvestigationStep = { title: 'Check who may relay through the Receive connectors', prefix: 'mf-diag-relay' };
const GROUP_RESTRICTIONS: InvestigationStep = { title: 'Check who may send to this group', prefix: 'mf-diag-group-restrictions', fills: { 1: 'recipient' } };
const SENDER_SPF: InvestigationStep = { title: 'Check the SPF record of the sender domain', prefix: 'mf-dns-spf', fills: { 1: 'senderDomain' } };
const SENDER_DMARC: InvestigationStep = { title: 'Check the DMARC policy of the sender domain', prefix: 'mf-dns-dmarc', fills: { 1: 'senderDomain' } };
const ORG_LIMITS: InvestigationStep = { title: 'Check the organisation size and recipient limits', prefix: 'mf-diag-org-limits' };
const CONNECTOR_LIMITS: InvestigationStep = { title: 'Check the connector size and recipient limits', prefix: 'mf-diag-connector-limits' };

/** Reverse-DNS rejections name the check in words more often than in a code of their own. */
const REVERSE_DNS_CUE = /\breverse[ -](?:dns|lookup|hostname|name)\b|\bptr\b|\brdns\b|cannot find your (?:reverse )?hostname|no reverse/i;

export const INVESTIGATION_RULES: readonly InvestigationRule[] = [
  {
    codes: ['5.7.25', '4.7.25'],
    replyCue: REVERSE_DNS_CUE,
    steps: [{ title: 'Look up the reverse DNS of the sending IP', prefix: 'mf-dns-ptr', fills: { 1: 'ipAddress' } }],
  },
  {
    codes: ['5.1.1', '5.1.10', '5.1.0', '5.1.6'],
    steps: [FIND_ADDRESS_HOLDER, TRACE_RECIPIENT, TRACE_RECIPIENT_EXO],
  },
  {
    codes: ['5.1.4'],
    steps: [{ ...FIND_ADDRESS_HOLDER, title: 'Find every object holding this address' }, TRACE_RECIPIENT],
  },
  {
    codes: ['5.4.1'],
    steps: [ACCEPTED_DOMAINS, FIND_ADDRESS_HOLDER, RECIPIENT_MX],
  },
  {
    codes: ['5.7.124', '5.7.133', '5.7.12'],
    steps: [
      GROUP_RESTRICTIONS,
      { title: 'Let outside senders reach this group', prefix: 'mf-diag-group-external', fills: { 1: 'recipient' } },
    ],
  },
  {
    codes: ['5.7.1'],
    steps: [GROUP_RESTRICTIONS, RELAY, ACCEPTED_DOMAINS, TRACE_RECIPIENT, TRACE_RECIPIENT_EXO],
  },
  {
    codes: ['5.7.3'],
    steps: [RELAY, { title: 'Log the SMTP sessions of a Receive connector', prefix: 'mf-diag-receive-logging' }],
  },
  {
    codes: ['5.2.2', '4.2.2'],
    steps: [
      { title: 'Check the mailbox quota', prefix: 'mf-diag-quota', fills: { 1: 'recipient' } },
      TRACE_RECIPIENT,
      // Exchange Online uses 5.2.2 for a sender over its sending limits.
      TRACE_SENDER_EXO,
    ],
  },
  {
    codes: ['5.2.3'],
    steps: [
      { title: "Check the recipient's size limits", prefix: 'mf-diag-mailbox-limits', fills: { 1: 'recipient' } },
      ORG_LIMITS,
      CONNECTOR_LIMITS,
    ],
  },
  {
    codes: ['5.3.4'],
    steps: [ORG_LIMITS, CONNECTOR_LIMITS, { title: "Check the sender's size limits", prefix: 'mf-diag-mailbox-limits', fills: { 1: 'sender' } }],
  },
  {
    codes: ['5.5.3', '4.5.3'],
    steps: [ORG_LIMITS, CONNECTOR_LIMITS, { title: "Check the sender's recipient limit", prefix: 'mf-diag-mailbox-limits', fills: { 1: 'sender' } }],
  },
  {
    codes: ['5.7.23', '5.7.26', '4.7.26'],
    steps: [SENDER_SPF, SENDER_DMARC],
  },
  {
    codes: ['5.7.509'],
    steps: [SENDER_DMARC, SENDER_SPF],
  },
  {
    codes: ['4.4.7', '5.4.7', '5.4.300'],
    steps: [QUEUES, TRACE_MESSAGE, TRACE_MESSAGE_EXO, RECIPIENT_MX],
  },
  {
    codes: ['4.4.1', '4.4.2', '4.4.315', '4.4.316', '4.4.317', '4.4.318'],
    steps: [RECIPIENT_MX, QUEUES, { title: 'Log the SMTP sessions of a Send connector', prefix: 'mf-diag-send-logging' }],
  },
  {
    codes: ['5.4.0', '5.4.4', '4.4.312', '5.1.2'],
    steps: [RECIPIENT_MX, QUEUES],
  },
  {
    codes: ['5.4.6', '5.4.14', '4.4.6', '5.3.5', '5.4.8'],
    steps: [ACCEPTED_DOMAINS, TRACE_MESSAGE, TRACE_MESSAGE_EXO],
  },
  {
    codes: ['5.7.501', '5.7.502', '5.7.503', '5.7.705', '5.7.750', '5.1.8'],
    steps: [TRACE_SENDER_EXO],
  },
];

/** Following one message through the logs, for the tracking-log quick fix. */
export const TRACE_MESSAGE_STEPS: readonly InvestigationStep[] = [TRACE_MESSAGE, TRACE_MESSAGE_EXO];
