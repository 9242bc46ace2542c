import { Parser } from 'htmlparser2';
import { normalizeStructuredText } from './normalize-text';
import { TextCollector, type ExtractedText } from './text-collector';

// Not prose a reader sees as the article: code, metadata, embedded media and
// their fallbacks, image captions, form controls.
const SKIPPED = new Set(
  (
    'audio button canvas figcaption head iframe math noscript object script select style svg ' +
    'template textarea title video'
  ).split(' '),
);

// Blocks start a new paragraph so words of adjacent blocks are never glued.
const BLOCKS = new Set(
  (
    'address article aside blockquote body caption center details dialog div dl fieldset figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend main menu nav ol p pre section ' +
    'summary table ul'
  ).split(' '),
);

// One line each, like list items in Markdown and Blocks bodies.
const LINES = new Set(['dd', 'dt', 'li', 'tr']);

const CELLS = new Set(['td', 'th']);

// HTML's own whitespace; NO-BREAK SPACE is content and is not in it.
const HTML_WHITESPACE = /[\t\n\f\r ]+/g;

const CHUNK_SIZE = 1024;

/**
 * Turns HTML into structured text in a {@link TextCollector}. It is fed
 * either a whole document or, by the Markdown reader, the document piece by
 * piece (HTML tokens as they are, text escaped), all through one parser so
 * that an element opened in one piece (a `<script>`, a `<template>`, an
 * unterminated tag) governs what follows, as it would in a browser.
 */
export class HtmlTextSink {
  private readonly collector: TextCollector;
  private readonly parser: Parser;
  private skipDepth = 0;
  private listItemDepth = 0;
  private preDepth = 0;

  constructor(collector: TextCollector) {
    this.collector = collector;
    this.parser = new Parser(
      {
        onopentag: (name) => this.open(name),
        onclosetag: (name) => this.close(name),
        ontext: (data) => this.onText(data),
      },
      { decodeEntities: true },
    );
  }

  /** Feeds HTML source (entities are decoded, tags interpreted). */
  write(html: string): void {
    this.parser.write(html);
  }

  /** Flushes text the parser still holds (an unterminated entity, say). */
  end(): void {
    this.parser.end();
  }

  /** A paragraph break, or only a line break inside a list item. */
  blockBreak(): void {
    if (this.listItemDepth > 0) this.collector.lineBreak();
    else this.collector.paragraphBreak();
  }

  private onText(data: string): void {
    if (this.skipDepth > 0) return;
    if (this.preDepth === 0) {
      this.text(data);
      return;
    }
    // Preformatted text keeps its lines.
    data.split('\n').forEach((line, index) => {
      if (index > 0) this.collector.lineBreak();
      this.text(line);
    });
  }

  private text(data: string): void {
    this.collector.text(data.replace(HTML_WHITESPACE, ' '));
  }

  // htmlparser2 reports a close for every open, implied ones included (void
  // elements, unclosed elements), so the depth counters stay balanced.
  private open(name: string): void {
    if (SKIPPED.has(name)) this.skipDepth += 1;
    else if (name === 'br') this.collector.lineBreak();
    else if (BLOCKS.has(name)) {
      if (name === 'pre') this.preDepth += 1;
      this.blockBreak();
    } else if (LINES.has(name)) {
      this.collector.lineBreak();
      if (name === 'li') this.listItemDepth += 1;
    } else if (CELLS.has(name) && this.skipDepth === 0) this.text(' ');
  }

  private close(name: string): void {
    if (SKIPPED.has(name)) this.skipDepth -= 1;
    else if (BLOCKS.has(name)) {
      if (name === 'pre') this.preDepth -= 1;
      this.blockBreak();
    } else if (LINES.has(name)) {
      if (name === 'li') this.listItemDepth -= 1;
      this.collector.lineBreak();
    }
  }
}

/**
 * The text of an HTML body, reading only until `budget` characters of text
 * have been gathered: the source is fed to the parser in chunks and the rest
 * is never looked at.
 */
export function extractHtml(html: string, budget: number): ExtractedText {
  const collector = new TextCollector(budget);
  const sink = new HtmlTextSink(collector);
  for (let start = 0; start < html.length; start += CHUNK_SIZE) {
    sink.write(html.slice(start, start + CHUNK_SIZE));
    if (collector.full && start + CHUNK_SIZE < html.length) {
      return { normalized: normalizeStructuredText(collector.toString()), complete: false };
    }
  }
  sink.end();
  return { normalized: normalizeStructuredText(collector.toString()), complete: true };
}
