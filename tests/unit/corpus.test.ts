import { parseNdjsonArticle } from '../../src/plugins/newsroom/server/src/lib/import';
import { corpusLines } from '../../scripts/lib/corpus';

const generate = (options: Record<string, number>) => [...corpusLines(options)] as string[];

describe('the benchmark corpus (scripts/lib/corpus.js)', () => {
  const lines = generate({ articles: 4000 });
  const articles = lines.map((text, i) => parseNdjsonArticle(text, { file: 'corpus', line: i + 1 }));

  it('is the same for the same options, and differs with the seed', () => {
    expect(generate({ articles: 50 })).toEqual(lines.slice(0, 50));
    expect(generate({ articles: 50, seed: 2 })).not.toEqual(lines.slice(0, 50));
  });

  it('gives valid NDJSON articles: unique titles, ~3 KB bodies in every format, 3 tags, 1-2 sources, newest first', () => {
    expect(new Set(articles.map((a) => a.title)).size).toBe(articles.length);
    expect(new Set(articles.map((a) => a.bodyFormat))).toEqual(new Set(['text', 'markdown', 'html', 'blocks']));
    const sizes = lines.map((line) => Buffer.byteLength(line));
    expect(sizes.reduce((a, b) => a + b, 0) / sizes.length).toBeGreaterThan(3000);
    expect(articles.every((a) => a.tags.length === 3 && new Set(a.tags).size === 3)).toBe(true);
    expect(articles.every((a) => a.sources.length >= 1 && a.sources.length <= 2)).toBe(true);
    const dates = articles.map((a) => Date.parse(a.publishedAt!));
    expect(dates.every((date, i) => i === 0 || date < dates[i - 1])).toBe(true);
    const drafts = articles.filter((a) => a.draft).length;
    expect(drafts).toBeGreaterThan(0);
    expect(drafts).toBeLessThan(articles.length * 0.05);
  });

  it('spreads tags Zipf-like: a few very large tags and a long tail', () => {
    const perTag = new Map<string, number>();
    for (const article of articles) for (const tag of article.tags) perTag.set(tag, (perTag.get(tag) ?? 0) + 1);
    const sizes = [...perTag.values()].sort((a, b) => b - a);
    const median = sizes[Math.floor(sizes.length / 2)];
    expect(sizes[0] / articles.length).toBeGreaterThan(0.05);
    expect(sizes[0]).toBeGreaterThan(20 * median);
    expect(perTag.size).toBeGreaterThan(1000);
  });
});
