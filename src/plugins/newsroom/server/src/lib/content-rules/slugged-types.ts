import { UIDS } from '../../../../shared/constants';

/**
 * The content types whose entries the rules govern, and what each slug is
 * made from. (Strapi's Document Service does not fill uid fields.)
 */
export const SLUGGED_TYPES = {
  [UIDS.article]: { from: 'title', fallbackPrefix: 'article' },
  [UIDS.tag]: { from: 'name', fallbackPrefix: 'tag' },
  [UIDS.source]: { from: 'name', fallbackPrefix: 'source' },
} as const;

export type SluggedUid = keyof typeof SLUGGED_TYPES;

export const isSlugged = (uid: string): uid is SluggedUid => Object.hasOwn(SLUGGED_TYPES, uid);
