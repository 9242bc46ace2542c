import { effectiveOrder, planIndexedFilter, type PlanOptions } from '../../src/plugins/newsroom/server/src/lib/indexed-filter-plan';

const options: PlanOptions = { maxSlugs: { tags: 3, sources: 1 } };
// What Strapi's article find hands the Document Service for `?filters[tags][slug][$eq]=war`.
const params = (overrides: Record<string, unknown> = {}) => ({
  status: 'published',
  filters: { tags: { slug: { $eq: 'war' } } },
  pagination: { pageSize: '10' },
  start: 0,
  limit: 10,
  ...overrides,
});
const DESC_ID_ASC = [
  { key: 'publishedAt', direction: 'desc' },
  { key: 'id', direction: 'asc' },
];

describe('effectiveOrder: the ORDER BY Strapi emits', () => {
  it.each([
    ['no sort: id ascending', undefined, [{ key: 'id', direction: 'asc' }]],
    ['publishedAt desc, then id ascending', [{ publishedAt: 'desc' }], DESC_ID_ASC],
    ['a sort map rather than a list', { publishedAt: 'DESC' }, DESC_ID_ASC],
    ['an explicit id tiebreak is kept', [{ publishedAt: 'asc' }, { id: 'desc' }], [{ key: 'publishedAt', direction: 'asc' }, { key: 'id', direction: 'desc' }]],
    ['two keys in one map', { publishedAt: 'desc', id: 'desc' }, [{ key: 'publishedAt', direction: 'desc' }, { key: 'id', direction: 'desc' }]],
    ['id alone', [{ id: 'desc' }], [{ key: 'id', direction: 'desc' }]],
  ])('%s', (_name, orderBy, expected) => {
    expect(effectiveOrder(orderBy)).toEqual(expected);
  });

  it.each([
    ['another field', [{ title: 'asc' }]],
    ['a relation field', [{ tags: { name: 'asc' } }]],
    ['id before publishedAt', [{ id: 'asc' }, { publishedAt: 'desc' }]],
    ['publishedAt twice', [{ publishedAt: 'desc' }, { publishedAt: 'asc' }]],
    ['id twice', [{ id: 'asc' }, { id: 'desc' }]],
    ['a bad direction', [{ publishedAt: 'sideways' }]],
  ])('no index order for %s', (_name, orderBy) => {
    expect(effectiveOrder(orderBy)).toBeNull();
  });
});

describe('planIndexedFilter', () => {
  it('serves a tag slug $eq with Strapi\'s offset and limit', () => {
    expect(planIndexedFilter(params({ start: 30, limit: 10 }), [{ publishedAt: 'desc' }], options)).toEqual({
      serve: { relation: 'tags', slugs: ['war'], order: DESC_ID_ASC, start: 30, limit: 10 },
    });
  });

  it('serves the implicit equality, $in (deduplicated, or a lone value), and sources', () => {
    const plan = (filters: unknown) => planIndexedFilter(params({ filters }), undefined, options);
    expect(plan({ tags: { slug: 'war' } })).toMatchObject({ serve: { relation: 'tags', slugs: ['war'] } });
    expect(plan({ tags: { slug: { $in: ['war', 'peace', 'war'] } } })).toMatchObject({ serve: { slugs: ['war', 'peace'] } });
    expect(plan({ tags: { slug: { $in: 'war' } } })).toMatchObject({ serve: { slugs: ['war'] } });
    expect(plan({ sources: { slug: { $eq: 'reuters' } } })).toMatchObject({ serve: { relation: 'sources', slugs: ['reuters'] } });
  });

  it.each([
    ['another filter beside it', { filters: { tags: { slug: { $eq: 'war' } }, title: { $containsi: 'x' } } }],
    ['another tag field', { filters: { tags: { name: { $eq: 'War' } } } }],
    ['a deeper relation', { filters: { tags: { articles: { slug: { $eq: 'x' } } } } }],
    ['another operator', { filters: { tags: { slug: { $startsWith: 'w' } } } }],
    ['two operators', { filters: { tags: { slug: { $eq: 'war', $in: ['peace'] } } } }],
    ['$eq of a list', { filters: { tags: { slug: { $eq: ['war'] } } } }],
    ['an empty $in', { filters: { tags: { slug: { $in: [] } } } }],
    ['$in of non-strings', { filters: { tags: { slug: { $in: [{ $ne: 'x' }] } } } }],
    ['a wrapped filter', { filters: { $and: [{ tags: { slug: { $eq: 'war' } } }] } }],
    ['no filter', { filters: undefined }],
    ['drafts', { status: 'draft' }],
    ['a search', { _q: 'war' }],
    ['a locale', { locale: 'fr' }],
    ['no limit', { limit: -1 }],
    ['a fractional start', { start: 1.5 }],
    ['a key an object inherits, not a relation', { filters: { constructor: { slug: 'war' } } }],
  ])('leaves %s to Strapi', (_name, overrides) => {
    expect(planIndexedFilter(params(overrides), undefined, options)).toBeNull();
  });

  it('leaves a relation it is not told to serve to Strapi', () => {
    const tagsOnly: PlanOptions = { maxSlugs: { tags: 3 } };
    expect(planIndexedFilter(params({ filters: { sources: { slug: 'reuters' } } }), undefined, tagsOnly)).toBeNull();
  });

  it('leaves an order no index holds to Strapi', () => {
    expect(planIndexedFilter(params(), [{ title: 'asc' }], options)).toBeNull();
  });

  it('refuses a $in of more slugs than allowed, naming the parameter and the limit', () => {
    const decision = planIndexedFilter(params({ filters: { tags: { slug: { $in: ['a', 'b', 'c', 'd'] } } } }), undefined, options);
    expect(decision).toEqual({
      refuse: {
        message: expect.stringContaining('filters[tags][slug][$in] lists 4 slugs; at most 3 allowed'),
        details: { parameter: 'filters[tags][slug][$in]', maxSlugs: 3, slugs: 4 },
      },
    });
    expect((decision as { refuse: { message: string } }).refuse.message).toContain('/api/newsroom/tags/:slug');
  });

  it('has a limit per relation', () => {
    const sources = (slugs: string[]) => planIndexedFilter(params({ filters: { sources: { slug: { $in: slugs } } } }), undefined, options);
    expect(sources(['reuters'])).toHaveProperty('serve');
    expect(sources(['reuters', 'tass'])).toMatchObject({ refuse: { details: { parameter: 'filters[sources][slug][$in]', maxSlugs: 1, slugs: 2 } } });
  });

  it('counts distinct slugs against the limit', () => {
    expect(planIndexedFilter(params({ filters: { tags: { slug: { $in: ['a', 'b', 'c', 'a', 'b'] } } } }), undefined, options)).toHaveProperty('serve');
  });
});
