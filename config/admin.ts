import type { Core } from '@strapi/strapi';
import { isPreviewUid, PREVIEW_TYPES, previewSettings, previewUrl } from '../src/lib/preview-url';

// The secrets come from .env, written with random values by scripts/ensure-env.js.

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => {
  const preview = previewSettings(env('NEWSROOM_PREVIEW_URL') || undefined, env('NEWSROOM_PREVIEW_SECRET') || undefined);
  return {
    auth: {
      secret: env('ADMIN_JWT_SECRET') as string,
    },
    apiToken: {
      salt: env('API_TOKEN_SALT') as string,
    },
    transfer: {
      token: {
        salt: env('TRANSFER_TOKEN_SALT') as string,
      },
    },
    secrets: {
      encryptionKey: env('ENCRYPTION_KEY') as string,
    },
    flags: {
      nps: false,
      promoteEE: false,
    },
    // `strapi develop` would otherwise run xdg-open on a fresh database.
    autoOpen: false,
    // The edit view's Preview button opens the frontend (README, "Preview"); off without NEWSROOM_PREVIEW_URL.
    preview: {
      enabled: preview !== null,
      config: {
        allowedOrigins: preview ? [new URL(preview.url).origin] : [],
        async handler(uid: string, { documentId, status }: { documentId: string; status?: string }) {
          if (!preview || !isPreviewUid(uid)) return null;
          const type = PREVIEW_TYPES[uid];
          const version = type === 'article' && status === 'published' ? 'published' : 'draft';
          // Tags and sources have no drafts: their one version.
          const document = await strapi
            .documents(uid)
            .findOne({ documentId, ...(type === 'article' ? { status: version } : {}), fields: ['slug'] });
          if (!document?.slug) return null;
          return previewUrl(preview.url, preview.secret, { type, slug: String(document.slug), documentId, status: version });
        },
      },
    },
  };
};
