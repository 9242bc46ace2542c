import type { Core } from '@strapi/strapi';
import { PAGES_CHANGED_EVENT, TABLES } from '../../../shared/constants';
import type { DeliveryStatus, ListDeliveries, StrapiWebhook } from '../../../shared/contracts/webhooks';
import { DELIVERY_STATUSES, deliveryView, type DeliveryRow } from '../lib/changes/delivery-view';

const DELIVERIES = TABLES.webhookDeliveries;
const COLUMNS = [
  'id',
  'webhook_id',
  'event_id',
  'part',
  'parts',
  'payload',
  'status',
  'attempts',
  'last_status',
  'last_error',
  'created_at',
  'next_attempt_at',
  'delivered_at',
] as const;

/** The admin's log of webhook deliveries (services/webhook-deliveries.ts writes them). */
const deliveryLog = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const webhookStore = () => strapi.get('webhookStore') as { findWebhooks(): Promise<StrapiWebhook[]> };

  async function counts(): Promise<Record<DeliveryStatus, number>> {
    const rows: Array<{ status: string; n: number | string }> = await knex()(DELIVERIES).select('status').count({ n: '*' }).groupBy('status');
    const result = Object.fromEntries(DELIVERY_STATUSES.map((status) => [status, 0])) as Record<DeliveryStatus, number>;
    for (const row of rows) if (row.status in result) result[row.status as DeliveryStatus] = Number(row.n);
    return result;
  }

  return {
    /** The most recent deliveries, newest first, with every status's count. */
    async list({ status, limit }: { status?: DeliveryStatus; limit: number }): Promise<ListDeliveries.Response> {
      const query = knex()(DELIVERIES).select(...COLUMNS).orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
      if (status) query.where({ status });
      const [rows, webhooks, byStatus] = await Promise.all([query.limit(limit) as Promise<DeliveryRow[]>, webhookStore().findWebhooks(), counts()]);
      const names = new Map(webhooks.map((webhook) => [String(webhook.id), webhook.name]));
      return { data: rows.map((row) => deliveryView(row, names)), meta: { counts: byStatus, event: PAGES_CHANGED_EVENT } };
    },
  };
};

export default deliveryLog;
