import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { useTestApp } from '../helpers/test-app';

/**
 * Signed-in readers, as the README promises them: /api/auth/local hands a
 * reader a JWT that reads what an anonymous reader may; registering is off
 * unless NEWSROOM_READER_REGISTRATION says so. And reader-facing links
 * follow the port the server listens on when no site URL is configured.
 */
const PORT = '4321';
// Read at boot: no site URL configured, so reader-facing links follow PORT.
const app = useTestApp({ env: { PORT, NEWSROOM_SITE_URL: undefined, NEWSROOM_ARTICLE_URL: undefined, PUBLIC_URL: undefined } });
const PASSWORD = 'Reader-test-1';
const registration = { username: 'newreader', email: 'newreader@newsroom.test', password: PASSWORD };

beforeAll(async () => {
  await app.readerToken('reader');
  const tag = await app.documents(UIDS.tag).create({ data: { name: 'Readers' } });
  await app.documents(UIDS.article).create({ data: { title: 'For readers', tags: [tag.documentId] }, status: 'published' });
});

const setRegistration = async (enabled: boolean) => {
  app.strapi.config.set('plugin::newsroom.readers.registration', enabled);
  await app.service('public-permissions').sync();
};

describe('readers', () => {
  it('sign in at /api/auth/local, and their JWT reads the public API', async () => {
    const res = await app.request().post('/api/auth/local').send({ identifier: 'reader', password: PASSWORD }).expect(200);
    expect(res.body.user).toMatchObject({ username: 'reader' });
    const list = await app.get('/api/articles').set('Authorization', `Bearer ${res.body.jwt}`).expect(200);
    expect(list.body.data.map((a: { title: string }) => a.title)).toEqual(['For readers']);
    await app.get('/api/newsroom/tags/readers').set('Authorization', `Bearer ${res.body.jwt}`).expect(200);
  });

  it('are refused a wrong password', async () => {
    await app.request().post('/api/auth/local').send({ identifier: 'reader', password: 'wrong' }).expect(400);
  });

  it('may not register by default', async () => {
    await app.request().post('/api/auth/local/register').send(registration).expect(403);
  });

  it('may register when NEWSROOM_READER_REGISTRATION is on, and not once it is off again', async () => {
    try {
      await setRegistration(true);
      const res = await app.request().post('/api/auth/local/register').send(registration).expect(200);
      expect(res.body.user).toMatchObject({ username: 'newreader' });
      await setRegistration(false);
      await app.request().post('/api/auth/local/register').send({ ...registration, username: 'another', email: 'a@newsroom.test' }).expect(403);
    } finally {
      await setRegistration(false);
    }
  });
});

describe('reader-facing links without NEWSROOM_SITE_URL', () => {
  it('point at the port the server listens on', async () => {
    const feed = await app.get('/api/newsroom/tags/readers/feed.xml').expect(200);
    expect(feed.text).toContain(`<link>http://localhost:${PORT}/articles/for-readers</link>`);
    expect(feed.text).toContain(`<link>http://localhost:${PORT}/tags/readers</link>`);
  });
});
