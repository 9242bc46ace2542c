import fc from 'fast-check';
import { aliasesProblem, MAX_ALIASES } from '../../src/plugins/newsroom/server/src/lib/content-rules';
import { MAX_KEY_LENGTH, searchRange, storedAliases, termKey, termNameRows } from '../../src/plugins/newsroom/server/src/lib/term-names';

/** What the database does with the range: bytewise comparison of UTF-8. */
const bytes = (text: string) => Buffer.from(text, 'utf8');
const inRange = (key: string, q: string): boolean => {
  const range = searchRange(q);
  return range !== null && Buffer.compare(bytes(key), bytes(range.from)) >= 0 && Buffer.compare(bytes(key), bytes(range.to)) < 0;
};
const matches = (term: Parameters<typeof termNameRows>[0], q: string) => termNameRows(term).some((row) => inRange(row.key, q));

describe('termKey', () => {
  it('makes one key of spellings that differ in case, accents, punctuation and spacing', () => {
    for (const name of ['Coalition (US)', 'coalition-us', 'Coalitión  US', ' COALITION/us ', 'coalition\u0301 us']) expect(termKey(name)).toBe('coalition us');
  });

  it.each([
    ['Ça va, l’été', 'ca va l ete'],
    ['ﬁnance', 'finance'],
    ['İstanbul', 'istanbul'],
    ['РИА Новости', 'риа новости'],
    ['北京 2024', '北京 2024'],
    ['!!!', ''],
    ['  ', ''],
  ])('%s → %s', (name, key) => {
    expect(termKey(name)).toBe(key);
  });

  it(`is at most ${MAX_KEY_LENGTH} characters, counted as code points, never ending in a space`, () => {
    expect(termKey('a'.repeat(300))).toHaveLength(MAX_KEY_LENGTH);
    const emoji = Array.from(termKey('𝒳'.repeat(300)));
    expect(emoji).toHaveLength(MAX_KEY_LENGTH);
    expect(termKey(`${'a'.repeat(254)} b`)).toBe('a'.repeat(254));
  });

  it('is idempotent, and a key has only lowercase letters, digits and single inner spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const key = termKey(text);
        expect(termKey(key)).toBe(key);
        expect(key).not.toMatch(/^ | $| {2}/);
        expect(key).toMatch(/^[\p{L}\p{N} ]*$/u);
      }),
    );
  });
});

describe('termNameRows', () => {
  it('one whole-name row per name, alias and slug, then one per later word start', () => {
    expect(termNameRows({ name: 'US-led coalition', slug: 'us-led-coalition-2', aliases: ['Coalition (US)'] })).toEqual([
      { role: 'name', word: 0, key: 'us led coalition' },
      { role: 'alias', word: 0, key: 'coalition us' },
      { role: 'slug', word: 0, key: 'us led coalition 2' },
      { role: 'name', word: 1, key: 'led coalition' },
      { role: 'name', word: 2, key: 'coalition' },
      { role: 'alias', word: 1, key: 'us' },
      { role: 'slug', word: 1, key: 'led coalition 2' },
      { role: 'slug', word: 2, key: 'coalition 2' },
      { role: 'slug', word: 3, key: '2' },
    ]);
  });

  it('each key once, a whole name before a word of another: a lookup by name finds an alias that is a word of the name', () => {
    const rows = termNameRows({ name: 'Syria war', slug: 'syria-war', aliases: ['War', 'syria  WAR', '!!!', 42] });
    expect(rows).toEqual([
      { role: 'name', word: 0, key: 'syria war' },
      { role: 'alias', word: 0, key: 'war' },
    ]);
  });

  it('finds a term by a prefix of any word start: prefix and whole-word matches, accents and case aside', () => {
    const term = { name: 'Coalitión (US)', slug: 'coalition-us', aliases: ['Operation Inherent Resolve'] };
    for (const q of ['coal', 'COALITION', 'coalition u', 'Coalition-US', 'us', 'inherent', 'inherent res', 'resolve', 'operation inherent resolve'])
      expect([q, matches(term, q)]).toEqual([q, true]);
    for (const q of ['oalition', 'coalition x', 'solve', 'us coalition', 'operation resolve']) expect([q, matches(term, q)]).toEqual([q, false]);
  });

  it('matches exactly the terms one of whose keys has the query key at a word start', () => {
    const word = fc.stringMatching(/^[a-cé]{1,3}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.array(word, { minLength: 1, maxLength: 2 }), (words, query) => {
        const name = words.join(' ');
        const q = query.join(' ');
        const expected = ` ${termKey(name)}`.includes(` ${termKey(q)}`);
        expect(matches({ name }, q)).toBe(expected);
      }),
    );
  });
});

describe('searchRange', () => {
  it('is null for a query with no letter or digit', () => {
    expect(searchRange(' -- ')).toBeNull();
  });

  it('holds every key starting with the query key, bytewise, even one ending in the last code points', () => {
    expect(inRange('abc', 'ab')).toBe(true);
    expect(inRange('ab\u{10FFFD}', 'ab')).toBe(true);
    expect(inRange('ab\uFFFF', 'ab')).toBe(true);
    expect(inRange('ac', 'ab')).toBe(false);
    expect(inRange('aa\u{10FFFF}', 'ab')).toBe(false);
  });
});

describe('storedAliases', () => {
  it('trims, keeps the first of each key, in order, and drops the name itself', () => {
    expect(storedAliases('Beta', [' Gamma ', 'beta', 'BETA!', 'gamma', 'Delta', 'Délta'])).toEqual(['Gamma', 'Delta']);
  });

  it('a name with no letter or digit is told apart by its text', () => {
    expect(storedAliases('!!!', ['!!!', '???', ' ??? '])).toEqual(['???']);
  });
});

describe('aliasesProblem', () => {
  it('accepts an array of non-blank strings, and null', () => {
    expect(aliasesProblem(['Beta', 'Γάμμα'])).toBeNull();
    expect(aliasesProblem([])).toBeNull();
    expect(aliasesProblem(null)).toBeNull();
  });

  it.each([
    ['must be an array of strings', 'Beta'],
    ['must be an array of strings', { 0: 'Beta' }],
    ['entry 1 must be a non-empty string', ['Beta', 3]],
    ['entry 0 must be a non-empty string', ['  ']],
    ['entry 0 is longer than 255 characters', ['a'.repeat(256)]],
    [`must have at most ${MAX_ALIASES} entries`, Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `alias ${i}`)],
  ])('refuses what %s', (problem, value) => {
    expect(aliasesProblem(value)).toBe(problem);
  });
});
