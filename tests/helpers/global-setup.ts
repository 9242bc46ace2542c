import path from 'node:path';
import { compileStrapi } from '@strapi/strapi';

// Compile the app once per run; every test file then boots the compiled app.
// (`npm test`'s pretest step has compiled the newsroom plugin already.)
export default async function globalSetup(): Promise<void> {
  await compileStrapi({ appDir: path.resolve(__dirname, '..', '..') });
}
