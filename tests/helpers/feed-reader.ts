import { DomUtils, parseDocument } from 'htmlparser2';
import { SaxesParser } from 'saxes';

/**
 * Reads a feed as a feed reader does: with a strict XML parser (any
 * well-formedness error throws), then each field it shows as HTML parsed as
 * HTML.
 */

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** Its own text and CDATA, entities decoded. */
  text: string;
}

export type FeedFormat = 'rss' | 'atom';

export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const document: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const open = [document];
  const current = () => open[open.length - 1];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
    const node: XmlNode = { name: tag.name, attributes, children: [], text: '' };
    current().children.push(node);
    open.push(node);
  });
  parser.on('closetag', () => open.pop());
  parser.on('text', (text) => (current().text += text));
  parser.on('cdata', (text) => (current().text += text));
  parser.write(xml).close();
  return document.children[0];
}

/** The node's children named `name`; `path` walks down, e.g. `child(root, 'channel', 'item')`. */
export function children(node: XmlNode, ...path: string[]): XmlNode[] {
  return path.reduce<XmlNode[]>((nodes, name) => nodes.flatMap((n) => n.children.filter((c) => c.name === name)), [node]);
}

export function child(node: XmlNode, ...path: string[]): XmlNode {
  const [found] = children(node, ...path);
  if (!found) throw new Error(`no <${path.join('> <')}> in <${node.name}>`);
  return found;
}

/** Atom says which fields are HTML (`type="html"`); RSS readers take titles and descriptions as HTML. */
export function isHtmlField(node: XmlNode, format: FeedFormat): boolean {
  return format === 'atom' ? node.attributes.type === 'html' : node.name === 'title' || node.name === 'description';
}

export function htmlFields(root: XmlNode, format: FeedFormat): XmlNode[] {
  const all = (node: XmlNode): XmlNode[] => [node, ...node.children.flatMap(all)];
  return all(root).filter((node) => isHtmlField(node, format));
}

/** An HTML fragment as a browser reads it: the markup in it (elements, comments, …) and the text it shows. */
export function readHtml(html: string): { markup: string[]; text: string } {
  const document = parseDocument(html);
  const markup = DomUtils.filter((node) => !DomUtils.isText(node), document.children, true).map((node) =>
    DomUtils.isTag(node) ? `<${node.name}>` : node.type,
  );
  return { markup, text: DomUtils.textContent(document) };
}

/** What a reader shows of a field: its text, read as HTML where the format says it is HTML. */
export function shown(node: XmlNode, format: FeedFormat): string {
  return isHtmlField(node, format) ? readHtml(node.text).text : node.text;
}
