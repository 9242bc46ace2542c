import { z } from 'zod';
import { ARTICLE_RELATION_LIMITS } from '../article-relations';
import { SLUG_PATTERN } from '../slug';
import { storableData } from '../content-rules';
import { DocumentError } from './document-error';
import { MAX_NAME_LENGTH, MAX_TITLE_LENGTH } from './parse-tag-listing';

/** The article's `byline` attribute's maxLength (src/api/article/content-types/article/schema.json). */
export const MAX_BYLINE_LENGTH = 200;

/**
 * Validates one line of an NDJSON article export. Synchronous and per line:
 * the caller streams the file, skips blank lines (`isBlankLine`) and passes
 * each other line with its 1-based number.
 */

export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
const BODY_FORMATS = ['text', 'markdown', 'html', 'blocks'] as const;
const BLOCK_TYPES = ['paragraph', 'heading', 'list', 'quote', 'code', 'image'] as const;

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

/**
 * Top-level Strapi blocks are checked for their shape only; their children
 * are validated by Strapi when the article is saved.
 */
const block = z.looseObject({ type: z.enum(BLOCK_TYPES), children: z.array(z.unknown()) });
export type Block = z.infer<typeof block>;

// Tag and source names.
const nameSchema = z.string().trim().min(1).max(MAX_NAME_LENGTH);
const SINGLE_LINE = /^\P{Cc}*$/u;
const SINGLE_LINE_MESSAGE = 'must not contain line breaks or control characters';

const articleSchema = z
  .strictObject({
    title: z
      .string()
      .trim()
      .min(1)
      // Characters as Strapi counts them (UTF-16 code units), see MAX_TITLE_LENGTH.
      .max(MAX_TITLE_LENGTH)
      .regex(SINGLE_LINE, SINGLE_LINE_MESSAGE),
    body: z.union([z.string(), z.array(block)], {
      error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string or an array of blocks'),
    }),
    bodyFormat: z.enum(BODY_FORMATS).optional(),
    tags: z.array(nameSchema).max(ARTICLE_RELATION_LIMITS.tags, `at most ${ARTICLE_RELATION_LIMITS.tags} tags`).default([]),
    sources: z.array(nameSchema).max(ARTICLE_RELATION_LIMITS.sources, `at most ${ARTICLE_RELATION_LIMITS.sources} sources`).default([]),
    publishedAt: z
      .string()
      .refine(
        (value) => isoDate.safeParse(value).success || isoDateTime.safeParse(value).success,
        'must be an ISO-8601 date (2018-02-07) or date-time with a time zone (2018-02-07T10:00:00Z)',
      )
      .optional(),
    customExcerpt: z.string().optional(),
    // Who wrote it, as the article's `byline` attribute holds it (UTF-16 code units, as Strapi counts them); blank: none.
    byline: z.string().trim().max(MAX_BYLINE_LENGTH).regex(SINGLE_LINE, SINGLE_LINE_MESSAGE).optional(),
    slug: z.string().regex(SLUG_PATTERN, 'may only contain ASCII letters, digits and "-_.~"').optional(),
    draft: z.boolean().optional(),
  })
  .superRefine((article, ctx) => {
    const isBlocks = Array.isArray(article.body);
    if (article.bodyFormat !== undefined && (article.bodyFormat === 'blocks') !== isBlocks) {
      ctx.addIssue({
        code: 'custom',
        path: ['bodyFormat'],
        message: isBlocks
          ? `is "${article.bodyFormat}" but "body" is an array of blocks`
          : 'is "blocks" but "body" is a string',
      });
    }
  });

type ParsedLine = z.output<typeof articleSchema>;
type Common = Omit<ParsedLine, 'body' | 'bodyFormat'>;

/** An NDJSON article; `bodyFormat` defaults to "blocks" for an array body, else "text". */
export type NdjsonArticle = Common &
  ({ bodyFormat: 'blocks'; body: Block[] } | { bodyFormat: 'text' | 'markdown' | 'html'; body: string });

export interface NdjsonLocation {
  file: string;
  line: number;
}

export interface NdjsonOptions {
  /** Longest accepted line in UTF-8 bytes (default 1 MB). */
  maxLineBytes?: number;
}

export function isBlankLine(text: string): boolean {
  return text.trim() === '';
}

export function parseNdjsonArticle(text: string, where: NdjsonLocation, opts: NdjsonOptions = {}): NdjsonArticle {
  const fail = (problem: string): DocumentError => new DocumentError(where.file, where.line, problem);
  const maxBytes = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) throw fail(`line is ${bytes} bytes, over the limit of ${maxBytes} bytes`);

  let json: unknown;
  try {
    // A BOM may lead the first line of a file saved by Windows tools.
    // The Document Service's rule for text (no NUL, no lone surrogate), which JSON escapes can carry.
    json = storableData(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch (error) {
    throw fail(`not valid JSON: ${(error as Error).message}`);
  }
  const result = articleSchema.safeParse(json, { error: describeIssue });
  if (!result.success) throw fail(formatIssues(result.error.issues));
  return withBodyFormat(result.data);
}

function withBodyFormat({ body, bodyFormat, ...common }: ParsedLine): NdjsonArticle {
  // The schema has checked that "blocks" goes with an array and only with one.
  if (Array.isArray(body)) return { ...common, bodyFormat: 'blocks', body };
  return { ...common, bodyFormat: bodyFormat === undefined || bodyFormat === 'blocks' ? 'text' : bodyFormat, body };
}

/** Messages for zod's generic issues, phrased to follow a field name. */
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'must not be empty' : undefined;
    case 'too_big':
      return issue.origin === 'string' ? `must be at most ${issue.maximum} characters` : undefined;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    default:
      return undefined;
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  array: 'an array',
  object: 'an object',
  boolean: 'true or false',
};

const MAX_REPORTED_ISSUES = 3;

function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  const messages = issues.map((issue) => formatIssue(issue, []));
  const extra = messages.length - MAX_REPORTED_ISSUES;
  const shown = messages.slice(0, MAX_REPORTED_ISSUES).join('; ');
  return extra > 0 ? `${shown} (and ${extra} more)` : shown;
}

function formatIssue(issue: z.core.$ZodIssue, parent: PropertyKey[]): string {
  const path = [...parent, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${formatPath([...path, key])}"`).join(', ');
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}`;
  }
  if (issue.code === 'invalid_union') {
    // An array body with a bad block fails both branches; the array branch's
    // issue is the useful one. It is the branch that got past the type check.
    const closest = issue.errors.filter((errors) => !errors.some((e) => e.code === 'invalid_type' && e.path.length === 0));
    if (closest.length === 1) return formatIssue(closest[0][0], path);
  }
  if (path.length > 0) return `"${formatPath(path)}" ${issue.message}`;
  return issue.code === 'invalid_type' ? 'expected a JSON object (one article per line)' : issue.message;
}

/** `["body", 0, "type"]` → `body[0].type`. */
function formatPath(path: PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
