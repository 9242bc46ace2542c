import type { PagesChangedPayload } from '../../../src/plugins/newsroom/shared/contracts/webhooks';
import { deliveryView, summaryOf, type DeliveryRow } from '../../../src/plugins/newsroom/server/src/lib/changes/delivery-view';
import { listDeliveriesQuerySchema } from '../../../src/plugins/newsroom/server/src/validation/webhook-deliveries';
import { validate } from '../../../src/plugins/newsroom/server/src/validation/validate';

const payload: PagesChangedPayload = {
  version: 1,
  event: 'newsroom.pages.changed',
  id: 'evt-1',
  createdAt: '2025-03-01T10:00:00.000Z',
  part: 1,
  parts: 2,
  tags: { before: ['alpha', 'beta'], after: ['beta', 'gamma'] },
  sources: { before: [], after: ['reuters'] },
  articles: ['doc1', 'doc2', 'doc3'],
  urls: ['https://api/1', 'https://api/2'],
  paths: ['/a'],
  cacheTags: ['t'],
};
const created = Date.parse('2025-03-01T10:00:00.000Z');
const row = (over: Partial<DeliveryRow> = {}): DeliveryRow => ({
  id: 7,
  webhook_id: 3,
  event_id: 'evt-1',
  part: 1,
  parts: 2,
  payload: JSON.stringify(payload),
  status: 'pending',
  attempts: 1,
  last_status: 503,
  last_error: 'HTTP 503',
  created_at: created,
  next_attempt_at: created + 2000,
  delivered_at: null,
  ...over,
});
const names = new Map([['3', 'Frontend']]);

describe('deliveryView', () => {
  it('maps a pending row: the webhook by name, ISO times, the next attempt', () => {
    expect(deliveryView(row(), names)).toEqual({
      id: 7,
      webhookId: '3',
      webhookName: 'Frontend',
      eventId: 'evt-1',
      part: 1,
      parts: 2,
      status: 'pending',
      attempts: 1,
      lastStatus: 503,
      lastError: 'HTTP 503',
      createdAt: '2025-03-01T10:00:00.000Z',
      nextAttemptAt: '2025-03-01T10:00:02.000Z',
      deliveredAt: null,
      summary: { tags: 3, sources: 1, articles: 3, urls: 2 },
    });
  });

  it("reads PostgreSQL's bigints-as-strings as numbers", () => {
    const view = deliveryView(
      row({ id: '7', webhook_id: '3', attempts: '2', last_status: '200', created_at: String(created), delivered_at: String(created + 500), status: 'delivered', next_attempt_at: null }),
      names,
    );
    expect(view).toMatchObject({ id: 7, webhookId: '3', attempts: 2, lastStatus: 200, createdAt: '2025-03-01T10:00:00.000Z', deliveredAt: '2025-03-01T10:00:00.500Z' });
  });

  it('names no webhook once it was deleted', () => {
    expect(deliveryView(row({ webhook_id: 99 }), names).webhookName).toBeNull();
  });

  it('has no next attempt once failed, whatever the column says', () => {
    expect(deliveryView(row({ status: 'failed', next_attempt_at: created + 9000, last_status: null, last_error: 'ECONNREFUSED' }), names)).toMatchObject({
      status: 'failed',
      nextAttemptAt: null,
      lastStatus: null,
      lastError: 'ECONNREFUSED',
    });
  });
});

describe('summaryOf', () => {
  it('counts distinct tags and sources before and after, articles and urls', () => {
    expect(summaryOf(JSON.stringify(payload))).toEqual({ tags: 3, sources: 1, articles: 3, urls: 2 });
  });

  it.each([['not JSON', '{'], ['null', 'null'], ['an array', '[]'], ['fields of the wrong type', JSON.stringify({ tags: 'x', articles: 3 })]])(
    'covers nothing for a body that is %s',
    (_name, text) => {
      expect(summaryOf(text)).toEqual({ tags: 0, sources: 0, articles: 0, urls: 0 });
    },
  );
});

describe('the deliveries query', () => {
  const parse = (query: unknown) => validate(listDeliveriesQuerySchema, query, 'deliveries query');

  it('defaults to the 50 newest of every status', () => {
    expect(parse({})).toEqual({ limit: 50 });
  });

  it('takes a status and a limit up to 200', () => {
    expect(parse({ status: 'failed', limit: '200' })).toEqual({ status: 'failed', limit: 200 });
  });

  it.each([
    [{ status: 'lost' }, 'Invalid deliveries query at "status": status must be one of pending, delivered, failed'],
    [{ limit: '0' }, 'Invalid deliveries query at "limit": limit must be between 1 and 200'],
    [{ limit: '201' }, 'Invalid deliveries query at "limit": limit must be between 1 and 200'],
    [{ limit: 'ten' }, 'Invalid deliveries query at "limit": limit must be a positive integer'],
    [{ limit: ['1', '2'] }, 'Invalid deliveries query at "limit": limit must be a positive integer'],
  ])('refuses %j, saying why', (query, message) => {
    expect(() => parse(query)).toThrow(message);
  });
});
