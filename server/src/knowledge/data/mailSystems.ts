// The mail systems and providers whose messages and replies the engine recognises: their host
// names, the marks their replies and NDRs carry, whose product readings of a code apply, and which
// provider reply facts are theirs. Every "who wrote this" question is answered from this table.
//
// Rows are in order of specificity: the first row the evidence names is the writer. Consumer
// Outlook.com comes before Exchange Online because both live under outlook.com, and its inbound
// servers (*.olc.protection.outlook.com, e.g. hotmail-com.olc.protection.outlook.com) are not
// Exchange Online: a reply from them is read with Outlook.com's own codes (S3150 and the like), not
// Exchange Online's.

import type { Provider } from './providerReplyFacts';
import type { Product } from '../model';

export type MailSystemId =
  | 'outlook-com' | 'exchange-online' | 'microsoft' | 'exchange-server' | 'exchange-2003' | 'google-groups' | 'gmail' | 'yahoo' | 'icloud'
  | 'postfix' | 'exim' | 'qmail' | 'sendmail' | 'domino' | 'amazon-ses';

export type ProductFamily = 'Microsoft' | 'Google' | 'Yahoo' | 'Apple' | 'Amazon' | 'HCL' | 'Open source MTA';

export interface MailSystem {
  readonly id: MailSystemId;
  /** As the bounce summary names the writer of a report ("written by Exchange Online"). */
  readonly name: string;
  readonly family: ProductFamily;
  /** Products whose own reading of a code comes first when this system wrote the reply, best first. */
  readonly products: readonly Product[];
  /** Its host names and mail domains, matched against one lower-case host name or domain. */
  readonly hosts?: RegExp;
  /** Words its replies, logs and headers carry, matched anywhere in a text (any case). */
  readonly marks?: RegExp;
  /** How its own non-delivery reports identify themselves (sender, subject, Received hosts, X- header names, opening words), matched in lower case. */
  readonly reportMarks?: RegExp;
  /** The provider reply facts (knowledge/data/providerReplyFacts.ts) that read its replies. */
  readonly replyFacts: readonly Provider[];
  /** True when its marks name the company only, not which of its services wrote the reply. */
  readonly companyOnly?: boolean;
}

const EXCHANGE_ONLINE_FIRST: readonly Product[] = ['Exchange Online', 'Exchange Server'];
const EXCHANGE_SERVER_FIRST: readonly Product[] = ['Exchange Server', 'Exchange Online'];
/** Sisimai's Microsoft patterns, the source of the provider facts, do not tell the consumer service from Microsoft 365. */
const MICROSOFT_FACTS: readonly Provider[] = ['microsoft', 'outlook'];

export const mailSystems: readonly MailSystem[] = [
  {
    id: 'outlook-com', name: 'Outlook.com', family: 'Microsoft', products: [],
    hosts: /\.olc\.protection\.outlook\.com|^outlook\.com$|(?:^|\.)(?:hotmail\.[a-z.]+|live\.[a-z.]+|msn\.com)$/,
    marks: /\.olc\.protection\.outlook\.com|mail\.live\.com\/mail\/troubleshooting/i,
    replyFacts: MICROSOFT_FACTS,
  },
  {
    id: 'exchange-online', name: 'Exchange Online', family: 'Microsoft', products: EXCHANGE_ONLINE_FIRST,
    hosts: /(?<!\.olc)\.protection\.outlook\.com|(?<!\.olc\.protection)\.outlook\.com$|(?:^|\.)onmicrosoft\.com$/,
    marks: /(?<!\.olc)\.protection\.outlook\.com|\.prod\.outlook\.com|exchange online|microsoft 365|office 365/i,
    reportMarks: /\.prod\.outlook\.com|(?<!\.olc)\.protection\.outlook\.com|office 365|microsoft 365|exchange online/,
    replyFacts: MICROSOFT_FACTS,
  },
  {
    // A Microsoft link (aka.ms) in a reply says Microsoft wrote it, not which of its services.
    id: 'microsoft', name: 'Microsoft', family: 'Microsoft', products: [], companyOnly: true,
    marks: /aka\.ms\//i,
    replyFacts: MICROSOFT_FACTS,
  },
  {
    id: 'exchange-server', name: 'Exchange Server', family: 'Microsoft', products: EXCHANGE_SERVER_FIRST,
    marks: /microsoft smtp server|x-ms-exchange|microsoft exchange|#software: microsoft exchange|\b(?:RESOLVER|STOREDRV|SMTPSEND)\.[A-Za-z]/i,
    reportMarks: /diagnostic information for administrators|microsoft exchange|x-ms-exchange|resolver\.adr\.|storedrv\.|queue\.expired/,
    replyFacts: [],
  },
  {
    id: 'exchange-2003', name: 'Exchange 2000/2003', family: 'Microsoft', products: [],
    reportMarks: /msexch:|did not reach the following recipient/,
    replyFacts: [],
  },
  {
    // Google Groups answers a post it will not take in the poster's language and without a code.
    id: 'google-groups', name: 'Google Groups', family: 'Google', products: [],
    hosts: /(?:^|\.)googlegroups\.com$/,
    replyFacts: [],
  },
  {
    id: 'gmail', name: 'Gmail', family: 'Google', products: [],
    hosts: /(?:^|\.)(?:google\.com|gmail\.com|googlemail\.com|gmail-smtp-in\.l\.google\.com)$|aspmx\.l\.google|gsmtp|support\.google\.com/,
    marks: /gsmtp|support\.google\.com/i,
    reportMarks: /googlemail\.com|mailer-daemon@google\.com|delivery to the following recipient failed permanently|the response from the remote server was/,
    replyFacts: ['google'],
  },
  {
    id: 'yahoo', name: 'Yahoo', family: 'Yahoo', products: [],
    hosts: /(?:^|\.)(?:yahoo\.[a-z.]+|yahoodns\.net|aol\.com|ymail\.com)$|postmaster\.(?:yahooinc|verizonmedia)\.com/,
    marks: /yahoodns|postmaster\.yahooinc\.com|postmaster\.verizonmedia\.com/i,
    reportMarks: /yahoo/,
    replyFacts: ['yahoo'],
  },
  {
    id: 'icloud', name: 'iCloud Mail', family: 'Apple', products: [],
    hosts: /(?:^|\.)(?:icloud\.com|me\.com|mac\.com|apple\.com)$/,
    marks: /icloud\.com|apple\.com/i,
    replyFacts: ['apple'],
  },
  { id: 'postfix', name: 'Postfix', family: 'Open source MTA', products: [], reportMarks: /this is the mail system at host|x-postfix|postfix/, replyFacts: [] },
  {
    id: 'exim', name: 'Exim', family: 'Open source MTA', products: [],
    reportMarks: /x-failed-recipients|this message was created automatically by mail delivery software|exim/,
    replyFacts: [],
  },
  { id: 'qmail', name: 'qmail', family: 'Open source MTA', products: [], reportMarks: /qmail-send program|--- below this line is a copy of the message/, replyFacts: [] },
  {
    id: 'sendmail', name: 'Sendmail', family: 'Open source MTA', products: [],
    reportMarks: /transcript of session follows|the following addresses had permanent fatal errors|sendmail/,
    replyFacts: [],
  },
  { id: 'domino', name: 'Lotus Domino', family: 'HCL', products: [], reportMarks: /domino|lotus notes/, replyFacts: [] },
  { id: 'amazon-ses', name: 'Amazon SES', family: 'Amazon', products: [], reportMarks: /amazonses\.com/, replyFacts: [] },
];
