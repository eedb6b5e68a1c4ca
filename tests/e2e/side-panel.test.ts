/**
 * Briefs in the browser's side panel, in Chromium: chosen on the options page, the article gets no
 * panel of its own (its toolbar badge still says there is a brief), and the side panel follows the
 * active tab: the brief of the article in it, through tab switches and in-app moves, its star, and a
 * browse of the catalog on a tab without a brief.
 *
 * The side panel's page (sidepanel.html) is opened in a tab of its own, beside the article: headless
 * Chromium draws no side panel, and the page is the same either way. It follows whichever tab is
 * active in its window, as in the real side panel.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, type ExtensionBrowser, launchWithExtension } from './harness';
import { posts } from './shipped-catalog';

describe.skipIf(!chromiumPath)('briefs in the side panel, in Chromium', () => {
  let browser: ExtensionBrowser;
  let options: Page;
  beforeAll(async () => {
    browser = await launchWithExtension();
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  });
  afterAll(() => browser?.close());

  /** The badge of the active tab, read in the service worker. */
  const badge = () =>
    browser.context.serviceWorkers()[0]!.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          tabs: { query(q: object): Promise<{ id: number }[]> };
          action: { getBadgeText(d: { tabId: number }): Promise<string> };
        };
      };
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.action.getBadgeText({ tabId: tab!.id });
    });

  it('is chosen on the options page, and the manifest gives Chrome the side panel', async () => {
    await options.getByRole('radio', { name: 'In the browser’s side panel' }).check();
    await expect
      .poll(() => browser.context.serviceWorkers()[0]!.evaluate("chrome.storage.sync.get('settings:briefInSidePanel')"))
      .toEqual({ 'settings:briefInSidePanel': true });
    const manifest = (await browser.context.serviceWorkers()[0]!.evaluate('chrome.runtime.getManifest()')) as {
      side_panel?: { default_path: string };
    };
    expect(manifest.side_panel?.default_path).toBe('sidepanel.html');
  });

  it('follows the active tab: the article’s brief, an in-app move, another tab, and back', async () => {
    const article = await browser.context.newPage();
    await article.goto(posts[0]!.url);
    // The article is recognized (badged) and gets no panel beside it.
    await expect.poll(badge).toBe('✓');
    expect(await article.locator('[data-blog-brief-panel]').count()).toBe(0);

    const side = await browser.context.newPage();
    await side.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await article.bringToFront();
    const brief = side.getByRole('complementary', { name: 'Blog Brief' });
    await expect.poll(() => brief.getByRole('heading', { level: 2 }).textContent()).toBe(posts[0]!.title);
    // No collapse or close in the side panel: it is the brief's own place.
    expect(await brief.getByRole('button', { name: 'Collapse brief' }).count()).toBe(0);

    const save = brief.getByRole('button', { name: 'Save to favorites' });
    await save.click();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');

    await article.evaluate((url) => history.pushState({}, '', url), posts[1]!.url);
    await expect.poll(() => brief.getByRole('heading', { level: 2 }).textContent()).toBe(posts[1]!.title);

    // A tab without a brief: the catalog to browse.
    const other = await browser.context.newPage();
    await other.goto('about:blank');
    await expect.poll(() => side.getByText(/^All [\d,]+ briefs, newest first$/).count()).toBe(1);

    await article.bringToFront();
    await expect.poll(() => brief.getByRole('heading', { level: 2 }).textContent()).toBe(posts[1]!.title);
    await other.close();
    await side.close();
    await article.close();
  });

  it('goes back beside the article when the reader chooses so', async () => {
    await options.getByRole('radio', { name: 'Beside the article' }).check();
    const article = await browser.context.newPage();
    await article.goto(posts[2]!.url);
    await expect
      .poll(() =>
        article.getByRole('complementary', { name: 'Blog Brief' }).getByRole('heading', { level: 2 }).textContent(),
      )
      .toBe(posts[2]!.title);
    await article.close();
  });
});
