import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UIDS } from '../../../shared/constants';
import type { DeleteTag, RedirectChange, RenameTag } from '../../../shared/contracts/tag-admin';
import { SLUG_PATTERN } from '../lib/slug';
import { renamePlan, retirePlan, type RedirectPlan } from '../lib/slug-history';
import { getService } from '../utils/get-service';
import type { TagRow } from './tag-directory';

/**
 * Rename and delete from the Tags page: checked and previewed here, written
 * through the Document Service, whose middleware applies the slug history,
 * keeps the former name as an alias, and records the change, as it does for
 * the Content Manager and REST.
 */
const tagLifecycle = ({ strapi }: { strapi: Core.Strapi }) => {
  const directory = () => getService(strapi, 'tag-directory');
  const history = () => getService(strapi, 'slug-history');

  async function tagOf(slug: string, what = 'tag'): Promise<TagRow> {
    const [tag] = await directory().bySlugs([slug]);
    if (!tag) throw new errors.NotFoundError(`No ${what} with slug "${slug}"`);
    return tag;
  }

  /**
   * The redirects that will lead to `target` (whose slug is `slug`; null: gone) once the
   * plan is applied, among the rows of `slugs` and of those leading to `retired`.
   */
  async function leadingTo(plan: RedirectPlan, slugs: string[], retired: string, target: string | null, slug: string | null): Promise<RedirectChange[]> {
    const rows = await history().preview('tag', [plan], slugs, [retired]);
    return rows
      .filter((row) => row.target === target)
      .map((row) => ({ from: row.from, to: slug }))
      .sort((a, b) => a.from.localeCompare(b.from));
  }

  return {
    async rename(slug: string, input: { name?: string; slug?: string; dryRun: boolean }): Promise<RenameTag.Response['data']> {
      return strapi.db.transaction(async () => {
        const tag = await tagOf(slug);
        const name = input.name ?? tag.name;
        const newSlug = input.slug ?? tag.slug;
        if (name === tag.name && newSlug === tag.slug) throw new errors.ValidationError('Nothing to rename: give a new name or slug');
        if (!SLUG_PATTERN.test(newSlug)) throw new errors.ValidationError(`slug "${newSlug}" may hold only lowercase letters, digits and hyphens`);
        if (newSlug !== tag.slug) {
          const [taken] = await directory().bySlugs([newSlug]);
          if (taken) throw new errors.ValidationError(`slug "${newSlug}" is already taken by tag "${taken.name}"`);
        }
        const released: RedirectChange[] = [];
        for (const row of await history().existing('tag', [newSlug])) {
          released.push({ from: row.from, to: (await history().resolve('tag', row.from))?.to ?? null });
        }
        const plan = renamePlan(tag.documentId, tag.slug, newSlug);
        const redirects = await leadingTo(plan, [tag.slug, newSlug], tag.documentId, tag.documentId, newSlug);
        if (!input.dryRun) {
          await strapi.documents(UIDS.tag).update({ documentId: tag.documentId, data: { name, slug: newSlug } as never });
        }
        const after = input.dryRun ? tag : (await directory().bySlugs([newSlug]))[0];
        return { tag: { ...(await directory().describe(after)), ...(input.dryRun ? { name, slug: newSlug } : {}) }, redirects, released, dryRun: input.dryRun };
      }) as unknown as Promise<RenameTag.Response['data']>;
    },

    async remove(slug: string, input: { redirectTo?: string; dryRun: boolean }): Promise<DeleteTag.Response['data']> {
      return strapi.db.transaction(async () => {
        const tag = await tagOf(slug);
        if (input.redirectTo === slug) throw new errors.ValidationError(`Cannot redirect "${slug}" to itself: choose another tag, or none for 410 Gone`);
        const target = input.redirectTo ? (await directory().bySlugs([input.redirectTo]))[0] : null;
        if (input.redirectTo && !target) throw new errors.ValidationError(`redirectTo: no tag with slug "${input.redirectTo}"`);
        const targetId = target?.documentId ?? null;
        const plan = retirePlan(tag.documentId, tag.slug, targetId);
        const redirects = await leadingTo(plan, [tag.slug], tag.documentId, targetId, target?.slug ?? null);
        const articlesUntagged = await directory().documentCount([tag.id]);
        if (!input.dryRun) {
          await history().retire('tag', tag.documentId, tag.slug, targetId);
          await strapi.documents(UIDS.tag).delete({ documentId: tag.documentId });
        }
        return { articlesUntagged, redirects, dryRun: input.dryRun };
      }) as unknown as Promise<DeleteTag.Response['data']>;
    },
  };
};

export default tagLifecycle;
