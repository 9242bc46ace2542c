import type { Core } from '@strapi/strapi';
import { UIDS } from '../../../shared/constants';
import { changesCover } from '../lib/article-cover';
import { getService } from '../utils/get-service';
import { columnName, mediaLinkTable, tableName } from '../utils/metadata';

/** What Strapi's database lifecycles hand a subscriber, as far as this reads it. */
interface FileEvent {
  params: { where?: Record<string, unknown>; data?: Record<string, unknown> };
  result?: { id?: number } | null;
  state: { documentIds?: string[] };
}

/**
 * The media library as a writer of public pages: editing a file (its
 * alternative text, replacing it) or deleting it changes the cards of the
 * published articles that have it as cover, on every tag and source page
 * showing them. Strapi's upload plugin writes files through the Query Engine
 * (strapi.db.query: update, delete), so its public database lifecycles see
 * every such write, whichever route or service made it; the change is
 * recorded after the write, so no reader caches the old card once it is
 * announced.
 */
const mediaChanges = ({ strapi }: { strapi: Core.Strapi }) => {
  /** documentIds of the published articles whose cover is one of the files. */
  async function publishedArticlesUsing(fileIds: number[]): Promise<string[]> {
    if (fileIds.length === 0) return [];
    const link = mediaLinkTable(strapi);
    const rows: Array<{ documentId: string }> = await strapi.db
      .connection(`${link.name} as m`)
      .join(`${tableName(strapi, UIDS.article)} as a`, 'a.id', `m.${link.idColumn}`)
      .where(`m.${link.typeColumn}`, UIDS.article)
      .where(`m.${link.fieldColumn}`, 'cover')
      .whereIn(`m.${link.fileColumn}`, fileIds)
      .whereNotNull(`a.${columnName(strapi, UIDS.article, 'publishedAt')}`)
      .distinct({ documentId: `a.${columnName(strapi, UIDS.article, 'documentId')}` });
    return rows.map((row) => row.documentId);
  }

  const record = async (documentIds: string[] | undefined) => {
    if (documentIds && documentIds.length > 0) await getService(strapi, 'page-changes').republished(documentIds);
  };

  return {
    publishedArticlesUsing,

    /** From the plugin's bootstrap: once per app. */
    subscribe(): void {
      strapi.db.lifecycles.subscribe({
        models: [UIDS.file],
        async afterUpdate(event: FileEvent) {
          const id = event.result?.id;
          if (id === undefined || !changesCover(event.params.data)) return;
          await record(await publishedArticlesUsing([id]));
        },
        // The links go with the file: which articles had it is read before.
        async beforeDelete(event: FileEvent) {
          if (!event.params.where) return;
          const files: Array<{ id: number }> = await strapi.db.query(UIDS.file).findMany({ where: event.params.where, select: ['id'] });
          event.state.documentIds = await publishedArticlesUsing(files.map((file) => file.id));
        },
        async afterDelete(event: FileEvent) {
          await record(event.state.documentIds);
        },
      });
    },
  };
};

export default mediaChanges;
