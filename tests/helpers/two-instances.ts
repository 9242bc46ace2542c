import { TABLES, UIDS } from '../../src/plugins/newsroom/shared/constants';
import { paragraphs } from './blocks';
import { startChildApp, type ChildApp } from './child-app';
import { contentManager, type ContentManager } from './content-manager';
import { superAdminLogin } from './roles';
import type { TestAppHandle } from './test-app';
import { startWebhookReceiver, subscribe, type WebhookReceiver } from './webhook-receiver';

/*
 * Two servers on one database: the reader B runs in this process (its
 * queries are counted), the writer A in a process of its own, where editors
 * publish through the Content Manager. Both run the webhook dispatcher.
 */

/** Both read at boot: short windows, so an event is due within a second. */
export const FAST_CHANGES = {
  NEWSROOM_CHANGES_COALESCE_MS: '100',
  NEWSROOM_CHANGES_POLL_MS: '50',
  NEWSROOM_WEBHOOK_FIRST_RETRY_MS: '100',
  NEWSROOM_WEBHOOK_MAX_RETRY_MS: '200',
};

export interface TwoInstances {
  /** A's Content Manager, signed in as the super admin. */
  editor: ContentManager;
  writer: ChildApp;
  receiver: WebhookReceiver;
  /** documentIds of the tags alpha, beta and gamma (none of the scenarios touches gamma). */
  tags: Record<'alpha' | 'beta' | 'gamma', string>;
  /** Requests to B's tag page of `slug`: its article titles and whether the cache answered. */
  page(slug: string): Promise<{ titles: string[]; cache: string | null }>;
  /** Once every change is announced and every webhook delivered: no instance writes in the background any more. */
  settled(): Promise<void>;
  /** The SQL B ran for `work`, its webhook dispatcher (a poll in the background) paused meanwhile. */
  sqlOf(work: () => Promise<unknown>): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * Once `reader` (useTestApp, listening) has booted: the writer on the same
 * database, a receiver and three tags. Unless `readerDelivers`, only the
 * writer sends webhooks (and writes at all).
 */
export async function startTwoInstances(reader: TestAppHandle, { readerDelivers }: { readerDelivers: boolean }): Promise<TwoInstances> {
  const dispatcher = reader.service('webhook-dispatcher');
  if (!readerDelivers) await dispatcher.stop();
  const adminToken = await reader.superAdminToken();
  const receiver = await startWebhookReceiver();
  await subscribe(reader.url, adminToken, receiver.url);
  const tags = {} as TwoInstances['tags'];
  for (const slug of ['alpha', 'beta', 'gamma'] as const) tags[slug] = (await reader.documents(UIDS.tag).create({ data: { name: slug } })).documentId;
  await reader.documents(UIDS.article).create({
    data: { title: 'Old story', body: paragraphs('An older story. '.repeat(20)), tags: [tags.alpha, tags.beta, tags.gamma] },
    status: 'published',
  });
  // The same database: the reader's boot has pointed the env at it.
  const writer = await startChildApp(FAST_CHANGES);
  const editor = contentManager(writer.url, await superAdminLogin(writer.url));

  const queries: string[] = [];
  const onQuery = (query: { sql: string }) => queries.push(query.sql);
  reader.strapi.db.connection.on('query', onQuery);

  return {
    editor,
    writer,
    receiver,
    tags,
    async page(slug) {
      const res = await fetch(`${reader.url}/api/newsroom/tags/${slug}`);
      if (res.status !== 200) throw new Error(`B's page ${slug}: ${res.status}`);
      const { data } = (await res.json()) as { data: { articles: Array<{ title: string }> } };
      return { titles: data.articles.map((article) => article.title), cache: res.headers.get('x-newsroom-cache') };
    },
    async settled() {
      const knex = reader.strapi.db.connection;
      const busy = async () =>
        Number((await knex(TABLES.changeOutbox).count({ n: '*' }))[0].n) + Number((await knex(TABLES.webhookDeliveries).where({ status: 'pending' }).count({ n: '*' }))[0].n);
      for (const end = Date.now() + 10_000; (await busy()) > 0; await new Promise((resolve) => setTimeout(resolve, 50)))
        if (Date.now() > end) throw new Error('changes still waiting to be delivered after 10 s');
    },
    async sqlOf(work) {
      await dispatcher.stop();
      try {
        queries.length = 0;
        await work();
        return queries.splice(0);
      } finally {
        if (readerDelivers) dispatcher.start();
      }
    },
    async stop() {
      reader.strapi.db.connection.off('query', onQuery);
      await writer.stop();
      await receiver.close();
    },
  };
}

/** Each of `slugs` read twice on B: the second answer comes from its cache. */
export async function warm(two: TwoInstances, slugs: string[]): Promise<void> {
  for (const slug of slugs) {
    await two.page(slug);
    expect((await two.page(slug)).cache).toBe('hit');
  }
}

/** The scenarios both databases share. */
export function twoInstanceScenarios(get: () => TwoInstances): void {
  it('what A publishes, moves, unpublishes or deletes, B serves at the next request; other pages stay cached', async () => {
    const two = get();
    await warm(two, ['alpha', 'beta', 'gamma']);

    const id = await two.editor.publishNew({ title: 'Breaking', tags: [two.tags.alpha] });
    expect(await two.page('alpha')).toEqual({ titles: ['Breaking', 'Old story'], cache: 'miss' });
    // Not on beta's page nor gamma's: both stay cached on B.
    expect(await two.page('beta')).toEqual({ titles: ['Old story'], cache: 'hit' });
    expect((await two.page('gamma')).cache).toBe('hit');

    await two.editor.publish(id, { tags: [two.tags.beta] });
    expect((await two.page('alpha')).titles).toEqual(['Old story']);
    expect((await two.page('beta')).titles).toEqual(['Breaking', 'Old story']);

    await two.editor.publish(id, { title: 'Breaking, updated' });
    expect((await two.page('beta')).titles).toEqual(['Breaking, updated', 'Old story']);

    await two.editor.unpublish(id);
    expect((await two.page('beta')).titles).toEqual(['Old story']);

    await two.editor.publish(id, {});
    expect((await two.page('beta')).titles).toEqual(['Breaking, updated', 'Old story']);
    await two.editor.delete(id);
    expect((await two.page('beta')).titles).toEqual(['Old story']);
    expect((await two.page('gamma')).cache).toBe('hit');
  });

  it('a cache hit on B costs no query', async () => {
    const two = get();
    // Delivering, A writes, and B rightly checks what changed (on SQLite): measured once A is idle.
    await two.settled();
    await warm(two, ['alpha']);
    const answers: string[] = [];
    const sql = await two.sqlOf(async () => {
      for (let i = 0; i < 20; i += 1) answers.push((await two.page('alpha')).cache ?? 'none');
    });
    expect(answers).toEqual(Array(20).fill('hit'));
    expect(sql).toEqual([]);
  });

}

/** Both instances deliver webhooks, and each change reaches the receiver once. */
export function deliveredOnceScenario(get: () => TwoInstances): void {
  it('the receiver gets each change once, though both instances deliver', async () => {
    const two = get();
    const since = two.receiver.received.length;
    const ids: string[] = [];
    for (const title of ['Once', 'Twice', 'Thrice']) {
      ids.push(await two.editor.publishNew({ title, tags: [two.tags.alpha] }));
      // Each its own event: past the coalescing window.
      await two.receiver.waitFor((event) => event.articles.includes(ids[ids.length - 1]), { since, timeoutMs: 10_000 });
    }
    // Long enough for a second copy, were one owed: many of both instances' polls.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const events = two.receiver.received.slice(since).map((received) => received.body);
    const eventIds = events.map((event) => event.id);
    expect(new Set(eventIds).size).toBe(eventIds.length);
    for (const id of ids) expect(events.filter((event) => event.articles.includes(id))).toHaveLength(1);
    for (const id of ids) await two.editor.delete(id);
  });
}
