import type { Core } from '@strapi/strapi';
import { UIDS } from '../../../shared/constants';
import type { SluggedUid } from '../lib/content-rules';
import { articleChange, emptyChangeSet, mergeChangeSets, termChange, type ChangeSet, type ListName, type PublishedArticle, type TermState } from '../lib/changes';
import { aliasStrings } from '../lib/term-names';
import { chunked } from '../utils/chunked';
import { getService } from '../utils/get-service';

type Slugged = { slug: string };
type ArticleRow = { id: number; documentId: string; slug: string; updatedAt: unknown; tags?: Slugged[]; sources?: Slugged[] };
type TermRow = {
  documentId: string;
  slug: string;
  name: string;
  aliases?: unknown;
  url?: string | null;
  description?: string | null;
  metaTitle?: string | null;
  metaDescription?: string | null;
  noindex?: boolean | null;
  articles?: Array<{ documentId: string }>;
};

/** What readers saw of the entries a write is about: articles' published versions, or one tag or source. */
export type Snapshot = { uid: typeof UIDS.article; articles: Map<string, PublishedArticle> } | { uid: typeof UIDS.tag | typeof UIDS.source; term: TermState | null };

const kindOf = (uid: typeof UIDS.tag | typeof UIDS.source) => (uid === UIDS.tag ? 'tags' : 'sources');

/**
 * Change sets from what a write changed, read inside the writer's
 * transaction before and after it (lib/changes holds the rules that compare
 * them), and recorded through services/page-versions.ts. Every writer that
 * cannot say itself what it changed reads it here: the Document Service
 * middleware, excerpt regeneration.
 */
const pageChanges = ({ strapi }: { strapi: Core.Strapi }) => {
  async function publishedArticles(where: Record<string, unknown>): Promise<Map<string, PublishedArticle>> {
    const rows: ArticleRow[] = await strapi.db.query(UIDS.article).findMany({
      where: { ...where, publishedAt: { $notNull: true } },
      select: ['id', 'documentId', 'slug', 'updatedAt'],
      populate: { tags: { select: ['slug'] }, sources: { select: ['slug'] } },
    });
    return new Map(
      rows.map((row) => [
        row.documentId,
        {
          documentId: row.documentId,
          slug: row.slug,
          version: `${row.id}@${new Date(row.updatedAt as string).getTime()}`,
          tags: (row.tags ?? []).map((t) => t.slug).sort(),
          sources: (row.sources ?? []).map((s) => s.slug).sort(),
        },
      ]),
    );
  }

  async function term(uid: typeof UIDS.tag | typeof UIDS.source, documentId: string, withLinks: boolean): Promise<TermState | null> {
    const row: TermRow | null = await strapi.db.query(uid).findOne({
      where: { documentId },
      select: ['documentId', 'slug', 'name', 'aliases', 'description', 'metaTitle', 'metaDescription', 'noindex', ...(uid === UIDS.source ? ['url'] : [])],
      ...(withLinks ? { populate: { articles: { select: ['documentId'], where: { publishedAt: { $notNull: true } } } } } : {}),
    });
    if (!row) return null;
    return {
      slug: row.slug,
      // A source's url is shown beside its name on every article that cites it.
      label: uid === UIDS.tag ? row.name : `${row.name}\n${row.url ?? ''}`,
      // Shown on its own pages only (and noindex in the sitemaps, which list its pages).
      details: JSON.stringify([row.description ?? '', row.metaTitle ?? '', row.metaDescription ?? '', Boolean(row.noindex)]),
      aliases: aliasStrings(row.aliases).join('\n'),
      ...(withLinks ? { articles: (row.articles ?? []).map((a) => a.documentId).sort() } : {}),
    };
  }

  /**
   * A tag or source whose links moved changed those articles too, as every
   * page of their other terms shows them (the cards, related tags): each
   * article's change as if edited from its own side, its terms before being
   * its terms now with this one's link as it was.
   */
  async function relinked(before: Snapshot, after: Snapshot): Promise<ChangeSet[]> {
    if (before.uid === UIDS.article || after.uid === UIDS.article) return [];
    const kind = kindOf(before.uid);
    const [was, is] = [new Set(before.term?.articles ?? []), new Set(after.term?.articles ?? [])];
    const moved = [...new Set([...was, ...is])].filter((id) => was.has(id) !== is.has(id));
    const changes: ChangeSet[] = [];
    for (const chunk of chunked(moved)) {
      for (const article of (await publishedArticles({ documentId: { $in: chunk } })).values()) {
        const others = article[kind].filter((slug) => slug !== after.term?.slug);
        const then = was.has(article.documentId) && before.term ? [...others, before.term.slug].sort() : others;
        changes.push(articleChange({ ...article, [kind]: then }, article));
      }
    }
    return changes;
  }

  return {
    publishedArticles,

    /** Before a write of `uid` (documentId undefined: a create), or after it. */
    async snapshot(uid: SluggedUid, documentId: string | undefined, withLinks = false): Promise<Snapshot> {
      if (uid === UIDS.article) return { uid, articles: documentId ? await publishedArticles({ documentId }) : new Map() };
      return { uid, term: documentId ? await term(uid, documentId, withLinks) : null };
    },

    /** Records what changed between two snapshots of the same entries (and the lists the writer knows it changed besides). */
    async record(before: Snapshot, after: Snapshot, lists: ListName[] = []): Promise<void> {
      const change = mergeChangeSets(this.compare(before, after), ...(await relinked(before, after)), { ...emptyChangeSet(), lists });
      await getService(strapi, 'page-versions').record(change);
    },

    /** Published articles rewritten in place (their excerpt): every page showing them, on every tag they are on. */
    async republished(documentIds: string[]): Promise<void> {
      const articles = await publishedArticles({ documentId: { $in: documentIds } });
      const changes = [...articles.values()].map((article) => articleChange(article, { ...article, version: `${article.version}+` }));
      await getService(strapi, 'page-versions').record(mergeChangeSets(emptyChangeSet(), ...changes));
    },

    compare(before: Snapshot, after: Snapshot): ChangeSet {
      if (before.uid === UIDS.article && after.uid === UIDS.article) {
        const ids = new Set([...before.articles.keys(), ...after.articles.keys()]);
        return mergeChangeSets(emptyChangeSet(), ...[...ids].map((id) => articleChange(before.articles.get(id) ?? null, after.articles.get(id) ?? null)));
      }
      if (before.uid !== UIDS.article && after.uid === before.uid) return termChange(kindOf(before.uid), before.term, after.term);
      throw new Error(`snapshots of ${before.uid} and ${after.uid} do not compare`);
    },
  };
};

export default pageChanges;
