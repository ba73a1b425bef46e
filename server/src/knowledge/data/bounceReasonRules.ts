// How a failure's reason is read: from the enhanced status code where the code settles it, and
// from the wording of the reply where it does not. Fragments are lower case and matched as
// substrings of the diagnostic text; they are the phrases MTAs and providers actually print.

import type { BounceReason } from './bounceReasons';

/**
 * Codes that settle the reason whatever the text says ("X" stands for the class 4 or 5).
 * Exact codes first; subject-wide fallbacks come from `STATUS_SUBJECT_FALLBACK`.
 */
export const STATUS_REASONS: Readonly<Record<string, BounceReason>> = {
  'X.1.1': 'userunknown',
  'X.1.2': 'hostunknown',
  'X.1.6': 'hasmoved',
  'X.1.7': 'rejected',
  'X.1.8': 'rejected',
  'X.2.2': 'mailboxfull',
  'X.2.3': 'mesgtoobig',
  'X.3.1': 'systemfull',
  'X.3.4': 'mesgtoobig',
  'X.4.6': 'networkerror',
  'X.4.8': 'securityerror',
  'X.5.3': 'toomanyconn',
  'X.7.8': 'securityerror',
  'X.7.13': 'suspend',
  'X.7.20': 'authfailure',
  'X.7.21': 'authfailure',
  'X.7.22': 'authfailure',
  'X.7.23': 'authfailure',
  'X.7.24': 'authfailure',
  'X.7.25': 'blocked',
  'X.7.26': 'authfailure',
  'X.7.27': 'notaccept',
  'X.7.30': 'authfailure',
  'X.7.509': 'authfailure',
  'X.7.510': 'blocked',
  'X.7.511': 'blocked',
  'X.7.513': 'blocked',
  'X.4.316': 'expired',
  'X.4.300': 'expired',
};

/** Codes that only suggest a reason: used when the text matches nothing. */
export const STATUS_HINTS: Readonly<Record<string, BounceReason>> = {
  'X.1.0': 'userunknown',
  'X.1.3': 'userunknown',
  'X.1.4': 'userunknown',
  'X.1.5': 'userunknown',
  'X.1.10': 'userunknown',
  'X.2.1': 'suspend',
  'X.2.0': 'filtered',
  'X.2.4': 'systemerror',
  'X.3.0': 'systemerror',
  'X.3.2': 'notaccept',
  'X.3.3': 'systemerror',
  'X.3.5': 'systemerror',
  'X.4.0': 'networkerror',
  'X.4.1': 'networkerror',
  'X.4.2': 'networkerror',
  'X.4.3': 'systemerror',
  'X.4.4': 'hostunknown',
  'X.4.5': 'systemfull',
  'X.4.7': 'expired',
  'X.5.0': 'syntaxerror',
  'X.5.1': 'syntaxerror',
  'X.5.2': 'syntaxerror',
  'X.5.4': 'syntaxerror',
  'X.5.5': 'syntaxerror',
  'X.6.0': 'contenterror',
  'X.6.1': 'contenterror',
  'X.6.3': 'contenterror',
  'X.6.5': 'contenterror',
  'X.6.9': 'contenterror',
  'X.7.0': 'securityerror',
  'X.7.1': 'rejected',
  'X.7.2': 'rejected',
  'X.7.3': 'securityerror',
  'X.7.4': 'securityerror',
  'X.7.5': 'securityerror',
  'X.7.6': 'securityerror',
  'X.7.7': 'securityerror',
  'X.7.9': 'securityerror',
  'X.7.10': 'securityerror',
  'X.7.11': 'securityerror',
  'X.7.12': 'securityerror',
  'X.7.14': 'securityerror',
  'X.7.15': 'securityerror',
  'X.7.16': 'mesgtoobig',
  'X.7.17': 'suspend',
  'X.7.18': 'suspend',
  'X.7.19': 'suspend',
  'X.7.500': 'spamdetected',
  'X.7.501': 'spamdetected',
  'X.7.502': 'spamdetected',
  'X.7.503': 'spamdetected',
  'X.7.505': 'rejected',
  'X.7.506': 'blocked',
  'X.7.507': 'blocked',
  'X.7.508': 'blocked',
  'X.7.512': 'contenterror',
  'X.7.514': 'speeding',
  'X.7.515': 'authfailure',
  'X.7.700': 'speeding',
  'X.7.705': 'speeding',
  'X.7.708': 'blocked',
  'X.7.750': 'blocked',
  'X.4.310': 'hostunknown',
  'X.4.312': 'networkerror',
  'X.4.14': 'networkerror',
  'X.4.100': 'hostunknown',
  'X.2.121': 'speeding',
  'X.2.122': 'speeding',
};

/** Wording that means something particular at one provider, keyed by the recipient's or remote host's domain. */
export const DOMAIN_TEXT_RULES: readonly { readonly domain: RegExp; readonly text: RegExp; readonly reason: BounceReason; readonly why: string }[] = [
  // au (KDDI) refuses mail its subscriber's sender filter blocks with "550 : User unknown", no address
  // before the colon; an unknown address is answered with the address there.
  { domain: /(?:^|\.)(?:ezweb\.ne\.jp|au\.com)$/, text: /\s:\s{0,3}user unknown/, reason: 'filtered', why: 'au (KDDI) sender filter' },
  // Orange, Wanadoo and La Poste number their refusals; 506 is a message refused as spam.
  { domain: /(?:^|\.)(?:orange\.fr|wanadoo\.fr|laposte\.net)$/, text: /(?:ofr|lpn)[0-9]{0,3}_506\b|\[506\]/, reason: 'spamdetected', why: 'Orange reply 506 (spam)' },
];

/**
 * Reply wording, checked in this order: the first reason whose fragments match wins. More
 * specific complaints (a virus, a DMARC failure) come before the generic ones (rejected).
 */
export const TEXT_RULES: readonly (readonly [BounceReason, readonly string[]])[] = [
  ['virusdetected', ['virus detected', 'virus found', 'contains a virus', 'infected with', 'malware detected', 'message was infected', 'virus was detected', 'virus infected']],
  ['authfailure', [
    'dmarc policy', 'dmarc verification', 'dmarc check failed', 'dmarc rejection', 'per dmarc', 'not pass dmarc', 'dmarc fail', 'spf check failed', 'spf validation',
    'bad spf record', 'spf record with', 'spf fail', 'failed spf', 'sender policy framework', 'dkim signature', 'dkim validation', 'dkim fail', 'fails to pass authentication checks',
    'multiple authentication checks failed', 'authentication checks failed', 'bad spf records', 'spf and dkim', 'spf or dkim', 'unauthenticated email from',
    'does not have authentication information', 'not accepted due to domain', 'sender is unauthenticated', 'per it\'s spf', 'per its spf',
  ]],
  ['norelaying', ['relay access denied', 'relaying denied', 'relay denied', 'relay not permitted', 'relaying not allowed', 'unable to relay', 'not permitted to relay', 'we do not relay', 'relay prohibited', 'insecure mail relay', 'no relaying', 'not configured to relay', 'not an open relay', 'relay not allowed', 'relay rejected', 'relaying is prohibited', 'is not a relay', 'email address is not verified']],
  ['spamdetected', [
    'spam detected', 'detected as spam', 'classified as spam', 'identified as spam', 'considered spam', 'scored as spam', 'looks like spam', 'spam message',
    'message content rejected', 'content rejected, ube', ' ube,', 'unsolicited', 'spam content', 'spam classification', 'rejected as spam', 'due to spam',
    'spam score', 'blacklisted url', 'spamassassin', 'message is spam', 'high probability of being spam', 'junk mail', 'spam rejected', 'rejected by spam',
    'reject, id=', 'message contains spam', 'spam filter',
  ]],
  ['rejected', [
    'sender address rejected', 'sender rejected', 'domain of sender address', 'sender verify failed', 'invalid sender', 'sender domain must', 'not a member of this',
    'unknown sender', 'sender unknown', 'rejected by recipient', 'sending to/from an address', 'can\'t determine purported responsible address', 'sender denied',
    'sender not allowed', 'you are not allowed to post', 'permission to post', 'domain is invalid', 'envelope sender',
    'rejected by destination domain', 'all recipient addresses rejected',
  ]],
  ['speeding', ['receiving mail too quickly', 'receiving mail at a rate', 'rate limited', 'sending quota exceeded', 'sending limit exceeded', 'too many messages', 'too fast', 'throttl', 'too many recipients this hour', 'has sent to too many recipients', 'excessive volume', 'receiving too much mail']],
  ['toomanyconn', ['too many connections', 'too many recipients', 'connection rate limit', 'frequency limited', 'max message per connection', 'too many concurrent', 'too many sessions', 'too many simultaneous']],
  ['suspend', [
    'account is disabled', 'account disabled', 'account has been disabled', 'mailbox disabled', 'mailbox is disabled', 'account is locked', 'temporary locked',
    'temporarily locked', 'account is inactive', 'inactive account', 'is inactive', 'account suspended', 'account has been suspended', 'suspended account',
    'mailbox is frozen', 'mailbox frozen', 'disabled recipient', 'is disabled', 'has been disabled', 'account is not active', 'account expired',
    'le compte du destinataire est bloque', 'account is blocked', 'mailbox unavailable due to', 'deactivated',
  ]],
  ['notaccept', [
    'does not accept mail', 'not accept mail', 'null mx', 'no mx found', 'no mx record', 'mail exchanger or ip address', 'no smtp service', 'accepts no mail',
    'does not receive mail', 'doesn\'t receive email', 'does not receive email', 'no mail is accepted', 'not accepting network messages',
  ]],
  ['networkerror', ['dns error', 'malformed or unexpected name server reply', 'host not found, try again', 'temporary lookup failure', 'routing loop', 'hop count exceeded', 'too many hops', 'mail loop', 'loops back to myself', 'lost connection', 'connection reset', 'no route to host', 'network is unreachable', 'host name lookup failure', 'connection dropped']],
  ['hostunknown', [
    'host unknown', 'unknown host', 'host not found', 'domain not found', 'no such domain', 'domain does not exist', 'name service error', 'unrouteable',
    'domain is not reachable', 'host or domain name not found', 'illegal host/domain', 'unknown domain', 'domain name not found', 'couldn\'t find any host',
    'nxdomain', 'dns lookup failure', 'could not be resolved', 'no such host', 'invalid domain', 'domain could not be found', 'account or domain may not exist',
  ]],
  ['blocked', [
    'blocked using', 'is listed in', 'are listed in', 'listed at', 'is listed on', 'rdns', 'on our block list', 'blocklist', 'block list', 'blacklist', 'black list', 'dnsbl', 'spamhaus', 'spamcop',
    'sorbs', 'barracudacentral', 'client host rejected', 'banned sending ip', 'access denied, banned', 'reverse dns', 'no ptr record', 'ptr record',
    'reverse lookup', 'ip name lookup failed', 'not have a ptr', 'cannot find your hostname', 'cannot resolve your', 'poor reputation', 'bad reputation',
    'low reputation', 'reputation of the sending', 'ip reputation', 'refused to talk to me', 'service refuse', 'not accepting connections',
    'connection refused', 'your ip', 'your host', 'your network', 'dynamic ip', 'dial-up', 'dialup', 'residential', 'mismatches client ip',
    'may not be mail exchanger', 'invalid ip for sending', 'adresse ip source bloquee', 'blocked - see', 'has been blocked', 'sc-001', 'sc-002', 'sc-003',
    'sc-004', 'not allowed to send', 'use the smtp server of your isp', 'please use your isp', 'unverifyable sending ip', 'unverifiable sending ip',
  ]],
  ['securityerror', [
    'authentication required', 'must authenticate', 'not authenticated', 'unauthenticated senders', 'smtp authentication', 'auth required', 'authentication is required',
    'starttls', 'tls required', 'encryption required', 'certificate', 'username and password not accepted', 'authentication failed', 'authentication credentials invalid',
    'client was not authenticated', 'please turn on smtp authentication', 'mta-sts', 'authrequired', 'security policies', 'security reasons', 'security policy',
    'not authorized', 'delivery not authorized', 'does not support tls',
  ]],
  ['mailboxfull', [
    'mailbox full', 'mailbox is full', 'mailbox is over quota', 'over quota', 'quota exceeded', 'exceeded storage allocation', 'exceeds allowed size',
    'mailbox exceeds', 'mailbox size limit', 'disk quota', 'quota exceed', 'storage quota', 'out of storage space', 'insufficient storage',
    'not enough disk space', 'user is over', 'mailbox has exceeded', 'mailfolder is full', 'inbox is full', 'exceeded the local limit',
    'mailbox would exceed', 'account is over quota', 'is over its quota', 'full mailbox', 'mailbox quota', 'recipient overquota', 'quota full', 'their mailbox is full',
  ]],
  ['mesgtoobig', [
    'message too large', 'message size exceeds', 'message is too large', 'message too big', 'size exceeds', 'exceeds the maximum size', 'too large for this recipient',
    'mail size limit exceeded', 'message length exceeds', 'exceeds size limit', 'message exceeds', 'size limit', 'too big for', 'message file too big', 'line limit exceeded',
  ]],
  ['hasmoved', ['no longer on server', 'has moved', 'not our customer', 'not our user', 'no longer with', 'changed address', 'moved permanently', 'user has moved', 'address has changed']],
  ['userunknown', [
    'user unknown', 'unknown user', 'no such user', 'no such mailbox', 'no such recipient', 'no such address', 'user not found', 'user does not exist',
    'recipient not found', 'recipientnotfound', 'recipnotfound', 'mailbox not found', 'mailbox unavailable', 'mailbox does not exist', 'address does not exist',
    'address not found', 'unknown recipient', 'invalid recipient', 'recipient unknown', 'unknown address', 'not listed in domino directory', 'not listed in public name',
    'no mailbox here', 'account that you tried to reach does not exist', 'does not exist', 'doesn\'t exist', 'doesn\'t have a', 'does not have an account',
    'not a valid mailbox', 'invalid mailbox', 'bad destination mailbox', 'user not exist', 'invalid address', 'not a registered', 'unknown or illegal alias',
    'no valid recipients', 'is not a valid rfc', 'destinataire invalide', 'invalid final delivery userid', 'undeliverable address', 'unknown local part',
    'address unknown', 'no mailbox', 'couldn\'t find the recipient', 'recipient name is not recognized', 'not recognized', 'mailbox name not allowed', 'rcp-p1',
    'invalid rcpt', 'recipient is not exist', 'rejected: user', 'recipient address rejected: access denied', 'user does not have',
    'recipient address rejected.',
    // An address "no longer valid" has gone for good; a disabled one may come back (suspend, above).
    'no longer valid',
  ]],
  ['systemfull', ['insufficient disk space', 'insufficient system storage', 'out of disk space', 'disk full', 'no space left', 'queue is full', 'insufficient system resources', 'system is full']],
  ['policyviolation', ['policy violation', 'violates our policy', 'policy reasons', 'local policy', 'denied by policy', 'protocol violation', 'not accepted for policy', 'policy rejection', 'against policy', 'policy restriction', 'email policy', 'header error', 'message not allowed', 'rejected for policy', 'potential security issue', 'content presents a potential', 'host network not allowed']],
  ['contenterror', ['not rfc 5322 compliant', 'rfc 5322', 'rfc5322', 'rfc 2822', 'multiple addresses in from', 'duplicate header', 'improper use of 8-bit', '8-bit data', 'headers too large', 'invalid characters', 'malformed', 'media error', 'bare lf', 'line too long', 'invalid message content', 'not compliant', 'headers are not']],
  ['syntaxerror', ['syntax error', 'improper sequence', 'bad sequence', 'command not recognized', 'unrecognized command', 'command parameter not implemented', 'command not implemented', 'invalid command', 'protocol error', 'need rcpt']],
  ['filtered', ['filtered', 'content filter', 'domain filter', 'rejected by user', 'recipient preferences', 'recipient has blocked', 'rejected by the recipient', 'rcp-p2']],
  ['expired', [
    'retry timeout exceeded', 'message expired', 'queue.expired', 'expired after', 'delivery time expired', 'envelope expired', 'could not be delivered for',
    'could not deliver for the last', 'not delivered within', 'delivery expired', 'time limit exceeded', 'unable to deliver in', 'still undelivered after',
    'failing for a long time', 'all hosts have been failing', 'maximum time', 'could not find a gateway', 'timed out', 'timeout', 'host not reachable',
    'did not accept our requests to connect', 'unable to connect successfully', 'delivery attempts', 'after multiple retries', 'has been delayed',
  ]],
  ['networkerror', ['network error', 'could not connect', 'unable to connect', 'connect to', 'couldn\'t connect', 'establish an smtp connection']],
  ['systemerror', ['system error', 'internal error', 'server error', 'local error', 'temporary failure', 'service unavailable', 'service currently unavailable', 'operating system error', 'queue file write error', 'configuration error', 'mailer error', 'unknown mailer', 'insufficient permission', 'could not load', 'transaction failed', 'temporary system problem', 'procmail', 'pipe to', 'mail.local', 'lock failure', 'couldn\'t create', 'child status', 'error transferring', 'unable to contact ldap', 'duplicated message-id', 'resources temporarily unavailable', 'upstream error']],
];

/**
 * Wordings learnt from real bounces of other systems, eras and languages (issue #12, "Bounces on
 * unseen mail"). Each list joins the TEXT_RULES entry of its reason, at that entry's place in the
 * order. The non-English ones are the plain phrases MTAs and webmail systems write in French,
 * German, Polish, Spanish, Italian, Portuguese and Dutch for "unknown user" and "does not exist",
 * with and without accents (systems that cannot write them drop them).
 */
export const TEXT_RULE_ADDITIONS: readonly (readonly [BounceReason, readonly string[]])[] = [
  ['hostunknown', [
    'name or service not known', 'no address associated with hostname', 'domaine inexistant', 'domaine introuvable', 'domain existiert nicht',
    'dominio inesistente', 'dominio no existe', 'domínio não existe', 'dominio nao existe', 'domein bestaat niet',
  ]],
  ['userunknown', [
    'user not known', 'not known here', 'no account by that name', 'no mailbox here by that name', 'no such account', 'unknown account',
    'addressee unknown', 'no such person', 'is not a known user', 'no such local user', 'not a valid user', 'invalid user',
    'address could not be found', 'address couldn\'t be found', 'was not found in the recipient\'s e-mail system', 'recipient address was not found',
    'unknown or illegal user', 'nonexistent user', 'non-existent user', 'nonexistent address', 'non-existent address', 'non-existent mailbox',
    'not a valid address', 'not a valid e-mail address', 'not a valid email address', 'unknown local-part', 'mailbox is unavailable', 'mailbox not available',
    // phquery, the mailer of the CSO/ph campus directories: the name matched nobody, or no one with a mailbox.
    'no matches to nameserver query', 'does not have a final email delivery point',
    // French
    'n\'existe pas', 'n’existe pas', 'utilisateur inconnu', 'destinataire inconnu', 'adresse inconnue', 'adresse invalide', 'compte inexistant',
    'boite aux lettres inexistante', 'boîte aux lettres inexistante', 'boite inexistante', 'boîte inexistante',
    // German
    'unbekannter empfänger', 'unbekannter empfaenger', 'empfänger unbekannt', 'empfaenger unbekannt', 'benutzer unbekannt', 'unbekannter benutzer',
    'existiert nicht', 'postfach nicht vorhanden', 'ungültiger empfänger', 'ungueltiger empfaenger',
    // Polish
    'nie istnieje', 'nieznany użytkownik', 'nieznany uzytkownik', 'nieznany adresat', 'brak takiego użytkownika', 'brak takiego uzytkownika',
    'brak użytkownika', 'brak uzytkownika',
    // Spanish
    'usuario desconocido', 'usuario inexistente', 'destinatario desconocido', 'no existe',
    // Italian
    'utente sconosciuto', 'utente inesistente', 'destinatario sconosciuto', 'destinatario inesistente', 'indirizzo inesistente', 'non esiste',
    'casella inesistente',
    // Portuguese
    'usuário desconhecido', 'usuario desconhecido', 'utilizador desconhecido', 'destinatário desconhecido', 'destinatario desconhecido',
    'não existe', 'nao existe', 'usuário inexistente',
    // Dutch
    'bestaat niet', 'onbekende gebruiker', 'gebruiker onbekend', 'onbekende ontvanger', 'ontvanger onbekend', 'onbekend adres',
  ]],
];
