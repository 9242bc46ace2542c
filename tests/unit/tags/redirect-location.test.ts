import { redirectLocation } from '../../../src/plugins/newsroom/server/src/lib/redirect-location';

describe('redirectLocation', () => {
  it.each([
    ['/api/newsroom/tags/old', '', '/api/newsroom/tags/new'],
    ['/api/newsroom/tags/old.txt', '?page=2', '/api/newsroom/tags/new.txt?page=2'],
    ['/api/newsroom/tags/old/feed.xml', '', '/api/newsroom/tags/new/feed.xml'],
    ['/api/newsroom/tags/old/feed.atom', '', '/api/newsroom/tags/new/feed.atom'],
    ['/api/newsroom/tags/old/related', '?limit=3', '/api/newsroom/tags/new/related?limit=3'],
    ['/prefix/tags/x/api/newsroom/tags/old', '?after=abc', '/prefix/tags/x/api/newsroom/tags/new?after=abc'],
  ])('%s%s -> %s', (path, search, expected) => {
    expect(redirectLocation(path, 'tags', 'old', 'new', search)).toBe(expected);
  });

  it('refuses a path that is not a route of the slug', () => {
    expect(() => redirectLocation('/api/newsroom/tags/older', 'tags', 'old', 'new')).toThrow('not a route');
    expect(() => redirectLocation('/api/newsroom/sources/old', 'tags', 'old', 'new')).toThrow('not a route');
  });
});
