import qs from 'qs';
import {
  ARTICLE_UID,
  checkPublicQuery,
  PUBLIC_QUERY_POLICY,
  QueryRefusal,
  SOURCE_UID,
  TAG_UID,
} from '../../../src/plugins/newsroom/server/src/lib/query-policy';
import { MODELS } from './models';

const LIMITS = { defaultLimit: 25, maxLimit: 100 };
// As strapi::query parses the query string (@strapi/core middlewares/query.ts).
const parse = (query: string) => qs.parse(query, { strictNullHandling: true, arrayLimit: 100, depth: 20 }) as Record<string, unknown>;
const check = (query: string, uid: string = ARTICLE_UID) => checkPublicQuery(parse(query), uid, MODELS, PUBLIC_QUERY_POLICY, LIMITS);

function refusal(query: string, uid: string = ARTICLE_UID): QueryRefusal {
  try {
    check(query, uid);
  } catch (error) {
    if (error instanceof QueryRefusal) return error;
    throw error;
  }
  throw new Error(`accepted: ${query}`);
}

describe('what frontends do every day is accepted as it is', () => {
  it.each([
    '',
    'populate[tags][fields][0]=name&populate[sources][fields][0]=name&sort=publishedAt:desc&pagination[pageSize]=10',
    'filters[tags][slug][$eq]=us-led-coalition&sort=publishedAt:desc',
    'filters[tags][slug][$in][0]=a&filters[tags][slug][$in][1]=b',
    'filters[sources][slug][$eq]=reuters',
    'filters[slug][$eq]=an-article&populate=*',
    'populate=tags,sources&fields=title,slug',
    'sort[0]=title:asc&sort[1]=id',
    'sort[0][publishedAt]=desc',
    'filters[publishedAt][$gte]=2026-01-01&filters[$or][0][title][$eq]=a&filters[$or][1][slug][$in][0]=b',
    'filters[id][$gt]=1000&sort=id:asc&pagination[pageSize]=100',
    'pagination[page]=400',
    'pagination[start]=9990&pagination[limit]=10',
    'pagination[page]=100&pagination[pageSize]=100',
    'pagination[withCount]=false',
    'status=draft',
  ])('%s', (query) => {
    expect(check(query)).toEqual(parse(query));
  });

  it('takes the tags and sources lists as Strapi serves them', () => {
    expect(() => check('sort=name:asc&pagination[pageSize]=100', TAG_UID)).not.toThrow();
    expect(() => check('filters[slug][$eq]=reuters&fields[0]=name&fields[1]=url', SOURCE_UID)).not.toThrow();
    // A tag picker's search: the tags table grows with the taxonomy, not the archive.
    expect(() => check('filters[name][$containsi]=coal&sort=name', TAG_UID)).not.toThrow();
  });
});

describe('pagination', () => {
  it('serves limit=-1 as Strapi documents it: as many as allowed', () => {
    expect(check('pagination[limit]=-1').pagination).toEqual({ limit: '100' });
    expect(check('pagination[start]=20&pagination[limit]=-1').pagination).toEqual({ start: '20', limit: '100' });
  });

  it.each([
    ['pagination[page]=abc', 'pagination[page]', /whole number from 1/],
    ['pagination[page]=-1', 'pagination[page]', /whole number from 1/],
    ['pagination[page]=0', 'pagination[page]', /whole number from 1/],
    ['pagination[page]=1e30', 'pagination[page]', /"1e30"/],
    ['pagination[page]=2.5', 'pagination[page]', /whole number/],
    ['pagination[pageSize]=0', 'pagination[pageSize]', /whole number from 1/],
    ['pagination[limit]=-2', 'pagination[limit]', /whole number from 1/],
    ['pagination[limit]=0', 'pagination[limit]', /whole number from 1/],
    ['pagination[start]=-5', 'pagination[start]', /whole number from 0/],
    ['pagination[page][x]=1', 'pagination[page]', /not an object/],
    ['pagination[page]=1&pagination[page]=2', 'pagination[page]', /not a list/],
    ['pagination=7', 'pagination', /page and pageSize/],
    ['pagination[pagesize]=10', 'pagination[pagesize]', /not a pagination parameter/],
    ['pagination[page]=2&pagination[start]=3', 'pagination', /not both/],
    ['pagination[withCount]=maybe', 'pagination[withCount]', /true or false/],
  ])('%s is refused at %s', (query, param, message) => {
    const error = refusal(query);
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
  });

  it.each([
    ['pagination[page]=401', 'pagination[page]', /page 400 at most/],
    ['pagination[page]=101&pagination[pageSize]=100', 'pagination[page]', /page 100 at most/],
    ['pagination[page]=99999999999999999999', 'pagination[page]', /past the 10,000 rows/],
    ['pagination[start]=99999999999999999999', 'pagination[start]', /past the 10,000 rows/],
    ['pagination[start]=9991&pagination[limit]=10', 'pagination[start]', /reaches row 10,001/],
    ['pagination[start]=9901&pagination[limit]=-1', 'pagination[start]', /reaches row 10,001/],
  ])('%s reaches too deep', (query, param, message) => {
    const error = refusal(query);
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
    expect(error.alternative).toMatch(/filters\[id\]\[\$gt\]/);
  });
});

describe('sort and fields', () => {
  it.each([
    ['sort=body:desc', 'sort', /"body" is not a sortable field of articles \(sortable: id, publishedAt, updatedAt, title\)/],
    ['sort=slug', 'sort', /"slug" is not a sortable field/],
    ['sort=nope', 'sort', /"nope" is not a sortable field/],
    ['sort=title:sideways', 'sort', /must be asc or desc, not "sideways"/],
    ['sort=tags.name:asc', 'sort', /through a relation/],
    ['sort[0][tags][name]=asc', 'sort[0][tags]', /through a relation/],
    ['sort=title:asc:x', 'sort', /field:asc or field:desc/],
    ['fields[0]=title&fields[1]=nope', 'fields[1]', /"nope" is not a field of articles/],
    ['fields[0]=tags', 'fields[0]', /a relation: use populate\[tags\]/],
    ['fields=importKey', 'fields', /"importKey" is not a field/],
  ])('%s is refused at %s', (query, param, message) => {
    const error = refusal(query);
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
  });

  it('keeps sortable fields and indexes in one list: the description lists only indexed scalar fields', () => {
    for (const [uid, model] of Object.entries(PUBLIC_QUERY_POLICY.models)) {
      for (const field of model.sortable) expect(MODELS[uid].attributes[field]?.type).not.toMatch(/relation|text|blocks|json/);
    }
  });
});

describe('populate', () => {
  it.each([
    ['populate=*', TAG_UID, 'populate', /tags' articles are not populated \(populate=\* asks for every relation\)/],
    ['populate=articles', TAG_UID, 'populate', /tags' articles are not populated/],
    ['populate[articles][populate]=*', SOURCE_UID, 'populate[articles]', /sources' articles are not populated/],
    ['populate[tags][populate]=*', ARTICLE_UID, 'populate[tags][populate]', /tags' articles are not populated/],
    ['populate[tags][populate][articles][fields][0]=title', ARTICLE_UID, 'populate[tags][populate][articles]', /not populated/],
    ['populate=tags.articles', ARTICLE_UID, 'populate', /tags' articles are not populated/],
    ['populate[0]=nope', ARTICLE_UID, 'populate[0]', /"nope" is not a relation of articles \(relations: tags, sources\)/],
    ['populate[createdBy]=true', ARTICLE_UID, 'populate[createdBy]', /not a relation/],
    ['populate[tags][limit]=1', ARTICLE_UID, 'populate[tags][limit]', /not a populate option/],
    ['populate[tags][filters][articles][title][$eq]=x', ARTICLE_UID, 'populate[tags][filters][articles]', /through articles is not served/],
    ['populate[tags][sort]=description', ARTICLE_UID, 'populate[tags][sort]', /not a sortable field of tags/],
  ])('%s on %s is refused at %s', (query, uid, param, message) => {
    const error = refusal(query, uid);
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
  });

  it('points to the tag pages instead', () => {
    expect(refusal('populate[articles]=true', TAG_UID).alternative).toMatch('/api/newsroom/tags/:slug');
  });
});

describe('filters', () => {
  it.each([
    ['filters[body][$containsi]=word', 'filters[body]', /long text/],
    ['filters[excerpt][$eq]=x', 'filters[excerpt]', /long text/],
    ['filters[$or][0][customExcerpt][$null]=true', 'filters[$or][0][customExcerpt]', /long text/],
    ['filters[tags][name][$eq]=x', 'filters[tags]', /served is filters\[tags\]\[slug\]\[\$eq\|\$in\]/],
    ['filters[tags][slug][$containsi]=x', 'filters[tags][slug][$containsi]', /served is/],
    ['filters[tags][articles][title][$eq]=x', 'filters[tags]', /served is/],
    ['filters[$or][0][tags][slug][$eq]=x', 'filters[$or][0][tags]', /top level of filters only/],
    ['filters[$not][tags][slug][$eq]=x', 'filters[$not][tags]', /top level/],
    ['filters[nope][$eq]=1', 'filters[nope]', /"nope" is not a field of articles/],
    ['filters[title][$bogus]=1', 'filters[title][$bogus]', /"\$bogus" is not a filter operator/],
    ['filters[$eq]=1', 'filters[$eq]', /must follow a field name/],
    ['filters[$and][0][$and][0][$and][0][$and][0][title]=x', 'filters[$and][0][$and][0][$and][0][$and]', /3 levels deep/],
    ['filters[title][$containsi]=word', 'filters[title][$containsi]', /no index serves \$containsi/],
    ['filters[$or][0][slug][$startsWith]=a', 'filters[$or][0][slug][$startsWith]', /no index serves/],
    ['filters[title][$eqi]=A', 'filters[title][$eqi]', /no index serves/],
    ['filters[title][$not][$contains]=A', 'filters[title][$not][$contains]', /no index serves/],
    ['filters[title][$eq][x]=1', 'filters[title][$eq]', /plain value/],
    ['filters=title', 'filters', /must hold conditions/],
    ['_q=coalition', '_q', /every text field/],
  ])('%s is refused at %s', (query, param, message) => {
    const error = refusal(query);
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
  });

  it('refuses the issue #12 query on tags: through articles to sources', () => {
    const error = refusal('filters[articles][sources][name][$eq]=Reuters&pagination[pageSize]=10', TAG_UID);
    expect(error.param).toBe('filters[articles]');
    expect(error.alternative).toMatch('/api/newsroom/tags/:slug');
  });

  it.each([
    ['filters[tags][slug][$eq]=a&filters[title][$eq]=b', 'filters[tags]', /the only filter/],
    ['filters[sources][slug][$eq]=a&filters[publishedAt][$gt]=2026-01-01', 'filters[sources]', /the only filter/],
    ['filters[tags][slug][$eq]=a&sort=title:asc', 'sort', /sorts by publishedAt or id \(then id\) only/],
    ['filters[tags][slug][$eq]=a&sort[0]=id:asc&sort[1]=publishedAt:desc', 'sort', /sorts by publishedAt or id/],
    ['filters[tags][slug][$eq]=a&sort=id:asc,id:desc', 'sort', /sorts by publishedAt or id/],
    ['filters[tags][slug][$eq]=a&filters[tags][slug][$in][0]=b', 'filters[tags]', /served is filters\[tags\]\[slug\]\[\$eq\|\$in\]/],
  ])('serves a relation filter only as the index answers it: %s', (query, param, message) => {
    const error = refusal(query);
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
  });

  it.each(['filters[tags][slug][$eq]=a&sort=publishedAt:desc,id:desc', 'filters[tags][slug][$in][0]=a&sort=id:desc', 'filters[sources][slug]=a'])(
    'serves %s',
    (query) => expect(() => check(query)).not.toThrow(),
  );

  it('caps $in lists', () => {
    const many = Array.from({ length: 101 }, (_, i) => `filters[tags][slug][$in][${i}]=t${i}`).join('&');
    expect(refusal(many).message).toMatch(/at most 100 values, not 101/);
  });
});
