/**
 * The admin excerpt routes (/newsroom/excerpt/...) as the server sends them
 * and the admin reads them. Types only: settings and preview input are the
 * server's validation schemas' own types.
 */
import type { z } from 'zod';
import type { excerptPreviewSchema } from '../../server/src/validation/excerpt-preview';
import type { ExcerptSettings } from '../../server/src/validation/excerpt-settings';

export type { ExcerptSettings };

/** What the preview route is sent: an article's body (or an editor's excerpt), and settings to try. */
export type ExcerptPreviewInput = z.input<typeof excerptPreviewSchema>;

/** The excerpt the API would serve. */
export interface ExcerptPreview {
  excerpt: string;
  /** `custom`: the editor's own excerpt, served as written. */
  source: 'custom' | 'generated';
  /** In graphemes, as readers count characters. */
  length: number;
  /** The settings it was generated with: the saved ones, overridden by the input's. */
  settings: ExcerptSettings;
}

/** GET /newsroom/excerpt/settings: the effective settings, and what config/plugins.ts says. */
export declare namespace GetExcerptSettings {
  interface Response {
    data: ExcerptSettings;
    meta: { configured: ExcerptSettings };
  }
}

/** PUT /newsroom/excerpt/settings: saves editors' settings over the configuration. */
export declare namespace UpdateExcerptSettings {
  interface Request {
    body: ExcerptSettings;
  }
  interface Response {
    data: ExcerptSettings;
  }
}

/** DELETE /newsroom/excerpt/settings: back to the configuration. */
export declare namespace ResetExcerptSettings {
  interface Response {
    data: ExcerptSettings;
  }
}

/** POST /newsroom/excerpt/preview */
export declare namespace PreviewExcerpt {
  interface Request {
    body: ExcerptPreviewInput;
  }
  interface Response {
    data: ExcerptPreview;
  }
}
