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

/** The upload plugin's morph table, where Strapi links a media attribute (Article's cover) to its file. */
export interface MediaLinkTable {
  name: string;
  /** The file's id. */
  fileColumn: string;
  /** The entry's id and content type, and which of its media attributes. */
  idColumn: string;
  typeColumn: string;
  fieldColumn: string;
  orderColumn: string;
}

// A media attribute is a morphOne relation `morphBy` the file's morphToMany attribute, which holds the join table.
export function mediaLinkTable(strapi: Core.Strapi): MediaLinkTable {
  const { morphBy } = strapi.db.metadata.get(UIDS.article).attributes.cover as unknown as { morphBy: string };
  const { joinTable } = strapi.db.metadata.get(UIDS.file).attributes[morphBy] as unknown as {
    joinTable: { name: string; joinColumn: { name: string }; morphColumn: { typeColumn: { name: string }; idColumn: { name: string } } };
  };
  return {
    name: joinTable.name,
    fileColumn: joinTable.joinColumn.name,
    idColumn: joinTable.morphColumn.idColumn.name,
    typeColumn: joinTable.morphColumn.typeColumn.name,
    // Strapi's own names (@strapi/database metadata: FIELD, ORDER), not in the join table's description.
    fieldColumn: 'field',
    orderColumn: 'order',
  };
}
