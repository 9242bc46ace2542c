import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { buildPayloads } from '../lib/changes';
import { pageLocations } from '../utils/page-locations';
import { getService } from '../utils/get-service';
import { pluginConfig } from '../utils/plugin-config';

// Ticks between two prunings of old deliveries.
const PRUNE_EVERY = 600;

/**
 * The loop every instance runs: turn the outbox's waiting changes into
 * events (coalesced: a 10,000-article import is one), and attempt the
 * deliveries that are due. Instances share the work through the database
 * (services/change-outbox.ts, services/webhook-deliveries.ts): each event is
 * made once and each delivery attempted by one instance at a time.
 */
const webhookDispatcher = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => pluginConfig(strapi, 'changes');
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let stopped = true;
  let ticks = 0;

  async function makeEvents(now: number): Promise<void> {
    const outbox = getService(strapi, 'change-outbox');
    if (!(await outbox.due(strapi.db.connection, config().coalesceMs, now))) return;
    await strapi.db.transaction(async ({ trx }) => {
      const ready = await outbox.takeReady(trx, config().coalesceMs, now);
      if (!ready) return;
      const payloads = buildPayloads(ready.change, { id: randomUUID(), createdAt: new Date(ready.createdAt) }, pageLocations(strapi), config().maxEntries);
      await getService(strapi, 'webhook-deliveries').enqueue(trx, payloads, now);
    });
  }

  async function tick(): Promise<void> {
    const now = Date.now();
    const deliveries = getService(strapi, 'webhook-deliveries');
    try {
      await makeEvents(now);
      await deliveries.sendDue(now);
      if (++ticks % PRUNE_EVERY === 0) await deliveries.prune(now);
    } catch (error) {
      // The database away, say: the outbox and the deliveries wait for the next tick.
      strapi.log.warn(`newsroom: webhook dispatch failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function schedule(ms: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = tick().finally(() => {
        running = null;
        schedule(config().pollMs);
      });
    }, ms);
    timer.unref();
  }

  return {
    start(): void {
      stopped = false;
      schedule(0);
    },

    /** After a local commit: the event is due when its coalescing window closes, not at the next poll. */
    wake(): void {
      if (!running) schedule(Math.min(config().coalesceMs + 10, config().pollMs));
    },

    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
};

export default webhookDispatcher;
