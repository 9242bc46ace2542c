import fc from 'fast-check';
import {
  articleChange,
  cacheTagsOf,
  emptyChangeSet,
  isEmptyChangeSet,
  mergeChangeSets,
  termChange,
  type ChangeSet,
  type PublishedArticle,
} from '../../../src/plugins/newsroom/server/src/lib/changes';

const article = (over: Partial<PublishedArticle> = {}): PublishedArticle => ({
  documentId: 'doc1',
  slug: 'story',
  version: '10@1000',
  tags: ['alpha', 'beta'],
  sources: ['reuters'],
  ...over,
});

describe('articleChange', () => {
  it('a publish touches every tag and source it lands on, and the lists (the sitemaps list articles)', () => {
    const change = articleChange(null, article());
    expect(change.tags).toEqual({ before: [], after: ['alpha', 'beta'] });
    expect(change.sources).toEqual({ before: [], after: ['reuters'] });
    expect(change.articles).toEqual(['doc1']);
    expect(change.articleSlugs).toEqual(['story']);
    expect(change.lists).toEqual(['articles', 'tags', 'sources']);
  });

  it('an unpublish or delete touches every tag it was on', () => {
    expect(articleChange(article(), null).tags).toEqual({ before: ['alpha', 'beta'], after: [] });
  });

  it('a draft edit (the published version untouched) changes nothing', () => {
    expect(isEmptyChangeSet(articleChange(article(), article()))).toBe(true);
    expect(isEmptyChangeSet(articleChange(null, null))).toBe(true);
  });

  it('a move between tags names both sides; counts move, the source list does not', () => {
    const change = articleChange(article(), article({ version: '11@2000', tags: ['beta', 'gamma'] }));
    expect(change.tags).toEqual({ before: ['alpha', 'beta'], after: ['beta', 'gamma'] });
    expect(change.lists).toEqual(['articles', 'tags']);
  });

  it('a republish with the same terms changes its pages and the article sitemaps, but no counts', () => {
    const change = articleChange(article(), article({ version: '11@2000', slug: 'new-story' }));
    expect(change.lists).toEqual(['articles']);
    expect(change.articleSlugs).toEqual(['story', 'new-story']);
    expect(cacheTagsOf(change)).toEqual(['tag:alpha', 'tag:beta', 'source:reuters', 'article:doc1', 'list:articles']);
  });
});

describe('termChange', () => {
  const tag = { slug: 'alpha', label: 'Alpha', details: '', aliases: '' };

  it('a new tag: its page and the list, no page names it yet', () => {
    const change = termChange('tags', null, tag);
    expect(change.tags.after).toEqual(['alpha']);
    expect(change.labels.tags).toEqual([]);
    expect(change.lists).toEqual(['tags']);
  });

  it('a rename: old and new slug, and every page naming it', () => {
    const change = termChange('tags', tag, { ...tag, slug: 'alpha-2', label: 'Alpha 2' });
    expect(change.tags).toEqual({ before: ['alpha'], after: ['alpha-2'] });
    expect(change.labels.tags).toEqual(['alpha', 'alpha-2']);
    expect(cacheTagsOf(change)).toEqual(['tag:alpha', 'tag:alpha-2', 'tag-label:alpha', 'tag-label:alpha-2', 'list:tags']);
  });

  it('a description: its own pages and the list (which shows it, as the sitemap shows noindex), not the pages naming it', () => {
    const change = termChange('tags', tag, { ...tag, details: 'Now described' });
    expect(cacheTagsOf(change)).toEqual(['tag:alpha', 'list:tags']);
  });

  it('aliases: its own pages and the list (which `q=` searches by them), not the pages naming it', () => {
    const change = termChange('tags', tag, { ...tag, aliases: 'Beta' });
    expect(cacheTagsOf(change)).toEqual(['tag:alpha', 'list:tags']);
  });

  it("a source's url is shown on every page citing it: a label change", () => {
    const source = { slug: 'reuters', label: 'Reuters\n', details: '', aliases: '' };
    const change = termChange('sources', source, { ...source, label: 'Reuters\nhttps://www.reuters.com' });
    expect(cacheTagsOf(change)).toEqual(['source:reuters', 'source-label:reuters', 'list:sources']);
  });

  it('links edited from the tag: the articles that came or went', () => {
    const change = termChange('tags', { ...tag, articles: ['a', 'b'] }, { ...tag, articles: ['b', 'c'] });
    expect(change.articles).toEqual(['a', 'c']);
    expect(change.lists).toEqual(['tags']);
  });

  it('nothing changed: nothing', () => {
    expect(isEmptyChangeSet(termChange('tags', tag, { ...tag }))).toBe(true);
  });
});

describe('mergeChangeSets', () => {
  const slugs = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 4 });
  const changeSet = fc.record({ before: slugs, after: slugs, articles: slugs, all: fc.boolean() }).map(
    ({ before, after, articles, all }): ChangeSet => ({ ...emptyChangeSet(), tags: { before, after }, articles, all }),
  );

  it('covers exactly the cache tags of its parts, in any order', () => {
    fc.assert(
      fc.property(fc.array(changeSet, { maxLength: 5 }), (sets) => {
        const merged = mergeChangeSets(emptyChangeSet(), ...sets);
        if (sets.some((s) => s.all)) return expect(cacheTagsOf(merged)).toEqual(['newsroom']);
        expect(new Set(cacheTagsOf(merged))).toEqual(new Set(sets.flatMap(cacheTagsOf)));
        expect(mergeChangeSets(emptyChangeSet(), ...[...sets].reverse())).toEqual(merged);
      }),
    );
  });
});
