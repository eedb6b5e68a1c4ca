/**
 * axe-core on the popup, the options page and the panel, in both color schemes: no serious or
 * critical violation. axe is evaluated over CDP, which the extension pages' CSP does not apply to.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOG_FEEDS } from '../../utils/catalog/blogs';
import { chromiumPath, type ExtensionBrowser, launchWithExtension } from './harness';
import { posts } from './shipped-catalog';

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: unknown[]; failureSummary: string }[];
}

/** Moderate in axe's scale, but a page without landmarks is hard to move around by screen reader. */
const LANDMARK_RULES = ['landmark-one-main', 'region'];

/** Serious and critical violations, and landmark ones, on the page, or within `within` (a CSS selector) only. */
async function violations(page: Page, within?: string): Promise<string[]> {
  await page.evaluate(`${await axeSource}; undefined`);
  const found = (await page.evaluate(
    (selector) =>
      (
        globalThis as unknown as {
          axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[] }> };
        }
      ).axe.run(selector ? { include: [[selector]] } : document, { resultTypes: ['violations'] }),
    within ?? null,
  )) as { violations: Violation[] };
  return found.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || LANDMARK_RULES.includes(v.id))
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

describe.skipIf(!chromiumPath)('accessibility, in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
    // The blogs' feeds, for the "New" view: the real Netflix TechBlog feed, the others empty.
    const realFeed = await readFile(
      resolve(import.meta.dirname, '../../../shared/reference/real-pages/rss-netflix-techblog-2021.xml'),
      'utf8',
    );
    for (const url of Object.values(BLOG_FEEDS)) {
      await browser.context.route(url!, (route) =>
        route.fulfill({
          contentType: 'application/rss+xml',
          body: url === BLOG_FEEDS.netflix ? realFeed : '<rss version="2.0"><channel></channel></rss>',
        }),
      );
    }
  });
  afterAll(() => browser?.close());

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`popup, ${colorScheme}: no serious or critical axe violation, search results marked`, async () => {
      const popup = await browser.openPopup();
      await popup.emulateMedia({ colorScheme });
      await popup.getByText(/newest first$/).waitFor();
      expect(await violations(popup)).toEqual([]);
      // Matches are marked in key points too: their contrast counts.
      const word = posts[0]!.bullets[0]!.split(/\W+/).find((w) => w.length > 5)!;
      await popup.getByRole('searchbox', { name: 'Search' }).fill(word);
      await popup.getByText(/found$/).waitFor();
      expect(await violations(popup)).toEqual([]);
      await popup.close();
    });

    it(`popup's "New" view, ${colorScheme}: no serious or critical axe violation, the offer included`, async () => {
      const popup = await browser.openPopup();
      await popup.emulateMedia({ colorScheme });
      // Offered until the first run of this test turns it on.
      const offer = popup.getByRole('button', { name: 'Show new articles' });
      await offer
        .or(popup.getByRole('button', { name: /^New \d+$/ }))
        .first()
        .waitFor();
      if (await offer.isVisible()) {
        expect(await violations(popup)).toEqual([]);
        await offer.click();
      }
      await popup.getByRole('button', { name: /^New \d+$/ }).click();
      await popup.getByRole('list', { name: 'New articles' }).getByRole('article').first().waitFor();
      expect(await violations(popup)).toEqual([]);
      await popup.close();
    });

    it(`options page, ${colorScheme}: no serious or critical axe violation`, async () => {
      const options = await browser.context.newPage();
      await options.emulateMedia({ colorScheme });
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.getByRole('checkbox').first().waitFor();
      expect(await violations(options)).toEqual([]);
      await options.close();
    });

    it(`panel, ${colorScheme}: no serious or critical axe violation, saved or not`, async () => {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto(posts[0]!.url);
      const panel = page.getByRole('complementary', { name: 'Blog Brief' });
      await panel.getByRole('heading', { level: 2 }).waitFor();
      expect(await violations(page, '[data-blog-brief-panel]')).toEqual([]);
      const save = panel.getByRole('button', { name: 'Save to favorites' });
      if ((await save.getAttribute('aria-pressed')) !== 'true') await save.click();
      await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
      expect(await violations(page, '[data-blog-brief-panel]')).toEqual([]);
      await page.close();
    });
  }
});
