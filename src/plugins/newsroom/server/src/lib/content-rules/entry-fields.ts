import { resolveExcerpt, type BodyFormat, type ExcerptOptions } from '../excerpt';
import { storable } from '../storable-text';
import { UIDS } from '../../../../shared/constants';
import { SLUGGED_TYPES, type SluggedUid } from './slugged-types';

type Data = Record<string, unknown>;

/**
 * The text of an entry as it may be stored, whoever writes it: every string
 * storable (lib/storable-text.ts) on SQLite and PostgreSQL alike.
 */
export const storableData = <T>(data: T): T => storable(data);

/** Fields a new entry gets when its writer leaves them out. */
export function newEntryDefaults(uid: SluggedUid, data: Data): Data {
  // Aliases are an array, never null: readers and the names index (lib/term-names.ts) iterate them.
  if (uid !== UIDS.article && data.aliases == null) return { ...data, aliases: [] };
  return data;
}

/** What the slug of a new entry is made from, or undefined when it has no usable name. */
export function slugSourceOf(uid: SluggedUid, data: Data): string | undefined {
  const name = data[SLUGGED_TYPES[uid].from];
  return typeof name === 'string' && name.trim() ? name : undefined;
}

/**
 * Whether a write must be given a generated slug: on create when it has
 * none, on update only when the slug is emptied (an editor's slug is kept).
 */
export function wantsGeneratedSlug(action: 'create' | 'update', data: Data): boolean {
  return action === 'create' ? !data.slug : 'slug' in data && !data.slug;
}

export interface ArticleContent {
  body?: unknown;
  customExcerpt?: string | null;
  /** How the body was written; what is stored is always Blocks. Default blocks. */
  bodyFormat?: BodyFormat;
}

/** The excerpt an article stores (and the API serves): the editor's own, or one made from the body. */
export function articleExcerpt(content: ArticleContent, settings: ExcerptOptions): string {
  return resolveExcerpt({ body: content.body, customExcerpt: content.customExcerpt, format: content.bodyFormat ?? 'blocks' }, settings);
}
