/**
 * Never over the page, in Firefox: the placement scenario of the Chromium test
 * (tests/e2e/placement-scenario.ts) on the same Medium-shaped article, at 1024, 1280, 1440 and 1920 px.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { type LaunchedFirefox, launchFirefox, waitInPage } from '../../tools/firefox';
import { mediumArticlePage } from '../../tools/fixture-pages';
import { panelControl } from './firefox-probes';
import { checkOpenThenCollapsed, checkTabOnly, type PlacementDriver } from './placement-scenario';
import { posts } from './shipped-catalog';

const post = posts[0]!;

describe.skipIf(!inject('firefoxPath'))('placement on a Medium-shaped article, in Firefox', () => {
  let firefox: LaunchedFirefox;
  beforeAll(async () => {
    firefox = await launchFirefox({
      extensionPath: inject('firefoxExtensionPath'),
      blogPage: () => mediumArticlePage({ title: post.title }),
    });
  }, 60_000);
  afterAll(() => firefox?.close());

  function driver(): PlacementDriver {
    let page: Page;
    return {
      async open(width) {
        page = await firefox.browser.newPage();
        await firefox.setViewport(page, { width, height: 900 });
        await page.goto(post.url);
        await waitInPage(
          page,
          () => document.querySelector('[data-blog-brief-panel]')?.shadowRoot?.querySelector('aside'),
          [],
          'the panel',
        );
      },
      evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
      clickInPanel: async (selector) => (await panelControl(page, selector)).click(),
      close: () => page.close(),
    };
  }

  it.each([1280, 1440, 1920])(
    'at %i px: open beside the text where the margin is free, covering nothing',
    (width) => checkOpenThenCollapsed(driver(), width),
    60_000,
  );

  it('at 1024 px: a tab beside the text, covering nothing', () => checkTabOnly(driver()), 60_000);
});
