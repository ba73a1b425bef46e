// Completeness and shape of the knowledge base, proved against the reference tables and seeds.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { allEntries, basicPermanence, isRangeEntry, lookupBasic, lookupEnhanced, lookupTransport } from '../../server/src/knowledge/knowledgeBase';
import { readingChoices, replyReadings } from '../../server/src/knowledge/data/replyReadings';
import { mailSystems } from '../../server/src/knowledge/data/mailSystems';
import type { Explanation, Product } from '../../server/src/knowledge/model';
import { parseEnhancedRange } from '../../server/src/knowledge/statusCode';
import { readShared, readTsv, sharedPath } from '../support/shared';

const CLASSES = ['2', '4', '5'] as const;

function assertExplained(entry: Explanation, what: string): void {
  for (const field of ['title', 'meaning'] as const) assert.ok(entry[field].trim().length > 0, `${what}: empty ${field}`);
  for (const field of ['causes', 'fixes', 'actors', 'sources'] as const) assert.ok(entry[field].length > 0, `${what}: no ${field}`);
}

/** Codes of a table cell: "5.7.13 / 5.7.135", "4.7.500-4.7.699", "5.7.606-649"; ranges as their two ends and middle. */
function codesOf(cell: string): string[] {
  const codes: string[] = [];
  for (const part of cell.split(/\s*\/\s*|\s+or\s+/)) {
    const range = parseEnhancedRange(part.trim());
    if (range) {
      const mid = Math.floor((range.low + range.high) / 2);
      for (const d of [range.low, mid, range.high]) codes.push(`${range.statusClass}.${range.subject}.${d}`);
    } else if (/^[245]\.\d+\.\d+$/.test(part.trim())) codes.push(part.trim());
  }
  return codes;
}

function assertVendor(code: string, product: Product, where: string): void {
  const reading = lookupEnhanced(code);
  assert.ok(reading, `${where}: ${code} does not parse`);
  assert.ok(reading.vendor.some((v) => v.product === product), `${where}: ${code} has no ${product} entry`);
}

describe('knowledge base: every entry is complete', () => {
  const groups: [string, readonly (Explanation & { code?: string; name?: string })[]][] = [
    ['basic', allEntries.basicReplyCodes], ['enhanced', allEntries.enhancedDetails],
    ['Exchange Server', allEntries.exchangeServerCodes], ['Exchange Online', allEntries.exchangeOnlineCodes],
    ['transport', allEntries.transportStatusStrings],
  ];
  for (const [name, entries] of groups) {
    it(`${name} entries have a title, meaning, causes, fixes, actors and sources, and unique keys`, () => {
      const keys = new Set<string>();
      for (const entry of entries) {
        // Reply codes may have several readings (220: greeting and STARTTLS answer), told apart by title.
        const key = name === 'basic' ? `${entry.code} ${entry.title}` : entry.code ?? entry.name!;
        assertExplained(entry, `${name} ${key}`);
        for (const k of [key, ...((entry as { alsoCodes?: string[] }).alsoCodes ?? [])]) {
          assert.ok(!keys.has(k), `${name}: duplicate ${k}`);
          keys.add(k);
        }
      }
    });
  }

  it('reply readings are complete, have unique ids, a short first step, and are selected by words or by code', () => {
    const ids = new Set<string>();
    const systems = new Set(mailSystems.map((system) => system.id));
    for (const reading of replyReadings) {
      assertExplained(reading, `reading ${reading.id}`);
      assert.ok(!ids.has(reading.id), `duplicate reading ${reading.id}`);
      ids.add(reading.id);
      assert.ok(reading.name.trim() && reading.act.trim(), `${reading.id}: no name or first step`);
      assert.ok(reading.phrases?.length || reading.codes?.length, `${reading.id}: selected by neither words nor code`);
      for (const phrase of reading.phrases ?? []) assert.equal(phrase, phrase.toLowerCase(), `${reading.id}: phrase not lower case`);
      for (const code of reading.codes ?? []) assert.ok(lookupEnhanced(code) ?? parseEnhancedRange(code), `${reading.id}: bad code ${code}`);
      for (const writer of reading.writers ?? []) assert.ok(systems.has(writer), `${reading.id}: unknown writer ${writer}`);
    }
    for (const choice of readingChoices) {
      assert.ok(choice.phrases.length > 0 && choice.sources.length > 0, `choice for ${choice.code}: no phrases or sources`);
      const reading = lookupEnhanced(choice.code)!;
      assert.ok(choice.reading === 'standard' ? reading.standard : reading.vendor.some((v) => v.product === choice.reading), `choice for ${choice.code}: ${choice.reading} has no reading to choose`);
    }
  });

  it('Exchange Server entries name their versions; event IDs are 3000-3033 and unique', () => {
    const ids = new Set<number>();
    for (const entry of allEntries.exchangeServerCodes) {
      assert.ok(entry.versions && entry.versions.length > 0, `${entry.code}: no versions`);
      if (entry.eventId !== undefined) {
        assert.ok(entry.eventId >= 3000 && entry.eventId <= 3033, `${entry.code}: event ID ${entry.eventId}`);
        assert.ok(!ids.has(entry.eventId), `event ID ${entry.eventId} used twice`);
        ids.add(entry.eventId);
      }
    }
    assert.ok(ids.size >= 30, `only ${ids.size} event IDs recorded`);
  });
});

describe('knowledge base covers the registries', () => {
  it('every IANA enhanced status code, in each class', () => {
    const rows = readTsv('reference/registries/iana-smtp-enhanced-status-codes.tsv');
    assert.equal(rows.length, 81);
    for (const row of rows) {
      const [, subject, detail] = row.code!.split('.');
      for (const cls of CLASSES) {
        const reading = lookupEnhanced(`${cls}.${subject}.${detail}`);
        assert.ok(reading?.standard, `no standard entry for ${cls}.${subject}.${detail}`);
        assert.equal(reading.standard.title.toLowerCase(), row.sample_text!.toLowerCase());
        assert.equal(reading.statusClass.code, cls);
        assert.ok(reading.subject, `subject ${subject} not decoded`);
      }
    }
  });

  it('every class and subject of the IANA subject table', () => {
    for (const row of readTsv('reference/registries/iana-smtp-enhanced-status-subject-classes.tsv')) {
      const [first, second] = row.code!.split('.');
      if (first !== 'X') assert.ok(allEntries.statusClasses.some((c) => c.code === first), `class ${first}`);
      else assert.ok(allEntries.statusSubjects.some((s) => s.code === second), `subject ${second}`);
    }
  });

  it('every basic reply code', () => {
    const rows = readTsv('reference/registries/smtp-basic-reply-codes.tsv');
    assert.ok(rows.length >= 40);
    for (const row of rows) assert.ok(lookupBasic(row.code!).length > 0, `no entry for reply ${row.code}`);
  });
});

describe('knowledge base covers Microsoft codes', () => {
  it('every Exchange Online NDR code, ranges included', () => {
    for (const row of readTsv('reference/microsoft-facts/exchange-online-ndr-codes.tsv')) {
      for (const code of codesOf(row.code!)) assertVendor(code, 'Exchange Online', 'exchange-online-ndr-codes.tsv');
    }
  });

  it('every mail flow intelligence code', () => {
    for (const row of readTsv('reference/microsoft-facts/exchange-online-mail-flow-intelligence.tsv')) {
      assertVendor(row.code!, 'Exchange Online', 'exchange-online-mail-flow-intelligence.tsv');
    }
  });

  it('every Exchange Server NDR code, ranges included', () => {
    for (const row of readTsv('reference/microsoft-facts/exchange-server-ndr-codes.tsv')) {
      for (const code of codesOf(row.code!)) assertVendor(code, 'Exchange Server', 'exchange-server-ndr-codes.tsv');
    }
  });

  it('a code inside a range resolves to the range entry', () => {
    for (const [code, range] of [['4.7.612', '4.7.500-699'], ['5.7.620', '5.7.606-649'], ['5.7.733', '5.7.700-749'], ['5.7.950', '5.7.900-999']]) {
      const reading = lookupEnhanced(code!);
      assert.ok(reading?.vendor.some((v) => v.code === range), `${code} should resolve to ${range}`);
    }
  });

  it('every code in the Exchange 2000/2003/2007 seed documents has an Exchange Server reading', () => {
    const seeds = readdirSync(sharedPath('seeds')).filter((f) => /^00[034]_/.test(f));
    assert.equal(seeds.length, 3);
    const codes = new Set<string>();
    for (const seed of seeds) {
      for (const m of readShared(`seeds/${seed}`).matchAll(/\b[245]\.\d{1,3}\.\d{1,3}\b/g)) codes.add(m[0]);
    }
    codes.delete('2.1.5'); // only an example recipient-status in seed 000's tracking-log field list
    assert.ok(codes.size >= 50, `found only ${codes.size} seed codes`);
    for (const code of codes) assertVendor(code, 'Exchange Server', 'seed documents');
  });

  it('every code in the garbled Exchange Online seed (002), decoded, has an Exchange Online reading', () => {
    const seed = readdirSync(sharedPath('seeds')).find((f) => f.startsWith('002_'))!;
    const codes = new Set<string>();
    for (const line of readShared(`seeds/${seed}`).split('\n')) {
      const cell = /^\| ([^|]+) \|/.exec(line)?.[1];
      if (!cell) continue;
      const decoded = decodeGarbledCode(cell);
      for (const m of decoded.matchAll(/\b([245])\.(\d{1,3})\.(\d{1,3})(?:-(\d{1,3}))?(?: or (\d{1,3})\b(?!\.))?/g)) {
        codes.add(`${m[1]}.${m[2]}.${m[3]}`);
        if (m[4]) codes.add(`${m[1]}.${m[2]}.${m[4]}`);
        if (m[5]) codes.add(`${m[1]}.${m[2]}.${m[5]}`);
      }
    }
    for (const expected of ['4.3.2', '4.4.316', '4.5.3', '5.1.1', '5.4.14', '5.7.509', '5.7.750', '5.7.135']) {
      assert.ok(codes.has(expected), `decoder missed ${expected}`);
    }
    for (const code of codes) assertVendor(code, 'Exchange Online', 'seed 002');
  });

  it('every Exchange transport status string, exactly', () => {
    for (const row of readTsv('reference/microsoft-facts/exchange-transport-status-strings.tsv')) {
      const entry = lookupTransport(row.status_string!);
      assert.ok(entry && !entry.family, `no exact entry for ${row.status_string}`);
    }
  });

  it('unknown strings of a known family fall back to the family entry', () => {
    assert.equal(lookupTransport('RESOLVER.ADR.SomethingNew')?.name, 'RESOLVER.ADR');
    assert.equal(lookupTransport('RESOLVER.RST.NewRestriction')?.name, 'RESOLVER.RST');
    assert.equal(lookupTransport('STOREDRV.Deliver.Exception')?.family, true);
    assert.equal(lookupTransport('QUEUE.Admin')?.name, 'QUEUE');
    assert.equal(lookupTransport('NOTAFAMILY.Foo'), undefined);
  });
});

describe('knowledge base look-ups, each rule with a case that needs it', () => {
  const vendorEntries = [...allEntries.exchangeServerCodes, ...allEntries.exchangeOnlineCodes];
  /** The reading of one product the reference tables give a code: its exact entry, else the narrowest range holding it. */
  function expectedReading(code: string, product: Product): string | undefined {
    const parsed = parseEnhancedRange(`${code}-${code.split('.')[2]}`)!;
    const mine = vendorEntries.filter((e) => e.product === product);
    const exact = mine.find((e) => !isRangeEntry(e) && (e.code === code || e.alsoCodes?.includes(code)));
    if (exact) return exact.code;
    const holding = mine.filter(isRangeEntry).map((e) => ({ e, range: parseEnhancedRange(e.code)! }))
      .filter(({ range }) => range.statusClass === parsed.statusClass && range.subject === parsed.subject)
      .filter(({ range }) => parsed.low >= range.low && parsed.low <= range.high)
      .sort((a, b) => (a.range.high - a.range.low) - (b.range.high - b.range.low));
    return holding[0]?.e.code;
  }

  it('every code in a range reads as exactly one entry per product: its exact entry, else the narrowest range (not the first in the data)', () => {
    for (const entry of vendorEntries.filter(isRangeEntry)) {
      const range = parseEnhancedRange(entry.code)!;
      for (let detail = range.low; detail <= range.high; detail++) {
        const code = `${range.statusClass}.${range.subject}.${detail}`;
        const readings = lookupEnhanced(code)!.vendor.filter((v) => v.product === entry.product);
        assert.deepEqual(readings.map((v) => v.code), [expectedReading(code, entry.product)], code);
      }
    }
    // Microsoft's tables: 5.1.10 has its own Exchange Online entry inside 5.1.1-20; 5.1.15 only the range.
    assert.deepEqual(lookupEnhanced('5.1.10')!.vendor.filter((v) => v.product === 'Exchange Online').map((v) => v.code), ['5.1.10']);
    assert.deepEqual(lookupEnhanced('5.1.15')!.vendor.filter((v) => v.product === 'Exchange Online').map((v) => v.code), ['5.1.1-20']);
    assert.deepEqual(lookupEnhanced('5.7.733')!.vendor.map((v) => v.code), ['5.7.700-749']);
  });

  it('no two ranges of one product overlap, so no reading depends on the order of the data', () => {
    const ranges = vendorEntries.filter(isRangeEntry).map((e) => ({ e, range: parseEnhancedRange(e.code)! }));
    for (const a of ranges) {
      for (const b of ranges) {
        const overlap = a !== b && a.e.product === b.e.product && a.range.statusClass === b.range.statusClass && a.range.subject === b.range.subject
          && a.range.low <= b.range.high && b.range.low <= a.range.high;
        assert.ok(!overlap, `${a.e.product}: ${a.e.code} overlaps ${b.e.code}`);
      }
    }
  });

  it('a code outside every range and table has no product reading, but still its class and subject', () => {
    const reading = lookupEnhanced('5.7.999')!;
    assert.deepEqual(reading.vendor.filter((v) => v.product === 'Exchange Online'), []);
    assert.equal(reading.statusClass.code, '5');
    assert.equal(reading.subject?.code, '7');
    assert.equal(reading.standard, undefined);
    // Text that is no enhanced code has no reading at all.
    assert.equal(lookupEnhanced('5.x.1'), undefined);
    assert.equal(lookupEnhanced('550'), undefined);
    // An unregistered subject keeps its class.
    assert.equal(lookupEnhanced('5.9.1')!.subject, undefined);
    assert.equal(lookupEnhanced('5.9.1')!.statusClass.code, '5');
  });

  it('the permanence of a reply code is its first digit (RFC 5321 4.2.1)', () => {
    assert.deepEqual(['250', '354', '451', '550'].map(basicPermanence), ['success', 'intermediate', 'transient', 'permanent']);
  });

  it('220 has two readings, the greeting and the answer to STARTTLS (RFC 5321, RFC 3207)', () => {
    assert.equal(lookupBasic('220').length, 2);
    assert.deepEqual(lookupBasic('999'), []);
  });

  it('a transport string of more than six parts or 128 characters is none; the exact string wins over its family', () => {
    assert.ok(!lookupTransport('RESOLVER.ADR.RecipNotFound')?.family);
    assert.equal(lookupTransport('resolver.adr.recipnotfound')?.name, 'RESOLVER.ADR.RecipNotFound');
    assert.equal(lookupTransport('RESOLVER.ADR.A.B.C.D')?.name, 'RESOLVER.ADR');
    assert.equal(lookupTransport('RESOLVER.ADR.A.B.C.D.E'), undefined);
    assert.equal(lookupTransport(`RESOLVER.ADR.${'x'.repeat(120)}`), undefined);
    assert.equal(lookupTransport(`RESOLVER.ADR.${'x'.repeat(100)}`)?.name, 'RESOLVER.ADR');
    // 128 characters is still one; 129 is not.
    assert.equal(lookupTransport(`RESOLVER.ADR.${'x'.repeat(128 - 13)}`)?.name, 'RESOLVER.ADR');
    assert.equal(lookupTransport(`RESOLVER.ADR.${'x'.repeat(129 - 13)}`), undefined);
  });
});

describe('vendor readings that differ from the RFC are both kept', () => {
  it('5.2.2: mailbox full (RFC) and submission quota (Exchange Online)', () => {
    const reading = lookupEnhanced('5.2.2')!;
    assert.match(reading.standard!.title, /mailbox full/i);
    const online = reading.vendor.find((v) => v.product === 'Exchange Online');
    assert.match(`${online!.title} ${online!.ndrText ?? ''}`, /submission quota/i);
  });
});

/** Seed 002 spells digits as words and roman numerals ("iv.3.2", "five.seven.one", "5.1.ane"). */
function decodeGarbledCode(cell: string): string {
  const digits: Record<string, string> = {
    zero: '0', one: '1', ane: '1', i: '1', two: '2', ii: '2', three: '3', iii: '3', four: '4', iv: '4',
    five: '5', v: '5', six: '6', vi: '6', 'half-dozen': '6', seven: '7', vii: '7', eight: '8', viii: '8', nine: '9', ix: '9', xiv: '14',
  };
  return cell.replace(/(?<![\w-])(half-dozen|[a-z]+)(?=\.|\b)/gi, (word) => digits[word.toLowerCase()] ?? word);
}
