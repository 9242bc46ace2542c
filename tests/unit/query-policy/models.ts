import article from '../../../src/api/article/content-types/article/schema.json';
import source from '../../../src/api/source/content-types/source/schema.json';
import tag from '../../../src/api/tag/content-types/tag/schema.json';
import { ARTICLE_UID, SOURCE_UID, TAG_UID, type Models } from '../../../src/plugins/newsroom/server/src/lib/query-policy';

// What Strapi adds to every content type's attributes when it loads the schema.
const TIMESTAMPS = {
  createdAt: { type: 'datetime' },
  updatedAt: { type: 'datetime' },
  publishedAt: { type: 'datetime' },
  createdBy: { type: 'relation', target: 'admin::user', private: true },
  updatedBy: { type: 'relation', target: 'admin::user', private: true },
};

/** The project's real schemas, as the policy sees them at run time. */
export const MODELS: Models = {
  [ARTICLE_UID]: { uid: ARTICLE_UID, attributes: { ...article.attributes, ...TIMESTAMPS } },
  [TAG_UID]: { uid: TAG_UID, attributes: { ...tag.attributes, ...TIMESTAMPS } },
  [SOURCE_UID]: { uid: SOURCE_UID, attributes: { ...source.attributes, ...TIMESTAMPS } },
  'admin::user': { uid: 'admin::user', attributes: { email: { type: 'email' } } },
};
