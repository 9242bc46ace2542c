import { PLUGIN_ID } from '../../../shared/constants';
import type en from '../translations/en.json';

/** A message id of translations/en.json: an id missing there does not compile. */
export type TranslationId = keyof typeof en;

/** The plugin's message ids are namespaced, as Strapi's own plugins do. */
export const getTranslation = (id: TranslationId) => `${PLUGIN_ID}.${id}`;

/** A translations file's messages under the namespaced ids. */
export const prefixTranslations = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([id, message]) => [`${PLUGIN_ID}.${id}`, message]));
