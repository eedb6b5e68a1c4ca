// @vitest-environment node
/** Feeds added, checked and removed, against a real HTTP server on 127.0.0.1 and the real cache. */
import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addFeed, removeFeed, syncFeed } from '../../../background/feeds/feed-apply';
import { FeedHost } from '../../../tools/feed-host';
import { syntheticCatalog } from '../../../tools/synthetic-catalog';
import { type Catalog, type Post, parseCatalog } from '../../../utils/catalog/catalog-schema';
import { feedPosts, otherBlogPosts } from '../../../utils/catalog/catalog-sources';
import {
  type BlogBriefDb,
  ensureCatalog,
  getFeeds,
  getPost,
  openBlogBriefDb,
  queryPosts,
  tagCounts,
} from '../../../utils/storage/catalog-db';
import catalogJson from '../../test-catalog.json';

const bundled = parseCatalog(catalogJson);
const parse = () => bundled;
const feedCatalog: Catalog = syntheticCatalog(300);

describe('feeds in the cache', () => {
  const host = new FeedHost();
  let db: BlogBriefDb;
  let name = '';
  beforeAll(() => host.start());
  afterAll(() => host.stop());
  afterEach(async () => {
    db?.close();
    await deleteDB(name);
    host.override = null;
    host.hostile = null;
  });
  async function fresh() {
    name = `feeds-${Math.random()}`;
    db = await openBlogBriefDb(name);
    await ensureCatalog(db, catalogJson, parse);
    await host.publish(feedCatalog);
  }

  it('adds a feed: its briefs join the bundled ones, searchable, and the status says how many', async () => {
    await fresh();
    const feed = await addFeed(db, host.url, parse, { now: 1_000 });
    expect(feed.status).toMatchObject({ failures: 0, updatedAt: 1_000 });
    expect(feed.status.problem).toBeUndefined();
    expect((await queryPosts(db)).total).toBe(bundled.posts.length + feedCatalog.posts.length);
    expect((await getPost(db, feedCatalog.posts[7]!.id))?.title).toBe(feedCatalog.posts[7]!.title);
    // A service-worker start finds the merged cache whole and leaves it.
    expect(await ensureCatalog(db, catalogJson, parse)).toBe(false);
  });

  it('keeps the last good briefs and says why when a check fails, backing off', async () => {
    await fresh();
    await addFeed(db, host.url, parse, { now: 1_000 });
    host.override = (path) => (path === 'index.json' ? { status: 500, body: 'down' } : null);
    const failed = await syncFeed(db, host.url, parse, { now: 2_000, random: 0 });
    expect(failed.status.problem).toBe('Could not reach the feed: HTTP 500');
    expect(failed.status.failures).toBe(1);
    expect(failed.status.nextCheckAt).toBe(2_000 + 15 * 60_000);
    expect((await queryPosts(db)).total).toBe(bundled.posts.length + feedCatalog.posts.length);
    host.override = null;
    const healed = await syncFeed(db, host.url, parse, { now: 3_000 });
    expect(healed.status.failures).toBe(0);
    expect(healed.status.problem).toBeUndefined();
  });

  it('lets the bundled brief win over a feed’s copy of the same post', async () => {
    await fresh();
    const clash = bundled.posts[0]!;
    await host.publish({ version: 1, posts: [{ ...clash, title: 'A feed’s rewrite' }, ...feedCatalog.posts] });
    await addFeed(db, host.url, parse);
    expect((await getPost(db, clash.id))?.title).toBe(clash.title);
  });

  it('does not let a feed’s post with a new id claim a bundled article’s URL', async () => {
    await fresh();
    const bundledArticle = bundled.posts[0]!;
    const impostor = { ...feedCatalog.posts[0]!, url: bundledArticle.url, title: 'Not the bundled brief' };
    await host.publish({ version: 1, posts: [impostor, ...feedCatalog.posts.slice(1)] });
    await addFeed(db, host.url, parse);
    expect(await getPost(db, impostor.id)).toBeUndefined();
    const titles = (await queryPosts(db, { limit: 1_000 })).posts.map((p) => p.title);
    expect(titles).not.toContain('Not the bundled brief');
    expect(titles).toContain(bundledArticle.title);
  });

  it('says the feed was checked when the check ended, not when it began', async () => {
    await fresh();
    host.hostile = (path, _req, res) => {
      if (path !== 'index.json') return false;
      setTimeout(() => res.writeHead(503).end('busy'), 300);
      return true;
    };
    await addFeed(db, host.url, parse, { now: 1_000 }).catch(() => undefined);
    const started = Date.now();
    const after = await syncFeed(db, host.url, parse);
    host.hostile = null;
    expect(after.status.problem).toBe('Could not reach the feed: HTTP 503');
    expect(after.status.checkedAt).toBeGreaterThanOrEqual(started + 290);
  });

  it('takes topics the bundled catalog never had, and refuses posts of other blogs with a count', async () => {
    await fresh();
    const [first, second, third] = feedCatalog.posts;
    const ofUber = { ...second!, blog: 'uber', url: 'https://www.uber.com/blog/x/' } as unknown as Post;
    await host.publish({ version: 1, posts: [{ ...first!, tags: ['rust', 'webassembly'] }, ofUber, third!] });
    const feed = await addFeed(db, host.url, parse);
    expect(feed.status.problem).toBeUndefined();
    expect(
      feedPosts(feed)
        .map((p) => p.id)
        .sort(),
    ).toEqual([first!.id, third!.id].sort());
    expect(otherBlogPosts(feed)).toBe(1);
    expect(await getPost(db, second!.id)).toBeUndefined();
    const tags = (await tagCounts(db)).map((c) => c.tag);
    expect(tags).toContain('webassembly');
    expect((await queryPosts(db, { tags: ['rust'] })).posts.map((p) => p.id)).toEqual([first!.id]);
  });

  it('removes a feed and its briefs', async () => {
    await fresh();
    await addFeed(db, host.url, parse);
    await removeFeed(db, host.url, parse);
    expect(await getFeeds(db)).toEqual([]);
    expect((await queryPosts(db)).total).toBe(bundled.posts.length);
    expect(await getPost(db, feedCatalog.posts[7]!.id)).toBeUndefined();
  });
});
