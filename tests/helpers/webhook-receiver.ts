import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PAGES_CHANGED_EVENT } from '../../src/plugins/newsroom/shared/constants';
import type { PagesChangedPayload } from '../../src/plugins/newsroom/shared/contracts/webhooks';

export interface Received {
  at: number;
  headers: http.IncomingHttpHeaders;
  body: PagesChangedPayload;
  /** The status it was answered with. */
  status: number;
}

export interface WebhookReceiver {
  url: string;
  received: Received[];
  /** Answers the next requests with these statuses, in order (then 200 again). */
  failNext(...statuses: number[]): void;
  /** The first request received after `since` (an index into `received`) that `match` accepts, within `timeoutMs`. */
  waitFor(match: (body: PagesChangedPayload) => boolean, options?: { since?: number; timeoutMs?: number }): Promise<Received>;
  close(): Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1, as a frontend's revalidation route would be. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: Received[] = [];
  const statuses: number[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const status = statuses.shift() ?? 200;
      received.push({ at: Date.now(), headers: req.headers, body: JSON.parse(text) as PagesChangedPayload, status });
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status === 200 ? 'ok' : 'unavailable');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/revalidate`,
    received,
    failNext: (...codes) => void statuses.push(...codes),
    async waitFor(match, { since = 0, timeoutMs = 10_000 } = {}) {
      for (const deadline = Date.now() + timeoutMs; ; await new Promise((resolve) => setTimeout(resolve, 20))) {
        const found = received.slice(since).find((r) => r.status === 200 && match(r.body));
        if (found) return found;
        if (Date.now() > deadline) {
          throw new Error(`no matching webhook within ${timeoutMs} ms; received: ${JSON.stringify(received.slice(since).map((r) => r.body))}`);
        }
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A webhook for `newsroom.pages.changed` to `url`, created through Strapi's
 * own admin API on the server at `base`, as an editor would: its id.
 */
export async function subscribe(base: string, adminToken: string, url: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${base}/admin/webhooks`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Frontend', url, headers, events: [PAGES_CHANGED_EVENT] }),
  });
  if (res.status !== 201) throw new Error(`POST /admin/webhooks: ${res.status} ${await res.text()}`);
  return String(((await res.json()) as { data: { id: string | number } }).data.id);
}
