import type { Delivery, DeliveryStatus, PagesChangedPayload } from '../../../../shared/contracts/webhooks';

/** A row of newsroom_webhook_deliveries as knex reads it: PostgreSQL answers bigints as strings. */
export interface DeliveryRow {
  id: number | string;
  webhook_id: number | string;
  event_id: string;
  part: number | string;
  parts: number | string;
  payload: string;
  status: string;
  attempts: number | string;
  last_status: number | string | null;
  last_error: string | null;
  created_at: number | string;
  next_attempt_at: number | string | null;
  delivered_at: number | string | null;
}

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const satisfies readonly DeliveryStatus[];

const iso = (ms: number | string | null): string | null => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());
const count = (list: unknown): number => (Array.isArray(list) ? list.length : 0);
/** Distinct slugs on either side of a before/after pair. */
const touched = (pair: Partial<PagesChangedPayload['tags']> | undefined): number =>
  new Set([...(Array.isArray(pair?.before) ? pair.before : []), ...(Array.isArray(pair?.after) ? pair.after : [])]).size;

/** What an event covered, read from the body that was (or will be) sent; a body that does not parse covers nothing. */
export function summaryOf(payload: string): Delivery['summary'] {
  let body: Partial<PagesChangedPayload>;
  try {
    body = JSON.parse(payload) as Partial<PagesChangedPayload>;
  } catch {
    return { tags: 0, sources: 0, articles: 0, urls: 0 };
  }
  if (!body || typeof body !== 'object') return { tags: 0, sources: 0, articles: 0, urls: 0 };
  return { tags: touched(body.tags), sources: touched(body.sources), articles: count(body.articles), urls: count(body.urls) };
}

const statusOf = (status: string): DeliveryStatus => ((DELIVERY_STATUSES as readonly string[]).includes(status) ? (status as DeliveryStatus) : 'pending');

/** The admin's view of one delivery; `webhookNames` maps the store's webhook ids (as strings) to their names. */
export function deliveryView(row: DeliveryRow, webhookNames: ReadonlyMap<string, string>): Delivery {
  const status = statusOf(row.status);
  return {
    id: Number(row.id),
    webhookId: String(row.webhook_id),
    webhookName: webhookNames.get(String(row.webhook_id)) ?? null,
    eventId: row.event_id,
    part: Number(row.part),
    parts: Number(row.parts),
    status,
    attempts: Number(row.attempts),
    lastStatus: row.last_status === null || row.last_status === undefined ? null : Number(row.last_status),
    lastError: row.last_error ?? null,
    createdAt: iso(row.created_at)!,
    // Only a pending delivery is still due; the column is cleared on delivery, kept null on failure.
    nextAttemptAt: status === 'pending' ? iso(row.next_attempt_at) : null,
    deliveredAt: iso(row.delivered_at),
    summary: summaryOf(row.payload),
  };
}
