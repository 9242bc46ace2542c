import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PAGES_CHANGED_EVENT, TABLES } from '../../../shared/constants';
import type { PagesChangedPayload, StrapiWebhook as Webhook } from '../../../shared/contracts/webhooks';
import { nextAttemptAt } from '../lib/changes';
import { pluginConfig } from '../utils/plugin-config';

const DELIVERIES = TABLES.webhookDeliveries;
// Deliveries attempted at once by one instance.
const BATCH = 20;

interface Row {
  id: number;
  webhook_id: number;
  event_id: string;
  payload: string;
  attempts: number;
  created_at: number | string;
}
type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

const webhookStore = (strapi: Core.Strapi) =>
  strapi.get('webhookStore') as { findWebhooks(): Promise<Webhook[]>; findWebhook(id: number): Promise<Webhook | null> };

/** Why a webhook no longer wants the event, or null. */
const refusal = (webhook: Webhook | null): string | null =>
  !webhook ? 'the webhook was deleted' : !webhook.isEnabled ? 'the webhook is disabled' : !webhook.events.includes(PAGES_CHANGED_EVENT) ? 'the webhook no longer subscribes to the event' : null;

const reason = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if ((error as Error)?.name === 'TimeoutError') return 'no answer in time';
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
};

/**
 * What each webhook is owed, sent by us and not by Strapi's runner (one POST,
 * in memory, no retry): every row is retried with backoff until its receiver
 * answers 2xx or the policy gives up, survives restarts, and is claimed by
 * one instance at a time. The webhook's url and headers are read from
 * Strapi's store (strapi_webhooks) at every attempt, as edited in the admin.
 */
const webhookDeliveries = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => pluginConfig(strapi, 'changes').webhooks;
  const knex = () => strapi.db.connection;

  async function attempt(webhook: Webhook, row: Row): Promise<Outcome> {
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          ...(webhook.headers ?? {}),
          'Content-Type': 'application/json',
          // As Strapi's own webhooks name theirs.
          'X-Strapi-Event': PAGES_CHANGED_EVENT,
          'X-Newsroom-Event-Id': row.event_id,
        },
        body: row.payload,
        signal: AbortSignal.timeout(config().timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.ok ? { ok: true, status: response.status } : { ok: false, status: response.status, error: `HTTP ${response.status}` };
    } catch (error) {
      return { ok: false, status: null, error: reason(error) };
    }
  }

  async function deliver(row: Row, now: number): Promise<void> {
    const webhook = await webhookStore(strapi).findWebhook(row.webhook_id);
    const refused = refusal(webhook);
    const outcome: Outcome = refused ? { ok: false, status: null, error: refused } : await attempt(webhook!, row);
    const attempts = row.attempts + (refused ? 0 : 1);
    const done = { attempts, last_status: outcome.status, claimed_until: null };
    if (outcome.ok) {
      await knex()(DELIVERIES).where({ id: row.id }).update({ ...done, status: 'delivered', delivered_at: Date.now(), next_attempt_at: null, last_error: null });
      return;
    }
    const next = refused ? null : nextAttemptAt(config(), attempts, Number(row.created_at), now);
    await knex()(DELIVERIES)
      .where({ id: row.id })
      .update({ ...done, status: next === null ? 'failed' : 'pending', next_attempt_at: next, last_error: outcome.error });
  }

  return {
    /** Inside the dispatcher's transaction: one row per webhook and body. */
    async enqueue(trx: Knex.Transaction, payloads: PagesChangedPayload[], now: number): Promise<number> {
      const webhooks = (await webhookStore(strapi).findWebhooks()).filter((webhook) => refusal(webhook) === null);
      const rows = webhooks.flatMap((webhook) =>
        payloads.map((payload) => ({
          webhook_id: Number(webhook.id),
          event_id: payload.id,
          part: payload.part,
          parts: payload.parts,
          payload: JSON.stringify(payload),
          status: 'pending',
          attempts: 0,
          created_at: Date.parse(payload.createdAt),
          next_attempt_at: now,
        })),
      );
      if (rows.length > 0) await trx(DELIVERIES).insert(rows);
      return rows.length;
    },

    /** Attempts the deliveries due now that no other instance holds. */
    async sendDue(now = Date.now()): Promise<void> {
      const due: Array<{ id: number }> = await knex()(DELIVERIES)
        .where({ status: 'pending' })
        .where('next_attempt_at', '<=', now)
        .where((q) => q.whereNull('claimed_until').orWhere('claimed_until', '<', now))
        .orderBy('id')
        .limit(BATCH)
        .select('id');
      const claimed: Row[] = [];
      for (const { id } of due) {
        // Held for one attempt's timeout and some: an instance that dies mid-attempt leaves it to another after that.
        const taken = await knex()(DELIVERIES)
          .where({ id, status: 'pending' })
          .where((q) => q.whereNull('claimed_until').orWhere('claimed_until', '<', now))
          .update({ claimed_until: now + config().timeoutMs + 5000 });
        if (taken === 1) claimed.push(await knex()(DELIVERIES).where({ id }).first('id', 'webhook_id', 'event_id', 'payload', 'attempts', 'created_at'));
      }
      await Promise.all(claimed.map((row) => deliver(row, now)));
    },

    /** Forgets delivered and failed deliveries past the time they are kept. */
    async prune(now = Date.now()): Promise<void> {
      await knex()(DELIVERIES).whereIn('status', ['delivered', 'failed']).where('created_at', '<', now - config().keepMs).delete();
    },
  };
};

export default webhookDeliveries;
