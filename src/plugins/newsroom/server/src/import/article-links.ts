import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { relationLimitProblem } from '../lib/content-rules';
import { DocumentError } from '../lib/import';
import { chunked } from '../utils/chunked';
import type { Term } from './taxonomy';
import { articleJoinTable } from '../utils/metadata';

export type LinkKind = 'tags' | 'sources';

export interface LinkRequest {
  /** The article's rows: its draft, and its published version if any. */
  rowIds: number[];
  targets: Term[];
  /** The article's line in the document, for messages. */
  line: number;
}

export interface LinkResult {
  /** Per request: whether it linked anything. */
  added: boolean[];
  /** The (article row, target) links written. */
  inserted: Array<{ rowId: number; targetId: number }>;
}

interface LinkTable {
  name: string;
  /** Column holding the article row's id. */
  article: string;
  /** Column holding the tag's or source's id. */
  target: string;
  /** Order of the target among the article's. */
  order: string;
  /** Order of the article among the target's. */
  inverseOrder: string;
}

/** The link table's real names, from Strapi's metadata. */
export function linkTable(strapi: Core.Strapi, kind: LinkKind): LinkTable {
  const joinTable = articleJoinTable(strapi, kind);
  return {
    name: joinTable.name,
    article: joinTable.joinColumn.name,
    target: joinTable.inverseJoinColumn.name,
    order: joinTable.orderColumnName,
    inverseOrder: joinTable.inverseOrderColumnName,
  };
}

/**
 * Links article rows to tags or sources the way Strapi's `connect` orders
 * them: an article's targets 0..n-1 in the order given, and on the target's side one
 * more than its highest order, the same for the draft and the published
 * link. Only missing links are written; every article must still fit the
 * relation limits afterwards.
 */
export function createLinker(strapi: Core.Strapi, trx: Knex.Transaction, kind: LinkKind, file: string) {
  const link = linkTable(strapi, kind);
  const batchSize = strapi.db.dialect.getBatchInsertSize();
  const table = () => strapi.db.getConnection(link.name).transacting(trx);
  // Highest inverse order per target, read on first use and kept up to date
  // here: the import's transaction is the only writer.
  const highestInverseOrder = new Map<number, number>();

  async function nextInverseOrders(targetIds: number[]): Promise<Map<number, number>> {
    const unknown = [...new Set(targetIds)].filter((id) => !highestInverseOrder.has(id));
    for (const ids of chunked(unknown, batchSize)) {
      const rows: Array<{ target: number; highest: number | string | null }> = await table()
        .select({ target: link.target })
        .max({ highest: link.inverseOrder })
        .whereIn(link.target, ids)
        .groupBy(link.target);
      for (const id of ids) highestInverseOrder.set(id, 0);
      for (const row of rows) highestInverseOrder.set(Number(row.target), Number(row.highest ?? 0));
    }
    return highestInverseOrder;
  }

  // Strapi's `connect` (what the Content Manager sends) numbers an article's targets from 0.
  async function linkedNow(rowIds: number[]): Promise<Map<number, { targets: Set<number>; highestOrder: number }>> {
    const linked = new Map(rowIds.map((id) => [id, { targets: new Set<number>(), highestOrder: -1 }]));
    for (const ids of chunked([...linked.keys()], batchSize)) {
      const rows: Array<Record<string, number>> = await table().select(link.article, link.target, link.order).whereIn(link.article, ids);
      for (const row of rows) {
        const state = linked.get(Number(row[link.article]))!;
        state.targets.add(Number(row[link.target]));
        state.highestOrder = Math.max(state.highestOrder, Number(row[link.order] ?? 0));
      }
    }
    return linked;
  }

  return async function linkAll(requests: LinkRequest[]): Promise<LinkResult> {
    const linked = await linkedNow(requests.flatMap((request) => request.rowIds));
    const inverseOrders = await nextInverseOrders(requests.flatMap((request) => request.targets.map((t) => t.id)));
    const rows: Array<Record<string, number>> = [];
    const inserted: LinkResult['inserted'] = [];
    const added = requests.map(({ rowIds, targets, line }) => {
      let changed = false;
      for (const target of targets) {
        const missing = rowIds.filter((id) => !linked.get(id)!.targets.has(target.id));
        if (missing.length === 0) continue;
        // One position on the target's side for the document: its draft and published links share it.
        const inverseOrder = inverseOrders.get(target.id)! + 1;
        inverseOrders.set(target.id, inverseOrder);
        for (const id of missing) {
          const state = linked.get(id)!;
          state.targets.add(target.id);
          state.highestOrder += 1;
          rows.push({ [link.article]: id, [link.target]: target.id, [link.order]: state.highestOrder, [link.inverseOrder]: inverseOrder });
          inserted.push({ rowId: id, targetId: target.id });
        }
        changed = true;
      }
      // An article found again keeps its links: the new ones must still fit.
      for (const id of rowIds) {
        const problem = relationLimitProblem(kind, linked.get(id)!.targets.size);
        if (problem) throw new DocumentError(file, line, problem);
      }
      return changed;
    });
    for (const chunk of chunked(rows, batchSize)) await table().insert(chunk);
    return { added, inserted };
  };
}
