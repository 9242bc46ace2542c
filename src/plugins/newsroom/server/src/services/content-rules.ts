import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UIDS } from '../../../shared/constants';
import { firstNonObjectNode, formatPath, kindOf } from '../lib/blocks-shape';
import {
  ARTICLE_RELATION_LIMITS,
  SLUGGED_TYPES,
  aliasesProblem,
  firstFreeSlug,
  relationLimitProblem,
  slugBase,
  type ArticleRelation,
  type SluggedUid,
} from '../lib/content-rules';
import { aliasStrings, storedAliases } from '../lib/term-names';

export interface SlugRequest {
  /** What the slug is made from: the title or name. */
  name: string;
  /** A slug the writer chose: kept if free, else the request fails. */
  wanted?: string | null;
  /** The document being written, whose own rows (draft and published) do not count as taken. */
  documentId?: string;
}

export interface BlocksProblem {
  /** Where, from the article: `["body", "0", "children", "1"]`. */
  path: string[];
  message: string;
}

type SlugRow = { slug: string; documentId: string };
type TermUid = typeof UIDS.tag | typeof UIDS.source;

/**
 * The rules of lib/content-rules that need the database or Strapi's own
 * validator, for every writer: the Document Service middleware
 * (document-middlewares/stored-content.ts), the importer, the seed, and any
 * writer to come. Runs inside the caller's transaction when there is one.
 */
const contentRules = ({ strapi }: { strapi: Core.Strapi }) => {
  const slugRows = (uid: SluggedUid, where: Record<string, unknown>): Promise<SlugRow[]> =>
    strapi.db.query(uid).findMany({ select: ['slug', 'documentId'], where });

  return {
    /**
     * Slugs for a batch of entries written together, in order: each is its
     * name's slug, or `-2`, `-3`, ... when another document (or an earlier
     * request of the batch) has it. null where a wanted slug is taken.
     */
    async slugs(uid: SluggedUid, requests: SlugRequest[]): Promise<Array<string | null>> {
      const { fallbackPrefix } = SLUGGED_TYPES[uid];
      const bases = requests.map((request) => request.wanted || slugBase(request.name, fallbackPrefix));
      const owners = new Map<string, Set<string>>();
      const remember = (rows: SlugRow[]) =>
        rows.forEach((row) => owners.set(row.slug, (owners.get(row.slug) ?? new Set()).add(row.documentId)));
      remember(await slugRows(uid, { slug: { $in: [...new Set(bases)] } }));
      const assigned = new Set<string>();
      const takenFor = (slug: string, documentId?: string): boolean =>
        assigned.has(slug) || [...(owners.get(slug) ?? [])].some((owner) => owner !== documentId);
      const slugs: Array<string | null> = [];
      for (const [i, request] of requests.entries()) {
        let slug: string | null = bases[i];
        if (takenFor(slug, request.documentId)) {
          if (request.wanted) slug = null;
          else {
            // Rare: only now read every slug the suffixed ones could collide with.
            remember(await slugRows(uid, { slug: { $startsWith: bases[i] } }));
            const taken = new Set([...owners.keys(), ...assigned].filter((s) => s.startsWith(bases[i]) && takenFor(s, request.documentId)));
            slug = firstFreeSlug(bases[i], taken);
          }
        }
        if (slug) assigned.add(slug);
        slugs.push(slug);
      }
      return slugs;
    },

    /**
     * Why Strapi would refuse `blocks` as an Article's body, or null. The
     * Document Service validates bodies too, but only after our middleware,
     * and a node that is not an object makes its validator throw a TypeError.
     * Only the body attribute is validated: a whole article costs about as
     * much as writing it.
     */
    async blocksProblem(blocks: unknown[]): Promise<BlocksProblem | null> {
      const odd = firstNonObjectNode(blocks);
      if (odd) return { path: ['body', ...odd.path], message: `must be a node (an object with a "type"); got ${kindOf(odd.value)}` };
      const article = strapi.contentType(UIDS.article);
      // Deliberately partial: only the body is validated.
      const bodyOnly = { ...article, attributes: { body: article.attributes.body } } as typeof article;
      try {
        await strapi.entityValidator.validateEntityCreation(bodyOnly, { body: blocks } as never, { isDraft: true });
        return null;
      } catch (error) {
        if (!(error instanceof errors.ValidationError)) throw error;
        const first = (error.details as { errors?: Array<{ path: string[]; message: string }> }).errors?.[0];
        return first ? { path: first.path, message: first.message } : { path: ['body'], message: error.message };
      }
    },

    /** The body refused as the Document Service refuses invalid input: a 400 naming the path. */
    async assertValidBlocks(blocks: unknown[]): Promise<void> {
      const problem = await this.blocksProblem(blocks);
      if (problem) throw new errors.ValidationError(`${formatPath(problem.path)} ${problem.message}`, { errors: [problem] });
    },

    /**
     * The aliases a tag or source write stores when it sets them or renames
     * the term (undefined: it leaves them as they are; a rename keeps the
     * former name among them): refused with a 400
     * naming `aliases` unless an array of strings within bounds, then as
     * lib/term-names.ts stores them (trimmed, once each, never the name).
     */
    async aliases(uid: TermUid, data: Record<string, unknown>, documentId?: string): Promise<string[] | undefined> {
      const given = data.aliases !== undefined;
      const name = typeof data.name === 'string' ? data.name : undefined;
      if (!given && (name === undefined || !documentId)) return undefined;
      const problem = given ? aliasesProblem(data.aliases) : null;
      if (problem) throw new errors.ValidationError(`aliases: ${problem}`, { errors: [{ path: ['aliases'], message: problem }] });
      const current: { name: string; aliases: unknown } | null = documentId
        ? await strapi.db.query(uid).findOne({ where: { documentId }, select: ['name', 'aliases'] })
        : null;
      // A renamed term keeps its former name as an alias: imports and pickers naming it still find it.
      const formerName = current && name !== undefined && name !== current.name ? [current.name] : [];
      return storedAliases(name ?? current?.name ?? '', [...aliasStrings(given ? data.aliases : current?.aliases), ...formerName]);
    },

    /** Refuses a document left with more tags or sources than lib/article-relations.ts allows (read after the write). */
    async assertRelationLimits(documentId: string): Promise<void> {
      const relations = Object.keys(ARTICLE_RELATION_LIMITS) as ArticleRelation[];
      const rows: Array<Record<ArticleRelation, unknown[]>> = await strapi.db.query(UIDS.article).findMany({
        where: { documentId },
        select: ['id'],
        populate: Object.fromEntries(relations.map((relation) => [relation, { select: ['id'] }])),
      });
      for (const relation of relations) {
        const problem = relationLimitProblem(relation, Math.max(0, ...rows.map((row) => row[relation]?.length ?? 0)));
        if (problem) throw new errors.ValidationError(`${relation}: ${problem}`, { errors: [{ path: [relation], message: problem }] });
      }
    },
  };
};

export default contentRules;
