import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DocumentError } from '../lib/import';
import { ARTICLE } from './article-writer';

/** `["body", "0", "children", "1"]` → `body[0].children[1]`. */
const formatPath = (path: string[]): string =>
  path.map((key, i) => (/^\d+$/.test(key) ? `[${key}]` : `${i === 0 ? '' : '.'}${key}`)).join('');

/**
 * Checks a Blocks body from a document with Strapi's own validator (the
 * rules the Document Service applies on save), which the bulk write path
 * does not go through. Only the body attribute is validated: the rest of
 * what the importer writes it builds itself, and validating a whole article
 * costs about as much as writing it.
 */
export function blocksValidator(strapi: Core.Strapi) {
  const article = strapi.contentType(ARTICLE as any);
  const bodyOnly = { ...article, attributes: { body: article.attributes.body } };
  return async (body: unknown, file: string, line: number): Promise<void> => {
    try {
      await strapi.entityValidator.validateEntityCreation(bodyOnly as any, { body } as any, { isDraft: true });
    } catch (error) {
      if (!(error instanceof errors.ValidationError)) throw error;
      const first = (error.details as { errors?: Array<{ path: string[]; message: string }> }).errors?.[0];
      throw new DocumentError(file, line, first ? `"${formatPath(first.path)}" ${first.message}` : error.message);
    }
  };
}
