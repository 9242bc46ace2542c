import { Lexer, getDefaults, type MarkedToken, type Token, type Tokens } from 'marked';
import { HtmlTextSink } from './html-to-text';
import { normalizeStructuredText, normalizeText } from './normalize-text';
import { TextCollector, type ExtractedText } from './text-collector';

// marked's inline lexer is superlinear on some junk (long runs of `*`, `_`
// or `[a](`), so a body whose opening yields no usable text is not lexed
// without end: past this much source (or 8 times the budget, if more) the
// rest is treated as absent.
const MIN_SOURCE_CAP = 16 * 1024;

// Text is escaped the way marked's renderer escapes it, so the HTML parser
// decodes exactly the entity references a browser would decode in marked's
// output (`&amp;`, `&#8217;`) and leaves a bare `&` alone.
const TEXT_SPECIALS = /<|&(?!#\d{1,7};|#[Xx][\da-fA-F]{1,6};|\w+;)/g;
// Code is shown literally: every `&` and `<` is escaped.
const LITERAL_SPECIALS = /[<&]/g;
const escapeSpecial = (char: string): string => (char === '<' ? '&lt;' : '&amp;');

/** Walks marked's tokens, feeding their text to an {@link HtmlTextSink}. */
class MarkdownReader {
  /** Where the text of the last leaf block began: that block may be cut short by the prefix. */
  lastLeafStart = 0;
  private readonly sink: HtmlTextSink;
  private readonly collector: TextCollector;

  constructor(collector: TextCollector) {
    this.collector = collector;
    this.sink = new HtmlTextSink(collector);
  }

  blocks(tokens: readonly Token[], inList: boolean): void {
    for (const token of tokens) this.block(token as MarkedToken, inList);
  }

  private block(token: MarkedToken, inList: boolean): void {
    switch (token.type) {
      case 'space':
      case 'def':
        return;
      case 'blockquote':
        this.blockBreak(inList);
        this.blocks(token.tokens, inList);
        this.blockBreak(inList);
        return;
      case 'list':
        // Every item is one line, nested lists included, in one paragraph.
        this.blockBreak(inList);
        for (const item of token.items) {
          this.collector.lineBreak();
          this.blocks(item.tokens, true);
          this.collector.lineBreak();
        }
        this.blockBreak(inList);
        return;
      default:
        this.lastLeafStart = this.collector.length;
        this.blockBreak(inList);
        this.leaf(token);
        this.blockBreak(inList);
    }
  }

  private leaf(token: MarkedToken): void {
    switch (token.type) {
      case 'code':
        token.text.split('\n').forEach((line, index) => {
          if (index > 0) this.collector.lineBreak();
          this.literal(line);
        });
        return;
      case 'html':
        this.sink.write(token.text);
        return;
      case 'table':
        for (const row of [token.header, ...token.rows]) {
          this.collector.lineBreak();
          row.forEach((cell, index) => {
            if (index > 0) this.plain(' ');
            this.inline(cell.tokens);
          });
        }
        return;
      default:
        // paragraph, heading, the text of a tight list item, and any other
        // block with inline content.
        this.inlineOf(token);
    }
  }

  private inline(tokens: readonly Token[]): void {
    for (const token of tokens) {
      const t = token as MarkedToken;
      switch (t.type) {
        case 'image':
          break;
        case 'br':
          this.collector.lineBreak();
          break;
        case 'html':
          this.sink.write(t.text);
          break;
        case 'escape':
        case 'codespan':
          this.literal(t.text);
          break;
        default:
          this.inlineOf(t);
      }
    }
  }

  /** The inline content of a token: its child tokens, else its text. */
  private inlineOf(token: MarkedToken | Tokens.Generic): void {
    if ('tokens' in token && Array.isArray(token.tokens)) this.inline(token.tokens);
    else if ('text' in token && typeof token.text === 'string') this.plain(token.text);
  }

  private blockBreak(inList: boolean): void {
    if (inList) this.collector.lineBreak();
    else this.sink.blockBreak();
  }

  private plain(text: string): void {
    this.sink.write(text.replace(TEXT_SPECIALS, escapeSpecial));
  }

  private literal(text: string): void {
    this.sink.write(text.replace(LITERAL_SPECIALS, escapeSpecial));
  }
}

/** Structured text of a Markdown source, and where its last leaf block began. */
function read(source: string): { text: string; lastLeafStart: number } {
  const collector = new TextCollector();
  const reader = new MarkdownReader(collector);
  try {
    // Fresh defaults: extensions another module registered with marked.use() do not leak in.
    reader.blocks(new Lexer(getDefaults()).lex(source), false);
  } catch {
    // marked recurses once per nesting level and overflows the stack on
    // deeply nested junk (thousands of `>`): read the source as plain text.
    const text = normalizeText(source);
    return { text, lastLeafStart: text.length };
  }
  const text = collector.toString();
  return { text, lastLeafStart: reader.lastLeafStart };
}

/**
 * The text of a Markdown body from a growing prefix of its source. Cutting
 * the source can change how the block at the cut lexes (a paragraph that
 * would have become a setext heading or a table, an unclosed fence), but
 * never the blocks before it, so the text of the last leaf block is only
 * trusted when the prefix is the whole source.
 * Limitation: reference-style link definitions that lie beyond the prefix
 * are not known, so such links keep their brackets.
 */
export function extractMarkdown(source: string, budget: number): ExtractedText {
  const cap = Math.max(MIN_SOURCE_CAP, budget * 8);
  for (let end = Math.min(source.length, budget * 2); ; end = Math.min(source.length, cap, end * 2)) {
    const whole = end === source.length;
    const capped = !whole && end >= cap;
    const { text, lastLeafStart } = read(source.slice(0, end));
    const trusted = whole || capped ? text : text.slice(0, lastLeafStart);
    if (whole || capped || trusted.length >= budget) {
      return { normalized: normalizeStructuredText(trusted), complete: whole || capped };
    }
  }
}
