// The hostile messages of issue #5, built in one place: the robustness test checks that each is read
// without a crash and with the right result, npm run bench times them.

export const HOSTILE_HEAD = 'From: MAILER-DAEMON@mx.example.org\nTo: alice@example.com\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n';
const HEAD = HOSTILE_HEAD;

/** A report naming bob@example.net (550 5.1.1), then a 20 MB base64 attachment. */
export function twentyMegabyteAttachment(): string {
  const line = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\n';
  return `${HEAD}Content-Type: multipart/report; report-type=delivery-status; boundary="b"\n\n--b\nContent-Type: text/plain\n\n`
    + '<bob@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1 User unknown\n--b\nContent-Type: application/octet-stream\n'
    + `Content-Transfer-Encoding: base64\n\n${line.repeat(Math.ceil((20 * 1024 * 1024) / line.length))}--b--\n`;
}

/** A multipart/mixed of 10,000 text parts. */
export function tenThousandParts(): string {
  const parts = Array.from({ length: 10_000 }, (_, i) => `--b\nContent-Type: text/plain\n\npart ${i}\n`).join('');
  return `${HEAD}Content-Type: multipart/mixed; boundary="b"\n\n${parts}--b--\n`;
}

/** Multiparts nested 1,000 deep, each closed in turn. */
export function multipartsThousandDeep(): string {
  let text = `${HEAD}Content-Type: multipart/mixed; boundary="b0"\n\n`;
  for (let i = 1; i < 1000; i++) text += `--b${i - 1}\nContent-Type: multipart/mixed; boundary="b${i}"\n\n`;
  text += '--b999\n\nleaf\n';
  for (let i = 999; i >= 0; i--) text += `--b${i}--\n`;
  return text;
}

/** message/rfc822 inside message/rfc822, 1,000 deep. */
export function messagesThousandDeep(): string {
  return `${HEAD}Content-Type: message/rfc822\n\n${'Subject: x\nContent-Type: message/rfc822\n\n'.repeat(1000)}body\n`;
}

/** A delivery-status part for bob@example.net (5.1.1) whose closing boundary never comes. */
export function missingClosingBoundary(): string {
  return `${HEAD}Content-Type: multipart/report; report-type=delivery-status; boundary="b"\n\n--b\nContent-Type: message/delivery-status\n\n`
    + 'Final-Recipient: rfc822; bob@example.net\nAction: failed\nStatus: 5.1.1\n';
}

/** A 1 MB header line before the usual headers. */
export function megabyteHeaderLine(): string {
  return `X-Long: ${'a'.repeat(1024 * 1024)}\n${HEAD}\n<bob@example.net>: 550 5.1.1 unknown\n`;
}

/** A Subject of 60,000 RFC 2047 encoded words. */
export function encodedWordSubject(): string {
  return `${HEAD.replace(/^Subject: .*$/m, `Subject: ${'=?utf-8?B?QUJD?= '.repeat(60_000)}`)}\n<bob@example.net>: 550 5.1.1 unknown\n`;
}

/** 160 KB of characters outside the base64 alphabet. */
export function invalidBase64(): string {
  return `${HEAD}Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n${'!!**@@##$$%%^^&&'.repeat(10_000)}\n`;
}
