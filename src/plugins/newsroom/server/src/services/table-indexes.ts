import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, PUBLIC_QUERY_POLICY, SOURCE_UID, TAG_UID } from '../lib/query-policy';

interface Index {
  table: string;
  name: string;
  /** Column names, each optionally followed by " desc". */
  columns: string[];
}

/** Beyond the sorts: tag pages find tags by slug, the importer finds articles by importKey and checks slugs. */
const LOOKUPS: Array<[string, string]> = [
  [TAG_UID, 'slug'],
  [SOURCE_UID, 'slug'],
  [ARTICLE_UID, 'importKey'],
  [ARTICLE_UID, 'slug'],
];

/**
 * Indexes on Strapi's own tables (it makes none for `unique` attributes),
 * made at boot: migrations run before Strapi creates its tables on a fresh
 * database.
 *
 * Two for each field the public API may sort on (the query policy's
 * `sortable`), one per direction, because Strapi always breaks ties by
 * `id ASC` (`ORDER BY title DESC, id ASC`): an index in exactly that order
 * lets a page be read off it, the rows an offset skips included, without
 * sorting. `published_at` comes last where drafts exist, so the skipped rows
 * are checked in the index too. Measured on SQLite, 100,000 articles, page
 * 400 by title: 115-470 ms with an index on the title alone, 1 ms so.
 */
const tableIndexes = ({ strapi }: { strapi: Core.Strapi }) => ({
  wanted(): Index[] {
    const columnOf = (uid: string, attribute: string) => (strapi.db.metadata.get(uid as any).attributes[attribute] as { columnName: string }).columnName;
    const tableOf = (uid: string) => strapi.db.metadata.get(uid as any).tableName;
    const sorts = Object.entries(PUBLIC_QUERY_POLICY.models).flatMap(([uid, model]) => {
      const drafts = strapi.contentType(uid as any).options?.draftAndPublish === true;
      const published = columnOf(uid, 'publishedAt');
      return model.sortable.flatMap((attribute): Index[] => {
        const column = columnOf(uid, attribute);
        const rest = ['id', ...(drafts && column !== published ? [published] : [])];
        return [
          { table: tableOf(uid), name: `${tableOf(uid)}_${column}_asc_idx`, columns: [column, ...rest] },
          { table: tableOf(uid), name: `${tableOf(uid)}_${column}_desc_idx`, columns: [`${column} desc`, ...rest] },
        ];
      });
    });
    const lookups = LOOKUPS.map(([uid, attribute]): Index => {
      const column = columnOf(uid, attribute);
      return { table: tableOf(uid), name: `${tableOf(uid)}_${column}_idx`, columns: [column] };
    });
    return [...sorts, ...lookups];
  },

  async ensure(): Promise<void> {
    for (const { table, name, columns } of this.wanted()) {
      const names = columns.map((column) => column.replace(/ desc$/, ''));
      const list = columns.map((column) => (column.endsWith(' desc') ? '?? DESC' : '??')).join(', ');
      await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${list})`, [name, table, ...names]);
    }
  },
});

export default tableIndexes;
