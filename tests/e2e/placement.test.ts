/**
 * Never over the page, in Chromium: on a page shaped like a real Medium article, at 1024, 1280, 1440
 * and 1920 px, the panel covers nothing of the page at the top and while scrolling, expanded and
 * collapsed (tests/e2e/placement-scenario.ts; the same runs in Firefox).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { type LaunchedChromium, launchChromium } from '../../tools/chromium';
import { mediumArticlePage } from '../../tools/fixture-pages';
import { chromiumPath } from './harness';
import { checkOpenThenCollapsed, checkTabOnly, type PlacementDriver } from './placement-scenario';
import { posts } from './shipped-catalog';

const post = posts[0]!;

describe.skipIf(!chromiumPath)('placement on a Medium-shaped article, in Chromium', () => {
  let browser: LaunchedChromium;
  beforeAll(async () => {
    browser = await launchChromium({
      extensionPath: inject('extensionPath'),
      blogPage: () => mediumArticlePage({ title: post.title }),
    });
  });
  afterAll(() => browser?.close());

  function driver(): PlacementDriver {
    let page: Page;
    return {
      async open(width) {
        page = await browser.context.newPage();
        await page.setViewportSize({ width, height: 900 });
        await page.goto(post.url);
        await page.locator('[data-blog-brief-panel]').waitFor({ state: 'attached' });
        await page.getByRole('complementary', { name: 'Blog Brief' }).waitFor({ state: 'attached' });
      },
      // Playwright's types unbox the argument; the scenario passes plain values.
      evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
      clickInPanel: (selector) => page.locator(`[data-blog-brief-panel] ${selector}`).click(),
      close: () => page.close(),
    };
  }

  it.each([1280, 1440, 1920])('at %i px: open beside the text where the margin is free, covering nothing', (width) =>
    checkOpenThenCollapsed(driver(), width),
  );

  it('at 1024 px: a tab beside the text, covering nothing', () => checkTabOnly(driver()));
});
