// The extended report's quarantine and spam verdicts, which only Recipient_status names (every row of
// the message may repeat it): read in any letter case, as the admin center's own words are, and
// only inside the cell. Synthetic: variants of test/fixtures/message-trace/synthetic-extended-utf16le.csv
// made by the test, each entry's verdict word written as the test says.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ProblemFields } from '../../server/src/common/problemFields';
import { getLanguageService } from '../../server/src/languageService';
import { traceFixture } from '../support/messageTraceFixtures';

const service = getLanguageService();
const FIXTURE = traceFixture('synthetic-extended-utf16le.csv');
const ENTRY = '"leo@contoso.com##Receive, Deliver, Quarantined"';

/** The fixture with leo's Recipient_status entry written as `entry` on every row that has it. */
async function problemsWith(entry: string): Promise<[unknown, string | undefined][]> {
  assert.ok(FIXTURE.includes(ENTRY), 'the fixture holds the quarantined entry');
  const text = FIXTURE.replaceAll(ENTRY, entry);
  const document = TextDocument.create(`file:///verdicts/${encodeURIComponent(entry)}.csv`, 'exchange-message-trace', 1, text);
  return (await service.doValidation(document)).map((d) => [d.code, (d.data as ProblemFields | undefined)?.recipient]);
}

const OTHERS: [unknown, string][] = [['trace-pending', 'kim@partner.example'], ['trace-failed', 'ivan@fabrikam.com'], ['trace-expanded', 'sales@contoso.com']];

describe('extended report: verdicts in Recipient_status', () => {
  it('Quarantined in any letter case is a quarantine', async () => {
    for (const word of ['Quarantined', 'QUARANTINED', 'quarantined', 'qUaRaNtInEd']) {
      assert.deepEqual(await problemsWith(`"leo@contoso.com##Receive, Deliver, ${word}"`), [...OTHERS, ['trace-quarantined', 'leo@contoso.com']], word);
    }
  });

  it('FilteredAsSpam in any letter case is a spam verdict', async () => {
    for (const word of ['FilteredAsSpam', 'FILTEREDASSPAM', 'filteredasspam']) {
      assert.deepEqual(await problemsWith(`"leo@contoso.com##Receive, ${word}"`), [...OTHERS, ['trace-filtered', 'leo@contoso.com']], word);
    }
  });

  it('a word that only looks like one (Quarantxned, Spa m) or an entry without one gives no verdict problem', async () => {
    for (const entry of ['"leo@contoso.com##Receive, Deliver, Quarantxned"', '"leo@contoso.com##Receive, Deliver, Spa m"', '"leo@contoso.com##Receive, Deliver"']) {
      assert.deepEqual(await problemsWith(entry), OTHERS, entry);
    }
  });
});
