import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { paragraphs } from '../helpers/blocks';
import { useTestApp } from '../helpers/test-app';

/**
 * Drafts never reach the public: whatever a reader asks of any public route,
 * no draft's text appears and no count includes one. Each draft's title and
 * excerpt carry SECRET, so one search of every body finds any leak.
 */
const SECRET = 'DRAFTSECRET';

const app = useTestApp();
const ids: Record<string, string> = {};
let tagSlug: string;
let otherSlug: string;

const articles = () => app.documents(UIDS.article);
// One Host for every request: the feeds' self links follow it (see security-output.test.ts), and
// supertest's port changes per request, which would change the feeds' ETags for no reader-visible reason.
const get = (url: string, accept?: string) => {
  const req = app.get(url).set('Host', 'news.test');
  return accept ? req.set('Accept', accept) : req;
};
const tick = () => new Promise((resolve) => setTimeout(resolve, 3));

beforeAll(async () => {
  const tag = await app.documents(UIDS.tag).create({ data: { name: 'Draft watch' } });
  const other = await app.documents(UIDS.tag).create({ data: { name: 'Other watch' } });
  const lonely = await app.documents(UIDS.tag).create({ data: { name: 'Only drafts here' } });
  const source = await app.documents(UIDS.source).create({ data: { name: 'Draft source' } });
  [ids.tag, ids.other, ids.lonely, ids.source, tagSlug, otherSlug] = [
    tag.documentId,
    other.documentId,
    lonely.documentId,
    source.documentId,
    tag.slug!,
    other.slug!,
  ];
  const links = { tags: [tag.documentId, other.documentId], sources: [source.documentId] };

  const published = async (title: string, data: Record<string, unknown> = {}) => {
    const doc = await articles().create({ data: { title, body: paragraphs(`${title}.`), ...links, ...data }, status: 'published' });
    await tick(); // distinct publishedAt: a stable order
    return doc.documentId;
  };
  ids.published1 = await published('Published one');
  ids.published2 = await published('Published two', { tags: [tag.documentId] });

  // A draft that was never published.
  const draft = await articles().create({
    data: { title: `${SECRET} never published`, body: paragraphs(`${SECRET} body`), customExcerpt: `${SECRET} excerpt`, ...links, tags: [...links.tags, lonely.documentId] },
  });
  ids.draft = draft.documentId;

  // Published, then taken down.
  ids.unpublished = await published(`${SECRET} taken down`, { customExcerpt: `${SECRET} excerpt` });
  await articles().unpublish({ documentId: ids.unpublished });

  // Published, with a newer edit not published yet: the reader sees the published version only.
  ids.edited = await published('Edited: the public title', { customExcerpt: 'The public excerpt' });
  await articles().update({ documentId: ids.edited, data: { title: `${SECRET} pending edit`, customExcerpt: `${SECRET} pending excerpt` } });
});

const PUBLISHED_TITLES = ['Edited: the public title', 'Published two', 'Published one'];

/** Every public URL that could show an article, a count of them, or a tag's articles. */
function publicUrls(): Array<[string, string?]> {
  const q = (...parts: string[]) => `?${parts.join('&')}`;
  return [
    ['/api/articles'],
    ['/api/articles?status=draft'],
    ['/api/articles?status=draft&pagination[pageSize]=100&populate=*'],
    ['/api/articles?publicationState=preview'],
    [`/api/articles${q(`filters[title][$contains]=${SECRET}`, 'status=draft')}`],
    ['/api/articles?filters[publishedAt][$null]=true&status=draft'],
    ['/api/articles?populate[tags][populate][articles]=true&status=draft'],
    ['/api/articles?fields[0]=title&fields[1]=customExcerpt&fields[2]=excerpt&status=draft'],
    ...[ids.draft, ids.unpublished, ids.edited].flatMap((id): Array<[string]> => [
      [`/api/articles/${id}`],
      [`/api/articles/${id}?status=draft`],
      [`/api/articles/${id}?status=draft&populate=*`],
    ]),
    ['/api/tags?populate=articles'],
    ['/api/tags?populate=articles&status=draft'],
    ['/api/tags?populate[articles][filters][publishedAt][$null]=true&status=draft'],
    ['/api/tags?populate[articles][populate][sources][populate][articles]=true&status=draft'],
    [`/api/tags/${ids.tag}?populate=articles&status=draft`],
    [`/api/tags/${ids.lonely}?populate=*&status=draft`],
    ['/api/sources?populate=articles'],
    ['/api/sources?populate=articles&status=draft'],
    [`/api/sources/${ids.source}?populate[articles][fields][0]=title&status=draft`],
    ['/api/newsroom/tags'],
    ['/api/newsroom/tags?all=true&sort=name'],
    ...[tagSlug, otherSlug, 'only-drafts-here'].flatMap((slug): Array<[string, string?]> => [
      [`/api/newsroom/tags/${slug}?pageSize=100`],
      [`/api/newsroom/tags/${slug}.txt?pageSize=100`],
      [`/api/newsroom/tags/${slug}?pageSize=100`, 'text/plain'],
      [`/api/newsroom/tags/${slug}/related`],
      [`/api/newsroom/tags/${slug}/feed.xml`],
      [`/api/newsroom/tags/${slug}/feed.atom`],
    ]),
  ];
}

describe('drafts never reach a public route', () => {
  it('no draft text in any body, whatever the query', async () => {
    const leaks: string[] = [];
    for (const [url, accept] of publicUrls()) {
      const res = await get(url, accept);
      if (res.status >= 500 || res.text.includes(SECRET)) leaks.push(`${url}${accept ? ` (${accept})` : ''}: ${res.status}`);
    }
    expect(leaks).toEqual([]);
  });

  it('the content API lists, counts and finds only published articles', async () => {
    const list = await get('/api/articles?status=draft&sort=publishedAt:desc').expect(200);
    expect(list.body.data.map((a: { title: string }) => a.title)).toEqual(PUBLISHED_TITLES);
    expect(list.body.meta.pagination.total).toBe(3);
    await get(`/api/articles/${ids.draft}?status=draft`).expect(404);
    await get(`/api/articles/${ids.unpublished}?status=draft`).expect(404);
    const edited = await get(`/api/articles/${ids.edited}?status=draft`).expect(200);
    expect(edited.body.data).toMatchObject({ title: 'Edited: the public title', excerpt: 'The public excerpt', customExcerpt: 'The public excerpt' });
  });

  it('tags and sources never populate their articles (the cost policy refuses it), drafts or not', async () => {
    for (const url of [`/api/tags/${ids.tag}?populate=articles&status=draft`, `/api/sources/${ids.source}?populate=articles&status=draft`]) {
      const res = await get(url).expect(400);
      expect(res.body.error.details.param).toBe('populate');
    }
  });

  it('articles populate their published tags and sources only', async () => {
    const res = await get(`/api/articles/${ids.edited}?status=draft&populate=*`).expect(200);
    expect(res.body.data.tags.map((t: { slug: string }) => t.slug)).toContain(tagSlug);
    expect(res.body.data.tags.every((t: { publishedAt: string | null }) => t.publishedAt)).toBe(true);
  });

  it('tag pages, tag lists and related tags count only published articles', async () => {
    const page = await get(`/api/newsroom/tags/${tagSlug}?pageSize=100`).expect(200);
    expect(page.body.data.tag.articleCount).toBe(3);
    expect(page.body.meta.pagination.total).toBe(3);
    expect(page.body.data.articles.map((a: { title: string }) => a.title)).toEqual(PUBLISHED_TITLES);

    const list = await get('/api/newsroom/tags?all=true&sort=name').expect(200);
    expect(list.body.data.map((t: { name: string; articleCount: number }) => [t.name, t.articleCount])).toEqual([
      ['Draft watch', 3],
      ['Only drafts here', 0],
      ['Other watch', 2],
    ]);
    // Without all=true a tag whose articles are all drafts is not listed.
    const listed = await get('/api/newsroom/tags').expect(200);
    expect(listed.body.data.map((t: { name: string }) => t.name)).not.toContain('Only drafts here');

    const related = await get(`/api/newsroom/tags/${tagSlug}/related`).expect(200);
    // The draft shares both tags with "Only drafts here" and "Other watch": it counts for neither.
    expect(related.body.data).toEqual([{ name: 'Other watch', slug: otherSlug, sharedArticles: 2 }]);
    const none = await get('/api/newsroom/tags/only-drafts-here/related').expect(200);
    expect(none.body.data).toEqual([]);
  });
});

describe('the ETag of each public tag route', () => {
  const tagRoutes = (): Array<[string, string?]> => [
    [`/api/newsroom/tags/${tagSlug}`],
    [`/api/newsroom/tags/${tagSlug}.txt`],
    [`/api/newsroom/tags/${tagSlug}`, 'text/plain'],
    [`/api/newsroom/tags/${tagSlug}/related`],
    [`/api/newsroom/tags/${tagSlug}/feed.xml`],
    [`/api/newsroom/tags/${tagSlug}/feed.atom`],
    ['/api/newsroom/tags'],
    ['/api/newsroom/tags?all=true'],
  ];
  const etags = async () => {
    const result: Record<string, string> = {};
    for (const [url, accept] of tagRoutes()) {
      const res = await get(url, accept).expect(200);
      expect(res.headers.etag).toMatch(/^"[^"]+"$/);
      result[`${url}${accept ? ` (${accept})` : ''}`] = res.headers.etag;
    }
    return result;
  };

  it('stays the same through draft work, and changes when a draft is published', async () => {
    const before = await etags();
    // Asking twice gives the same tag: the feeds carry no build time.
    expect(await etags()).toEqual(before);

    // New drafts, edits of drafts, a draft linked from the tag's side: nothing a reader sees.
    const fresh = await articles().create({ data: { title: `${SECRET} fresh draft`, tags: [ids.tag, ids.other] } });
    await articles().update({ documentId: ids.draft, data: { title: `${SECRET} edited draft` } });
    await articles().update({ documentId: ids.edited, data: { title: `${SECRET} second pending edit` } });
    await articles().update({ documentId: ids.unpublished, data: { title: `${SECRET} taken down, edited` } });
    await app.documents(UIDS.tag).update({
      documentId: ids.other,
      data: { articles: { connect: [fresh.documentId] } },
    });
    expect(await etags()).toEqual(before);
    for (const [url, accept] of tagRoutes()) {
      const req = get(url, accept).set('If-None-Match', before[`${url}${accept ? ` (${accept})` : ''}`]);
      await req.expect(304);
    }

    // Publishing the never-published draft shows it (with both its tags) everywhere.
    await articles().update({ documentId: ids.draft, data: { title: 'Now public', customExcerpt: 'Now public excerpt' } });
    await articles().publish({ documentId: ids.draft });
    const after = await etags();
    const unchanged = Object.keys(before).filter((route) => after[route] === before[route]);
    expect(unchanged).toEqual([]);
    const page = await get(`/api/newsroom/tags/${tagSlug}`).expect(200);
    expect(page.body.data.articles[0].title).toBe('Now public');
    expect(page.body.data.tag.articleCount).toBe(4);
    // The others are still drafts.
    for (const [url, accept] of tagRoutes()) expect((await get(url, accept)).text).not.toContain(SECRET);
  });
});
