// @vitest-environment node
/**
 * The feed client against a real HTTP server on 127.0.0.1, started by the test, serving a feed built
 * by the real builder: no mocked fetch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_EVERY_MS, checkFeed, type HeldFeed, nextCheck } from '../../../background/feeds/feed-check';
import { FeedHost } from '../../../tools/feed-host';
import { syntheticCatalog } from '../../../tools/synthetic-catalog';
import { feedUrlProblem } from '../../../utils/feeds/feed-format';
import { generateFeedKeys } from '../../../utils/feeds/feed-signing';

const held = (check: Awaited<ReturnType<typeof checkFeed>>): HeldFeed =>
  check.status === 'updated'
    ? { etag: check.etag, lastModified: check.lastModified, shards: check.shards }
    : { shards: new Map() };

describe('checking a feed on a real HTTP server', () => {
  const host = new FeedHost();
  const catalog = syntheticCatalog(2_000);
  beforeAll(() => host.start());
  afterAll(() => host.stop());

  it('syncs every post first, then gets 304 when nothing changed, then moves only the changed shard', async () => {
    await host.publish(catalog);
    const first = await checkFeed(host.url, { shards: new Map() });
    expect(first.status).toBe('updated');
    if (first.status !== 'updated') return;
    expect([...first.shards.values()].flat()).toHaveLength(2_000);

    host.requests = [];
    expect(await checkFeed(host.url, held(first))).toEqual({ status: 'unchanged' });
    expect(host.requests).toEqual(['index.json']);

    const edited = {
      ...catalog,
      version: 2,
      posts: catalog.posts.map((p, i) => (i === 42 ? { ...p, title: 'Edited' } : p)),
    };
    await host.publish(edited);
    host.requests = [];
    const second = await checkFeed(host.url, held(first));
    expect(second.status).toBe('updated');
    if (second.status !== 'updated') return;
    expect(host.requests.filter((r) => r.startsWith('shards/'))).toHaveLength(1);
    expect(second.bytesFetched).toBeLessThan(0.1 * first.bytesFetched);
    expect([...second.shards.values()].flat().find((p) => p.id === catalog.posts[42]!.id)?.title).toBe('Edited');
  });

  it.each([
    ['an HTTP 500', () => ({ status: 500, body: 'oops' }), /Could not reach the feed: HTTP 500/],
    ['an HTML page', () => ({ status: 200, body: '<html>', type: 'text/html' }), /HTML page/],
    ['a truncated index', () => ({ status: 200, body: '{"format":"blog-brief-feed","form' }), /not valid JSON/],
  ])('refuses %s for the index, saying why', async (_case, answer, message) => {
    await host.publish(catalog);
    host.override = (path) => (path === 'index.json' ? answer() : null);
    await expect(checkFeed(host.url, { shards: new Map() })).rejects.toThrow(message);
    host.override = null;
  });

  it('refuses a shard whose bytes do not match its hash, and one with an invalid post', async () => {
    await host.publish(catalog);
    const shard = [...host.files.keys()].find((f) => f.startsWith('shards/'))!;
    const text = host.files.get(shard)!;
    host.override = (path) => (path === shard ? { status: 200, body: text.slice(0, text.length / 2) } : null);
    await expect(checkFeed(host.url, { shards: new Map() })).rejects.toThrow(/does not match its hash/);
    host.override = null;
  });

  it('accepts only an index signed by the feed’s key, when it was added with one', async () => {
    const { publicKey, privateKey } = await generateFeedKeys();
    const other = await generateFeedKeys();
    await host.publish(syntheticCatalog(100), privateKey);
    const signed = await checkFeed(host.url, { shards: new Map() }, fetch, publicKey);
    expect(signed.status).toBe('updated');
    await expect(checkFeed(host.url, { shards: new Map() }, fetch, other.publicKey)).rejects.toThrow(
      /not signed by its key/,
    );
    // A compromised host rewrites the index (and its shards, consistently): the signature gives it away.
    const index = host.files.get('index.json')!;
    host.override = (path) =>
      path === 'index.json' ? { status: 200, body: index.replace('"catalogVersion": 1', '"catalogVersion": 9') } : null;
    await expect(checkFeed(host.url, { shards: new Map() }, fetch, publicKey)).rejects.toThrow(/not signed by its key/);
    host.override = null;
    await host.publish(syntheticCatalog(100));
    await expect(checkFeed(host.url, { shards: new Map() }, fetch, publicKey)).rejects.toThrow(
      /added with a key, but its index has no signature/,
    );
  });

  it('refuses an index that lists one new shard 5,000 times, and makes no request for it', async () => {
    await host.publish(syntheticCatalog(10));
    const index = JSON.parse(host.files.get('index.json')!) as { shards: unknown[] };
    const repeated = JSON.stringify({ ...index, shards: Array.from({ length: 5_000 }, () => index.shards[0]) });
    host.override = (path) => (path === 'index.json' ? { status: 200, body: repeated } : null);
    host.requests = [];
    await expect(checkFeed(host.url, { shards: new Map() })).rejects.toThrow(
      /the index's field "shards.1": lists shard shards\/[0-9a-f]{64}\.json more than once/,
    );
    expect(host.requests).toEqual(['index.json']);
    host.override = null;
  });

  it('accepts https, and http only from this computer', () => {
    expect(feedUrlProblem('https://example.org/feed/index.json')).toBeNull();
    expect(feedUrlProblem('http://127.0.0.1:8080/index.json')).toBeNull();
    expect(feedUrlProblem('http://example.org/index.json')).toMatch(/https/);
    expect(feedUrlProblem('ftp://example.org/index.json')).toMatch(/https/);
  });
});

describe('when to check next', () => {
  it('checks every 12 hours after a success, and backs off after failures like Safe Browsing, at most a day', () => {
    expect(nextCheck(0, 0)).toBe(CHECK_EVERY_MS);
    expect(nextCheck(0, 1, 0)).toBe(15 * 60_000);
    expect(nextCheck(0, 1, 0.999)).toBeLessThan(30 * 60_000);
    expect(nextCheck(0, 3, 0)).toBe(60 * 60_000);
    expect(nextCheck(0, 20, 0.5)).toBe(24 * 3_600_000);
  });
});
