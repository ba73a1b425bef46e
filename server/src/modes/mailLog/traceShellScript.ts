// The shell script of the "Trace this message" quick fix in mail logs: the commands that show every
// line of one message in the logs and what the queue still holds of it, for Postfix, Exim or
// Sendmail. Values come from the log, written by whoever sent the mail: each enters the script only
// as a single-quoted word (text/shell.ts). The script is shown to the user, never run by us.

import type { MailSystemKind } from '../../formats/mailLog/lineHead';
import { shellLiteral } from '../../text/shell';

export interface ShellTraceTarget {
  readonly system: MailSystemKind;
  /** Queue id or Exim message id. */
  readonly id: string;
  /** The Postfix instance ("postfix-out"), whose queue commands need its configuration directory. */
  readonly instance?: string;
  readonly messageId?: string;
}

/** Queue ids and Exim ids as the parser reads them; anything else is not offered. */
const ID_SHAPE = /^[0-9A-Za-z][0-9A-Za-z-]{4,30}$/;
const INSTANCE_SHAPE = /^[A-Za-z0-9_.-]{1,64}$/;

/** The script, or undefined when the id does not have a safe shape. */
export function traceShellScript(target: ShellTraceTarget): string | undefined {
  if (!ID_SHAPE.test(target.id)) return undefined;
  const id = shellLiteral(target.id)!;
  const messageId = target.messageId ? shellLiteral(target.messageId.length <= 998 ? target.messageId : '') : undefined;
  const out = [
    '#!/bin/sh',
    `# Trace ${target.system === 'postfix' ? 'Postfix queue id' : target.system === 'exim' ? 'Exim message' : 'Sendmail queue id'} ${target.id}: read each command before you run it.`,
    '# Nothing here has been run for you. Log paths vary: /var/log/mail.log (Debian), /var/log/maillog (Red Hat), /var/log/exim4/mainlog.',
    '',
  ];
  if (target.system === 'postfix') {
    const config = target.instance && INSTANCE_SHAPE.test(target.instance) ? ` -c ${shellLiteral(`/etc/${target.instance}`)!}` : '';
    out.push(
      '# Every line of the message, in the current and rotated logs (zgrep reads the compressed ones too):',
      `zgrep -h -F -- ${id} /var/log/mail.log* /var/log/maillog* 2>/dev/null`,
      '',
      '# Is it still in the queue, and why is it waiting?',
      `postqueue${config} -p | grep -A 3 -F -- ${id}`,
      '',
      '# Its envelope and headers, while it is queued:',
      `postcat${config} -h -e -q ${id}`,
    );
  } else if (target.system === 'exim') {
    out.push(
      '# Every line of the message in the main log:',
      `exigrep ${id} /var/log/exim4/mainlog`,
      '',
      '# Its headers and its own message log, while it is queued:',
      `exim -Mvh ${id}`,
      `exim -Mvl ${id}`,
      '',
      '# Is it still in the queue?',
      `exim -bp | grep -A 3 -F -- ${id}`,
    );
  } else {
    out.push(
      '# Every line of the message in the logs:',
      `zgrep -h -F -- ${id} /var/log/maillog* /var/log/mail.log* 2>/dev/null`,
      '',
      '# Is it still in the queue?',
      `mailq -qI${id}`,
    );
  }
  if (messageId) {
    out.push('', '# The same message on other servers, by its Message-ID:', `zgrep -h -F -- ${messageId} /var/log/mail.log* /var/log/maillog* 2>/dev/null`);
  }
  return `${out.join('\n')}\n`;
}
