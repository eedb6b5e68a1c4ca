import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import catalogJson from '../../data/catalog.json';
import { parseCatalog } from '../../utils/catalog';
import { chromiumPath, type ExtensionBrowser, launchWithExtension } from './harness';
import { articlePage, homePage, spaArticlePage } from './pages';

const posts = parseCatalog(catalogJson).posts;

/** The extension API as the service worker sees it (only what these tests call). */
type ExtensionGlobal = {
  chrome: {
    tabs: {
      query(q: object): Promise<{ id: number }[]>;
      sendMessage(tabId: number, message: unknown): Promise<unknown>;
    };
    action: { getBadgeText(d: { tabId: number }): Promise<string> };
    storage: {
      sync: {
        get(key: string): Promise<object>;
        set(items: object): Promise<void>;
        remove(key: string): Promise<void>;
      };
    };
  };
};
const byId = (id: string) => posts.find((p) => p.id === id)!;

describe.skipIf(!chromiumPath)('the panel in Chromium', () => {
  let browser: ExtensionBrowser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchWithExtension();
    page = await browser.context.newPage();
  });
  afterAll(() => browser?.close());

  const panel = () => page.getByRole('complementary', { name: 'Blog Brief' });
  const worker = () => browser.context.serviceWorkers()[0]!;
  /** The badge text of the test page's tab. */
  const badge = async () => {
    await page.bringToFront();
    return worker().evaluate(async () => {
      const { chrome } = globalThis as unknown as ExtensionGlobal;
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.action.getBadgeText({ tabId: tab!.id });
    });
  };

  it.each(posts.map((p) => [p.title, p] as const))('shows its own brief on "%s"', async (_title, post) => {
    await page.goto(post.url);
    await expect.poll(() => panel().getByRole('heading', { level: 2 }).textContent()).toBe(post.title);
    const text = await panel().textContent();
    expect(text).toContain(post.summary);
    for (const bullet of post.bullets) expect(text).toContain(bullet);
    expect(await page.locator('blog-brief-panel').count()).toBe(1);
  });

  it.each([
    ['an airbnb.tech copy', 'https://airbnb.tech/infrastructure/seamless-istio-upgrades-at-scale/', 'bcb0e49c5cf8'],
    [
      'a netflixtechblog.medium.com link with a tracking query',
      'https://netflixtechblog.medium.com/building-a-resilient-data-platform-with-write-ahead-log-at-netflix-127b6712359a?source=rss----2615bd06b42e---4',
      '127b6712359a',
    ],
  ])('shows the brief for %s', async (_form, url, id) => {
    await page.goto(url);
    await expect.poll(() => panel().getByRole('heading', { level: 2 }).textContent()).toBe(byId(id).title);
  });

  it.each([
    ['a publication home page', 'https://netflixtechblog.com/'],
    ['a tag page', 'https://medium.com/airbnb-engineering/tagged/infrastructure'],
    [
      'an article that is not in the catalog',
      'https://medium.com/pinterest-engineering/next-gen-data-processing-at-massive-scale-at-pinterest-with-moka-part-1-of-2-39a36d5e82c4',
    ],
  ])('shows nothing on %s, and adds nothing to the page', async (_kind, url) => {
    await browser.serve(url, homePage());
    await page.goto(url);
    await page.waitForTimeout(300);
    expect(await page.locator('blog-brief-panel').count()).toBe(0);
  });

  it('sends the background no message from pages that are not catalog articles', async () => {
    // Count, in the service worker, every message that reaches it.
    await worker().evaluate(() => {
      const { chrome } = globalThis as unknown as ExtensionGlobal & {
        chrome: { runtime: { onMessage: { addListener(f: () => void): void } } };
      };
      const counter = globalThis as unknown as { __messages: number };
      counter.__messages = 0;
      chrome.runtime.onMessage.addListener(() => void counter.__messages++);
    });
    const messages = () => worker().evaluate(() => (globalThis as unknown as { __messages: number }).__messages);
    for (const url of [
      'https://netflixtechblog.com/',
      'https://medium.com/airbnb-engineering/tagged/infrastructure',
      'https://medium.com/@someone',
    ]) {
      await browser.serve(url, homePage());
      await page.goto(url);
    }
    await page.evaluate(() => history.pushState({}, '', '/@someone/lists'));
    await page.waitForTimeout(300);
    expect(await messages()).toBe(0);
    await page.goto(posts[0]!.url);
    await panel().waitFor();
    expect(await messages()).toBe(1);
  });

  it('switches the brief when the URL changes in-app, and leaves when it is no longer an article', async () => {
    const first = byId('0de8465ba354');
    const second = byId('bcb0e49c5cf8');
    await browser.serve(first.url, spaArticlePage(second.url));
    await page.goto(first.url);
    await expect.poll(() => panel().getByRole('heading', { level: 2 }).textContent()).toBe(first.title);
    await page.click('#next');
    await expect.poll(() => panel().getByRole('heading', { level: 2 }).textContent()).toBe(second.title);
    expect(await page.locator('blog-brief-panel').count()).toBe(1);
    await page.evaluate(() => history.pushState({}, '', '/airbnb-engineering/tagged/kubernetes'));
    await expect.poll(() => page.locator('blog-brief-panel').count()).toBe(0);
  });

  /** Whether the panel's code is loaded in the test page (asked in our content scripts' own world). */
  const panelCodeLoaded = async () => {
    await page.bringToFront();
    return worker().evaluate(async () => {
      const { chrome } = globalThis as unknown as ExtensionGlobal & {
        chrome: { scripting: { executeScript(i: object): Promise<{ result: boolean }[]> } };
      };
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      // In an array: a function in an object property gets a name helper from the test's transform,
      // which the page would not have.
      const [check] = [() => '__blogBriefPanelCode' in globalThis];
      const [frame] = await chrome.scripting.executeScript({ target: { tabId: tab!.id }, func: check });
      return frame!.result;
    });
  };

  it('shows the brief after an in-app move from a page that is not an article, loading the panel only then', async () => {
    const home = 'https://medium.com/airbnb-engineering';
    const article = byId('bcb0e49c5cf8');
    await browser.serve(home, homePage({ nextUrl: article.url }));
    await page.goto(home);
    expect(await panelCodeLoaded()).toBe(false);
    await page.click('#next');
    await expect.poll(() => panel().getByRole('heading', { level: 2 }).textContent()).toBe(article.title);
    expect(await panelCodeLoaded()).toBe(true);
    expect(await page.locator('blog-brief-panel').count()).toBe(1);
  });

  it('badges the toolbar icon on a tab with a brief, and drops the badge when the tab leaves the article', async () => {
    await page.goto(posts[6]!.url);
    await panel().waitFor();
    await expect.poll(badge).toBe('✓');
    await page.evaluate(() => history.pushState({}, '', '/pinterest-engineering/tagged/spark'));
    await expect.poll(badge).toBe('');
    // …and after a full page load to a page without a brief.
    await page.goto(posts[6]!.url);
    await expect.poll(badge).toBe('✓');
    await browser.serve('https://medium.com/pinterest-engineering', homePage());
    await page.goto('https://medium.com/pinterest-engineering');
    await expect.poll(badge).toBe('');
  });

  it('toggles with the keyboard shortcut the background relays', async () => {
    await page.goto(posts[7]!.url);
    await panel().getByRole('heading', { level: 2 }).waitFor();
    const toggle = () =>
      worker().evaluate(async () => {
        const { chrome } = globalThis as unknown as ExtensionGlobal;
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        await chrome.tabs.sendMessage(tab!.id, { type: 'panel:toggle' });
      });
    await page.bringToFront();
    await toggle();
    await panel().getByRole('button', { name: 'Brief' }).waitFor();
    await toggle();
    await panel().getByRole('heading', { level: 2 }).waitFor();
  });

  it('stays away from a blog the reader turned off', async () => {
    const setPinterest = (on: boolean) =>
      worker().evaluate(async (on) => {
        const { chrome } = globalThis as unknown as ExtensionGlobal;
        if (on) await chrome.storage.sync.remove('settings:blogEnabled:pinterest');
        else await chrome.storage.sync.set({ 'settings:blogEnabled:pinterest': false });
      }, on);
    await setPinterest(false);
    await page.goto(posts[6]!.url);
    await page.waitForTimeout(300);
    expect(await page.locator('blog-brief-panel').count()).toBe(0);
    await setPinterest(true);
    await page.goto(posts[0]!.url);
    await panel().waitFor();
  });

  it('sits in the margin beside the text, below the fixed header', async () => {
    await page.goto(posts[0]!.url);
    const box = (await panel().boundingBox())!;
    const column = (await page.locator('article p').first().boundingBox())!;
    expect(box.x).toBeGreaterThan(column.x + column.width);
    expect(box.y).toBeGreaterThanOrEqual(57);
    // Scrolling the page still works with the panel up.
    await page.mouse.wheel(0, 800);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  it('starts as a collapsed tab over the page when the window has no room beside the text', async () => {
    await page.setViewportSize({ width: 900, height: 800 });
    await page.goto(posts[1]!.url);
    const tab = panel().getByRole('button', { name: 'Brief' });
    await tab.waitFor();
    await tab.click();
    await expect.poll(() => panel().getByRole('heading', { level: 2 }).textContent()).toBe(posts[1]!.title);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('cannot be hidden or restyled by the page CSS, and does not restyle the page', async () => {
    const hostile = `<style>
      aside, blog-brief-panel, * { display: none !important; color: red !important; font-family: monospace !important; }
      html, body, main, article, h1, p, .topbar { display: block !important; }
    </style>`;
    const url = posts[2]!.url;
    await browser.serve(url, articlePage({ extraHead: hostile }));
    await page.goto(url);
    await expect.poll(() => panel().isVisible()).toBe(true);
    const summaryColor = await panel()
      .locator('.bb-summary')
      .evaluate((el) => getComputedStyle(el).color);
    expect(summaryColor).not.toBe('rgb(255, 0, 0)');
    // Our styles stay in the shadow root: the page's own paragraphs keep the page's look.
    expect(
      await page
        .locator('article p')
        .first()
        .evaluate((el) => getComputedStyle(el).fontFamily),
    ).toBe('monospace');
    // No stylesheet of ours in the document itself: the fixture's two are all there is.
    expect(await page.evaluate(() => document.querySelectorAll('style, link[rel=stylesheet]').length)).toBe(2);
  });

  it('replaces a panel left on the page by an older copy of the extension: never two', async () => {
    // What an extension update leaves behind: the old script's panel on <html>, its script gone.
    const leftover = `<script>
      const old = document.createElement('blog-brief-panel');
      old.attachShadow({ mode: 'open' }).innerHTML = '<aside aria-label="Blog Brief"><h2>Old brief</h2></aside>';
      document.documentElement.append(old);
    </script>`;
    const url = posts[6]!.url;
    await browser.serve(url, articlePage({ extraBody: leftover }));
    await page.goto(url);
    await expect.poll(() => panel().getByRole('heading', { level: 2 }).textContent()).toBe(posts[6]!.title);
    expect(await page.locator('blog-brief-panel').count()).toBe(1);
  });

  it('collapses with Esc, remembers it on the next article, and the close button removes it for this page', async () => {
    await page.goto(posts[3]!.url);
    await panel().getByRole('button', { name: 'Collapse brief' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => panel().getByRole('button', { name: 'Brief' }).isVisible()).toBe(true);
    // The background's writer has stored it (a reader takes longer than this to reach the next article).
    await expect
      .poll(() =>
        worker().evaluate(() =>
          (globalThis as unknown as ExtensionGlobal).chrome.storage.sync.get('settings:panelCollapsed'),
        ),
      )
      .toEqual({ 'settings:panelCollapsed': true });
    await page.goto(posts[4]!.url);
    await panel().getByRole('button', { name: 'Brief' }).waitFor();
    await panel().getByRole('button', { name: 'Brief' }).click();
    await page.goto(posts[5]!.url);
    await panel().getByRole('button', { name: 'Close brief on this page' }).click();
    await expect.poll(() => page.locator('blog-brief-panel').count()).toBe(0);
  });
});
