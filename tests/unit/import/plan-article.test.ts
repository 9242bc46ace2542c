import { excerptFromBody } from '../../../src/plugins/newsroom/server/src/lib/excerpt';
import { DEFAULT_EXCERPT_OPTIONS } from '../../../src/plugins/newsroom/server/src/lib/excerpt/options';
import {
  bodyText,
  defaultPublishedAt,
  importKey,
  paragraphBlocks,
  parseNdjsonArticle,
  parseTagListing,
  planListingItem,
  planNdjsonArticle,
} from '../../../src/plugins/newsroom/server/src/lib/import';

const startedAt = new Date('2024-05-01T12:00:00.000Z');
const ctx = { startedAt, draft: false, excerpt: DEFAULT_EXCERPT_OPTIONS };
const NBSP = '\u00A0';

describe('paragraphBlocks', () => {
  it('makes one paragraph per "\\n\\n" part, keeping the text exactly', () => {
    expect(paragraphBlocks(`A “quoted”${NBSP}word.\n\nSecond\nline.`)).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: `A “quoted”${NBSP}word.` }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'Second\nline.' }] },
    ]);
    expect(paragraphBlocks('')).toEqual([]);
  });
});

describe('bodyText', () => {
  it('reads each format as the excerpt engine does', () => {
    expect(bodyText('One\nwrapped.\n\nTwo  spaced.', 'text')).toBe('One wrapped.\n\nTwo spaced.');
    expect(bodyText('# Title\n\n**Bold** [link](https://x.org)\n\n- a\n- b', 'markdown')).toBe('Title\n\nBold link\n\na\nb');
    expect(bodyText('<h2>Install</h2><p>How to</p><ul><li>a</li><li>b</li></ul>', 'html')).toBe('Install\n\nHow to\n\na\nb');
    expect(bodyText(paragraphBlocks('P1\n\nP2'), 'blocks')).toBe('P1\n\nP2');
  });
});

describe('defaultPublishedAt', () => {
  it('is the import start minus one second per position', () => {
    expect(defaultPublishedAt(startedAt, 0)).toEqual(startedAt);
    expect(defaultPublishedAt(startedAt, 3).toISOString()).toBe('2024-05-01T11:59:57.000Z');
  });
});

describe('planListingItem', () => {
  const listing = parseTagListing(
    `Contents tagged with Syria\n\n  • Truncated\n\n    According to Reuters, a${NBSP}strike.\n\n    More text${NBSP}…\n\n  • Whole\n\n    Short text.`,
    { file: 'l.txt' },
  );

  it('a truncated item: the text as the body, the listed excerpt as the custom excerpt, the sources named', () => {
    const plan = planListingItem(listing.tag, listing.items[0], 0, ctx);
    expect(plan).toEqual({
      line: 3,
      title: 'Truncated',
      importKey: importKey('Truncated', `According to Reuters, a${NBSP}strike.\n\nMore text`),
      body: paragraphBlocks(`According to Reuters, a${NBSP}strike.\n\nMore text`),
      blocksFromDocument: false,
      customExcerpt: `According to Reuters, a${NBSP}strike.\n\nMore text${NBSP}…`,
      byline: null,
      excerpt: `According to Reuters, a${NBSP}strike.\n\nMore text${NBSP}…`,
      tags: ['Syria'],
      sources: ['Reuters'],
      publishedAt: startedAt.toISOString(),
      slug: null,
    });
  });

  it('a whole item: no custom excerpt, the excerpt generated; --draft: no publishedAt', () => {
    const plan = planListingItem(listing.tag, listing.items[1], 1, { ...ctx, draft: true });
    expect(plan).toMatchObject({ customExcerpt: null, excerpt: 'Short text.', publishedAt: null, sources: [] });
  });
});

describe('planNdjsonArticle', () => {
  const plan = (fields: Record<string, unknown>, index = 0, context = ctx) =>
    planNdjsonArticle(parseNdjsonArticle(JSON.stringify(fields), { file: 'n.ndjson', line: 7 }), 7, index, context);

  it('stores a Markdown body as paragraphs of its text; the excerpt comes from the Markdown', () => {
    const markdown = `# Heading\n\n${'word '.repeat(150)}\n\n- item`;
    const planned = plan({ title: 'Md', body: markdown, bodyFormat: 'markdown', tags: ['A'], sources: ['TASS'] });
    expect(planned.body).toEqual(paragraphBlocks(bodyText(markdown, 'markdown')));
    expect(planned.excerpt).toBe(excerptFromBody(markdown, 'markdown'));
    expect(planned.importKey).toBe(importKey('Md', bodyText(markdown, 'markdown')));
    expect(planned).toMatchObject({ line: 7, tags: ['A'], sources: ['TASS'], blocksFromDocument: false, customExcerpt: null });
  });

  it('keeps Blocks as given, for Strapi to validate', () => {
    const blocks = paragraphBlocks('Given.');
    expect(plan({ title: 'B', body: blocks })).toMatchObject({ body: blocks, blocksFromDocument: true, excerpt: 'Given.' });
  });

  it('takes publishedAt, draft, slug and customExcerpt from the line', () => {
    expect(plan({ title: 'D', body: 'x', publishedAt: '2018-02-07' }).publishedAt).toBe('2018-02-07T00:00:00.000Z');
    expect(plan({ title: 'D', body: 'x' }, 2).publishedAt).toBe('2024-05-01T11:59:58.000Z');
    expect(plan({ title: 'D', body: 'x', draft: true }).publishedAt).toBeNull();
    expect(plan({ title: 'D', body: 'x', publishedAt: '2018-02-07' }, 0, { ...ctx, draft: true }).publishedAt).toBeNull();
    expect(plan({ title: 'D', body: 'x', slug: 'own', customExcerpt: ' Mine ' })).toMatchObject({ slug: 'own', customExcerpt: ' Mine ', excerpt: 'Mine' });
  });

  it('takes the byline from the line (parsed: trimmed), none when blank or absent', () => {
    expect(plan({ title: 'D', body: 'x', byline: '  Ada Reporter ' }).byline).toBe('Ada Reporter');
    expect(plan({ title: 'D', body: 'x', byline: ' ' }).byline).toBeNull();
    expect(plan({ title: 'D', body: 'x' }).byline).toBeNull();
  });
});
