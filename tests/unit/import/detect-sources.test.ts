import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  detectSources,
  KNOWN_OUTLETS,
  type Outlet,
} from '../../../src/plugins/newsroom/server/src/lib/import/detect-sources';
import { parseTagListing } from '../../../src/plugins/newsroom/server/src/lib/import/parse-tag-listing';
import { SEED_SOURCES } from '../../helpers/seed-sources';

const names = (text: string, known?: Outlet[]): string[] => detectSources(text, known).map((source) => source.name);

describe('detectSources on the seed document', () => {
  const seed = readFileSync(join(__dirname, '../../../database/seed-documents/us-led-coalition.txt'), 'utf8');
  const items = parseTagListing(seed, { file: 'us-led-coalition.txt' }).items;

  it('finds exactly the cited outlets, item by item', () => {
    expect(items.map((item) => names(`${item.title}\n\n${item.text}`))).toEqual(SEED_SOURCES);
  });

  it('resolves the misspelling "Euphrate Post" to its outlet', () => {
    expect(detectSources(items[0].text)).toEqual([{ name: 'Euphrates Post', matched: 'Euphrate Post', via: 'known' }]);
  });

  it('finds nothing else anywhere in the seed, excerpts and tag included', () => {
    expect(names(seed)).toEqual(['Euphrates Post', 'TASS', 'Reuters', 'RIA Novosti', 'RBC']);
  });
});

describe('detectSources finds known outlets', () => {
  it('in Cyrillic', () => {
    expect(detectSources('Об этом сообщает РИА Новости, по данным ТАСС.')).toEqual([
      { name: 'RIA Novosti', matched: 'РИА Новости', via: 'known' },
      { name: 'TASS', matched: 'ТАСС', via: 'known' },
    ]);
    expect(names('по данным ТАСС')).toEqual(['TASS']);
    expect(names('Как рассказали «Известиям», а также «Коммерсанту»')).toEqual(['Izvestia', 'Kommersant']);
  });

  it('in Arabic script', () => {
    expect(names('قالت وكالة رويترز')).toEqual(['Reuters']);
  });

  it('once each, by canonical name, in order of first appearance', () => {
    expect(detectSources('AFP and Reuters said; later Agence France-Presse and REUTERS added.')).toEqual([
      { name: 'Agence France-Presse', matched: 'AFP', via: 'known' },
      { name: 'Reuters', matched: 'Reuters', via: 'known' },
    ]);
  });

  it('preferring the longest alias', () => {
    expect(detectSources('RIA Novosti and ITAR-TASS')).toEqual([
      { name: 'RIA Novosti', matched: 'RIA Novosti', via: 'known' },
      { name: 'TASS', matched: 'ITAR-TASS', via: 'known' },
    ]);
  });

  it('with a leading "the", any case after a capital, hyphen or space between words', () => {
    expect(names('the Washington Post, THE NEW YORK TIMES, Al-Jazeera, the Guardian')).toEqual([
      'The Washington Post',
      'The New York Times',
      'Al Jazeera',
      'The Guardian',
    ]);
  });

  it('from a custom list', () => {
    const known = [{ name: 'Kyiv Independent', url: 'https://kyivindependent.com', aliases: ['KI'] }];
    expect(detectSources('KI wrote that, and so did Reuters', known)).toEqual([{ name: 'Kyiv Independent', matched: 'KI', via: 'known' }]);
  });
});

describe('detectSources does not match known names in other words', () => {
  it.each([
    ['acronyms in lowercase or inside words', 'a rapt app art map, RT-PCR tests, the ap'],
    ['common nouns in lowercase', 'the guardian of the child; a sputnik; Russia today said'],
    ['a river that shares a word with an outlet', 'on the Euphrates River, the Euphrates front'],
    ['a different outlet with the same start', 'Interfax-Ukraine reported'],
  ])('%s', (_name, text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('detectSources finds unknown outlets by attribution patterns', () => {
  it.each([
    ['according to Kyiv Independent, three people died.', 'Kyiv Independent'],
    ['as reported by news agency Ukrinform.', 'Ukrinform'],
    ['according to the agency Ukrinform', 'Ukrinform'],
    ['citing the Hawar news agency', 'Hawar'],
    ['On Monday the Kyiv Post reported', 'Kyiv Post'],
    ['the strike was confirmed, reports the Daily Sabah.', 'Daily Sabah'],
    ['according to Voice of America News', 'Voice of America News'],
  ])('%s', (text, name) => {
    expect(detectSources(text)).toEqual([{ name, matched: name, via: 'pattern' }]);
  });

  it('resolving a pattern match to a known outlet', () => {
    expect(detectSources('In Kyiv RIA Novosti reported')).toEqual([{ name: 'RIA Novosti', matched: 'RIA Novosti', via: 'known' }]);
  });
});

describe('detectSources rejects what is not an outlet', () => {
  it.each([
    ["according to Thursday's attack", "according to Thursday's attack, ten died"],
    ['the Minister said', 'the Minister said'],
    ['according to the report', 'according to the report'],
    ['according to the Minister', 'according to the Minister, the strike failed'],
    ['a ministry', 'according to the Defense Ministry'],
    ['the Pentagon', 'according to the Pentagon'],
    ['a person by surname', 'According to Zakharova, the coalition'],
    ['a person by full name', 'citing Sergei Lavrov'],
    ['a person with a title', 'according to news agency head Mr Ivanov'],
    ['officials and sources', 'according to officials, citing Sources close to'],
    ['a pronoun', 'according to Her News'],
    ['a month', 'reports March News'],
    ['a generic word alone', 'according to the Daily'],
    ['a name followed by "said"', 'according to the agency Ivanov said'],
    ['a possessive', "according to Ukrinform's report"],
    ['an unknown name with no outlet cue', 'Ukrinform reported'],
  ])('%s', (_name, text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('outlets.json', () => {
  const aliasKey = (name: string) => name.toLowerCase().replace(/[\s-]+/g, ' ').replace(/^the /, '');

  it('lists about forty outlets with https URLs', () => {
    expect(KNOWN_OUTLETS.length).toBeGreaterThanOrEqual(40);
    for (const outlet of KNOWN_OUTLETS) {
      expect(outlet.name.trim()).toBe(outlet.name);
      expect(new URL(outlet.url).protocol).toBe('https:');
      expect(Array.isArray(outlet.aliases)).toBe(true);
    }
  });

  it('gives each name or alias to one outlet only', () => {
    const owners = new Map<string, Set<string>>();
    for (const outlet of KNOWN_OUTLETS) {
      for (const term of [outlet.name, ...outlet.aliases]) {
        owners.set(aliasKey(term), (owners.get(aliasKey(term)) ?? new Set()).add(outlet.name));
      }
    }
    expect([...owners].filter(([, outlets]) => outlets.size > 1)).toEqual([]);
  });

  it('finds every outlet by its own name', () => {
    for (const outlet of KNOWN_OUTLETS) {
      expect(names(`Reporting by ${outlet.name}.`)).toEqual([outlet.name]);
    }
  });
});
