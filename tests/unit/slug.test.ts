import fc from 'fast-check';
import { firstFreeSlug, SLUG_PATTERN, slugBase } from '../../src/plugins/newsroom/server/src/lib/slug';

describe('slugBase', () => {
  it.each([
    ['U.S. coalition conducts new air attack!', 'us-coalition-conducts-new-air-attack'],
    ['US-led coalition', 'us-led-coalition'],
    ['Assad’s allies', 'assads-allies'],
    ['Breaking <script>alert(1)</script> & more', 'breaking-script-alert-1-script-more'],
    ['РИА Новости', 'ria-novosti'],
    ['Ça va, l’été — “quotes”', 'ca-va-lete-quotes'],
  ])('%s → %s', (name, slug) => {
    expect(slugBase(name, 'tag')).toBe(slug);
  });

  it('is never empty: untransliterable names get a stable hash', () => {
    expect(slugBase('北京', 'tag')).toMatch(/^tag-[0-9a-f]{8}$/);
    expect(slugBase('北京', 'tag')).toBe(slugBase('北京', 'tag'));
    expect(slugBase('北京', 'tag')).not.toBe(slugBase('東京', 'tag'));
    expect(slugBase('!!!', 'source')).toMatch(/^source-[0-9a-f]{8}$/);
  });

  it('cuts long names at a word, within 120 characters', () => {
    const slug = slugBase('word '.repeat(100), 'article');
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug).toMatch(/^(word-)*word$/);
  });
});

describe('SLUG_PATTERN', () => {
  it('admits every slug slugBase makes, whatever the name', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (name) => SLUG_PATTERN.test(slugBase(name, 'tag'))));
  });

  it.each(['', 'a b', 'a/b', 'é', 'a%2F', 'a?b'])('refuses %j', (slug) => {
    expect(SLUG_PATTERN.test(slug)).toBe(false);
  });
});

describe('firstFreeSlug', () => {
  it('numbers from -2', () => {
    expect(firstFreeSlug('a', new Set())).toBe('a');
    expect(firstFreeSlug('a', new Set(['a']))).toBe('a-2');
    expect(firstFreeSlug('a', new Set(['a', 'a-2', 'a-3']))).toBe('a-4');
  });
});
