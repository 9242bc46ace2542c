import type { TermKind } from '../../../shared/constants';

/**
 * How a tag's and a source's pages name their subject: the text listing's
 * heading (the seed's format: "Contents tagged with <tag>"), the feeds'
 * titles and default descriptions. One table, two uses.
 */
export const TERM_WORDING: Record<TermKind, { heading: (name: string) => string; blurb: (name: string) => string; noun: string }> = {
  tags: {
    heading: (name) => `Contents tagged with ${name}`,
    blurb: (name) => `The newest articles tagged with ${name}`,
    noun: 'Tag',
  },
  sources: {
    heading: (name) => `Contents from ${name}`,
    blurb: (name) => `The newest articles from ${name}`,
    noun: 'Source',
  },
};
