import { createHash } from 'node:crypto';
import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { rowCounts } from './import';
import type { TestApp } from './strapi';

/**
 * A signed-in reader: a users-permissions user of the Authenticated role (not
 * an admin), and a JWT for it as /api/auth/local would hand out.
 */
export async function readerToken(app: Pick<TestApp, 'strapi'>, username = 'reader'): Promise<{ id: number; jwt: string }> {
  const plugin = app.strapi.plugin('users-permissions');
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const user = await plugin.service('user').add({
    username,
    email: `${username}@newsroom.test`,
    password: 'Reader-test-1',
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: role.id,
  });
  return { id: user.id, jwt: plugin.service('jwt').issue({ id: user.id }) };
}

const FINGERPRINTED = [
  [UIDS.article, ['id', 'documentId', 'title', 'slug', 'excerpt', 'customExcerpt', 'publishedAt', 'updatedAt']],
  [UIDS.tag, ['id', 'documentId', 'name', 'slug', 'description', 'updatedAt']],
  [UIDS.source, ['id', 'documentId', 'name', 'slug', 'url', 'updatedAt']],
] as const;

/**
 * Every Article, Tag and Source row (drafts included) and the link and
 * tag-page index tables, as row counts and a checksum of the rows' fields:
 * equal before and after a run of requests proves they wrote nothing.
 */
export async function contentFingerprint(app: Pick<TestApp, 'strapi'>): Promise<{ counts: Record<string, number>; checksum: string }> {
  const hash = createHash('sha256');
  for (const [uid, select] of FINGERPRINTED) {
    const rows = await app.strapi.db.query(uid).findMany({ select: [...select], orderBy: { id: 'asc' } });
    hash.update(JSON.stringify([uid, rows]));
  }
  return { counts: await rowCounts(app), checksum: hash.digest('hex') };
}
