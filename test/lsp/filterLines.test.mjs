// Filter Lines over LSP (#15): the mailflowLens/filterLines request of the built dist/server.js,
// driven as the client sends it. Expected lines are picked from the corpus log's own text here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startSession } from '../support/lspSession.mjs';

const shared = process.env.MAILFLOW_SHARED ?? resolve(process.cwd(), '..', 'shared');
const LOG = readFileSync(join(shared, 'corpus', 'unix-mail-logs', 'lightmeter/individual_files/2_multiple_recipients_some_bounces.log'), 'utf8');
const pick = (text, test) => text.split(/\r?\n/).flatMap((line, i) => (test(line) ? [i] : []));
let session;

before(async () => {
  session = await startSession({ configuration: () => ({}), capabilities: { workspace: { configuration: true } } });
});

after(async () => {
  await session?.stop();
});

describe('mailflowLens/filterLines over LSP', () => {
  it('answers the lines of an open document that match, in order, with the total', async () => {
    const { uri } = session.open('file:///var/log/mail.log', 'mail-log', LOG);
    const result = await session.connection.sendRequest('mailflowLens/filterLines', { uri, query: 'status:bounced' });
    const expected = pick(LOG, (line) => line.includes('status=bounced'));
    assert.ok(expected.length > 1, 'bounced lines in the log');
    assert.deepEqual(result, { lines: expected, total: expected.length });
  });

  it('caps the lines at `limit`, still counting them all', async () => {
    const { uri } = session.open('file:///var/log/mail2.log', 'mail-log', LOG);
    const expected = pick(LOG, (line) => line.includes('postfix/'));
    const result = await session.connection.sendRequest('mailflowLens/filterLines', { uri, query: 'postfix/', limit: 2 });
    assert.deepEqual(result, { lines: expected.slice(0, 2), total: expected.length });
  });

  it('a query that cannot be read, an unknown document or a missing query give a one-line error', async () => {
    const { uri } = session.open('file:///var/log/mail3.log', 'mail-log', LOG);
    const bad = await session.connection.sendRequest('mailflowLens/filterLines', { uri, query: 'colour:red' });
    assert.match(bad.error, /^unknown field "colour"/);
    assert.deepEqual([bad.lines, bad.total], [[], 0]);
    const unknown = await session.connection.sendRequest('mailflowLens/filterLines', { uri: 'file:///never/opened.log', query: 'x' });
    assert.match(unknown.error, /not open/);
    const missing = await session.connection.sendRequest('mailflowLens/filterLines', { uri });
    assert.match(missing.error, /no query/);
  });
});
