/**
 * What's new on the blogs in a real Firefox (issue 22): the real Netflix TechBlog feed answered at
 * its real URL by an HTTPS server on this machine, reached through a CONNECT proxy Firefox is told
 * to use (tools/https-host.ts; BiDi's interception does not see the background's requests, and the
 * build has no test seam). Off, no
 * request; turned on in the options page, the popup's "New" view lists the 10 articles with their
 * count; a challenge page keeps them and the options page says why.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type LaunchedFirefox, launchFirefox, waitInPage } from '../../tools/firefox';
import { articlePage } from '../../tools/fixture-pages';
import { type HttpsHost, startHttpsHost } from '../../tools/https-host';
import { BLOG_FEEDS } from '../../utils/catalog/blogs';
import { until } from './firefox-probes';
import { posts } from './shipped-catalog';

const realFeed = readFileSync(
  resolve(import.meta.dirname, '../../../shared/reference/real-pages/rss-netflix-techblog-2021.xml'),
  'utf8',
);
/** A Netflix article of the shipped catalog, whatever it holds: the feed's first item becomes it. */
const catalogArticle = posts.find((p) => p.blog === 'netflix' && /-[0-9a-f]{12}$/.test(p.url))!;
const withCatalogArticle = realFeed
  .replace(
    'https://netflixtechblog.com/data-movement-in-netflix-studio-via-data-mesh-3fddcceb1059?source',
    `${catalogArticle.url}?source`,
  )
  .replace('https://medium.com/p/3fddcceb1059', `https://medium.com/p/${catalogArticle.id}`);
const emptyFeed = '<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>';

describe.skipIf(!inject('firefoxPath'))("what's new on the blogs, in Firefox", () => {
  let firefox: LaunchedFirefox;
  let options: Page;
  const feedRequests: string[] = [];
  let answer: 'feed' | 'challenge' | 'malformed' = 'feed';
  /** Conditional requests the server answered 304. */
  let notModified = 0;
  let feedHost: HttpsHost | undefined;
  beforeAll(async () => {
    const hosts = [...new Set(Object.values(BLOG_FEEDS).map((url) => new URL(url!).hostname))];
    feedHost = await startHttpsHost(hosts, (url, headers) => {
      feedRequests.push(url);
      if (url !== BLOG_FEEDS.netflix) return { status: 200, type: 'application/rss+xml', body: emptyFeed };
      if (answer === 'challenge') {
        return { status: 503, type: 'text/html', body: '<!DOCTYPE html><title>Just a moment...</title>' };
      }
      if (answer === 'malformed') return { status: 200, type: 'application/rss+xml', body: realFeed.slice(0, 9_000) };
      if (headers['if-none-match'] === '"v1"') {
        notModified++;
        return { status: 304, type: 'application/rss+xml', body: '', headers: { ETag: '"v1"' } };
      }
      return { status: 200, type: 'application/rss+xml', body: withCatalogArticle, headers: { ETag: '"v1"' } };
    });
    firefox = await launchFirefox({
      extensionPath: inject('firefoxExtensionPath'),
      blogPage: () => articlePage(),
      httpsProxy: feedHost.proxyPort,
    });
    options = await firefox.openExtensionPage('options.html', { width: 900, height: 900 });
  }, 60_000);
  afterAll(async () => {
    await firefox?.close();
    await feedHost?.close();
  });

  const netflixStatus = () =>
    options.evaluate(() => {
      const item = [...document.querySelectorAll('#news-heading ~ .feeds .feed')].find((li) =>
        li.textContent?.startsWith('Netflix TechBlog'),
      );
      return item
        ? [item.querySelector('.feed-status')?.textContent, item.querySelector('[role=alert]')?.textContent]
        : null;
    });

  it('makes no request while off; turned on in the options page, checks the blogs’ feeds', async () => {
    const toggle = await waitInPage(
      options,
      () =>
        [...document.querySelectorAll('label.check')]
          .find((l) => l.textContent === 'Show new articles from the three blogs in the popup')
          ?.querySelector('input') ?? null,
      [],
      'the switch',
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(feedRequests).toEqual([]);
    await toggle.click();
    const [status] = (await until(
      netflixStatus,
      (s) => /^10 articles/.test(s?.[0] ?? ''),
      "the Netflix feed's status",
    ))!;
    expect(status).toMatch(/^10 articles · checked/);
  });

  it('lists the 10 articles in the popup’s "New" view, with their count on its tab', async () => {
    const popup = await firefox.openExtensionPage('popup.html');
    const tab = await until(
      () =>
        popup.evaluate(
          () =>
            [...document.querySelectorAll('.view')].map((b) => b.textContent).find((t) => t?.startsWith('New')) ?? null,
        ),
      (text) => text === 'New 10',
      'the New tab',
    );
    expect(tab).toBe('New 10');
    await popup.evaluate(() =>
      [...document.querySelectorAll<HTMLButtonElement>('.view')].find((b) => b.textContent?.startsWith('New'))!.click(),
    );
    const rows = await until(
      () => popup.evaluate(() => document.querySelectorAll('[aria-label="New articles"] article').length),
      (n) => n === 10,
      'the 10 rows',
    );
    expect(rows).toBe(10);
    await popup.close();
  });

  it('shows the brief of the article the catalog holds in its row', async () => {
    const popup = await firefox.openExtensionPage('popup.html');
    // The "New" tab shows once the popup has read the switch, after its first posts.
    await until(
      () => popup.evaluate(() => [...document.querySelectorAll('.view')].some((b) => b.textContent?.startsWith('New'))),
      Boolean,
      'the New tab',
    );
    await popup.evaluate(() =>
      [...document.querySelectorAll<HTMLButtonElement>('.view')].find((b) => b.textContent?.startsWith('New'))!.click(),
    );
    const summary = await until(
      () =>
        popup.evaluate(
          (title) =>
            [...document.querySelectorAll('[aria-label="New articles"] article')]
              .find((row) => row.querySelector('h3')?.textContent?.endsWith(title))
              ?.querySelector('.row-summary')?.textContent ?? null,
          catalogArticle.title,
        ),
      Boolean,
      "the catalog article's row",
    );
    expect(summary).toBe(catalogArticle.summary);
    await popup.close();
  });

  /** Presses "Check now" once it is there (not "Checking…"). */
  const checkNow = () =>
    until(
      () =>
        options.evaluate(() => {
          const button = [...document.querySelectorAll<HTMLButtonElement>('#news-heading ~ .actions button')].find(
            (b) => b.textContent === 'Check now',
          );
          button?.click();
          return Boolean(button);
        }),
      Boolean,
      'Check now',
    );

  it('checks again with a conditional request: answered 304, it changes nothing', async () => {
    notModified = 0;
    await checkNow();
    await until(
      async () => notModified,
      (n) => n > 0,
      'a 304',
    );
    const [status, problem] = (await until(netflixStatus, (s) => /^10 articles/.test(s?.[0] ?? ''), 'the status'))!;
    expect(status).toMatch(/^10 articles/);
    expect(problem ?? null).toBeNull();
  });

  it.each([
    ['a challenge page', 'challenge', /^Could not reach the feed: HTTP 503 — keeping the 10 articles from before\.$/],
    [
      'a malformed feed',
      'malformed',
      /^The feed is not well-formed XML \(.+\) — keeping the 10 articles from before\.$/,
    ],
  ] as const)('keeps the 10 after %s, and the options page says why', async (_case, mode, expected) => {
    answer = mode;
    await checkNow();
    const [, problem] = (await until(netflixStatus, (s) => expected.test(s?.[1] ?? ''), 'the problem'))!;
    expect(problem).toMatch(expected);
    answer = 'feed';
  });
});
