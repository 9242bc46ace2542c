import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

interface Config {
  /** Requests started per turn of the event loop; 0 turns pacing off. */
  perTurn?: number;
}

/**
 * Starts at most `perTurn` requests per turn of the event loop, the others
 * waiting (first come, first served) for the next turns. SQLite only.
 *
 * Why: since libuv 1.45 (Node 20), a listening socket accepts one connection
 * per turn of the event loop (libuv/libuv#3696). On SQLite, better-sqlite3
 * runs every query synchronously, so a request runs from its first byte to
 * its answer inside the turn that read it, and a turn runs every request
 * that arrived in it: with 64 busy keep-alive connections a turn lasts a
 * few hundred milliseconds, and new connections wait in the kernel's accept
 * queue, one accepted per turn, for seconds (64 at once: up to ~15 s, on
 * every route, while the connections already open are served at full
 * speed). Bounding the work of a turn keeps turns short, so the listening
 * socket is polled, and a new connection accepted, every few milliseconds.
 * The total work, and so throughput, is unchanged. PostgreSQL queries leave
 * the event loop, its turns stay short: no pacing there.
 */
const requestPacing = (config: Config, { strapi }: { strapi: Core.Strapi }) => {
  const perTurn = Math.max(0, Math.floor(config.perTurn ?? 1));
  if (perTurn === 0 || strapi.config.get('database.connection.client') !== 'sqlite') {
    return (_ctx: Context, next: () => Promise<void>) => next();
  }

  const waiting: Array<() => void> = [];
  let started = 0;
  let turnScheduled = false;

  // Runs in the check phase, after the poll phase that accepted a connection
  // and read the requests that arrived: a new turn, a new budget.
  const nextTurn = () => {
    turnScheduled = false;
    started = 0;
    while (started < perTurn && waiting.length > 0) {
      started += 1;
      waiting.shift()!();
    }
    if (started > 0) scheduleTurn();
  };
  const scheduleTurn = () => {
    if (turnScheduled) return;
    turnScheduled = true;
    setImmediate(nextTurn);
  };

  return async (_ctx: Context, next: () => Promise<void>) => {
    if (started < perTurn && waiting.length === 0) {
      started += 1;
      scheduleTurn();
    } else {
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        scheduleTurn();
      });
    }
    await next();
  };
};

export default requestPacing;
