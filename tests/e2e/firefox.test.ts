/**
 * The reader-level behaviours of the Chromium tests, in a real Firefox (ESR, the Firefox build, over
 * WebDriver BiDi: tools/firefox.ts), and no error from the extension in Firefox's console.
 *
 * Written with puppeteer rather than Playwright (whose Firefox is a patched build it cannot download
 * here), so the panel is read through its open shadow root from the page's world instead of by role.
 * Expectations come from the same shipped catalog and fixture pages as the Chromium tests.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type LaunchedFirefox, launchFirefox, waitInPage } from '../../tools/firefox';
import { articlePage, homePage, spaArticlePage } from '../../tools/fixture-pages';
import { backupFileText } from '../../utils/backup/favorites-file';
import { panelControl, panelState, titleIs, until } from './firefox-probes';
import { moveInApp, panelInsertedAt, recordPanelInsertion } from './page-probes';
import { airbnbTechCopy, articleNotInCatalog, busiestTag, inAppFrom, inAppTo, posts } from './shipped-catalog';

const firefoxPath = inject('firefoxPath');

describe.skipIf(!firefoxPath)('Blog Brief in Firefox', () => {
  let firefox: LaunchedFirefox;
  let page: Page;
  beforeAll(async () => {
    firefox = await launchFirefox({ extensionPath: inject('firefoxExtensionPath'), blogPage: () => articlePage() });
    page = await firefox.browser.newPage();
    await firefox.setViewport(page, { width: 1440, height: 900 });
  }, 60_000);
  afterAll(() => firefox?.close());

  /** Runs in an extension page, where `browser.*` is the extension API. */
  async function inExtension<T>(fn: string): Promise<T> {
    const options = await firefox.openExtensionPage('options.html');
    try {
      return (await options.evaluate(fn)) as T;
    } finally {
      await options.close();
    }
  }

  it.each(posts.map((p) => [p.title, p] as const))('shows its own brief on "%s"', async (_title, post) => {
    await page.goto(post.url);
    const state = await titleIs(page, post.title);
    expect(state?.visible).toBe(true);
  });

  it('shows the brief for the other URL forms: an airbnb.tech copy, a /p/ link with tracking', async () => {
    if (airbnbTechCopy) {
      await page.goto(airbnbTechCopy.url);
      await titleIs(page, airbnbTechCopy.post.title);
    }
    const post = posts.find((p) => p.url.includes('medium'))!;
    await page.goto(`https://medium.com/p/${post.id}?source=rss----2615bd06b42e---4#top`);
    await titleIs(page, post.title);
  });

  it.each([
    ['a publication home page', 'https://netflixtechblog.com/'],
    ['a tag page', 'https://medium.com/airbnb-engineering/tagged/infrastructure'],
    ['an article that is not in the catalog', articleNotInCatalog],
  ])('shows nothing on %s until the reader moves in-app to an article', async (_kind, url) => {
    firefox.serve(url, homePage());
    await page.goto(url);
    // The page records when a panel is added; the move below proves the script was listening.
    await page.evaluate(recordPanelInsertion);
    expect(await panelState(page)).toBeNull();
    const article = posts.find((p) => new URL(p.url).origin === new URL(url).origin)!;
    const movedAt = await page.evaluate(moveInApp, article.url);
    await until(
      () => panelState(page),
      (s) => s !== null,
      'the panel after the move',
    );
    expect(await page.evaluate(panelInsertedAt)).toBeGreaterThan(movedAt);
  });

  it('follows in-app moves both ways, and loads the panel after a move from a page without it', async () => {
    firefox.serve(inAppFrom.url, spaArticlePage(inAppTo.url));
    await page.goto(inAppFrom.url);
    await titleIs(page, inAppFrom.title);
    await page.click('#next');
    await titleIs(page, inAppTo.title);
    await page.evaluate(() => history.pushState({}, '', '/tagged/kubernetes'));
    await until(
      () => panelState(page),
      (s) => s === null,
      'the panel to leave',
    );
    await page.evaluate(() => history.back());
    await titleIs(page, inAppTo.title);

    const home = `${new URL(inAppTo.url).origin}/`;
    firefox.serve(home, homePage({ nextUrl: inAppTo.url }));
    await page.goto(home);
    await page.click('#next');
    await titleIs(page, inAppTo.title);
  });

  it('badges the toolbar button on a tab with a brief', async () => {
    const post = posts[0]!;
    await page.goto(post.url);
    await titleIs(page, post.title);
    const badge = await inExtension<string>(`(async () => {
      const [tab] = await browser.tabs.query({ url: ${JSON.stringify(post.url)} });
      return browser.browserAction.getBadgeText({ tabId: tab.id });
    })()`);
    expect(badge).toBe('✓');
  });

  it('collapses with Esc, is remembered, closes for the page, and the shortcut brings it back', async () => {
    await page.goto(posts[3]!.url);
    await titleIs(page, posts[3]!.title);
    await (await panelControl(page, 'button[aria-expanded="true"]')).focus();
    await page.keyboard.press('Escape');
    await until(
      () => panelState(page),
      (s) => s?.collapsed === true,
      'the panel to collapse',
    );
    await inExtension('new Promise((r) => setTimeout(r, 300))');
    await page.goto(posts[4]!.url);
    await until(
      () => panelState(page),
      (s) => s?.collapsed === true,
      'the collapsed state remembered',
    );
    await (await panelControl(page, 'button.bb-tab')).click();
    await titleIs(page, posts[4]!.title);
    await (await panelControl(page, 'button[aria-label="Close brief on this page"]')).click();
    await until(
      () => panelState(page),
      (s) => s === null,
      'the panel to close',
    );
    await inExtension(`(async () => {
      const [tab] = await browser.tabs.query({ url: ${JSON.stringify(posts[4]!.url)} });
      await browser.tabs.sendMessage(tab.id, { type: 'panel:toggle' });
    })()`);
    await titleIs(page, posts[4]!.title);
  });

  it('cannot be hidden or restyled by the page, and ignores clicks the page makes', async () => {
    const post = posts[2]!;
    firefox.serve(
      post.url,
      articlePage({
        extraHead:
          '<style>aside, div, [data-blog-brief-panel], body * { display: none !important; color: red !important; }</style>',
      }),
    );
    await page.goto(post.url);
    const state = await titleIs(page, post.title);
    expect(state?.visible).toBe(true);
    await page.evaluate(() => {
      const save = document
        .querySelector('[data-blog-brief-panel]')!
        .shadowRoot!.querySelector('button[aria-pressed]')!;
      (save as HTMLButtonElement).click();
    });
    await (await panelControl(page, 'button[aria-pressed]')).click();
    await until(
      () => panelState(page),
      (s) => s?.saved === true,
      'the reader’s own save',
    );
    await (await panelControl(page, 'button[aria-pressed]')).click();
    await until(
      () => panelState(page),
      (s) => s?.saved === false,
      'the reader’s own unsave',
    );
  });

  it('starts as a tab when the window has no room beside the text', async () => {
    const narrow = await firefox.browser.newPage();
    await firefox.setViewport(narrow, { width: 800, height: 700 });
    await narrow.goto(posts[0]!.url);
    await until(
      () => panelState(narrow),
      (s) => s?.collapsed === true,
      'the collapsed tab',
    );
    await narrow.close();
  });

  it('popup: lists, filters by tag and blog, searches, and opens an article with the keyboard', async () => {
    const popup = await firefox.openExtensionPage('popup.html');
    const heading = () => popup.$eval('#results-heading', (h) => h.textContent);
    const titles = () => popup.$$eval('.results .posts a.row-link', (links) => links.map((a) => a.textContent));
    await until(heading, (h) => h === `All ${posts.length} briefs, newest first`, 'the list');
    expect(await titles()).toEqual(posts.slice(0, 50).map((p) => p.title));

    const tagged = posts.filter((p) => p.tags.includes(busiestTag));
    await popup.evaluate((tag) => {
      const buttons = [...document.querySelectorAll<HTMLButtonElement>('[aria-label="Tags"] button')];
      buttons.find((b) => b.textContent?.startsWith(tag))!.click();
    }, busiestTag);
    await until(heading, (h) => h === `${tagged.length} ${tagged.length === 1 ? 'brief' : 'briefs'} found`, 'the tag');
    expect(await titles()).toEqual(tagged.map((p) => p.title));
    const blog = tagged[0]!.blog;
    const both = tagged.filter((p) => p.blog === blog);
    await popup.evaluate((name) => {
      const buttons = [...document.querySelectorAll<HTMLButtonElement>('[aria-label="Blog"] button')];
      buttons.find((b) => b.textContent?.startsWith(name))!.click();
    }, blog.charAt(0).toUpperCase() + blog.slice(1));
    await until(heading, (h) => h === `${both.length} ${both.length === 1 ? 'brief' : 'briefs'} found`, 'the blog');

    await popup.close();
    const fresh = await firefox.openExtensionPage('popup.html');
    await until(
      () => fresh.$eval('#results-heading', (h) => h.textContent),
      (h) => h?.startsWith('All') ?? false,
      'the list',
    );
    await fresh.bringToFront();
    await fresh.keyboard.press('/');
    expect(await fresh.evaluate(() => document.activeElement?.id)).toBe('search');
    const word = posts
      .at(-1)!
      .title.split(/\W+/)
      .find((w) => w.length >= 5)!;
    await fresh.keyboard.type(word.slice(0, 4));
    await until(
      () => fresh.$eval('#results-heading', (h) => h.textContent),
      (h) => h?.endsWith('found') ?? false,
      'the search',
    );
    expect(await fresh.$$eval('.results .posts a.row-link', (l) => l.map((a) => a.textContent))).toContain(
      posts.at(-1)!.title,
    );
    // Down into the results, Enter opens the first in a new tab, where the panel shows its brief.
    const first = await fresh.$eval('.results .posts a.row-link', (a) => (a as HTMLAnchorElement).href);
    await fresh.keyboard.press('ArrowDown');
    expect(await fresh.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.href)).toBe(first);
    await fresh.keyboard.press('Enter');
    // Firefox opens it as a tab that puppeteer is not told about: it is read through BiDi.
    const title = posts.find((p) => p.url === first)!.title;
    await until(
      () =>
        firefox.evaluateInTab(
          first,
          `document.querySelector('[data-blog-brief-panel]')?.shadowRoot?.querySelector('h2, button.bb-tab')?.closest('aside')?.querySelector('h2')?.textContent ?? document.querySelector('[data-blog-brief-panel]')?.shadowRoot?.querySelector('button.bb-tab')?.title ?? null`,
        ),
      (shown) => shown === title,
      'the brief in the opened tab',
    );
    await fresh.close();
  });

  it('favorites: saved in the panel show in the popup, and an unsave there reaches the panel live', async () => {
    const post = posts[1]!;
    await page.goto(post.url);
    await titleIs(page, post.title);
    if (!(await panelState(page))?.saved) await (await panelControl(page, 'button[aria-pressed]')).click();
    await until(
      () => panelState(page),
      (s) => s?.saved === true,
      'the save',
    );
    const popup = await firefox.openExtensionPage('popup.html');
    await waitInPage(popup, () => document.querySelector('button.view[aria-pressed="false"]'), [], 'the view switch');
    await popup.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('button.view')][1]!.click());
    await until(
      () => popup.$eval('#results-heading', (h) => h.textContent),
      (h) => /favorites?, newest saved first$/.test(h ?? ''),
      'the favorites view',
    );
    const row = await waitInPage(
      popup,
      (title) =>
        [...document.querySelectorAll('article.row')]
          .find((a) => a.textContent?.includes(title))
          ?.querySelector('button[aria-pressed="true"]'),
      [post.title],
      'the favorite’s row',
    );
    await row.click();
    await until(
      () => panelState(page),
      (s) => s?.saved === false,
      'the unsave to reach the panel',
    );
    await popup.close();
  });

  it('options: a blog turned off, a good import, a bad one refused', async () => {
    const options = await firefox.openExtensionPage('options.html', { width: 900, height: 800 });
    const pinterest = await waitInPage(
      options,
      () =>
        [...document.querySelectorAll('label.check')]
          .find((l) => l.textContent?.includes('Pinterest'))
          ?.querySelector('input'),
      [],
      'the Pinterest switch',
    );
    await pinterest.click();
    const stored = await until(
      () => options.evaluate(`browser.storage.sync.get('settings:blogEnabled:pinterest')`),
      (v) => (v as Record<string, unknown>)['settings:blogEnabled:pinterest'] === false,
      'the setting',
    );
    expect(stored).toEqual({ 'settings:blogEnabled:pinterest': false });
    await pinterest.click();

    const file = await options.$('input[type=file]');
    const good = backupFileText({
      favorites: [{ id: 'abcabcabcabc', title: 'From another browser', savedAt: 1_700_000_000_000, localOnly: false }],
      notes: [],
      settings: {},
      feeds: [],
    });
    const { writeFile, mkdtemp } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'bb-ff-'));
    await writeFile(join(dir, 'good.json'), good);
    await writeFile(join(dir, 'bad.json'), '{"format":"something-else"}');
    await (file as ElementHandle<HTMLInputElement>).uploadFile(join(dir, 'good.json'));
    await until(
      () => options.$eval('.outcome', (p) => p.textContent).catch(() => null),
      (t) => t === 'Imported 1 new favorite.',
      'the import',
    );
    await (file as ElementHandle<HTMLInputElement>).uploadFile(join(dir, 'bad.json'));
    await until(
      () => options.$eval('[role=alert]', (p) => p.textContent).catch(() => null),
      (t) => t?.startsWith('This is not a Blog Brief backup or favorites file') ?? false,
      'the refusal',
    );
    await options.close();
  });

  it('is dark in dark mode, down to its scrollbar', async () => {
    const dark = await launchFirefox({
      extensionPath: inject('firefoxExtensionPath'),
      blogPage: () => articlePage(),
      colorScheme: 'dark',
    });
    try {
      const tab = await dark.browser.newPage();
      await dark.setViewport(tab, { width: 1440, height: 640 });
      await tab.goto(posts[0]!.url);
      await titleIs(tab, posts[0]!.title);
      const schemes = await tab.evaluate(() => {
        const root = document.querySelector('[data-blog-brief-panel]')!.shadowRoot!;
        const scroller = [...root.querySelectorAll('*')].find(
          (el) => getComputedStyle(el).overflowY === 'auto' && el.scrollHeight > el.clientHeight + 1,
        );
        return {
          dark: matchMedia('(prefers-color-scheme: dark)').matches,
          scrollerScheme: scroller ? getComputedStyle(scroller).colorScheme : 'no scroller',
          scrollbar: scroller ? getComputedStyle(scroller).scrollbarColor : 'no scroller',
          background: getComputedStyle(root.querySelector('aside')!).backgroundColor,
        };
      });
      // 'light dark': the reader's scheme is used; the scrollbar's colours are the panel's own dark ones.
      expect(schemes).toEqual({
        dark: true,
        scrollerScheme: 'light dark',
        scrollbar: 'rgb(55, 62, 71) rgb(28, 33, 40)',
        background: 'rgb(28, 33, 40)',
      });
    } finally {
      await dark.close();
    }
  });

  it('logs no error of its own to Firefox’s console (CSP, uncaught, extension errors)', async () => {
    // A page error of our making first: proves the channel we read sees errors at all.
    await page.evaluate(() => setTimeout(() => Promise.reject(new Error('console-probe-7731'))));
    const messages = await until(
      () => firefox.consoleMessages(),
      (all) => all.some((m) => m.includes('console-probe-7731')),
      'the probe error in the console',
    );
    const ours = messages.filter((m) => m.includes(firefox.extensionOrigin) || /blog-brief@|\[Blog Brief\]/i.test(m));
    expect(ours).toEqual([]);
  });
});
