import type { Core } from '@strapi/strapi';
import { resolveExcerpt, type BodyFormat } from '../lib/excerpt';
import type { ExcerptSettings } from '../validation/excerpt-settings';

export const ARTICLE = 'api::article.article';

export interface ExcerptInput {
  body: unknown;
  customExcerpt?: string | null;
  /** Article bodies are Strapi Blocks; previews may send other formats. */
  bodyFormat?: BodyFormat;
}

/** The excerpt the API serves for an article, with the effective settings. */
const excerpts = ({ strapi }: { strapi: Core.Strapi }) => ({
  settings(): Promise<ExcerptSettings> {
    return strapi.plugin('newsroom').service('excerpt-settings').get();
  },

  async compute(input: ExcerptInput, settings?: ExcerptSettings): Promise<string> {
    return resolveExcerpt(
      { body: input.body, customExcerpt: input.customExcerpt, format: input.bodyFormat ?? 'blocks' },
      settings ?? (await this.settings()),
    );
  },
});

export default excerpts;
