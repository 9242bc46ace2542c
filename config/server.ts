import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

// Compiled to dist/config, so the project root is two levels up.
const projectRoot = path.resolve(__dirname, '..', '..');

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => {
  // Uploaded media live beside the SQLite file by default, so the checkout's
  // top level stays source only. The upload provider refuses to boot without
  // the folder, and a fresh clone has none: make it here, for every command.
  const publicDir = path.resolve(projectRoot, env('PUBLIC_DIR', '.tmp/public'));
  fs.mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });

  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    // The public address of the API (behind a proxy): links the server writes
    // (feeds) come from here, never from the client's Host header.
    url: env('PUBLIC_URL', ''),
    app: {
      keys: env.array('APP_KEYS') as string[],
    },
    dirs: { public: publicDir },
    // Nothing may call out to the internet at boot: no update check.
    logger: {
      updates: { enabled: false },
    },
  };
};
