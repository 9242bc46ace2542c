import { PLUGIN_ID } from '../../../shared/constants';

/** The plugin's message ids are namespaced, as Strapi's own plugins do. */
export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;
