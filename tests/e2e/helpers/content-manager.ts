// Content written as an editor writes it: through the Content Manager's admin
// API, so every rule of the server (slugs, history, counts) applies.
import { call } from './admin-api';

const TAG = '/content-manager/collection-types/api::tag.tag';
const ARTICLE = '/content-manager/collection-types/api::article.article';

/** A new tag; its documentId. */
export async function createTag(server: string, token: string, data: { name: string; slug?: string; aliases?: string[] }): Promise<string> {
  return (await call<{ data: { documentId: string } }>(`${server}${TAG}`, 'POST', data, token)).data.documentId;
}

/** A new article under these tags (documentIds), published or left a draft that was never published. */
export async function createArticle(server: string, token: string, title: string, tags: string[], { published = true } = {}): Promise<void> {
  const body = [{ type: 'paragraph', children: [{ type: 'text', text: `${title}. A body long enough to make an excerpt from.` }] }];
  await call(`${server}${published ? `${ARTICLE}/actions/publish` : ARTICLE}`, 'POST', { title, body, tags: { connect: tags.map((documentId) => ({ documentId })) } }, token);
}
