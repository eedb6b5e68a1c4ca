import { describe, expect, it } from 'vitest';
import { syntheticCatalog } from '../../../tools/synthetic-catalog';
import type { Catalog } from '../../../utils/catalog/catalog-schema';
import {
  buildFeed,
  FeedError,
  parseFeedIndex,
  parseShard,
  shardCount,
  shardsToFetch,
} from '../../../utils/feeds/feed-format';
import { catalogPosts } from '../../fixtures';

const catalog: Catalog = { version: 3, posts: catalogPosts };

describe('the feed format', () => {
  it('round-trips a catalog: index and shards read back to the same posts', async () => {
    const { index, files } = await buildFeed(catalog, new Date('2026-11-28T00:00:00Z'));
    const read = parseFeedIndex(files.get('index.json')!);
    expect(read).toEqual(index);
    expect(read.catalogVersion).toBe(3);
    const contents = await Promise.all(read.shards.map((ref) => parseShard(files.get(ref.file)!, ref)));
    const posts = contents.flatMap((content) => content.posts);
    expect(contents.every((content) => content.otherBlogs === 0)).toBe(true);
    expect(posts.map((p) => p.id).sort()).toEqual(catalog.posts.map((p) => p.id).sort());
    expect(posts.find((p) => p.id === catalog.posts[0]!.id)).toEqual(catalog.posts[0]);
  });

  it('names each shard by its content, so an unchanged shard keeps its name across builds', async () => {
    const first = await buildFeed(catalog, new Date('2026-11-01T00:00:00Z'));
    const second = await buildFeed(catalog, new Date('2026-11-28T00:00:00Z'));
    expect(second.index.shards).toEqual(first.index.shards);
    for (const ref of first.index.shards) expect(ref.file).toBe(`shards/${ref.sha256}.json`);
  });

  it('moves at most 10% of a 2,000-post feed’s bytes when one post changes', async () => {
    const big = syntheticCatalog(2_000);
    const before = await buildFeed(big);
    const edited = {
      ...big,
      posts: big.posts.map((p, i) => (i === 700 ? { ...p, summary: `${p.summary} Edited.` } : p)),
    };
    const after = await buildFeed(edited);
    const held = new Set(before.index.shards.map((s) => s.sha256));
    const moved = shardsToFetch(after.index, held);
    expect(moved).toHaveLength(1);
    const total = after.index.shards.reduce((sum, s) => sum + s.bytes, 0);
    expect(moved[0]!.bytes / total).toBeLessThan(0.1);
  });

  it('scales the number of shards with the catalog, in powers of two of about 64 posts each', () => {
    expect(shardCount(10)).toBe(1);
    for (const count of [2_000, 10_000, 100_000]) {
      const shards = shardCount(count);
      expect(Number.isInteger(Math.log2(shards))).toBe(true);
      expect(count / shards).toBeGreaterThan(32);
      expect(count / shards).toBeLessThanOrEqual(96);
    }
  });

  it.each([
    ['an HTML error page', '<!doctype html><title>502</title>', /an HTML page, not JSON/],
    ['a truncated body', '{"format":"blog-brief-feed","formatVersion":1,"catal', /not valid JSON/],
    ['another format', '{"format":"rss"}', /field "format"/],
    [
      'a shard file outside shards/',
      JSON.stringify({
        format: 'blog-brief-feed',
        formatVersion: 1,
        catalogVersion: 1,
        generatedAt: '2026-11-28T00:00:00Z',
        shards: [{ file: '../../etc/passwd', sha256: 'a'.repeat(64), posts: 1, bytes: 10 }],
      }),
      /field "shards.0.file"/,
    ],
  ])('refuses an index that is %s, saying why', (_case, text, message) => {
    expect(() => parseFeedIndex(text)).toThrow(FeedError);
    expect(() => parseFeedIndex(text)).toThrow(message);
  });

  it('refuses a shard that does not match its hash, and one with an invalid post, naming the post and field', async () => {
    const { index, files } = await buildFeed(catalog);
    const ref = index.shards[0]!;
    const text = files.get(ref.file)!;
    await expect(parseShard(text.replace('"summary":"', '"summary":"X'), ref)).rejects.toThrow(
      /does not match its hash/,
    );
    const bad = text.replace(/"url":"https:\/\/[^"]+"/, '"url":"http://example.com/x"');
    const badRef = { ...ref, sha256: await (await import('../../../utils/feeds/feed-format')).sha256Hex(bad) };
    await expect(parseShard(bad, badRef)).rejects.toThrow(/post #\d+ "[0-9a-f]{12}": field "url"/);
  });

  it('leaves out posts of blogs it does not cover, counting them, and keeps the rest of the shard', async () => {
    const uber = { ...catalog.posts[1]!, id: 'abcdef012345', blog: 'uber', url: 'https://www.uber.com/blog/x/' };
    const mixed = { version: 1, posts: [catalog.posts[0]!, uber as unknown as Catalog['posts'][number]] };
    const { index, files } = await buildFeed(mixed);
    const ref = index.shards[0]!;
    const content = await parseShard(files.get(ref.file)!, ref);
    expect(content.posts.map((p) => p.id)).toEqual([catalog.posts[0]!.id]);
    expect(content.otherBlogs).toBe(1);
  });
});
