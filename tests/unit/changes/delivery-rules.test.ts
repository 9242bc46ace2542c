import fc from 'fast-check';
import {
  buildPayloads,
  emptyChangeSet,
  InvalidationClock,
  nextAttemptAt,
  pathsOf,
  splitChange,
  termPageCacheTags,
  urlsOf,
  type ChangeSet,
} from '../../../src/plugins/newsroom/server/src/lib/changes';

const where = { apiUrl: 'https://api.example.com/', articleUrl: 'https://news.example.com/a/{slug}', tagUrl: 'https://news.example.com/topics/{slug}?ref=api', sourceUrl: 'https://news.example.com/from/{slug}' };

describe('urls and paths', () => {
  const change: ChangeSet = { ...emptyChangeSet(), tags: { before: ['old'], after: ['new é'] }, articleSlugs: ['story'], lists: ['tags'] };

  it('every API route of each tag, with default parameters, from PUBLIC_URL, and the list and sitemaps built from the tags', () => {
    expect(urlsOf(change, where)).toEqual([
      'https://api.example.com/api/newsroom/tags/new%20%C3%A9',
      'https://api.example.com/api/newsroom/tags/new%20%C3%A9.txt',
      'https://api.example.com/api/newsroom/tags/new%20%C3%A9/feed.xml',
      'https://api.example.com/api/newsroom/tags/new%20%C3%A9/feed.atom',
      'https://api.example.com/api/newsroom/tags/new%20%C3%A9/related',
      'https://api.example.com/api/newsroom/tags/old',
      'https://api.example.com/api/newsroom/tags/old.txt',
      'https://api.example.com/api/newsroom/tags/old/feed.xml',
      'https://api.example.com/api/newsroom/tags/old/feed.atom',
      'https://api.example.com/api/newsroom/tags/old/related',
      'https://api.example.com/api/newsroom/tags',
      'https://api.example.com/api/newsroom/sitemap.xml',
      'https://api.example.com/api/newsroom/sitemap-tags.xml',
    ]);
  });

  it("the readers' paths from the URL patterns", () => {
    expect(pathsOf(change, where)).toEqual(['/topics/new%20%C3%A9?ref=api', '/topics/old?ref=api', '/a/story']);
  });

  it('a source: its routes (no related ones), the source list and sitemap, its reader-facing page', () => {
    const cited: ChangeSet = { ...emptyChangeSet(), sources: { before: [], after: ['reuters'] }, lists: ['sources'] };
    expect(urlsOf(cited, where)).toEqual([
      'https://api.example.com/api/newsroom/sources/reuters',
      'https://api.example.com/api/newsroom/sources/reuters.txt',
      'https://api.example.com/api/newsroom/sources/reuters/feed.xml',
      'https://api.example.com/api/newsroom/sources/reuters/feed.atom',
      'https://api.example.com/api/newsroom/sources',
      'https://api.example.com/api/newsroom/sitemap.xml',
      'https://api.example.com/api/newsroom/sitemap-sources.xml',
    ]);
    expect(pathsOf(cited, where)).toEqual(['/from/reuters']);
  });

  it('a published article: the sitemap index and the news sitemap (its numbered file is purged by its cache tag)', () => {
    const published: ChangeSet = { ...emptyChangeSet(), articles: ['d1'], lists: ['articles'] };
    expect(urlsOf(published, where)).toEqual(['https://api.example.com/api/newsroom/sitemap.xml', 'https://api.example.com/api/newsroom/sitemap-news.xml']);
  });
});

describe('payload parts', () => {
  it('one body when it fits, numbered parts that together hold everything when not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 50, max: 600 }), (tags, articles, max) => {
        const change: ChangeSet = {
          ...emptyChangeSet(),
          tags: { before: [], after: Array.from({ length: tags }, (_, i) => `t${i}`) },
          articles: Array.from({ length: articles }, (_, i) => `d${i}`),
          lists: ['tags'],
        };
        const parts = buildPayloads(change, { id: 'e1', createdAt: new Date(0) }, where, max);
        expect(parts.map((p) => p.part)).toEqual(parts.map((_, i) => i + 1));
        expect(new Set(parts.map((p) => p.parts))).toEqual(new Set([parts.length]));
        expect(parts.flatMap((p) => p.tags.after).sort()).toEqual([...change.tags.after].sort());
        expect(parts.flatMap((p) => p.articles)).toEqual(change.articles);
        for (const p of parts) expect(p.urls.length + p.paths.length + p.cacheTags.length + p.articles.length + p.tags.after.length).toBeLessThanOrEqual(max + 8);
        expect(splitChange(change, max).length).toBe(parts.length);
      }),
      { numRuns: 50 },
    );
  });
});

describe('InvalidationClock', () => {
  it('a page stays fresh until a change names one of its cache tags after it was built', () => {
    const clock = new InvalidationClock();
    const tags = termPageCacheTags('tags', { slug: 'a' }, [{ documentId: 'd', tags: [{ slug: 'a' }, { slug: 'b' }], sources: [{ slug: 'r' }] }]);
    const builtAt = clock.now();
    clock.invalidate(['tag:other', 'article:other']);
    expect(clock.isFresh(tags, builtAt)).toBe(true);
    clock.invalidate(['tag-label:b']);
    expect(clock.isFresh(tags, builtAt)).toBe(false);
    // Built after the change: fresh.
    expect(clock.isFresh(tags, clock.now())).toBe(true);
  });

  it('a build that started before a change it did not see is stale, however soon it ends', () => {
    const clock = new InvalidationClock();
    const builtAt = clock.now();
    clock.invalidate(['tag:a']);
    expect(clock.isFresh(['tag:a'], builtAt)).toBe(false);
  });

  it('flushes everything, and flushes itself rather than grow without bound', () => {
    const clock = new InvalidationClock(3);
    const builtAt = clock.now();
    clock.invalidate(['x', 'y']);
    expect(clock.isFresh(['z'], builtAt)).toBe(true);
    clock.invalidate(['v', 'w']);
    expect(clock.isFresh(['z'], builtAt)).toBe(false);
  });
});

describe('nextAttemptAt', () => {
  const policy = { firstRetryMs: 1000, maxRetryMs: 60_000, retryForMs: 15 * 60_000 };

  it('doubles from the first delay up to the largest, between half and all of it', () => {
    const delays = [1, 2, 3, 4, 10].map((n) => nextAttemptAt(policy, n, 0, 0, () => 1)!);
    expect(delays).toEqual([1000, 2000, 4000, 8000, 60_000]);
    expect(nextAttemptAt(policy, 2, 0, 0, () => 0)).toBe(1000);
  });

  it('gives up past the time it retries for', () => {
    expect(nextAttemptAt(policy, 3, 0, 14 * 60_000, () => 0)).not.toBeNull();
    expect(nextAttemptAt(policy, 30, 0, 15 * 60_000, () => 0)).toBeNull();
  });
});
