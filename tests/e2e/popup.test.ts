import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BLOGS } from '../../utils/catalog/blogs';
import { chromiumPath, type ExtensionBrowser, launchWithExtension } from './harness';
import { busiestTag, posts } from './shipped-catalog';

const briefs = (n: number) => `${n} ${n === 1 ? 'brief' : 'briefs'}`;

describe.skipIf(!chromiumPath)('the popup in Chromium', () => {
  let browser: ExtensionBrowser;
  let popup: Page;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(() => browser?.close());
  // Each test opens the popup afresh, as a reader does: no test depends on another's filters.
  beforeEach(async () => {
    popup = await browser.openPopup();
    await popup.getByText(`All ${briefs(posts.length)}, newest first`).waitFor();
  });
  afterEach(() => popup.close());

  const titles = () => popup.getByRole('list', { name: 'Briefs' }).getByRole('link').allTextContents();
  const tagButton = (tag: string) =>
    popup.getByRole('group', { name: 'Tags' }).getByRole('button', { name: new RegExp(`^${tag}\\b`) });

  it('opens on every brief from IndexedDB, newest first', async () => {
    expect(await titles()).toEqual(posts.slice(0, 50).map((p) => p.title));
  });

  it('filters by a tag', async () => {
    await tagButton(busiestTag).click();
    const tagged = posts.filter((p) => p.tags.includes(busiestTag));
    await popup.getByText(`${briefs(tagged.length)} found`).waitFor();
    expect(await titles()).toEqual(tagged.map((p) => p.title));
  });

  it('filters by a blog on top of the tag', async () => {
    const tagged = posts.filter((p) => p.tags.includes(busiestTag));
    const blog = tagged[0]!.blog;
    await tagButton(busiestTag).click();
    await popup.getByRole('group', { name: 'Blog' }).getByRole('button', { name: BLOGS[blog].shortName }).click();
    const both = tagged.filter((p) => p.blog === blog);
    await popup.getByText(`${briefs(both.length)} found`).waitFor();
    expect(await titles()).toEqual(both.map((p) => p.title));
  });

  it('searches as the reader types, every word as a prefix, and marks the matches', async () => {
    const post = posts.at(-1)!;
    const words = post.title
      .split(/\W+/)
      .filter((w) => w.length >= 5)
      .slice(0, 2);
    await popup.getByRole('searchbox', { name: 'Search' }).fill(words.map((w) => w.slice(0, 4)).join(' '));
    await popup.getByText(/found$/).waitFor();
    const found = await titles();
    expect(found).toContain(post.title);
    expect(found.length).toBeLessThan(posts.length);
    const marks = await popup.locator('mark').allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toEqual(
      expect.arrayContaining(words.map((w) => w.slice(0, 4).toLowerCase())),
    );
  });

  it('opens an article in a new tab with Enter, where the panel shows the same brief', async () => {
    const tabOpened = browser.context.waitForEvent('page');
    await popup.getByRole('list', { name: 'Briefs' }).getByRole('link').first().focus();
    await popup.keyboard.press('Enter');
    const tab = await tabOpened;
    await tab.waitForLoadState('domcontentloaded');
    expect(tab.url()).toBe(posts[0]!.url);
    await expect
      .poll(() =>
        tab.getByRole('complementary', { name: 'Blog Brief' }).getByRole('heading', { level: 2 }).textContent(),
      )
      .toBe(posts[0]!.title);
    await tab.close();
  });
});
