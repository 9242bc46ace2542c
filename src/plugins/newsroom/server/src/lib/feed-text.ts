import { LONE_SURROGATE } from './storable-text';

/**
 * Plain text as it must be handed to the `feed` package (4.2.2) so that a
 * feed reader shows exactly that text. `feed` writes its XML with `xml-js`,
 * which treats each kind of field differently:
 *
 * - CDATA (RSS item title and description; Atom entry title and summary, all
 *   declared `type="html"`): written as given, and read by readers as HTML;
 * - element text: `&`, `<`, `>` escaped, but a literal `&amp;` is first
 *   turned back into `&` (xml-js "desanitizes" it);
 * - attribute values: only `"` escaped, so a bare `&` or `<` would make the
 *   document malformed.
 */

// XML 1.0 cannot carry these at all, escaped or not: drop them so the feed stays valid.
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Text as a feed reader will read it back: without what XML 1.0 cannot
 * carry, and with CR and CRLF as "\n", which is what every XML parser turns
 * them into (so the bytes served, and their ETag, say what readers get).
 */
export function xmlText(text: string): string {
  // A lone surrogate has no UTF-8 form: written out it would be U+FFFD anyway, say so.
  return text.replace(NOT_XML, '').replace(LONE_SURROGATE, '\uFFFD').replace(/\r\n?/g, '\n');
}

/** HTML source that displays `text` as written: markup and entities become text. */
export function htmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Undone by xml-js's "desanitizing" of `&amp;`, so its own escaping then gives the text back.
const forElementText = (text: string): string => text.replace(/&/g, '&amp;');

/** For a CDATA field read as HTML. Escaped, it holds no `>`, so no `]]>` can end the CDATA early. */
export const htmlCdata = (text: string): string => htmlEscape(xmlText(text));

/** For an element read as text (Atom title, subtitle, names; RSS category). */
export const plainElement = (text: string): string => forElementText(xmlText(text));

/** For an element RSS readers read as HTML (the channel's title and description). */
export const htmlElement = (text: string): string => forElementText(htmlEscape(xmlText(text)));

/**
 * For an attribute value (Atom's category label). Tab and newline as
 * references: a parser turns them into spaces in attribute values.
 */
export const attributeValue = (text: string): string =>
  xmlText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
