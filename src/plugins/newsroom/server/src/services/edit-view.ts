import type { Core } from '@strapi/strapi';
import { UIDS } from '../../../shared/constants';

// Computed by the plugin, never typed by editors.
const READ_ONLY_FIELDS: Record<string, string> = {
  excerpt: 'What the API serves: your custom excerpt, or one generated from the body.',
  importKey: 'Set by the importer to recognise this article in later imports.',
};

/** Makes the computed Article fields read-only in the Content Manager's edit view. */
const editView = ({ strapi }: { strapi: Core.Strapi }) => ({
  async lockComputedFields(): Promise<void> {
    const contentTypes = strapi.plugin('content-manager').service('content-types');
    const contentType = contentTypes.findContentType(UIDS.article);
    const configuration = await contentTypes.findConfiguration(contentType);
    let changed = false;
    for (const [field, description] of Object.entries(READ_ONLY_FIELDS)) {
      const edit = configuration.metadatas?.[field]?.edit;
      if (edit && (edit.editable !== false || edit.description !== description)) {
        edit.editable = false;
        edit.description = description;
        changed = true;
      }
    }
    if (changed) {
      const { settings, metadatas, layouts } = configuration;
      await contentTypes.updateConfiguration(contentType, { settings, metadatas, layouts });
    }
  },
});

export default editView;
