import { Client, type ClientConfig } from 'pg';

export interface PgListenerOptions {
  /** pg's connection settings (knex's, so the listener reaches the same server as the pool). */
  connection: ClientConfig;
  channel: string;
  onMessage(payload: string): void;
  /** The listener was not listening for a while (lost connection, reconnected): messages may have been missed. */
  onGap(): void;
  onLost(error: unknown): void;
  /** How the connection shows in pg_stat_activity. */
  applicationName?: string;
}

export interface PgListener {
  /** Once the first attempt is over: whether it listens (if not, it goes on trying). */
  ready: Promise<boolean>;
  /** Whether it listens now: notifications sent from now on will arrive. */
  listening(): boolean;
  close(): Promise<void>;
}

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;

/**
 * LISTEN on a connection of its own, outside knex's pool: a pooled
 * connection would be handed to queries, and a notification arrives only on
 * the session that listens. Lost (PostgreSQL restarting, a network cut), it
 * reconnects with backoff and reports the gap; it never throws.
 */
export function listenPostgres({ connection, channel, onMessage, onGap, onLost, applicationName }: PgListenerOptions): PgListener {
  let client: Client | null = null;
  let closed = false;
  let retryMs = FIRST_RETRY_MS;
  let timer: NodeJS.Timeout | undefined;

  const retry = () => {
    if (closed) return;
    timer = setTimeout(() => void connect(), retryMs);
    timer.unref();
    retryMs = Math.min(2 * retryMs, MAX_RETRY_MS);
  };

  const connect = async (): Promise<boolean> => {
    const candidate = new Client({ ...connection, keepAlive: true, ...(applicationName ? { application_name: applicationName } : {}) });
    let lost = false;
    const lose = (error: unknown) => {
      if (lost) return;
      lost = true;
      if (client === candidate) {
        client = null;
        onLost(error);
        onGap();
      }
      candidate.end().catch(() => undefined);
      retry();
    };
    candidate.on('error', lose);
    candidate.on('end', () => lose(new Error('the listening connection ended')));
    candidate.on('notification', (message) => {
      if (message.channel === channel) onMessage(message.payload ?? '');
    });
    try {
      await candidate.connect();
      await candidate.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
    } catch (error) {
      lose(error);
      return false;
    }
    if (closed || lost) {
      await candidate.end().catch(() => undefined);
      return false;
    }
    const reconnected = retryMs !== FIRST_RETRY_MS;
    client = candidate;
    retryMs = FIRST_RETRY_MS;
    if (reconnected) onGap();
    return true;
  };

  return {
    ready: connect(),
    listening: () => client !== null,
    async close() {
      closed = true;
      clearTimeout(timer);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
