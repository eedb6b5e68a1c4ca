import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlePage, homePage, spaArticlePage } from '../../tools/fixture-pages';
import type { Post } from '../../utils/catalog/catalog-schema';
import { chromiumPath, type ExtensionBrowser, launchWithExtension } from './harness';
import { moveInApp, panelInsertedAt, recordPanelInsertion } from './page-probes';
import { airbnbTechCopy, articleNotInCatalog, inAppFrom, inAppTo, postNotOf, posts } from './shipped-catalog';

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

const origin = (url: string) => new URL(url).origin;

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

  /**
   * Asserts that the page got no panel while on its URL, without waiting a fixed time and hoping: the
   * page records when a panel is added; it then moves in-app to an article, where the panel shows.
   * The content script handles URLs in order, so had it shown one for the first URL, the record would
   * come before the move.
   */
  async function expectNothingShownUntilAnArticle(
    article: Post | null = posts.find((p) => origin(p.url) === origin(page.url())) ?? null,
  ) {
    await page.evaluate(recordPanelInsertion);
    expect(await page.locator('[data-blog-brief-panel]').count()).toBe(0);
    if (!article) return;
    const movedAt = await page.evaluate(moveInApp, article.url);
    // Expanded or, where the page leaves no room beside its text, collapsed to its tab.
    await expect.poll(() => page.locator('[data-blog-brief-panel]').count()).toBe(1);
    expect(await page.evaluate(panelInsertedAt)).toBeGreaterThan(movedAt);
  }

  it.each(posts.map((p) => [p.title, p] as const))('shows its own brief on "%s"', async (_title, post) => {
    await page.goto(post.url);
    await expect.poll(() => panel().getByRole('heading', { level: 2 }).textContent()).toBe(post.title);
    const text = await panel().textContent();
    expect(text).toContain(post.summary);
    for (const bullet of post.bullets) expect(text).toContain(bullet);
    expect(await page.locator('[data-blog-brief-panel]').count()).toBe(1);
  });

  it.runIf(airbnbTechCopy)('shows the brief for an airbnb.tech copy, whatever its category', async () => {
    const { post, url } = airbnbTechCopy!;
    await page.goto(url.replace(/airbnb\.tech\/[^/]+\//, 'airbnb.tech/some-other-category/'));
    await expect.poll(() => panel().getByRole('heading', { level: 2 }).textContent()).toBe(post.title);
  });

  it('shows the brief for a medium.com/p/ short link with a tracking query and a fragment', async () => {
    const post = posts.find((p) => p.url.includes('medium'))!;
    await page.goto(`https://medium.com/p/${post.id}?source=rss----2615bd06b42e---4#top`);
    await expect.poll(() => panel().getByRole('heading', { level: 2 }).textContent()).toBe(post.title);
  });

  it.each([
    ['a publication home page', 'https://netflixtechblog.com/'],
    ['a tag page', 'https://medium.com/airbnb-engineering/tagged/infrastructure'],
    ['an article that is not in the catalog', articleNotInCatalog],
  ])('shows nothing on %s, and adds nothing to the page', async (_kind, url) => {
    await browser.serve(url, homePage());
    await page.goto(url);
    await expectNothingShownUntilAnArticle();
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
    // A message would be sent at once; the in-app move to an article below proves the script is listening.
    expect(await messages()).toBe(0);
    await page.goto(posts[0]!.url);
    await panel().waitFor();
    expect(await messages()).toBe(1);
  });

  it('switches the brief when the URL changes in-app, and leaves when it is no longer an article', async () => {
    const [first, second] = [inAppFrom, inAppTo];
    await browser.serve(first.url, spaArticlePage(second.url));
    await page.goto(first.url);
    await expect.poll(() => panel().getByRole('heading', { level: 2 }).textContent()).toBe(first.title);
    await page.click('#next');
    await expect.poll(() => panel().getByRole('heading', { level: 2 }).textContent()).toBe(second.title);
    expect(await page.locator('[data-blog-brief-panel]').count()).toBe(1);
    await page.evaluate(() => history.pushState({}, '', '/tagged/kubernetes'));
    await expect.poll(() => page.locator('[data-blog-brief-panel]').count()).toBe(0);
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
    const article = inAppTo;
    const home = `${origin(article.url)}/`;
    await browser.serve(home, homePage({ nextUrl: article.url }));
    await page.goto(home);
    expect(await panelCodeLoaded()).toBe(false);
    await page.click('#next');
    await expect.poll(() => panel().getByRole('heading', { level: 2 }).textContent()).toBe(article.title);
    expect(await panelCodeLoaded()).toBe(true);
    expect(await page.locator('[data-blog-brief-panel]').count()).toBe(1);
  });

  it('badges the toolbar icon on a tab with a brief, and drops the badge when the tab leaves the article', async () => {
    const article = posts.at(-1)!;
    await page.goto(article.url);
    await panel().waitFor();
    await expect.poll(badge).toBe('✓');
    await page.evaluate(() => history.pushState({}, '', '/tagged/spark'));
    await expect.poll(badge).toBe('');
    // …and after a full page load to a page without a brief.
    await page.goto(article.url);
    await expect.poll(badge).toBe('✓');
    const home = `${origin(article.url)}/`;
    await browser.serve(home, homePage());
    await page.goto(home);
    await expect.poll(badge).toBe('');
  });

  it('brings keyboard focus into the panel with the shortcut, then collapses and expands it', async () => {
    await page.goto(posts[1]!.url);
    await panel().getByRole('heading', { level: 2 }).waitFor();
    const toggle = () =>
      worker().evaluate(async () => {
        const { chrome } = globalThis as unknown as ExtensionGlobal;
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        await chrome.tabs.sendMessage(tab!.id, { type: 'panel:toggle' });
      });
    const focused = () =>
      page.evaluate(
        () => document.querySelector('[data-blog-brief-panel]')?.shadowRoot?.activeElement?.textContent ?? null,
      );
    await page.bringToFront();
    // The panel is last in the page's Tab order: the shortcut is the keyboard's way in.
    await toggle();
    await expect.poll(focused).toBe(posts[1]!.title);
    await toggle();
    await panel().getByRole('button', { name: 'Brief' }).waitFor();
    await expect.poll(focused).toMatch(/Brief$/);
    await toggle();
    await panel().getByRole('heading', { level: 2 }).waitFor();
  });

  it('stays away from a blog the reader turned off', async () => {
    const off = posts.find((p) => p.url.startsWith('https://medium.com/'))!;
    const setBlog = (on: boolean) =>
      worker().evaluate(
        async ([on, key]) => {
          const { chrome } = globalThis as unknown as ExtensionGlobal;
          if (on) await chrome.storage.sync.remove(key);
          else await chrome.storage.sync.set({ [key]: false });
        },
        [on, `settings:blogEnabled:${off.blog}`] as const,
      );
    await setBlog(false);
    await page.goto(off.url);
    // On medium.com, an article of another blog is one in-app move away.
    await expectNothingShownUntilAnArticle(posts.find((p) => p.blog !== off.blog && origin(p.url) === origin(off.url)));
    await setBlog(true);
    await page.goto(postNotOf(off.blog).url);
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
      aside, div, [data-blog-brief-panel], * { display: none !important; color: red !important; font-family: monospace !important; }
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

  it.each([
    ['this version', "const old = document.createElement('div'); old.setAttribute('data-blog-brief-panel', '');"],
    ['versions before the <div> host', "const old = document.createElement('blog-brief-panel');"],
  ])('replaces a panel left on the page by an older copy (%s): never two', async (_kind, create) => {
    // What an extension update leaves behind: the old script's panel on <html>, its script gone.
    const leftover = `<script>
      ${create}
      old.attachShadow({ mode: 'open' }).innerHTML = '<aside aria-label="Blog Brief"><h2>Old brief</h2></aside>';
      document.documentElement.append(old);
    </script>`;
    const url = posts.at(-1)!.url;
    await browser.serve(url, articlePage({ extraBody: leftover }));
    await page.goto(url);
    await expect.poll(() => panel().getByRole('heading', { level: 2 }).textContent()).toBe(posts.at(-1)!.title);
    expect(await page.locator('[data-blog-brief-panel], blog-brief-panel').count()).toBe(1);
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
    await expect.poll(() => page.locator('[data-blog-brief-panel]').count()).toBe(0);
  });
});
