import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { paragraphs } from '../helpers/blocks';
import { useTestApp } from '../helpers/test-app';

/*
 * On SQLite a write's queries run on the event loop: between its stages the
 * writer lets the requests waiting meanwhile go first
 * (utils/yield-to-readers.ts), or a publish would hold every reader for all
 * of its queries at once (bench:write-load measures what it costs them).
 */
const app = useTestApp();

it.each(['create', 'publish', 'update'] as const)('a %s lets callbacks queued meanwhile run before it is done', async (action) => {
  const tag = await app.documents(UIDS.tag).create({ data: { name: `Yield ${action}` } });
  const data = { title: `Yielding ${action}`, body: paragraphs('A story long enough for an excerpt. '.repeat(10)), tags: [tag.documentId] };
  const draft = action === 'create' ? null : await app.documents(UIDS.article).create({ data });
  const order: string[] = [];
  const write =
    action === 'create'
      ? app.documents(UIDS.article).create({ data, status: 'published' })
      : action === 'publish'
        ? app.documents(UIDS.article).publish({ documentId: draft!.documentId })
        : app.documents(UIDS.article).update({ documentId: draft!.documentId, data: { title: 'Yielded' } });
  const done = write.then(() => order.push('write'));
  // What a reader's request would be: I/O callbacks run in the same phase as setImmediate's.
  setImmediate(() => order.push('reader'));
  await done;
  // On PostgreSQL every query waits on the server; on SQLite the writer's stages yield.
  expect(order).toEqual(['reader', 'write']);
});
