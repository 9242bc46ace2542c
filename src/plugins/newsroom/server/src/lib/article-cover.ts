import type { ArticleCover, CoverFormat } from '../../../shared/contracts/tag-pages';

/**
 * An article's cover as readers get it, from the row of Strapi's upload
 * file (plugin::upload.file) it links to. Pure: the article cards
 * (services/article-cards.ts) read the row, the media writer
 * (services/media-changes.ts) asks which edits change what this shows.
 */

/** The file's attributes a card shows: an update writing none of them changes no page. */
export const COVER_FIELDS = ['url', 'alternativeText', 'width', 'height', 'formats', 'mime', 'size'] as const;

export type CoverRow = {
  url: string;
  alternativeText: string | null;
  width: number | null;
  height: number | null;
  /** A JSON column: text on SQLite, parsed by the driver on PostgreSQL. */
  formats: unknown;
  mime: string;
  /** Kilobytes (Strapi's bytesToKbytes: bytes / 1000, two decimals); a decimal column, text on PostgreSQL. */
  size: number | string;
};

/**
 * An upload's URL for readers: the local provider stores it relative to the
 * server (`/uploads/…`), other providers absolute; relative ones are made
 * absolute from PUBLIC_URL (`origin`), so the JSON and the feeds carry the same URL.
 */
export function publicMediaUrl(url: string, origin: string): string {
  return URL.canParse(url) ? url : `${origin.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

const numberOrNull = (value: unknown): number | null => (value === null || value === undefined || value === '' ? null : Number(value));

function formatsOf(value: unknown, origin: string): Record<string, CoverFormat> {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (parsed === null || typeof parsed !== 'object') return {};
  const formats: Record<string, CoverFormat> = {};
  for (const [name, format] of Object.entries(parsed as Record<string, Record<string, unknown>>)) {
    if (typeof format?.url !== 'string') continue;
    formats[name] = {
      url: publicMediaUrl(format.url, origin),
      width: numberOrNull(format.width),
      height: numberOrNull(format.height),
      mime: typeof format.mime === 'string' ? format.mime : null,
      size: numberOrNull(format.size),
    };
  }
  return formats;
}

export function articleCover(row: CoverRow, origin: string): ArticleCover {
  return {
    url: publicMediaUrl(row.url, origin),
    alternativeText: row.alternativeText || null,
    width: numberOrNull(row.width),
    height: numberOrNull(row.height),
    formats: formatsOf(row.formats, origin),
    mime: row.mime,
    size: Number(row.size),
  };
}

/** Bytes from Strapi's kilobytes: what an RSS enclosure's `length` wants (to within the 10 bytes Strapi rounds to). */
export const coverBytes = (cover: Pick<ArticleCover, 'size'>): number => Math.round(cover.size * 1000);

/** Whether an update of a file (the data it wrote) may change what a card shows of it. */
export const changesCover = (data: Record<string, unknown> | undefined): boolean =>
  data === undefined || COVER_FIELDS.some((field) => field in data);
