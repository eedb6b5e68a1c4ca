import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, type ExtensionBrowser, launchWithExtension } from './harness';
import { posts } from './shipped-catalog';

/** The extension API as the service worker sees it. */
type ExtensionGlobal = {
  chrome: {
    storage: {
      sync: { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
    };
  };
};

const post = posts[0]!;

describe.skipIf(!chromiumPath)('favorites in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(() => browser?.close());

  it('saves in the panel, shows in the popup, and an unsave in the popup reaches the panel without a reload', async () => {
    const article = await browser.context.newPage();
    await article.goto(post.url);
    const panel = article.getByRole('complementary', { name: 'Blog Brief' });
    const panelSave = panel.getByRole('button', { name: 'Save to favorites' });
    await panelSave.click();
    await expect.poll(() => panelSave.getAttribute('aria-pressed')).toBe('true');

    const popup = await browser.openPopup();
    await popup.getByRole('button', { name: /^Favorites/ }).click();
    await popup.getByText('1 favorite, newest saved first').waitFor();
    const row = popup.getByRole('article', { name: post.title });
    const rowSave = row.getByRole('button', { name: 'Save to favorites' });
    expect(await rowSave.getAttribute('aria-pressed')).toBe('true');

    await rowSave.click();
    await popup.getByText('No favorites yet.').waitFor();
    await expect.poll(() => panelSave.getAttribute('aria-pressed')).toBe('false');
    await popup.close();
    await article.close();
  });

  it('shows a favorite synced in from another profile on the open panel, and a saved article opens starred', async () => {
    const other = posts[1]!;
    const article = await browser.context.newPage();
    await article.goto(other.url);
    const panelSave = article
      .getByRole('complementary', { name: 'Blog Brief' })
      .getByRole('button', { name: 'Save to favorites' });
    expect(await panelSave.getAttribute('aria-pressed')).toBe('false');
    // What the browser's sync does when the reader saved it on another profile: the key arrives.
    const worker = browser.context.serviceWorkers()[0]!;
    await worker.evaluate(
      ([key, value]) => (globalThis as unknown as ExtensionGlobal).chrome.storage.sync.set({ [key]: value }),
      [`fav:${other.id}`, { t: other.title, s: Date.now() }] as const,
    );
    await expect.poll(() => panelSave.getAttribute('aria-pressed')).toBe('true');

    // Starred from its first frame: the state comes with the brief.
    const again = await browser.context.newPage();
    await again.goto(other.url);
    const star = again
      .getByRole('complementary', { name: 'Blog Brief' })
      .getByRole('button', { name: 'Save to favorites' });
    expect(await star.getAttribute('aria-pressed')).toBe('true');
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => panelSave.getAttribute('aria-pressed')).toBe('false');
    await again.close();
    await article.close();
  });

  it('keeps favorites in storage.sync, one key per favorite', async () => {
    const article = await browser.context.newPage();
    await article.goto(post.url);
    await article
      .getByRole('complementary', { name: 'Blog Brief' })
      .getByRole('button', { name: 'Save to favorites' })
      .click();
    const worker = browser.context.serviceWorkers()[0]!;
    await expect
      // Runs in the service worker, where `chrome` is the extension API.
      .poll(() => worker.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.storage.sync.get(null)))
      .toEqual({ [`fav:${post.id}`]: { t: post.title, s: expect.any(Number) } });
    await article.close();
  });
});
