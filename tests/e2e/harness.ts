/** Launches Chromium with the built extension (tools/chromium.ts), every blog URL an article page unless a test serves something else. */
import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from '../../tools/chromium';
import { articlePage } from '../../tools/fixture-pages';

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
  const launched = await launchChromium({ extensionPath: inject('extensionPath'), blogPage: () => articlePage() });
  const { context } = launched;
  const extensionId = launched.extensionId!;
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
    close: launched.close,
  };
}
