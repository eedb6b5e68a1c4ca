/**
 * Feeds at scale, in real Chromium with the built extension and a real HTTP server on 127.0.0.1:
 * the first sync of a large feed added in the options page (time, the extension process's peak
 * memory, and the popup's times while the sync runs against the same popup idle), then an update that
 * changes 10 of its posts (bytes moved, time to apply). Reported by `npm run bench`, never asserted.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../tools/chromium';
import { FeedHost } from '../tools/feed-host';
import { articlePage } from '../tools/fixture-pages';
import { syntheticCatalog } from '../tools/synthetic-catalog';

export interface FeedScaleResult {
  posts: number;
  shards: number;
  feedBytes: number;
  firstSyncMs: number;
  peakRssMiB: number;
  rssBeforeMiB: number;
  popupFirstPostIdle: number[];
  popupFirstPostDuringSync: number[];
  popupSearchIdle: number[];
  popupSearchDuringSync: number[];
  updateChangedPosts: number;
  updateBytes: number;
  updateShards: number;
  updateMs: number;
}

/** Chromium's extension renderer processes (the service worker and the extension's pages live there). */
async function extensionProcesses(): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes('--extension-process')) pids.push(Number(entry));
  }
  return pids;
}

/** kB fields of /proc/<pid>/status, in MiB: VmRSS now, VmHWM the peak since the last reset. */
async function memory(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Writing 5 to clear_refs resets a process's peak RSS (Linux), so the peak read after is the sync's. */
async function resetPeak(pid: number) {
  await writeFile(`/proc/${pid}/clear_refs`, '5').catch(() => undefined);
}

const PROBE = `window.__feedBench = {
  firstPost: () => new Promise((resolve, reject) => {
    const start = performance.timeOrigin;
    const done = () => document.querySelector('.posts a.row-link');
    if (done()) return resolve(performance.now());
    const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); resolve(performance.now()); } });
    observer.observe(document, { childList: true, subtree: true });
    setTimeout(() => reject(new Error('no first post in 20 s')), 20000);
  }),
  search: (word) => new Promise((resolve, reject) => {
    const box = document.querySelector('input[type=search]');
    const heading = document.querySelector('#results-heading');
    const before = heading.textContent;
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      if (heading.textContent !== before && !/Loading/.test(heading.textContent)) { observer.disconnect(); resolve(performance.now() - t0); }
    });
    observer.observe(heading, { childList: true, subtree: true, characterData: true });
    box.value = word;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    setTimeout(() => reject(new Error('no search result in 20 s')), 20000);
  }),
};`;

async function popupTimes(
  context: BrowserContext,
  extensionId: string,
): Promise<{ firstPost: number; search: number }> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'commit' });
  await popup.evaluate(PROBE);
  const firstPost = (await popup.evaluate('window.__feedBench.firstPost()')) as number;
  const search = (await popup.evaluate(`window.__feedBench.search('data')`)) as number;
  await popup.close();
  return { firstPost, search };
}

const statusText = (options: Page) => options.locator('.feed-status').first().textContent({ timeout: 1_000 });

export async function feedScaleBench(
  extensionDir: string,
  posts: number,
  log: (message: string) => void,
): Promise<FeedScaleResult> {
  const host = new FeedHost();
  await host.start();
  const catalog = syntheticCatalog(posts);
  log(`feeds: building a ${posts.toLocaleString('en-US')}-post feed…`);
  await host.publish(catalog);
  const shardFiles = [...host.files.keys()].filter((f) => f.startsWith('shards/'));
  const feedBytes = [...host.files.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const browser = await launchChromium({ extensionPath: extensionDir, blogPage: () => articlePage() });
  try {
    const { context } = browser;
    const extensionId = browser.extensionId!;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const idle = [];
    for (let i = 0; i < 5; i++) idle.push(await popupTimes(context, extensionId));

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const pids = await extensionProcesses();
    const rssBeforeMiB = Math.max(...(await Promise.all(pids.map((pid) => memory(pid, 'VmRSS')))));
    for (const pid of pids) await resetPeak(pid);

    log('feeds: first sync…');
    await options.getByLabel('Feed URL').fill(host.url);
    const start = performance.now();
    await options.getByRole('button', { name: 'Add feed' }).click();
    const wanted = `${posts.toLocaleString('en-US')} briefs`;
    const during: { firstPost: number; search: number }[] = [];
    let firstSyncMs = 0;
    for (;;) {
      const text = await statusText(options).catch(() => null);
      if (text?.startsWith(wanted)) {
        firstSyncMs = performance.now() - start;
        break;
      }
      if (performance.now() - start > 600_000) throw new Error(`the first sync did not finish: ${text}`);
      // The popup, opened while the background syncs: does it stay responsive?
      if (during.length < 5) during.push(await popupTimes(context, extensionId));
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const peakRssMiB = Math.max(...(await Promise.all(pids.map((pid) => memory(pid, 'VmHWM')))));

    log('feeds: an update of 10 posts…');
    const step = Math.floor(posts / 10);
    const changed = new Set(Array.from({ length: 10 }, (_, i) => catalog.posts[i * step]!.id));
    await host.publish({
      ...catalog,
      version: catalog.version + 1,
      posts: catalog.posts.map((p) => (changed.has(p.id) ? { ...p, summary: `${p.summary} Updated.` } : p)),
    });
    host.bytesServed = 0;
    host.requests = [];
    const updateStart = performance.now();
    const button = options.locator('.feeds button').first();
    await button.click();
    // Done when the shards were fetched and the button is back from "Checking…" (it returns once the
    // update is in IndexedDB).
    for (;;) {
      const fetched = host.requests.some((r) => r.startsWith('shards/'));
      if (fetched && (await button.textContent()) === 'Check now') break;
      if (performance.now() - updateStart > 600_000) throw new Error('the update did not finish');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const updateMs = performance.now() - updateStart;
    return {
      posts,
      shards: shardFiles.length,
      feedBytes,
      firstSyncMs,
      peakRssMiB,
      rssBeforeMiB,
      popupFirstPostIdle: idle.map((t) => t.firstPost),
      popupFirstPostDuringSync: during.map((t) => t.firstPost),
      popupSearchIdle: idle.map((t) => t.search),
      popupSearchDuringSync: during.map((t) => t.search),
      updateChangedPosts: changed.size,
      updateBytes: host.bytesServed,
      updateShards: host.requests.filter((r) => r.startsWith('shards/')).length,
      updateMs,
    };
  } finally {
    await browser.close();
    await host.stop();
  }
}
