/**
 * The `newsroom.pages.changed` webhook: the body every receiver gets, and the
 * admin's view of deliveries. Types only.
 */

/** Slugs of the tags (or sources) a change touched: what they were before it, and after. */
export interface BeforeAfter {
  before: string[];
  after: string[];
}

/** Version 1 of the body POSTed to each webhook subscribed to `newsroom.pages.changed`. */
export interface PagesChangedPayload {
  version: 1;
  event: 'newsroom.pages.changed';
  /** Unique per event (the same on every retry and for every webhook): receivers may deduplicate on it. */
  id: string;
  /** ISO 8601: when the first change of this event was committed. */
  createdAt: string;
  /** A change too large for one body is split: part 1..parts, each complete on its own. */
  part: number;
  parts: number;
  tags: BeforeAfter;
  sources: BeforeAfter;
  /** documentIds of the articles whose public version changed. */
  articles: string[];
  /** Absolute public API URLs (from PUBLIC_URL) whose answer changed, with default parameters. */
  urls: string[];
  /** Reader-facing paths (from NEWSROOM_SITE_URL and the URL patterns), for Next.js revalidatePath. */
  paths: string[];
  /** The same names as the public responses' Surrogate-Key / Cache-Tag headers: purge by these. */
  cacheTags: string[];
}

/**
 * A webhook as Strapi's own store keeps it and its admin API answers it
 * (GET/POST /admin/webhooks, PUT/DELETE /admin/webhooks/:id; the same as
 * @strapi/types' Modules.WebhookStore.Webhook, which the admin bundle cannot import).
 */
export interface StrapiWebhook {
  id: string;
  name: string;
  url: string;
  /** Sent with every delivery: how a receiver authenticates it. */
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}

/** POST /admin/webhooks (Strapi's admin API): refuses unknown keys, isEnabled among them; a new webhook is enabled. */
export declare namespace CreateWebhook {
  interface Request {
    body: Omit<StrapiWebhook, 'id' | 'isEnabled'>;
  }
  interface Response {
    data: StrapiWebhook;
  }
}

/** PUT /admin/webhooks/:id (Strapi's admin API): the whole webhook but its id. */
export declare namespace UpdateWebhook {
  interface Request {
    body: Omit<StrapiWebhook, 'id'>;
  }
  interface Response {
    data: StrapiWebhook;
  }
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event owed to one webhook. */
export interface Delivery {
  id: number;
  webhookId: string;
  /** null once the webhook was deleted. */
  webhookName: string | null;
  eventId: string;
  part: number;
  parts: number;
  status: DeliveryStatus;
  attempts: number;
  /** HTTP status of the last attempt; null before the first or when no answer came. */
  lastStatus: number | null;
  /** Why the last attempt failed (a status line, a timeout, a refused connection). */
  lastError: string | null;
  /** ISO 8601 timestamps. */
  createdAt: string;
  /** When the next attempt is due; null once delivered or failed. */
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  /** What the event covered. */
  summary: { tags: number; sources: number; articles: number; urls: number };
}

/** GET /newsroom/webhooks/deliveries: the most recent deliveries, newest first. */
export declare namespace ListDeliveries {
  interface Request {
    query: { status?: DeliveryStatus; limit?: number };
  }
  interface Response {
    data: Delivery[];
    meta: {
      /** Counts over every stored delivery, not only those listed. */
      counts: Record<DeliveryStatus, number>;
      /** The event the webhooks must subscribe to. */
      event: 'newsroom.pages.changed';
    };
  }
}
