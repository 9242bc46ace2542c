/**
 * The limits the server enforces, served to the admin (GET
 * /newsroom/settings/limits) so its forms check them before sending, with
 * the server's numbers and never a copy. Types only: both are the server's.
 */
import type { ImportConfig } from '../../server/src/validation/import-config';
import type { EXCERPT_SETTINGS_BOUNDS } from '../../server/src/validation/excerpt-settings';

/** The importer's limits, as configured (config/plugins.ts `newsroom.import`). */
export type ImportLimits = ImportConfig;

/** The excerpt settings the server accepts. */
export type ExcerptSettingsBounds = typeof EXCERPT_SETTINGS_BOUNDS;

export interface Limits {
  import: ImportLimits;
  excerpt: ExcerptSettingsBounds;
}

/** GET /newsroom/settings/limits */
export declare namespace GetLimits {
  interface Response {
    data: Limits;
  }
}
