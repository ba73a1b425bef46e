// The catalogue that links status codes to the PowerShell snippets investigating them, and the
// filling of snippet placeholders with values from the document.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import snippetFile from '../../snippets/exchange-powershell.json';
import { INVESTIGATION_RULES, type FillSource } from '../../server/src/knowledge/data/investigations';
import {
  catalogueSnippets, cleanDocumentValue, type DocumentValues, investigationSnippet, investigationsFor, investigationText,
  snippetByName, snippetByPrefix, traceMessageInvestigations,
} from '../../server/src/knowledge/investigations';
import { lookupEnhanced } from '../../server/src/knowledge/knowledgeBase';
import { placeholderDefaultsOf, renderSnippetBody, snippetWithFills } from '../../server/src/knowledge/snippetText';
import { parsePowerShell } from '../support/powershellGrammar';
import { choicesOf, expandSnippet, placeholderDefaults } from '../support/vscodeSnippet';
import '../support/fuzzSeed';

const titles = (code: string, text?: string): string[] => investigationsFor(code, text).map((i) => i.title);
const prefixes = (code: string, text?: string): string[] => investigationsFor(code, text).map((i) => i.prefix);

describe('investigations: which snippets investigate a code', () => {
  it('5.1.1: find who holds the address, then trace the recipient', () => {
    const found = investigationsFor('5.1.1');
    assert.deepEqual(found.slice(0, 2).map((i) => i.title), ['Find who holds this address', 'Trace this recipient']);
    assert.deepEqual(found.slice(0, 2).map((i) => i.prefix), ['mf-diag-address-holder', 'mf-track-recipient']);
    assert.equal(found[0]!.snippetName, 'Diagnostics: who holds an email address');
    assert.deepEqual(found[0]!.uses, ['recipient']);
    assert.equal(found[0]!.scope, 'both');
    assert.equal(found[1]!.scope, 'on-premises');
    assert.ok(found.some((i) => i.prefix === 'mf-exo-trace-recipient' && i.scope === 'exchange-online'));
  });

  it('reads the code as the knowledge base does (leading zeros, spaces)', () => {
    assert.deepEqual(prefixes(' 5.1.01 '), prefixes('5.1.1'));
  });

  it('5.7.1: group restrictions and relay; with a reverse-DNS reply, the PTR lookup comes first', () => {
    assert.deepEqual(prefixes('5.7.1').slice(0, 2), ['mf-diag-group-restrictions', 'mf-diag-relay']);
    const withText = prefixes('5.7.1', '550 5.7.1 Client host rejected: cannot find your reverse hostname, [203.0.113.9]');
    assert.equal(withText[0], 'mf-dns-ptr');
    assert.ok(withText.includes('mf-diag-group-restrictions'));
    assert.deepEqual(prefixes('4.7.1', '450 4.7.1 Reverse DNS lookup failed for host'), ['mf-dns-ptr']);
    assert.deepEqual(prefixes('5.7.25'), ['mf-dns-ptr']);
  });

  it('5.2.2 mailbox quota; 5.5.3 and 5.3.4 transport limits; 5.2.3 the recipient\'s limits', () => {
    assert.equal(prefixes('5.2.2')[0], 'mf-diag-quota');
    assert.deepEqual(prefixes('4.2.2'), prefixes('5.2.2'));
    for (const code of ['5.5.3', '5.3.4']) {
      assert.ok(prefixes(code).includes('mf-diag-org-limits'), code);
      assert.ok(prefixes(code).includes('mf-diag-connector-limits'), code);
    }
    const recipientLimits = investigationsFor('5.2.3').find((i) => i.prefix === 'mf-diag-mailbox-limits')!;
    assert.deepEqual(recipientLimits.uses, ['recipient']);
    const senderLimits = investigationsFor('5.3.4').find((i) => i.prefix === 'mf-diag-mailbox-limits')!;
    assert.deepEqual(senderLimits.uses, ['sender']);
  });

  it('5.7.23 SPF then DMARC, 5.7.509 DMARC then SPF, both from the sender domain', () => {
    assert.deepEqual(prefixes('5.7.23'), ['mf-dns-spf', 'mf-dns-dmarc']);
    assert.deepEqual(prefixes('5.7.509'), ['mf-dns-dmarc', 'mf-dns-spf']);
    assert.deepEqual(investigationsFor('5.7.509')[0]!.fills, { 1: 'senderDomain' });
  });

  it('4.4.7: the queues, the message by its Message-ID, the MX of the recipient domain', () => {
    assert.deepEqual(titles('4.4.7'), [
      'Find the queues holding mail', 'Trace this message', 'Trace this message in Exchange Online', 'Look up the MX records of the recipient domain',
    ]);
  });

  it('nothing for success codes, unknown shapes or unrelated replies', () => {
    assert.deepEqual(investigationsFor('2.0.0'), []);
    assert.deepEqual(investigationsFor('not a code'), []);
    assert.deepEqual(investigationsFor('5.9.9', 'mailbox unavailable'), []);
  });

  it('lists each snippet once', () => {
    for (const rule of INVESTIGATION_RULES) {
      for (const code of rule.codes) {
        const list = prefixes(code, 'reverse DNS');
        assert.equal(new Set(list).size, list.length, code);
      }
    }
  });
});

describe('investigations: the data is consistent with the snippets and the knowledge base', () => {
  const sourcePattern: Readonly<Record<FillSource, RegExp>> = {
    recipient: /^[a-z]+@contoso\.com$/,
    sender: /^[a-z]+@contoso\.com$/,
    messageId: /^<[^<>]+@contoso\.com>$/,
    ipAddress: /^203\.0\.113\.\d+$/,
    recipientDomain: /^contoso\.com$/,
    senderDomain: /^contoso\.com$/,
  };

  it('every code is an enhanced code the knowledge base explains', () => {
    for (const rule of INVESTIGATION_RULES) {
      for (const code of rule.codes) {
        const reading = lookupEnhanced(code);
        assert.ok(reading && (reading.standard || reading.vendor.length > 0), `${code} is not in the knowledge base`);
        assert.equal(reading.code.text, code, `${code} is not written in normal form`);
      }
    }
  });

  it('every step names an existing snippet and fills a placeholder whose example is of the same kind', () => {
    for (const rule of INVESTIGATION_RULES) {
      for (const step of rule.steps) {
        const snippet = snippetByPrefix(step.prefix);
        assert.ok(snippet, `no snippet ${step.prefix}`);
        const defaults = placeholderDefaults(snippet.body);
        for (const [index, source] of Object.entries(step.fills ?? {})) {
          const example = defaults.get(Number(index));
          assert.ok(example !== undefined, `${step.prefix} has no placeholder ${index} with a default`);
          assert.match(example, sourcePattern[source], `${step.prefix} placeholder ${index} holds ${example}, not a ${source}`);
          assert.ok(!choicesOf(snippet.body).has(Number(index)), `${step.prefix} placeholder ${index} is a choice`);
        }
      }
    }
  });

  it('the catalogue holds every snippet of the file, with the scope its description names', () => {
    assert.equal(catalogueSnippets().length, Object.keys(snippetFile).length);
    for (const snippet of catalogueSnippets()) {
      assert.equal(snippetByName(snippet.name), snippet);
      const label = { 'on-premises': 'On-premises: ', 'exchange-online': 'Exchange Online: ', both: 'On-premises and Exchange Online: ' }[snippet.scope];
      assert.ok(snippet.description.startsWith(label), snippet.name);
    }
  });

  it('the reader inserts exactly what VS Code inserts, for every snippet (the test oracle agrees)', () => {
    for (const snippet of catalogueSnippets()) {
      assert.equal(renderSnippetBody(snippet.body), expandSnippet(snippet.body), snippet.name);
      assert.deepEqual(placeholderDefaultsOf(snippet.body), placeholderDefaults(snippet.body), snippet.name);
    }
  });
});

describe('investigations: filling snippets with document values', () => {
  const values: DocumentValues = {
    recipient: 'Jane.Doe@Fabrikam.example',
    sender: 'smtp:alerts@northwind.example',
    messageId: 'a1b2c3@mail.northwind.example',
    ipAddress: '[198.51.100.7]',
  };

  it('"Find who holds this address" is filled with the recipient', async () => {
    const holder = investigationsFor('5.1.1')[0]!;
    const text = investigationText(holder, values);
    assert.equal(text, "$address = 'Jane.Doe@Fabrikam.example'\nGet-Recipient -ResultSize Unlimited -Filter \"EmailAddresses -eq 'smtp:$address'\" |\n"
      + "    Format-Table -AutoSize -Property 'Name', 'RecipientTypeDetails', 'PrimarySmtpAddress', 'Identity'");
    assert.deepEqual((await parsePowerShell(text)).issues, []);
  });

  it('derived domains, the Message-ID in angle brackets, a bracketed IP', () => {
    assert.match(investigationText(investigationsFor('5.7.509')[0]!, values), /-Name \('_dmarc\.' \+ 'northwind\.example'\) -Type TXT/);
    assert.match(investigationText(investigationsFor('4.4.7').find((i) => i.prefix === 'mf-dns-mx')!, values), /-Name 'fabrikam\.example' -Type MX/);
    const [onPremises, online] = traceMessageInvestigations();
    assert.equal(onPremises!.prefix, 'mf-track-msgid');
    assert.equal(online!.prefix, 'mf-exo-trace-msgid');
    assert.match(investigationText(onPremises!, values), /-MessageId '<a1b2c3@mail\.northwind\.example>'/);
    assert.match(investigationText(investigationsFor('5.7.25')[0]!, values), /-Name '198\.51\.100\.7' -Type PTR/);
  });

  it('values missing or unusable leave the example in place', () => {
    const holder = investigationsFor('5.1.1')[0]!;
    const example = investigationText(holder);
    assert.match(example, /^\$address = 'user@contoso\.com'/);
    for (const recipient of ["o'brien@contoso.com", 'a@b', 'x@y.com$(calc)', 'not an address', `${'a'.repeat(70)}@contoso.com`]) {
      assert.equal(investigationText(holder, { recipient }), example, recipient);
    }
  });

  it('the snippet form keeps tab stops and expands to the same text', () => {
    for (const item of investigationsFor('4.4.7', 'reverse dns')) {
      const snippet = investigationSnippet(item, values);
      assert.equal(expandSnippet(snippet), investigationText(item, values), item.title);
    }
    const trace = traceMessageInvestigations()[0]!;
    assert.match(investigationSnippet(trace, values), /^Get-TransportService \| Get-MessageTrackingLog -MessageId '\$\{1:<a1b2c3@mail\.northwind\.example>\}' -Start \(Get-Date\)\.AddDays\(-\$\{2:7\}\)/);
  });

  it('snippet syntax characters in a value are escaped in the snippet form', () => {
    const body = "Get-X -MessageId '${1:<m@contoso.com>}' -Server ${2|EX01,EX02|} $1";
    const fills = new Map([[1, '<a}b\\c{d|e@x.example>'], [2, 'ignored for a choice']]);
    const snippet = snippetWithFills(body, fills);
    assert.equal(snippet, "Get-X -MessageId '${1:<a\\}b\\\\c{d|e@x.example>}' -Server ${2|EX01,EX02|} $1");
    assert.equal(expandSnippet(snippet), "Get-X -MessageId '<a}b\\c{d|e@x.example>' -Server EX01 <a}b\\c{d|e@x.example>");
    assert.equal(renderSnippetBody(body, new Map([[1, 'v']])), "Get-X -MessageId 'v' -Server EX01 v");
  });

  it('cleans document values', () => {
    assert.equal(cleanDocumentValue('recipient', ' <user@contoso.com> '), 'user@contoso.com');
    assert.equal(cleanDocumentValue('sender', 'SMTP:user@contoso.com'), 'user@contoso.com');
    assert.equal(cleanDocumentValue('messageId', '<x@y>'), '<x@y>');
    assert.equal(cleanDocumentValue('messageId', 'no-at-sign'), undefined);
    assert.equal(cleanDocumentValue('messageId', "<x'y@z>"), undefined);
    assert.equal(cleanDocumentValue('ipAddress', '2001:db8::25'), '2001:db8::25');
    assert.equal(cleanDocumentValue('ipAddress', 'IPv6:2001:db8::25'), '2001:db8::25');
    assert.equal(cleanDocumentValue('ipAddress', '256.1.1.1'), undefined);
    assert.equal(cleanDocumentValue('ipAddress', 'mail.contoso.com'), undefined);
  });

  it('any value, however hostile, gives PowerShell that still parses and never breaks out of its quotes', async () => {
    const holder = investigationsFor('5.1.1')[0]!;
    const trace = traceMessageInvestigations()[0]!;
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), async (recipient, messageId) => {
      for (const [item, value] of [[holder, { recipient }], [trace, { messageId }]] as const) {
        const text = investigationText(item, value);
        assert.deepEqual((await parsePowerShell(text)).issues, [], text);
        const filled = text !== investigationText(item);
        if (filled) assert.doesNotMatch(Object.values(value)[0]!.trim(), /['"`$\s]/);
      }
    }), { numRuns: 150 });
  });

  it('any reply text, long or odd, gives the code\'s steps (the reverse-DNS one only when named)', () => {
    const base = prefixes('5.7.1');
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), (text) => {
      const found = prefixes('5.7.1', text);
      assert.deepEqual(found.filter((p) => p !== 'mf-dns-ptr'), base);
    }), { numRuns: 200 });
    assert.equal(prefixes('5.7.1', `${'x'.repeat(200_000)} reverse dns`)[0], 'mf-diag-group-restrictions');
  });
});
