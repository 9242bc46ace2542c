import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { firstNonObjectNode, kindOf } from '../lib/blocks-shape';
import { ARTICLE } from '../import/article-writer';

export interface BlocksProblem {
  /** Where, from the article: `["body", "0", "children", "1"]`. */
  path: string[];
  message: string;
}

/**
 * Checks an Article's Blocks body by the rules the Document Service applies
 * on save (Strapi's own validator, as for a draft), for writers that do not
 * go through it: the importer's bulk writes, the excerpt preview. Only the
 * body attribute is validated: validating a whole article costs about as
 * much as writing it.
 */
const blocksValidation = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Why Strapi would refuse `blocks` as an Article's body, or null if it would not. */
  async problem(blocks: unknown[]): Promise<BlocksProblem | null> {
    const odd = firstNonObjectNode(blocks);
    if (odd) {
      return { path: ['body', ...odd.path], message: `must be a node (an object with a "type"); got ${kindOf(odd.value)}` };
    }
    const article = strapi.contentType(ARTICLE as any);
    const bodyOnly = { ...article, attributes: { body: article.attributes.body } };
    try {
      await strapi.entityValidator.validateEntityCreation(bodyOnly as any, { body: blocks } as any, { isDraft: true });
      return null;
    } catch (error) {
      if (!(error instanceof errors.ValidationError)) throw error;
      const first = (error.details as { errors?: Array<{ path: string[]; message: string }> }).errors?.[0];
      return first ? { path: first.path, message: first.message } : { path: ['body'], message: error.message };
    }
  },
});

export default blocksValidation;
