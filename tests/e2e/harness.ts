/** Launches Chromium with the built extension, with the blogs' hosts answered from fixtures. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Route } from 'playwright-core';
import { inject } from 'vitest';
import { chromiumArgs } from './chromium';
import { articlePage } from './pages';

export const BLOG_HOSTS =
  /^https:\/\/(netflixtechblog\.com|netflixtechblog\.medium\.com|medium\.com|airbnb\.tech|www\.airbnb\.tech)\//;

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Serves `html` for the next loads of URLs matching `url` (a full URL or a pattern). */
  serve(url: string | RegExp, html: string): Promise<void>;
  openPopup(): Promise<Page>;
  close(): Promise<void>;
}

export const chromiumPath = inject('chromiumPath');

export async function launchWithExtension(): Promise<ExtensionBrowser> {
  const extensionPath = inject('extensionPath');
  const profile = await mkdtemp(join(tmpdir(), 'blog-brief-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath!,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: chromiumArgs(extensionPath),
  });
  // Every blog URL is an article page unless a test serves something else; nothing reaches the network.
  await context.route(BLOG_HOSTS, (route: Route) => route.fulfill({ contentType: 'text/html', body: articlePage() }));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    async serve(url, html) {
      await context.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    },
    async openPopup() {
      const page = await context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
