/**
 * What's new (issue 22), measured: the background's RSS reading (utils/news/rss.ts) of the real
 * Netflix TechBlog feed, in a Chromium page running the same code (bench/rss-page.ts); and the
 * popup's "New" view answering its tab's click.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { BLOG_FEEDS } from '../utils/catalog/blogs';
import { benchPageScript } from './browser';
/** The background's RSS reading of the real 122 KB Netflix TechBlog feed (10 items), ms per parse. */
export async function rssBench(context: BrowserContext, runs: number, root: string): Promise<number[]> {
  const script = await benchPageScript(resolve(root, 'bench/rss-page.ts'));
  await context.route('https://bench.invalid/rss', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><meta charset="utf-8"><script>${script}</script>`,
    }),
  );
  const xml = await readFile(resolve(root, '../shared/reference/real-pages/rss-netflix-techblog-2021.xml'), 'utf8');
  const page = await context.newPage();
  await page.goto('https://bench.invalid/rss');
  const samples = await page.evaluate(
    ([text, n]) => (window as unknown as { rssBench(x: string, r: number): number[] }).rssBench(text, n),
    [xml, Math.max(runs, 10)] as const,
  );
  await page.close();
  await context.unroute('https://bench.invalid/rss');
  return samples;
}

/**
 * The popup's "New" view: from the click on its tab to its first row in the DOM (a round trip to the
 * background for the kept articles, and a render), with the 10 articles of the real feed kept.
 */
export async function newViewBench(
  context: BrowserContext,
  extensionId: string,
  runs: number,
  root: string,
): Promise<number[]> {
  const xml = await readFile(resolve(root, '../shared/reference/real-pages/rss-netflix-techblog-2021.xml'), 'utf8');
  for (const url of Object.values(BLOG_FEEDS)) {
    await context.route(url!, (route) =>
      route.fulfill({
        contentType: 'application/rss+xml',
        body: url === BLOG_FEEDS.netflix ? xml : '<rss version="2.0"><channel></channel></rss>',
      }),
    );
  }
  const setup = await context.newPage();
  await setup.goto(`chrome-extension://${extensionId}/popup.html`);
  await setup.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { runtime: { sendMessage(m: unknown): Promise<{ rows: unknown[] }> } };
    };
    await chrome.runtime.sendMessage({ type: 'settings:set', changes: { whatsNew: true, whatsNewAsked: true } });
    for (let i = 0; i < 100; i++) {
      if ((await chrome.runtime.sendMessage({ type: 'news:list' })).rows.length === 10) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the feed was not kept');
  });
  await setup.close();
  for (const url of Object.values(BLOG_FEEDS)) await context.unroute(url!);
  const samples: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const tab = page.getByRole('button', { name: /^New \d+$/ });
    await tab.waitFor();
    const ms = await tab.evaluate(
      (button) =>
        new Promise<number>((resolve) => {
          const start = performance.now();
          const observer = new MutationObserver(() => {
            if (!document.querySelector('[aria-label="New articles"] article')) return;
            observer.disconnect();
            resolve(performance.now() - start);
          });
          observer.observe(document.body, { childList: true, subtree: true });
          (button as HTMLButtonElement).click();
        }),
    );
    await page.close();
    if (run > 0) samples.push(ms); // the first open warms the background
  }
  return samples;
}
