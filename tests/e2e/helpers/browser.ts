import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOTS = path.resolve(__dirname, '..', 'screenshots');

/** Debian's Chromium (apt-get install chromium): never a browser playwright would download. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** A context that can reach the server under test and nothing else (the admin would fetch release notes, fonts...). */
export async function serverOnlyContext(browser: Browser, serverUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1400 }, locale: 'en-GB', timezoneId: 'UTC' });
  const origin = new URL(serverUrl).origin;
  await context.route('**', (route) => {
    const url = route.request().url();
    return url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:') ? route.continue() : route.abort();
  });
  context.setDefaultTimeout(15000);
  return context;
}

/** Each run's pictures only: a renamed or removed step leaves none behind. */
export function clearScreenshots(): void {
  fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function logIn(page: Page, serverUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${serverUrl}/admin/auth/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth'));
}
