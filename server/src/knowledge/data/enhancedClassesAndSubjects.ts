// The class (first number) and subject (middle number) of enhanced status codes, RFC 3463 §2; titles are the registered names, the prose is our own.

import type { ClassEntry, SubjectEntry } from '../model';

const IANA = 'IANA SMTP Enhanced Status Codes registry';

export const statusClasses: readonly ClassEntry[] = [
  {
    code: '2',
    title: 'Success',
    meaning: 'The action worked: the message or address was accepted or delivered. The rest of the code can still add a note, such as a conversion that was needed on the way.',
    permanence: 'success',
    sources: ['RFC 3463 §2', IANA],
  },
  {
    code: '4',
    title: 'Persistent Transient Failure',
    meaning: 'The message itself is fine, but a temporary condition delayed it or made the server give up for now. The sending server keeps it queued and tries again, so it may still be delivered.',
    permanence: 'transient',
    sources: ['RFC 3463 §2', IANA],
  },
  {
    code: '5',
    title: 'Permanent Failure',
    meaning: 'Sending the same message again will not work. The address, the message or a setting on one side has to change before delivery can succeed.',
    permanence: 'permanent',
    sources: ['RFC 3463 §2', IANA],
  },
];

export const statusSubjects: readonly SubjectEntry[] = [
  {
    code: '0',
    title: 'Other or Undefined Status',
    meaning: 'No subject was given: the server only reported success, delay or failure, without saying which area caused it.',
    sources: ['RFC 3463 §2', 'RFC 3463 §3.1', IANA],
  },
  {
    code: '1',
    title: 'Addressing Status',
    meaning: 'About the sender or recipient address: its syntax, or whether it exists. Usually the sender can correct the address and try again.',
    sources: ['RFC 3463 §2', 'RFC 3463 §3.2', IANA],
  },
  {
    code: '2',
    title: 'Mailbox Status',
    meaning: 'About the recipient mailbox itself, such as being full or disabled. This is normally in the hands of the recipient or their admin.',
    sources: ['RFC 3463 §2', 'RFC 3463 §3.3', IANA],
  },
  {
    code: '3',
    title: 'Mail System Status',
    meaning: 'About the receiving mail system as a whole, such as storage, size limits or configuration. Its administrator is the one who can fix it.',
    sources: ['RFC 3463 §2', 'RFC 3463 §3.4', IANA],
  },
  {
    code: '4',
    title: 'Network and Routing Status',
    meaning: 'About getting the message there: connections, DNS and other routing services. The admins of the destination or of the servers in between usually own these problems.',
    sources: ['RFC 3463 §2', 'RFC 3463 §3.5', IANA],
  },
  {
    code: '5',
    title: 'Mail Delivery Protocol Status',
    meaning: 'About the SMTP conversation itself: commands, arguments and protocol versions, whether from software bugs or an unreliable connection.',
    sources: ['RFC 3463 §2', 'RFC 3463 §3.6', IANA],
  },
  {
    code: '6',
    title: 'Message Content or Media Status',
    meaning: 'About the content of the message: its format, encoding or a conversion it needed. Sender and receiver both play a part, since they must share supported formats.',
    sources: ['RFC 3463 §2', 'RFC 3463 §3.7', IANA],
  },
  {
    code: '7',
    title: 'Security or Policy Status',
    meaning: 'About security and policy: filtering rules, authentication, encryption and certificates. Either side, or both, may need to change something.',
    sources: ['RFC 3463 §2', 'RFC 3463 §3.8', IANA],
  },
];
