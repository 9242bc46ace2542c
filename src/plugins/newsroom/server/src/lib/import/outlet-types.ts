/** A news outlet the importer knows by name (outlets.json). */
export interface Outlet {
  name: string;
  url: string;
  aliases: string[];
}

export interface DetectedSource {
  /** Canonical name for a known outlet, else the name as written. */
  name: string;
  /** The text as it appears in the article (first occurrence). */
  matched: string;
  /** 'known' when the outlet is in the known list (whichever way it was found). */
  via: 'known' | 'pattern';
}

/** One place in the text that names an outlet. */
export interface Hit extends DetectedSource {
  index: number;
  /** What makes two hits the same outlet. */
  key: string;
}
