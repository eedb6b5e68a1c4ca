// @vitest-environment node
/**
 * What's new on the blogs, against a real HTTP server on 127.0.0.1 serving a real Netflix TechBlog
 * feed and its hostile variants, with the real cache (fake-indexeddb): no mocked fetch.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNewsService } from '../../../background/news/news-service';
import { FeedHost } from '../../../tools/feed-host';
import type { Post } from '../../../utils/catalog/catalog-schema';
import { openBlogBriefDb } from '../../../utils/storage/catalog-db';
import catalogJson from '../../test-catalog.json';

const realFeed = readFileSync(
  resolve(import.meta.dirname, '../../../../shared/reference/real-pages/rss-netflix-techblog-2021.xml'),
  'utf8',
);

describe("what's new on the blogs, against a real server", () => {
  const host = new FeedHost();
  let feedUrl = '';
  beforeAll(async () => {
    await host.start();
    feedUrl = host.url.replace('index.json', 'netflix.xml');
  });
  afterAll(() => host.stop());
  beforeEach(() => {
    host.files.set('netflix.xml', realFeed);
    host.override = null;
    host.requests = [];
  });

  async function service({ on = true, brief }: { on?: boolean; brief?: Post } = {}) {
    const db = await openBlogBriefDb(`news-${Math.random()}`);
    const unseen: number[] = [];
    const wakes: (number | null)[] = [];
    const news = createNewsService({
      connection: async () => db,
      enabled: async () => on,
      briefOf: async (article) => (brief && article.id === brief.id ? brief : undefined),
      wakeAt: (when) => wakes.push(when),
      onUnseenChanged: (n) => unseen.push(n),
      feeds: { netflix: feedUrl },
      timeoutMs: 2_000,
    });
    return { news, unseen, wakes };
  }

  it('makes no request at all while it is off', async () => {
    const { news, wakes } = await service({ on: false });
    await news.checkDue();
    await news.checkNow();
    await news.enabledChanged();
    expect(host.requests).toEqual([]);
    expect(wakes.every((w) => w === null)).toBe(true);
  });

  it('lists the feed’s 10 articles, newest first, all unseen, then 304 changes nothing', async () => {
    const { news, unseen, wakes } = await service();
    await news.checkDue();
    const list = await news.list();
    expect(list.rows).toHaveLength(10);
    expect(list.unseen).toBe(10);
    expect(unseen.at(-1)).toBe(10);
    const dates = list.rows.map((r) => r.article.published);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    // The next check, about 3 hours on, with jitter.
    expect(wakes.at(-1)! - Date.now()).toBeGreaterThan(2 * 3_600_000);

    host.requests = [];
    await news.checkNow();
    expect(host.requests).toEqual(['netflix.xml']);
    expect(await news.list()).toEqual(list);
    expect((await news.status())[0]).toMatchObject({ blog: 'netflix', articles: 10, problem: undefined });
  });

  it('asks each blog once when it is turned on and "Check now" follows at once', async () => {
    const { news } = await service();
    await Promise.all([news.enabledChanged(), news.enabledChanged(), news.checkNow()]);
    expect(host.requests).toEqual(['netflix.xml']);
    await news.checkNow();
    expect(host.requests).toEqual(['netflix.xml', 'netflix.xml']);
  });

  it('shows the brief of an article the catalog holds', async () => {
    const catalogPost = { ...(catalogJson.posts[0] as unknown as Post), id: '3fddcceb1059' };
    const { news } = await service({ brief: catalogPost });
    await news.checkDue();
    const row = (await news.list()).rows.find((r) => r.article.id === '3fddcceb1059')!;
    expect(row.post?.summary).toBe(catalogPost.summary);
  });

  it.each([
    [
      'a bot challenge (503, HTML)',
      { status: 503, body: '<!DOCTYPE html><title>Just a moment...</title>', type: 'text/html' },
      'Could not reach the feed: HTTP 503',
    ],
    [
      'an HTML page answered 200',
      { status: 200, body: '<!DOCTYPE html><title>Just a moment...</title>', type: 'text/html' },
      'The feed answered with an HTML page (a bot check or an error page), not RSS',
    ],
    [
      'malformed XML',
      { status: 200, body: realFeed.slice(0, 4_000), type: 'application/rss+xml' },
      /^The feed is not well-formed XML/,
    ],
  ])('keeps the 10 articles and says why after %s', async (_case, answer, problem) => {
    const { news } = await service();
    await news.checkDue();
    host.override = (path) => (path === 'netflix.xml' ? answer : null);
    await news.checkNow();
    expect((await news.list()).rows).toHaveLength(10);
    const [status] = await news.status();
    expect(status!.problem).toMatch(problem);
    expect(status!.articles).toBe(10);
  });

  it('refuses a body over 5 MB, cut off while it streams', async () => {
    const { news } = await service();
    host.override = (path) =>
      path === 'netflix.xml' ? { status: 200, body: 'x'.repeat(6_000_000), type: 'application/rss+xml' } : null;
    await news.checkNow();
    expect((await news.status())[0]!.problem).toBe('The feed is over 5,000,000 bytes: cut off');
  });

  it('counts the items it refused, by reason, keeping the others', async () => {
    const { news } = await service();
    host.files.set(
      'netflix.xml',
      realFeed
        .replace(
          'https://netflixtechblog.com/data-movement-in-netflix-studio-via-data-mesh-3fddcceb1059',
          'https://evil.example/x-3fddcceb1059',
        )
        .replace(/<guid isPermaLink="false">https:\/\/medium.com\/p\/[0-9a-f]+<\/guid>/, ''),
    );
    await news.checkNow();
    expect((await news.list()).rows).toHaveLength(9);
    expect((await news.status())[0]!.refused).toEqual({ 'bad-link': 1 });
  });

  it('marks all as seen: the count goes to 0, the articles stay', async () => {
    const { news, unseen } = await service();
    await news.checkDue();
    await news.markAllSeen();
    expect(unseen.at(-1)).toBe(0);
    const list = await news.list();
    expect(list.unseen).toBe(0);
    expect(list.rows).toHaveLength(10);
    // The feed announces them again: still seen.
    await news.checkNow();
    expect((await news.list()).unseen).toBe(0);
  });
});
