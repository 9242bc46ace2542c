import type { Browser, Page } from 'playwright-core';
import { registerSuperAdmin } from './admin-api';
import { launchBrowser, serverOnlyContext } from './browser';
import { startServer, type E2EServer, type StartOptions } from './server';

export interface E2ESession {
  server: E2EServer;
  browser: Browser;
  /** A page that reaches only the server; its uncaught errors go to `pageErrors`. */
  page: Page;
  /** The super admin's admin JWT (registered as `email`). */
  adminToken: string;
  pageErrors: string[];
}

/**
 * The server and Chromium, started side by side, and a super admin. If one of
 * the two fails (no Chromium, say), the other is still handed to `keep`, for
 * afterAll to stop, and the error is thrown.
 */
export async function startSession(email: string, keep: (started: Partial<E2ESession>) => void, options: StartOptions = {}): Promise<E2ESession> {
  const [started, launched] = await Promise.allSettled([startServer(options), launchBrowser()]);
  const server = started.status === 'fulfilled' ? started.value : undefined;
  const browser = launched.status === 'fulfilled' ? launched.value : undefined;
  keep({ server, browser });
  for (const result of [started, launched]) if (result.status === 'rejected') throw result.reason;
  const adminToken = await registerSuperAdmin(server!.url, email);
  const page = await (await serverOnlyContext(browser!, server!.url)).newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { server: server!, browser: browser!, page, adminToken, pageErrors };
}
