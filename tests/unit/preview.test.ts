import { mayReadDrafts } from '../../src/plugins/newsroom/server/src/lib/preview-access';
import { PREVIEW_ACTION } from '../../src/plugins/newsroom/shared/constants';
import { isPreviewUid, previewSettings, previewUrl } from '../../src/lib/preview-url';

describe('mayReadDrafts', () => {
  const token = (type: string, permissions: unknown) => ({ strategy: { name: 'content-api-token' }, credentials: { type, permissions } });

  it('a Custom API token holding the preview action, and nothing else', () => {
    expect(mayReadDrafts(token('custom', ['api::article.article.find', PREVIEW_ACTION]))).toBe(true);
    expect(mayReadDrafts(token('custom', ['api::article.article.find']))).toBe(false);
    expect(mayReadDrafts(token('full-access', [PREVIEW_ACTION]))).toBe(false);
    expect(mayReadDrafts(token('read-only', undefined))).toBe(false);
    expect(mayReadDrafts({ strategy: { name: 'users-permissions' }, credentials: { type: 'custom', permissions: [PREVIEW_ACTION] } })).toBe(false);
    expect(mayReadDrafts(undefined)).toBe(false);
  });
});

describe('preview URLs', () => {
  it('the frontend route with the secret and what is shown, query-encoded', () => {
    const url = new URL(previewUrl('https://www.example.com/api/preview?from=cms', 's&1', { type: 'tag', slug: 'a b', documentId: 'd1', status: 'draft' }));
    expect(Object.fromEntries(url.searchParams)).toEqual({ from: 'cms', secret: 's&1', type: 'tag', slug: 'a b', documentId: 'd1', status: 'draft' });
  });

  it('both settings or neither; a malformed URL fails at boot', () => {
    expect(previewSettings(undefined, undefined)).toBeNull();
    expect(previewSettings('https://x.test/p', 's')).toEqual({ url: 'https://x.test/p', secret: 's' });
    expect(() => previewSettings('https://x.test/p', undefined)).toThrow(/go together/);
    expect(() => previewSettings(undefined, 's')).toThrow(/go together/);
    expect(() => previewSettings('not a url', 's')).toThrow();
  });

  it('articles, tags and sources have a page; other types none', () => {
    expect(['api::article.article', 'api::tag.tag', 'api::source.source', 'plugin::upload.file', 'toString'].map(isPreviewUid)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
