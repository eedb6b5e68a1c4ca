/**
 * Briefs in Firefox's sidebar: chosen on the options page, the article gets no panel of its own, and
 * the sidebar's page follows the active tab (tab switches and in-app moves), with its star. The page
 * is opened in a tab beside the article, as in the Chromium test: it is the same page either way.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type LaunchedFirefox, launchFirefox, waitInPage } from '../../tools/firefox';
import { articlePage } from '../../tools/fixture-pages';
import { until } from './firefox-probes';
import { posts } from './shipped-catalog';

describe.skipIf(!inject('firefoxPath'))('briefs in the sidebar, in Firefox', () => {
  let firefox: LaunchedFirefox;
  beforeAll(async () => {
    firefox = await launchFirefox({ extensionPath: inject('firefoxExtensionPath'), blogPage: () => articlePage() });
  }, 60_000);
  afterAll(() => firefox?.close());

  const sideTitle = (side: Page) =>
    side.evaluate(() => document.querySelector('aside[aria-label="Blog Brief"] h2')?.textContent ?? null);

  it('declares the sidebar, follows the active tab, and leaves the article without a panel', async () => {
    const options = await firefox.openExtensionPage('options.html', { width: 900, height: 800 });
    const radio = await waitInPage(
      options,
      () =>
        [...document.querySelectorAll('label.check')]
          .find((l) => l.textContent?.includes('side panel'))
          ?.querySelector('input'),
      [],
      'the side panel choice',
    );
    await radio.click();
    await until(
      () => options.evaluate(`browser.storage.sync.get('settings:briefInSidePanel')`),
      (v) => (v as Record<string, unknown>)['settings:briefInSidePanel'] === true,
      'the setting',
    );
    const manifest = (await options.evaluate('browser.runtime.getManifest()')) as {
      sidebar_action?: { default_panel: string; open_at_install: boolean };
    };
    // Firefox hands back the panel's full moz-extension:// address.
    expect(manifest.sidebar_action?.default_panel).toMatch(/\/sidepanel\.html$/);
    expect(manifest.sidebar_action?.open_at_install).toBe(false);

    const article = await firefox.browser.newPage();
    await article.goto(posts[0]!.url);
    const side = await firefox.openExtensionPage('sidepanel.html');
    await article.bringToFront();
    await until(
      () => sideTitle(side),
      (title) => title === posts[0]!.title,
      'the brief in the sidebar',
    );
    expect(await article.evaluate(() => document.querySelector('[data-blog-brief-panel]') !== null)).toBe(false);

    const save = await waitInPage(
      side,
      () => document.querySelector('aside button[aria-pressed="false"]'),
      [],
      'the star',
    );
    await save.click();
    await until(
      () => side.evaluate(() => document.querySelector('aside button[aria-pressed]')?.getAttribute('aria-pressed')),
      (pressed) => pressed === 'true',
      'the save',
    );

    await article.evaluate((url) => history.pushState({}, '', url), posts[1]!.url);
    await until(
      () => sideTitle(side),
      (title) => title === posts[1]!.title,
      'the in-app move',
    );

    const other = await firefox.browser.newPage();
    await other.bringToFront();
    await until(
      () => side.evaluate(() => document.querySelector('#results-heading')?.textContent ?? null),
      (heading) => /^All [\d,]+ briefs, newest first$/.test(heading ?? ''),
      'the browse on a tab without a brief',
    );
    await options.close();
  }, 60_000);
});
