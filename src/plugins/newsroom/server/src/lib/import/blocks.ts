/** A Strapi Blocks paragraph holding one text node. */
export interface ParagraphBlock {
  type: 'paragraph';
  children: [{ type: 'text'; text: string }];
}

/**
 * Plain text as Strapi Blocks: one paragraph per "\n\n"-separated part, its
 * text kept exactly as given (NBSP, typography, a single "\n" being a line
 * break inside the paragraph, as Shift+Enter makes in the editor).
 */
export function paragraphBlocks(text: string): ParagraphBlock[] {
  if (text === '') return [];
  return text.split('\n\n').map((paragraph) => ({ type: 'paragraph', children: [{ type: 'text', text: paragraph }] }));
}
