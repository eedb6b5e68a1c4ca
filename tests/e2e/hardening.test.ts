/**
 * What a hostile page, a fast reader or an extension update must not be able to do: lose a reader's
 * data or show the wrong brief (issue: hardening).
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { articlePage } from '../../tools/fixture-pages';
import { chromiumPath, type ExtensionBrowser, launchWithExtension } from './harness';
import { inAppFrom, inAppTo, posts } from './shipped-catalog';

type ExtensionGlobal = {
  chrome: {
    storage: {
      sync: { get(keys: string | null): Promise<Record<string, unknown>>; clear(): Promise<void> };
      local: { clear(): Promise<void> };
    };
    runtime: { reload(): void };
  };
};

const heading = (page: Page) =>
  page.getByRole('complementary', { name: 'Blog Brief' }).getByRole('heading', { level: 2 }).textContent();

describe.skipIf(!chromiumPath)('hardening, in Chromium', () => {
  let browser: ExtensionBrowser;
  let page: Page;
  const worker = (): Worker => browser.context.serviceWorkers()[0]!;
  const syncItems = () =>
    worker().evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.storage.sync.get(null));

  beforeAll(async () => {
    browser = await launchWithExtension();
    page = await browser.context.newPage();
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    await worker().evaluate(async () => {
      const { chrome } = globalThis as unknown as ExtensionGlobal;
      await chrome.storage.sync.clear();
      await chrome.storage.local.clear();
    });
  });

  it('ignores a page script that clicks the panel: it can neither save, unsave nor collapse', async () => {
    const post = posts[0]!;
    await page.goto(post.url);
    await expect.poll(() => heading(page)).toBe(post.title);
    // The page's own script, in the page's world, walks into the open shadow root.
    await page.evaluate(() => {
      const root = document.querySelector('[data-blog-brief-panel]')!.shadowRoot!;
      const save = root.querySelector<HTMLButtonElement>('button[aria-pressed]')!;
      save.click();
      save.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      save.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      const collapse = root.querySelector<HTMLButtonElement>('button[aria-expanded="true"]')!;
      for (let i = 0; i < 300; i++) collapse.click();
      root
        .querySelector('aside')!
        .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    });
    // The reader's own click: had any page click counted, this one would toggle the star back off.
    const save = page
      .getByRole('complementary', { name: 'Blog Brief' })
      .getByRole('button', { name: 'Save to favorites' });
    await save.click();
    await expect.poll(syncItems).toEqual({ [`fav:${post.id}`]: { t: post.title, s: expect.any(Number) } });
    expect(await save.getAttribute('aria-pressed')).toBe('true');
    // Still expanded, and nothing but the reader's favorite was written.
    expect(await heading(page)).toBe(post.title);
  });

  it('changes nothing for a navigation that never commits (a 204 answer, as a download link gets)', async () => {
    const [a, b] = [inAppFrom, inAppTo];
    const nowhere = `${new URL(a.url).origin}/tagged/a-204-answer`;
    await browser.context.route(nowhere, (route) => route.fulfill({ status: 204, body: '' }));
    await page.goto(a.url);
    await expect.poll(() => heading(page)).toBe(a.title);
    // The page records any removal of the panel; a real click on a link whose answer is 204.
    await page.evaluate((url) => {
      const w = window as unknown as { __removed: boolean };
      w.__removed = false;
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.removedNodes)
            if ((n as Element).hasAttribute?.('data-blog-brief-panel')) w.__removed = true;
      }).observe(document.documentElement, { childList: true });
      const link = Object.assign(document.createElement('a'), { id: 'nowhere', href: url, textContent: 'Nowhere' });
      document.querySelector('article h1')!.after(link);
    }, nowhere);
    await page.click('#nowhere', { noWaitAfter: true });
    // Then an in-app move the panel must follow: had the 204 counted, the panel was taken away before.
    await page.evaluate((url) => history.pushState({}, '', url), b.url);
    await expect.poll(() => heading(page)).toBe(b.title);
    expect(await page.evaluate(() => (window as unknown as { __removed: boolean }).__removed)).toBe(false);
  });

  it('ends on the brief of the page it is on after fast in-app moves (A→B→A, replaceState, back)', async () => {
    const [a, b] = [inAppFrom, inAppTo];
    for (const moves of [
      (urls: string[]) => {
        history.pushState({}, '', urls[1]);
        history.pushState({}, '', urls[0]);
      },
      (urls: string[]) => {
        history.replaceState({}, '', urls[1]);
        history.replaceState({}, '', urls[0]);
      },
      (urls: string[]) => {
        history.pushState({}, '', urls[1]);
        history.back();
      },
    ]) {
      await page.goto(a.url);
      await expect.poll(() => heading(page)).toBe(a.title);
      await page.evaluate(`(${moves.toString()})(${JSON.stringify([a.url, b.url])})`);
      await expect.poll(() => page.url()).toBe(a.url);
      await expect.poll(() => heading(page)).toBe(a.title);
      // The late answer for B arrives within a few milliseconds when it is wrongly kept.
      await page.waitForTimeout(300);
      expect(await heading(page)).toBe(a.title);
    }
  });
});

// An update makes the extension reload; each test gets a browser of its own, since the extension
// does not come back in this harness once reloaded (the old copies in the tabs are what is tested).
describe.skipIf(!chromiumPath)('an extension update under open tabs, in Chromium', () => {
  let browser: ExtensionBrowser;
  const worker = (): Worker => browser.context.serviceWorkers()[0]!;
  beforeEach(async () => {
    browser = await launchWithExtension();
  });
  afterEach(() => browser?.close());

  it('after an update under an open article, takes its panel away and never claims a save it did not make', async () => {
    const post = posts[1]!;
    const tab = await browser.context.newPage();
    await tab.goto(post.url);
    await expect.poll(() => heading(tab)).toBe(post.title);
    // The page watches the star: it must never show "saved" once the extension is gone.
    await tab.evaluate(() => {
      const w = window as unknown as { __everSaved: boolean };
      w.__everSaved = false;
      const root = document.querySelector('[data-blog-brief-panel]')!.shadowRoot!;
      new MutationObserver(() => {
        if (root.querySelector('button[aria-pressed="true"]')) w.__everSaved = true;
      }).observe(root, { subtree: true, attributes: true, childList: true });
    });
    // An update: the extension is loaded again (here: reloaded), and this tab keeps the old copy.
    await worker()
      .evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.runtime.reload())
      .catch(() => undefined);
    await expect.poll(() => browser.context.serviceWorkers().length).toBe(0);
    await tab
      .getByRole('complementary', { name: 'Blog Brief' })
      .getByRole('button', { name: 'Save to favorites' })
      .click();
    await expect.poll(() => tab.locator('[data-blog-brief-panel]').count()).toBe(0);
    expect(await tab.evaluate(() => (window as unknown as { __everSaved: boolean }).__everSaved)).toBe(false);
    await tab.close();
  });

  it('after an update, an in-app move takes the old panel away instead of keeping the old brief', async () => {
    const [a, b] = [inAppFrom, inAppTo];
    const tab = await browser.context.newPage();
    await tab.goto(a.url);
    await expect.poll(() => heading(tab)).toBe(a.title);
    await worker()
      .evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.runtime.reload())
      .catch(() => undefined);
    await expect.poll(() => browser.context.serviceWorkers().length).toBe(0);
    await tab.evaluate((url) => history.pushState({}, '', url), b.url);
    await expect.poll(() => tab.locator('[data-blog-brief-panel]').count()).toBe(0);
    await tab.close();
  });
});

describe.skipIf(!chromiumPath)('a damaged or newer catalog database, in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeEach(async () => {
    browser = await launchWithExtension();
  });
  afterEach(() => browser?.close());
  /** Runs `script` on the extension's database from the service worker, with raw IndexedDB. */
  const inWorker = (script: string) => browser.context.serviceWorkers()[0]!.evaluate(script);
  const allBriefs = `All ${posts.length} briefs, newest first`;

  it('recovers from a database left at a higher version (an update rolled back)', async () => {
    await (await browser.openPopup()).getByText(allBriefs).waitFor();
    await inWorker(`new Promise((resolve, reject) => {
      const open = indexedDB.open('blog-brief', 99);
      open.onupgradeneeded = () => open.result.createObjectStore('from-a-newer-version');
      open.onsuccess = () => { open.result.close(); resolve(); };
      open.onerror = () => reject(open.error);
      open.onblocked = () => reject(new Error('blocked: a connection ignored versionchange'));
    })`);
    const popup = await browser.openPopup();
    await popup.getByText(allBriefs).waitFor();
    const article = await browser.context.newPage();
    await article.goto(posts[0]!.url);
    await expect.poll(() => heading(article)).toBe(posts[0]!.title);
  });

  it('rebuilds a cache with a garbage record or a cleared store, for the popup and the panel', async () => {
    await (await browser.openPopup()).getByText(allBriefs).waitFor();
    await inWorker(`new Promise((resolve, reject) => {
      const open = indexedDB.open('blog-brief');
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction('posts', 'readwrite');
        tx.objectStore('posts').put({ rank: 0, id: 'garbage' });
        tx.oncomplete = () => { db.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    })`);
    const popup = await browser.openPopup();
    await popup.getByText(allBriefs).waitFor();
    expect(await popup.getByRole('list', { name: 'Briefs' }).getByRole('link').first().textContent()).toBe(
      posts[0]!.title,
    );
    await inWorker(`new Promise((resolve) => {
      const open = indexedDB.open('blog-brief');
      open.onsuccess = () => {
        const tx = open.result.transaction('posts', 'readwrite');
        tx.objectStore('posts').clear();
        tx.oncomplete = () => { open.result.close(); resolve(); };
      };
    })`);
    const article = await browser.context.newPage();
    await article.goto(posts.at(-1)!.url);
    await expect.poll(() => heading(article)).toBe(posts.at(-1)!.title);
    await (await browser.openPopup()).getByText(allBriefs).waitFor();
  });
});

describe.skipIf(!chromiumPath)('the panel on unusual pages, in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(() => browser?.close());

  it('stays left-to-right on a right-to-left page, and dark (scrollbars included) in dark mode', async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    const post = posts[0]!;
    await browser.serve(post.url, articlePage().replace('<html lang="en">', '<html lang="ar" dir="rtl">'));
    await page.goto(post.url);
    await expect.poll(() => heading(page)).toBe(post.title);
    const styles = await page.evaluate(() => {
      const host = document.querySelector('[data-blog-brief-panel]')!;
      const aside = host.shadowRoot!.querySelector('aside')!;
      return {
        direction: getComputedStyle(aside).direction,
        hostScheme: getComputedStyle(host).colorScheme,
        asideScheme: getComputedStyle(aside).colorScheme,
      };
    });
    // 'light dark': the browser uses the reader's scheme (dark here) for the panel's scrollbars too.
    expect(styles).toEqual({ direction: 'ltr', hostScheme: 'light dark', asideScheme: 'light dark' });
    await page.close();
  });
});

describe.skipIf(!chromiumPath)('a page that defines elements of our name, in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(() => browser?.close());

  it('still gets the panel, and runs none of its code on it', async () => {
    const page = await browser.context.newPage();
    const post = posts[0]!;
    const trap = `<script>
      window.__constructed = 0;
      for (const name of ['blog-brief-panel', 'blog-brief']) {
        customElements.define(name, class extends HTMLElement {
          constructor() { super(); window.__constructed++; this.attachShadow({ mode: 'open' }); }
        });
      }
    </script>`;
    await browser.serve(post.url, articlePage({ extraHead: trap }));
    await page.goto(post.url);
    await expect.poll(() => heading(page)).toBe(post.title);
    expect(await page.evaluate(() => (window as unknown as { __constructed: number }).__constructed)).toBe(0);
    await page.close();
  });
});
