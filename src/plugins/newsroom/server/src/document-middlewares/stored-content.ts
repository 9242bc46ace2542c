import type { Core, Modules } from '@strapi/strapi';
import { UIDS } from '../../../shared/constants';
import {
  ARTICLE_RELATION_LIMITS,
  articleExcerpt,
  isSlugged,
  newEntryDefaults,
  slugSourceOf,
  storableData,
  wantsGeneratedSlug,
  type SluggedUid,
} from '../lib/content-rules';
import type { Snapshot } from '../services/page-changes';
import { getService } from '../utils/get-service';
import { yieldToReaders } from '../utils/yield-to-readers';

type Data = Record<string, unknown>;
type Params = { data?: Data; documentId?: string };
type Draft = { body: unknown; customExcerpt?: string | null; excerpt?: string | null };

const WRITES = new Set(['create', 'update', 'publish', 'unpublish', 'delete', 'discardDraft']);
// Writes of these change what a tag or source page shows (articles: every action; terms: their rows
// and links), and a tag's or source's names (services/term-names.ts).
const TAG_WRITES = new Set(['create', 'update', 'delete']);
const TERM_TYPES = { [UIDS.tag]: 'tag', [UIDS.source]: 'source' } as const;

/**
 * The Document Service's adapter over the content rules (lib/content-rules,
 * services/content-rules.ts): every write of an Article, Tag or Source, from
 * the Content Manager, REST or a script, runs in one transaction with
 * - before it: storable text, a generated slug, defaults, valid aliases, a valid body and the
 *   excerpt computed from the data merged with the current draft;
 * - after it: the relation limits, the tag-page index, the names index
 *   (services/term-names.ts), the slug history (services/slug-history.ts:
 *   a changed or deleted slug redirects) and the change set
 *   (what readers saw of the entry before and after: services/page-changes.ts),
 *   so a refused write rolls back whole, no reader sees the write without its
 *   index rows, and every change to a public page is announced.
 * The importer calls the same rules on its bulk path (import/).
 */
export const storedContentMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const uid = context.uid;
    if (!isSlugged(uid) || !WRITES.has(context.action)) return next();
    const params = context.params as Params;
    return strapi.db.transaction(async () => {
      await yieldToReaders(strapi);
      const changes = getService(strapi, 'page-changes');
      const withLinks = uid !== UIDS.article && params.data?.articles !== undefined;
      const before = await changes.snapshot(uid, params.documentId, withLinks);
      const termId = uid !== UIDS.article && params.documentId ? await idOf(strapi, uid, params.documentId) : undefined;
      if (context.action === 'create' || context.action === 'update') await prepare(strapi, uid, context.action, params);
      if (uid === UIDS.article && context.action === 'publish' && params.documentId) await refreshDraftExcerpt(strapi, params.documentId);

      await yieldToReaders(strapi);
      const result = await next();
      await yieldToReaders(strapi);
      const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
      const index = getService(strapi, 'term-page-index');
      if (uid === UIDS.article && documentId) {
        const data = params.data ?? {};
        if (Object.keys(ARTICLE_RELATION_LIMITS).some((relation) => data[relation] !== undefined)) {
          await getService(strapi, 'content-rules').assertRelationLimits(documentId);
        }
        await index.syncDocuments([documentId]);
      } else if (uid !== UIDS.article && TAG_WRITES.has(context.action)) {
        const id = termId ?? (result as { id?: number } | null)?.id;
        // Only its links (or its removal) move a term's rows; a renamed term keeps them.
        if (id && (withLinks || context.action === 'delete')) await index.syncTerms(uid === UIDS.tag ? 'tags' : 'sources', [id]);
        if (id) await getService(strapi, 'term-names').sync(TERM_TYPES[uid], [id]);
      }
      await yieldToReaders(strapi);
      const after = await changes.snapshot(uid, documentId, withLinks);
      const redirected = documentId ? await followSlug(strapi, context.action, documentId, before, after) : false;
      await changes.record(before, after, redirected ? ['redirects'] : []);
      return result;
    });
  };

const REDIRECT_TYPES = { [UIDS.article]: 'article', [UIDS.tag]: 'tag', [UIDS.source]: 'source' } as const;

/** Whether the redirect list changed: the entry's public slug changed, or it went. */
function followSlug(strapi: Core.Strapi, action: string, documentId: string, before: Snapshot, after: Snapshot): Promise<boolean> {
  return getService(strapi, 'slug-history').follow(REDIRECT_TYPES[before.uid], {
    documentId,
    before: publicSlugOf(before, documentId),
    after: publicSlugOf(after, documentId),
    deleted: action === 'delete',
  });
}

const publicSlugOf = (snapshot: Snapshot, documentId: string): string | null =>
  (snapshot.uid === UIDS.article ? snapshot.articles.get(documentId)?.slug : snapshot.term?.slug) ?? null;

// A tag or source has one row (no draft & publish); its id is gone after a delete.
const idOf = async (strapi: Core.Strapi, uid: SluggedUid, documentId: string): Promise<number | undefined> =>
  (await strapi.db.query(uid).findOne({ where: { documentId }, select: ['id'] }))?.id;

// The current draft row: what an update or publish starts from. Read through
// the query engine so this middleware does not re-enter the Document Service.
const draftOf = (strapi: Core.Strapi, documentId: string): Promise<Draft | null> =>
  strapi.db.query(UIDS.article).findOne({ where: { documentId, publishedAt: null }, select: ['body', 'customExcerpt', 'excerpt'] });

async function prepare(strapi: Core.Strapi, uid: SluggedUid, action: 'create' | 'update', params: Params): Promise<void> {
  if (!params.data) return;
  const rules = getService(strapi, 'content-rules');
  let data = storableData(params.data);
  if (action === 'create') data = newEntryDefaults(uid, data);
  const name = slugSourceOf(uid, data);
  if (name && wantsGeneratedSlug(action, data)) {
    [data.slug] = await rules.slugs(uid, [{ name, documentId: params.documentId }]);
  }
  if (uid !== UIDS.article) {
    const aliases = await rules.aliases(uid, data, params.documentId);
    if (aliases) data.aliases = aliases;
  }
  if (uid === UIDS.article) {
    if (Array.isArray(data.body)) await rules.assertValidBlocks(data.body);
    // Writers cannot set the excerpt: it is the editor's customExcerpt, or one made from the body.
    const current = action === 'update' && params.documentId ? await draftOf(strapi, params.documentId) : null;
    data.excerpt = articleExcerpt(
      {
        body: 'body' in data ? data.body : current?.body,
        customExcerpt: ('customExcerpt' in data ? data.customExcerpt : current?.customExcerpt) as string | null,
      },
      await getService(strapi, 'excerpt-settings').get(),
    );
  }
  params.data = data;
}

/** Settings may have changed since the draft was saved: publish what they give now. */
async function refreshDraftExcerpt(strapi: Core.Strapi, documentId: string): Promise<void> {
  const draft = await draftOf(strapi, documentId);
  if (!draft) return;
  const excerpt = articleExcerpt(draft, await getService(strapi, 'excerpt-settings').get());
  if (excerpt !== draft.excerpt) {
    await strapi.db.query(UIDS.article).updateMany({ where: { documentId, publishedAt: null }, data: { excerpt } });
  }
}
