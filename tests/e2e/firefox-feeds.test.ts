/**
 * Feeds in a real Firefox, against a real HTTP server on 127.0.0.1 started by the test: added in the
 * options page, a feed's brief shows beside its article on the first visit (Firefox's
 * scripting.registerContentScripts), the popup finds it, and removing the feed takes it away.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FeedHost } from '../../tools/feed-host';
import { type LaunchedFirefox, launchFirefox, waitInPage } from '../../tools/firefox';
import { articlePage } from '../../tools/fixture-pages';
import { syntheticCatalog } from '../../tools/synthetic-catalog';
import { panelState, titleIs, until } from './firefox-probes';

const feedCatalog = syntheticCatalog(300);
const post = feedCatalog.posts[3]!;

describe.skipIf(!inject('firefoxPath'))('feeds in Firefox', () => {
  let firefox: LaunchedFirefox;
  let options: Page;
  const host = new FeedHost();
  beforeAll(async () => {
    await host.start();
    await host.publish(feedCatalog);
    firefox = await launchFirefox({ extensionPath: inject('firefoxExtensionPath'), blogPage: () => articlePage() });
    options = await firefox.openExtensionPage('options.html', { width: 900, height: 800 });
  }, 60_000);
  afterAll(async () => {
    await firefox?.close();
    await host.stop();
  });
  const feedStatus = () => options.evaluate(() => document.querySelector('.feed-status')?.textContent ?? null);

  it('adds a feed in the options page; its brief shows on the first visit to its article', async () => {
    const field = await waitInPage(options, () => document.querySelector('#feed-url'), [], 'the Feed URL field');
    await field.type(host.url);
    await options.keyboard.press('Enter');
    await until(feedStatus, (text) => /^300 briefs · checked/.test(text ?? ''), 'the feed’s status');

    const article = await firefox.browser.newPage();
    await firefox.setViewport(article, { width: 1440, height: 900 });
    await article.goto(post.url);
    expect((await titleIs(article, post.title))?.visible).toBe(true);
    await article.close();
  });

  it('searches the feed’s briefs in the popup', async () => {
    const popup = await firefox.openExtensionPage('popup.html');
    const search = await waitInPage(popup, () => document.querySelector('input[type=search]'), [], 'the search box');
    await search.type(`number ${feedCatalog.posts.length - 1}`);
    const titles = await until(
      () => popup.evaluate(() => [...document.querySelectorAll('article.row h3')].map((h) => h.textContent)),
      (all) => all.includes(feedCatalog.posts.at(-1)!.title),
      'the search result',
    );
    expect(titles).toContain(feedCatalog.posts.at(-1)!.title);
    await popup.close();
  });

  it('removes the feed: its article shows no brief any more', async () => {
    await options.evaluate(() =>
      [...document.querySelectorAll<HTMLButtonElement>('.feeds button')]
        .find((b) => b.textContent === 'Remove')!
        .click(),
    );
    await until(feedStatus, (text) => text === null, 'the feed to go');
    const article = await firefox.browser.newPage();
    await article.goto(post.url);
    // The bundled briefs still show where they did; this article is the feed's only, so nothing.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await panelState(article)).toBeNull();
    await article.close();
  });
});
