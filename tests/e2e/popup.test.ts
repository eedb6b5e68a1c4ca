import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, type ExtensionBrowser, launchWithExtension } from './harness';

describe.skipIf(!chromiumPath)('the popup in Chromium', () => {
  let browser: ExtensionBrowser;
  let popup: Page;
  beforeAll(async () => {
    browser = await launchWithExtension();
    popup = await browser.openPopup();
  });
  afterAll(() => browser?.close());

  const titles = () => popup.getByRole('list', { name: 'Briefs' }).getByRole('link').allTextContents();

  it('opens on every brief from IndexedDB, newest first', async () => {
    await popup.getByText('All 10 briefs, newest first').waitFor();
    const all = await titles();
    expect(all).toHaveLength(10);
    expect(all[0]).toBe("100X Faster: How We Supercharged Netflix Maestro's Workflow Engine");
  });

  it('filters by a tag', async () => {
    await popup
      .getByRole('group', { name: 'Tags' })
      .getByRole('button', { name: /^kubernetes/ })
      .click();
    await popup.getByText('3 briefs found').waitFor();
    expect(await titles()).toEqual([
      'Building a Next-Generation Key-Value Store at Airbnb',
      'Next Gen Data Processing at Massive Scale At Pinterest With Moka (Part 2 of 2)',
      'Seamless Istio Upgrades at Scale',
    ]);
  });

  it('filters by a blog on top of the tag', async () => {
    await popup.getByRole('group', { name: 'Blog' }).getByRole('button', { name: 'Airbnb' }).click();
    await popup.getByText('2 briefs found').waitFor();
  });

  it('searches as the reader types', async () => {
    await popup.getByRole('group', { name: 'Blog' }).getByRole('button', { name: 'Airbnb' }).click();
    await popup
      .getByRole('group', { name: 'Tags' })
      .getByRole('button', { name: /^kubernetes/ })
      .click();
    await popup.getByRole('searchbox', { name: 'Search' }).fill('temporal');
    await popup.getByText('1 brief found').waitFor();
    expect(await titles()).toEqual(["100X Faster: How We Supercharged Netflix Maestro's Workflow Engine"]);
    expect(await popup.locator('mark').first().textContent()).toBe('Temporal');
  });

  it('opens an article in a new tab with Enter', async () => {
    const tabOpened = browser.context.waitForEvent('page');
    await popup.getByRole('list', { name: 'Briefs' }).getByRole('link').first().focus();
    await popup.keyboard.press('Enter');
    const tab = await tabOpened;
    await tab.waitForLoadState('domcontentloaded');
    expect(tab.url()).toBe(
      'https://netflixtechblog.com/100x-faster-how-we-supercharged-netflix-maestros-workflow-engine-028e9637f041',
    );
    // …where the panel shows the same brief.
    await tab.getByRole('complementary', { name: 'Blog Brief' }).getByRole('heading', { level: 2 }).waitFor();
    await tab.close();
  });
});
