import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { UIDS } from '../../../shared/constants';
import type { MergeTags } from '../../../shared/contracts/tag-admin';
import { MAX_ALIASES } from '../lib/content-rules';
import { retirePlan } from '../lib/slug-history';
import { storedAliases } from '../lib/term-names';
import { ConcurrentChange } from '../utils/concurrent-change';
import { getService } from '../utils/get-service';
import { articleJoinTable, columnName, tableName } from '../utils/metadata';
import type { TagRow } from './tag-directory';

type Report = MergeTags.Response['data'];

/**
 * Merges tags into one, in one transaction, through the write path every
 * writer shares: the links are moved here (once per article row, draft and
 * published, the merged tag taking the place of the one it replaces), then
 * the slug history retires the merged slugs towards `into`, the Document
 * Service deletes the merged tags and stores `into`'s new aliases (its
 * middleware keeps the index, the names and the change events), and the
 * change of `into`'s pages is recorded like any other.
 */
const tagMerge = ({ strapi }: { strapi: Core.Strapi }) => {
  const link = () => articleJoinTable(strapi, 'tags');

  /** The link rows `into` lacks: one per article row of the merged tags, at the place of its first merged tag. */
  async function missingLinks(trx: Knex, fromIds: number[], intoId: number): Promise<Array<{ article_id: number; tag_ord: number | null; document_id: string }>> {
    const l = link();
    const articles = tableName(strapi, UIDS.article);
    return (trx(`${l.name} as l`)
      .join(`${articles} as a`, 'a.id', `l.${l.joinColumn.name}`)
      .whereIn(`l.${l.inverseJoinColumn.name}`, fromIds)
      .whereNotExists(function linked() {
        this.select(1)
          .from(`${l.name} as i`)
          .whereRaw('?? = ??', [`i.${l.joinColumn.name}`, `l.${l.joinColumn.name}`])
          .where(`i.${l.inverseJoinColumn.name}`, intoId);
      })
      .groupBy(`l.${l.joinColumn.name}`, 'a.document_id')
      .select({ article_id: `l.${l.joinColumn.name}`, document_id: 'a.document_id' })
      .min({ tag_ord: `l.${l.orderColumnName}` })
      .orderBy(`l.${l.joinColumn.name}`, 'asc')) as unknown as Promise<Array<{ article_id: number; tag_ord: number | null; document_id: string }>>;
  }

  async function addLinks(trx: Knex, intoId: number, rows: Array<{ article_id: number; tag_ord: number | null }>): Promise<void> {
    const l = link();
    const [{ last }] = await trx(l.name).where(l.inverseJoinColumn.name, intoId).max({ last: l.inverseOrderColumnName });
    let order = Number(last ?? 0);
    for (let i = 0; i < rows.length; i += 500) {
      await trx(l.name).insert(
        rows.slice(i, i + 500).map((row) => ({
          [l.joinColumn.name]: row.article_id,
          [l.inverseJoinColumn.name]: intoId,
          [l.orderColumnName]: row.tag_ord,
          [l.inverseOrderColumnName]: ++order,
        })),
      );
    }
  }

  /** Refuses what cannot be merged, naming it: nothing is read or written before. */
  function check(from: string[], into: string, found: TagRow[]): { fromTags: TagRow[]; intoTag: TagRow } {
    if (from.includes(into)) throw new errors.ValidationError(`Cannot merge "${into}" into itself: leave it out of "from"`);
    const unknown = [...from, into].filter((slug) => !found.some((tag) => tag.slug === slug));
    if (unknown.length > 0) throw new errors.ValidationError(`No tag with slug ${unknown.map((slug) => `"${slug}"`).join(', ')}`);
    return { fromTags: from.map((slug) => found.find((tag) => tag.slug === slug)!), intoTag: found.find((tag) => tag.slug === into)! };
  }

  return {
    async merge(input: { from: string[]; into: string; dryRun: boolean }): Promise<Report> {
      const { from, into, dryRun } = input;
      return strapi.db.transaction(async ({ trx }) => {
        const directory = getService(strapi, 'tag-directory');
        const { fromTags, intoTag } = check(from, into, await directory.bySlugs([...from, into]));
        const fromIds = fromTags.map((tag) => tag.id);
        const aliases = storedAliases(intoTag.name, [...intoTag.aliases, ...fromTags.flatMap((tag) => [tag.name, ...tag.aliases])]);
        if (aliases.length > MAX_ALIASES) {
          throw new errors.ValidationError(`"${into}" would have ${aliases.length} aliases, at most ${MAX_ALIASES}: remove some from the tags first`);
        }
        if (!dryRun) {
          // Row locks on every tag involved, in id order: a second merge of the same tags waits here, then finds them gone.
          const ids = [intoTag.id, ...fromIds].sort((a, b) => a - b);
          const locked = await trx(tableName(strapi, UIDS.tag)).whereIn('id', ids).update({ [columnName(strapi, UIDS.tag, 'updatedAt')]: new Date() });
          if (locked < ids.length) throw new ConcurrentChange(`Another change removed some of the tags ${[...from, into].join(', ')} meanwhile: reload and try again`);
        }
        const missing = await missingLinks(trx, fromIds, intoTag.id);
        const articlesMoved = new Set(missing.map((row) => row.document_id)).size;
        const history = getService(strapi, 'slug-history');
        const plans = fromTags.map((tag) => retirePlan(tag.documentId, tag.slug, intoTag.documentId));
        const rows = await history.preview('tag', plans, from, fromTags.map((tag) => tag.documentId));
        const report = {
          articlesMoved,
          articlesAlreadyTagged: (await directory.documentCount(fromIds)) - articlesMoved,
          tagsRemoved: fromTags.length,
          redirects: rows.filter((row) => row.target === intoTag.documentId).map((row) => ({ from: row.from, to: intoTag.slug })).sort((a, b) => a.from.localeCompare(b.from)),
          dryRun,
        };
        if (dryRun) return { ...report, tag: await directory.describe(intoTag) };

        const changes = getService(strapi, 'page-changes');
        const before = await changes.snapshot(UIDS.tag, intoTag.documentId, true);
        await addLinks(trx, intoTag.id, missing);
        for (const tag of fromTags) await history.retire('tag', tag.documentId, tag.slug, intoTag.documentId);
        for (const tag of fromTags) await strapi.documents(UIDS.tag).delete({ documentId: tag.documentId });
        await strapi.documents(UIDS.tag).update({ documentId: intoTag.documentId, data: { aliases } as never });
        await getService(strapi, 'term-page-index').syncTerms('tags', [intoTag.id]);
        await changes.record(before, await changes.snapshot(UIDS.tag, intoTag.documentId, true), ['redirects']);
        return { ...report, tag: await directory.describe(intoTag) };
      }) as unknown as Promise<Report>;
    },
  };
};

export default tagMerge;
