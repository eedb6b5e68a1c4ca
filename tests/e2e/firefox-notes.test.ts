/**
 * The reader's highlights in a real Firefox (issue 21): opened on an article no catalog holds,
 * painted with the CSS Custom Highlight API from the Highlight control, found again after a reload,
 * with the frame's text out of the page's reach; a brief written in the notes' frame, kept after a reload.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type LaunchedFirefox, launchFirefox } from '../../tools/firefox';
import { articlePage } from '../../tools/fixture-pages';
import { until } from './firefox-probes';
import { placesPageCanRead } from './page-probes';

const ARTICLE_URL = 'https://netflixtechblog.com/how-we-tail-logs-at-scale-5b1f0c2d3e4a';
const PASSAGE = 'ships it to Kafka';
const page = () =>
  articlePage({ title: 'How we tail logs at scale' }).replace(
    /<h1>How we tail logs at scale<\/h1>[\s\S]*<\/article>/,
    '<h1>How we tail logs at scale</h1><p>The agent compresses each batch and ships it to Kafka, where consumers fan it out.</p></article>',
  );

describe.skipIf(!inject('firefoxPath'))('your highlights, in Firefox', () => {
  let firefox: LaunchedFirefox;
  let article: Page;
  const painted = () =>
    article.evaluate(
      () => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('blog-brief')?.size ?? 0,
    );
  beforeAll(async () => {
    firefox = await launchFirefox({ extensionPath: inject('firefoxExtensionPath'), blogPage: () => page() });
    article = await firefox.browser.newPage();
    await firefox.setViewport(article, { width: 1440, height: 900 });
    await article.goto(ARTICLE_URL);
  }, 60_000);
  afterAll(() => firefox?.close());

  it('highlights a passage from the control, paints it, and finds it again after a reload', async () => {
    const options = await firefox.openExtensionPage('options.html', { width: 900, height: 800 });
    // What the popup's "Add your brief for this article" sends for the tab it opened over.
    await options.evaluate(async (url) => {
      const ext = (globalThis as unknown as { browser: FirefoxExtension }).browser;
      const [tab] = await ext.tabs.query({ url });
      await ext.runtime.sendMessage({ type: 'notes:open', tabId: tab!.id });
    }, ARTICLE_URL);
    await article.bringToFront();
    await until(
      () => article.evaluate(() => !!document.querySelector('[data-blog-brief-panel]')),
      Boolean,
      'the panel',
    );
    await article.evaluate((text) => {
      const node = document.querySelector('article p')!.firstChild as Text;
      const start = node.data.indexOf(text);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + text.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, PASSAGE);
    await until(
      () => article.evaluate(() => !!document.querySelector('[data-blog-brief-highlight]')),
      Boolean,
      'the Highlight control',
    );
    await article.click('[data-blog-brief-highlight] >>> button');
    await until(painted, (n) => n === 1, 'one painted highlight');

    await article.reload();
    await until(painted, (n) => n === 1, 'the highlight, found again');
    // The panel holds the notes' frame, whose document the page cannot reach.
    expect(await article.evaluate(placesPageCanRead, 'Your highlights')).toEqual([]);
  });

  it('writes a brief in the notes’ frame, keeps it after a reload, out of the page’s reach', async () => {
    const inFrame = (expression: string) =>
      firefox.evaluateInFrame('/notes-frame.html', expression).catch(() => undefined);
    const summary = () => inFrame(`document.querySelector('.own-brief .bb-summary')?.textContent ?? null`);
    await until(
      () => inFrame(`!!document.querySelector('.own button')`),
      (ready) => ready === true,
      "the notes' frame",
    );
    await inFrame(`[...document.querySelectorAll('button')].find((b) => b.textContent === 'Add your brief').click()`);
    await until(
      () => inFrame(`!!document.querySelector('textarea[name=why]')`),
      (ready) => ready === true,
      'the editor',
    );
    // The keyboard into the frame, as a click into it would move it, then the reader types.
    await article.evaluate(() => {
      const panel = document.querySelector('[data-blog-brief-panel]')?.shadowRoot;
      panel?.querySelector('.bb-own')?.shadowRoot?.querySelector('iframe')?.focus();
    });
    await inFrame(`document.querySelector('textarea[name=why]').focus()`);
    await article.keyboard.type('Our agent drops batches under load too');
    await article.keyboard.press('Tab');
    await article.keyboard.type('Batch in the agent');
    await article.keyboard.down('Control');
    await article.keyboard.press('Enter');
    await article.keyboard.up('Control');
    await until(summary, (text) => text === 'Our agent drops batches under load too', 'the saved brief');
    expect(
      await inFrame(
        `[...document.querySelectorAll('.own-brief .bb-bullets li')].map((li) => li.textContent).join('|')`,
      ),
    ).toBe('Batch in the agent');
    expect(await article.evaluate(placesPageCanRead, 'drops batches')).toEqual([]);

    await article.reload();
    await until(summary, (text) => text === 'Our agent drops batches under load too', 'the brief, after the reload');
  });
});

/** The part of Firefox's `browser` an extension page's test script uses. */
interface FirefoxExtension {
  tabs: { query(query: { url: string }): Promise<{ id?: number }[]> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
