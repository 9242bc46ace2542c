import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { paragraphs } from './blocks';

/** What an editor's article form sends: tags and sources by documentId. */
export interface ArticleForm {
  title: string;
  body?: string;
  tags?: string[];
  sources?: string[];
}

export interface ContentManager {
  /** Creates the article and publishes it, as the edit view's Publish button does: its documentId. */
  publishNew(form: ArticleForm): Promise<string>;
  /** Saves the draft and publishes it. */
  publish(documentId: string, form: Partial<ArticleForm>): Promise<void>;
  unpublish(documentId: string): Promise<void>;
  delete(documentId: string): Promise<void>;
}

const relation = (documentIds: string[] | undefined) => documentIds && { set: documentIds.map((documentId) => ({ documentId })) };

const body = (form: Partial<ArticleForm>) => ({
  ...(form.title === undefined ? {} : { title: form.title }),
  ...(form.body === undefined && form.title === undefined ? {} : { body: paragraphs(form.body ?? `${form.title}. `.repeat(20)) }),
  ...(form.tags ? { tags: relation(form.tags) } : {}),
  ...(form.sources ? { sources: relation(form.sources) } : {}),
});

/** The Content Manager's admin API of the server at `base`, as the admin panel calls it, signed in with `token`. */
export function contentManager(base: string, token: string): ContentManager {
  const root = `${base}/content-manager/collection-types/${UIDS.article}`;
  async function call(method: string, path: string, data?: unknown): Promise<{ data?: { documentId: string } }> {
    const res = await fetch(`${root}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: data === undefined ? undefined : JSON.stringify(data),
    });
    if (!res.ok) throw new Error(`${method} ${root}${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? {} : ((await res.json()) as { data?: { documentId: string } });
  }
  return {
    async publishNew(form) {
      const created = await call('POST', '/actions/publish', body(form));
      return created.data!.documentId;
    },
    async publish(documentId, form) {
      await call('POST', `/${documentId}/actions/publish`, body(form));
    },
    async unpublish(documentId) {
      await call('POST', `/${documentId}/actions/unpublish`, {});
    },
    async delete(documentId) {
      await call('DELETE', `/${documentId}`);
    },
  };
}
