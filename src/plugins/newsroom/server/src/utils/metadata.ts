import type { Core, UID } from '@strapi/strapi';
import { UIDS } from '../../../shared/constants';

/** A many-to-many link table as Strapi's metadata describes it (its public shape, which @strapi/database does not export as a type). */
export interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName: string;
  inverseOrderColumnName: string;
}

export const tableName = (strapi: Core.Strapi, uid: UID.Schema): string => strapi.db.metadata.get(uid).tableName;

/** The column of an attribute (Strapi 5 stores camelCase attributes as snake_case columns). */
export const columnName = (strapi: Core.Strapi, uid: UID.Schema, attribute: string): string =>
  (strapi.db.metadata.get(uid).attributes[attribute] as { columnName?: string }).columnName ?? attribute;

/** The link table of one of Article's relations. */
export const articleJoinTable = (strapi: Core.Strapi, relation: 'tags' | 'sources'): JoinTable =>
  (strapi.db.metadata.get(UIDS.article).attributes[relation] as unknown as { joinTable: JoinTable }).joinTable;
