import { DocumentError } from './document-error';
import { importKey } from './import-key';
import { documentSizeProblem } from './document-size';

/**
 * Parses a tag listing: the plain-text export of a tag page.
 *
 *   Contents tagged with <tag name>
 *
 *     • <title>
 *
 *       <paragraph>
 *
 *       <paragraph… >
 *
 * Each item's text is usually an excerpt ending in "…" (NBSP + U+2026).
 */

/**
 * Titles are limited in UTF-16 code units (String#length): that is how
 * Strapi checks the article's `maxLength: 300`, so a title accepted here
 * cannot be refused on save (code points or graphemes would let through
 * titles with astral characters that Strapi then rejects).
 */
export const MAX_TITLE_LENGTH = 300;
/** Strapi's default limit for a `string` attribute: tag and source names. */
export const MAX_NAME_LENGTH = 255;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface TagListingItem {
  title: string;
  /** 1-based line of the item's bullet. */
  line: number;
  /** Paragraphs as written (wrapped lines joined by a space), the last one keeping its ellipsis. */
  paragraphs: string[];
  /** Paragraphs joined by "\n\n", without the ellipsis and the whitespace before it. */
  text: string;
  /** The excerpt exactly as listed (with its ellipsis) when the item is truncated, else null. */
  excerpt: string | null;
  truncated: boolean;
}

export interface TagListing {
  tag: string;
  items: TagListingItem[];
}

export interface TagListingOptions {
  /** Name used in error messages. */
  file: string;
  /** Size limit in UTF-8 bytes (default 10 MB). */
  maxBytes?: number;
}

// `s`: a tag name may hold U+2028/U+2029, which are not line breaks here.
const HEADER = /^Contents tagged with(?:[ \t\u00A0]+(.*))?$/s;
const BULLET = '•';
const ELLIPSIS = '…';
const TAB_WIDTH = 4;
// Control characters other than tab and line breaks; text never has many.
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const MAX_CONTROL_RATIO = 0.05;
const TITLE_CONTROL_CHAR = /\p{Cc}/u;

/**
 * Decodes strictly as UTF-8 (checking the size first, so an oversized upload
 * is refused without decoding it) and parses.
 */
export function parseTagListingBuffer(bytes: Uint8Array, opts: TagListingOptions): TagListing {
  checkSize(bytes.byteLength, opts);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DocumentError(opts.file, lineOfFirstInvalidByte(bytes), 'invalid UTF-8');
  }
  return parseTagListing(text, opts);
}

export function parseTagListing(input: string, opts: TagListingOptions): TagListing {
  const fail: Fail = (line, problem) => {
    throw new DocumentError(opts.file, line, problem);
  };
  checkSize(Buffer.byteLength(input, 'utf8'), opts);
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (text.trim() === '') fail(0, 'document is empty');

  const lines = text.split(/\r\n|\r|\n/);
  checkLooksLikeText(lines, fail);

  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  const header = HEADER.exec(lines[headerIndex].trim());
  if (!header) fail(headerIndex + 1, 'expected the header "Contents tagged with <tag name>"');
  const tag = checkName('tag name', (header[1] ?? '').trim(), MAX_NAME_LENGTH, headerIndex + 1, fail);

  const items: TagListingItem[] = [];
  const firstLineOfKey = new Map<string, number>();
  const close = (draft: Draft): void => {
    const item = finishItem(draft, fail);
    const key = importKey(item.title, item.text);
    const earlier = firstLineOfKey.get(key);
    if (earlier !== undefined) fail(item.line, `duplicate item, same as line ${earlier}`);
    firstLineOfKey.set(key, item.line);
    items.push(item);
  };

  let current: Draft | null = null;
  let inParagraph = false;
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const lineNo = i + 1;
    if (lines[i].trim() === '') {
      inParagraph = false;
      continue;
    }
    const { indent, content } = splitIndent(lines[i]);
    if (content.startsWith(BULLET) && startsItem(current, indent)) {
      if (current) close(current);
      const title = checkName('title', content.slice(BULLET.length).trim(), MAX_TITLE_LENGTH, lineNo, fail);
      current = { title, line: lineNo, bulletIndent: indent, paragraphIndent: null, paragraphs: [] };
      inParagraph = false;
      continue;
    }
    if (!current) fail(lineNo, `text before the first item (an item starts with "${BULLET}")`);
    if (indent <= current.bulletIndent) {
      fail(lineNo, `text must be indented more than its item's bullet (line ${current.line})`);
    }
    if (inParagraph) {
      current.paragraphs[current.paragraphs.length - 1] += ` ${content}`;
    } else {
      current.paragraphs.push(content);
      current.paragraphIndent ??= indent;
      inParagraph = true;
    }
  }
  if (current) close(current);
  if (items.length === 0) fail(0, `no items (an item starts with "${BULLET}")`);
  return { tag, items };
}

interface Draft {
  title: string;
  line: number;
  bulletIndent: number;
  /** Indent of the item's first paragraph line; deeper "•" lines are text (a list inside the article). */
  paragraphIndent: number | null;
  paragraphs: string[];
}

type Fail = (line: number, problem: string) => never;

function checkSize(bytes: number, opts: TagListingOptions): void {
  const problem = documentSizeProblem(opts.maxBytes ?? DEFAULT_MAX_BYTES, bytes);
  if (problem) throw new DocumentError(opts.file, 0, problem);
}

function checkLooksLikeText(lines: string[], fail: Fail): void {
  // A string decoded leniently carries U+FFFD where its bytes were not UTF-8.
  const badLine = lines.findIndex((line) => line.includes('\uFFFD'));
  if (badLine >= 0) fail(badLine + 1, 'invalid UTF-8 (U+FFFD replacement character)');
  const nulLine = lines.findIndex((line) => line.includes('\u0000'));
  if (nulLine >= 0) fail(nulLine + 1, 'binary data (NUL byte), not a text document');
  const chars = lines.reduce((sum, line) => sum + line.length, 0);
  const controls = lines.reduce((sum, line) => sum + (line.match(CONTROL_CHARS)?.length ?? 0), 0);
  if (controls / chars > MAX_CONTROL_RATIO) {
    fail(0, `binary data (${Math.round((100 * controls) / chars)}% control characters), not a text document`);
  }
}

function checkName(kind: string, value: string, max: number, line: number, fail: Fail): string {
  if (value === '') fail(line, `${kind} is empty`);
  const control = TITLE_CONTROL_CHAR.exec(value);
  if (control) fail(line, `${kind} contains a control character (${codePointLabel(control[0])})`);
  if (value.length > max) {
    fail(line, `${kind} is ${value.length} characters long (UTF-16 code units, as Strapi counts them), over the limit of ${max}`);
  }
  return value;
}

/** Leading spaces and tabs (a tab is 4 columns) and the line without them and without trailing ones. */
function splitIndent(line: string): { indent: number; content: string } {
  const lead = /^[ \t]*/.exec(line)![0];
  const indent = [...lead].reduce((cols, ch) => cols + (ch === '\t' ? TAB_WIDTH : 1), 0);
  return { indent, content: line.slice(lead.length).replace(/[ \t]+$/, '') };
}

/** A "•" line starts an item unless it is indented as deep as the current item's text. */
function startsItem(current: Draft | null, indent: number): boolean {
  if (!current) return true;
  return indent < (current.paragraphIndent ?? current.bulletIndent + 1);
}

function finishItem(draft: Draft, fail: Fail): TagListingItem {
  if (draft.paragraphs.length === 0) fail(draft.line, 'item has no text');
  const listed = draft.paragraphs.join('\n\n');
  const truncated = listed.endsWith(ELLIPSIS);
  const text = truncated ? listed.slice(0, -ELLIPSIS.length).trimEnd() : listed;
  if (text === '') fail(draft.line, 'item has no text, only an ellipsis');
  return {
    title: draft.title,
    line: draft.line,
    paragraphs: draft.paragraphs,
    text,
    excerpt: truncated ? listed : null,
    truncated,
  };
}

/** 1-based line holding the first byte that is not valid UTF-8. */
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  // Lenient decoding replaces each invalid sequence by U+FFFD; an encoded
  // U+FFFD (EF BF BD) in the file is genuine and is skipped.
  const lenient = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  let offset = 0;
  let line = 1;
  let previous = '';
  for (const ch of lenient) {
    if (ch === '\uFFFD' && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) {
      break;
    }
    if (ch === '\r' || (ch === '\n' && previous !== '\r')) line++;
    offset += utf8Length(ch.codePointAt(0)!);
    previous = ch;
  }
  return line;
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}

function codePointLabel(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
