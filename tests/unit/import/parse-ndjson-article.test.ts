import { DocumentError } from '../../../src/plugins/newsroom/server/src/lib/import/document-error';
import { isBlankLine, parseNdjsonArticle } from '../../../src/plugins/newsroom/server/src/lib/import/parse-ndjson-article';

const where = { file: 'articles.ndjson', line: 17 };
const parse = (value: unknown, opts?: { maxLineBytes?: number }) =>
  parseNdjsonArticle(typeof value === 'string' ? value : JSON.stringify(value), where, opts);

/** The message of the DocumentError thrown by `run`. */
function problem(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).line).toBe(17);
    return (error as DocumentError).message;
  }
  throw new Error('expected a DocumentError');
}

const DATE_PROBLEM =
  '"publishedAt" must be an ISO-8601 date (2018-02-07) or date-time with a time zone (2018-02-07T10:00:00Z)';
const paragraph = { type: 'paragraph', children: [{ type: 'text', text: 'Hello' }] };

describe('parseNdjsonArticle accepts', () => {
  it('a minimal article, filling the defaults', () => {
    expect(parse({ title: 'Title', body: '' })).toEqual({ title: 'Title', body: '', bodyFormat: 'text', tags: [], sources: [] });
  });

  it('every field', () => {
    const article = {
      title: 'Kremlin: Russia wants to help Assad fight \u2018chaos\u2019',
      body: '# Heading\n\nText',
      bodyFormat: 'markdown',
      tags: ['US-led coalition', 'Syria'],
      sources: ['RIA Novosti'],
      publishedAt: '2018-02-07T10:00:00+03:00',
      customExcerpt: 'Short',
      slug: 'kremlin-assad_chaos.v1~',
      draft: true,
    };
    expect(parse(article)).toEqual(article);
  });

  it('a blocks body, whose format defaults to "blocks"', () => {
    expect(parse({ title: 'T', body: [paragraph] })).toMatchObject({ bodyFormat: 'blocks', body: [paragraph] });
    expect(parse({ title: 'T', body: [paragraph], bodyFormat: 'blocks' }).bodyFormat).toBe('blocks');
  });

  it('a date-only publishedAt and a UTC date-time', () => {
    expect(parse({ title: 'T', body: '', publishedAt: '2018-02-07' }).publishedAt).toBe('2018-02-07');
    expect(parse({ title: 'T', body: '', publishedAt: '2018-02-07T10:00:00.123Z' }).publishedAt).toBe('2018-02-07T10:00:00.123Z');
  });

  it('a BOM before the first line, a CR left by CRLF, and trims the title', () => {
    expect(parse('\uFEFF{"title":"  T  ","body":"b"}\r').title).toBe('T');
  });

  it('text with NUL or lone surrogates, made storable as the Document Service would (no NUL, U+FFFD)', () => {
    const article = parse('{"title":"T\\u0000itle","body":"b\\u0000\\ud800","customExcerpt":"e\\udfff","tags":["t\\u0000"]}');
    expect(article).toMatchObject({ title: 'Title', body: 'b\uFFFD', customExcerpt: 'e\uFFFD', tags: ['t'] });
  });

  it('a 300-character title', () => {
    expect(parse({ title: 'a'.repeat(300), body: '' }).title).toHaveLength(300);
  });
});

describe('parseNdjsonArticle refuses', () => {
  it.each([
    ['a missing title', { body: '' }, '"title" is required'],
    ['a missing body', { title: 'T' }, '"body" is required'],
    ['an empty title', { title: '  ', body: '' }, '"title" must not be empty'],
    ['a title over 300 characters', { title: 'a'.repeat(301), body: '' }, '"title" must be at most 300 characters'],
    ['a line break in the title', { title: 'a\nb', body: '' }, '"title" must not contain line breaks or control characters'],
    ['a non-string title', { title: 5, body: '' }, '"title" must be a string'],
    ['a body of the wrong type', { title: 'T', body: 5 }, '"body" must be a string or an array of blocks'],
    ['an unknown block type', { title: 'T', body: [paragraph, { type: 'table', children: [] }] }, '"body[1].type" must be one of "paragraph", "heading", "list", "quote", "code", "image"'],
    ['a block without children', { title: 'T', body: [{ type: 'paragraph' }] }, '"body[0].children" is required'],
    ['an unknown bodyFormat', { title: 'T', body: '', bodyFormat: 'rtf' }, '"bodyFormat" must be one of "text", "markdown", "html", "blocks"'],
    ['"blocks" with a string body', { title: 'T', body: 'x', bodyFormat: 'blocks' }, '"bodyFormat" is "blocks" but "body" is a string'],
    ['blocks with another format', { title: 'T', body: [paragraph], bodyFormat: 'html' }, '"bodyFormat" is "html" but "body" is an array of blocks'],
    ['a non-string tag', { title: 'T', body: '', tags: ['ok', 3] }, '"tags[1]" must be a string'],
    ['an empty source name', { title: 'T', body: '', sources: [' '] }, '"sources[0]" must not be empty'],
    ['tags that are not an array', { title: 'T', body: '', tags: 'Syria' }, '"tags" must be an array'],
    ['an impossible date', { title: 'T', body: '', publishedAt: '2019-02-30' }, DATE_PROBLEM],
    ['a date-time without a time zone', { title: 'T', body: '', publishedAt: '2019-02-03T10:00:00' }, DATE_PROBLEM],
    ['a slug with a space', { title: 'T', body: '', slug: 'a b' }, '"slug" may only contain ASCII letters, digits and "-_.~"'],
    ['a non-boolean draft', { title: 'T', body: '', draft: 'yes' }, '"draft" must be true or false'],
    ['unknown fields', { title: 'T', body: '', author: 'x', id: 1 }, 'unknown fields "author", "id"'],
    ['a JSON array', [], 'expected a JSON object (one article per line)'],
    ['JSON null', null, 'expected a JSON object (one article per line)'],
  ])('%s', (_name, value, expected) => {
    expect(problem(() => parse(value))).toBe(`articles.ndjson:17: ${expected}`);
  });

  it('reports several problems at once, up to three', () => {
    expect(problem(() => parse({}))).toBe('articles.ndjson:17: "title" is required; "body" is required');
    expect(problem(() => parse({ title: 1, body: 1, tags: 1, sources: 1, draft: 1 }))).toMatch(/; "tags" must be an array \(and 2 more\)$/);
  });

  it('a line that is not JSON', () => {
    expect(problem(() => parse('{"title": "T",'))).toMatch(/^articles\.ndjson:17: not valid JSON: /);
  });

  it('a line over the length limit, counted in UTF-8 bytes', () => {
    const line = JSON.stringify({ title: '\u00E9', body: '' });
    const bytes = Buffer.byteLength(line);
    expect(parse(line, { maxLineBytes: bytes }).title).toBe('\u00E9');
    expect(problem(() => parse(line, { maxLineBytes: bytes - 1 }))).toBe(
      `articles.ndjson:17: line is ${bytes} bytes, over the limit of ${bytes - 1} bytes`,
    );
  });
});

describe('isBlankLine', () => {
  it.each([
    ['', true],
    ['  \t\r', true],
    ['{}', false],
    [' x ', false],
  ])('%j → %s', (line, blank) => {
    expect(isBlankLine(line)).toBe(blank);
  });
});
