export type BodyFormat = 'text' | 'markdown' | 'html' | 'blocks';

// Only the opening of the body is inspected, so detection costs the same for any size.
const SNIFF_LENGTH = 2048;
const JSON_ARRAY_START = /^\[\s*[{\]]/;
const TAG_START = /^<(?:!doctype|!--|[a-z])/i;
const BLOCK_TAG = /<(?:p|div|h[1-6]|ul|ol|li|blockquote|pre|table|section|article|header|footer|figure|br|hr)[\s/>]/i;

/**
 * The likely format of a body whose format is not recorded:
 * - an array or object (Strapi's parsed JSON), or a string holding a JSON
 *   array of objects: 'blocks';
 * - a string that opens with a tag and has a block-level tag near the
 *   start: 'html' (what WYSIWYG editors store);
 * - any other string: 'markdown'. Plain text is nearly always valid
 *   Markdown and reads the same through it, while the reverse (Markdown
 *   read as text) would leak `**`, `#` and link syntax into every excerpt.
 *   The cost is that the odd line of plain text that looks like Markdown
 *   syntax (`1986. A year` as a list item) loses its marker;
 * - anything else (null, a number): 'text', which reads as empty.
 */
export function detectBodyFormat(body: unknown): BodyFormat {
  if (typeof body === 'object' && body !== null) return 'blocks';
  if (typeof body !== 'string') return 'text';
  const head = body.slice(0, SNIFF_LENGTH).trimStart();
  if (JSON_ARRAY_START.test(head)) return 'blocks';
  if (TAG_START.test(head) && BLOCK_TAG.test(head)) return 'html';
  return 'markdown';
}
