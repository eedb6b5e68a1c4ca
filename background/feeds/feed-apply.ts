/**
 * Adding, checking and removing feeds: the feed client (background/feeds/feed-check.ts) and the cache
 * (utils/storage/catalog-db.ts) put together. A check that fails anywhere keeps the last good posts and records why;
 * one that succeeds replaces the feed's posts and the merged catalog in one transaction.
 */
import type { Catalog } from '../../utils/catalog/catalog-schema';
import type { FeedRecord } from '../../utils/catalog/catalog-sources';
import { FeedError, feedUrlProblem } from '../../utils/feeds/feed-format';
import { isPublicKey } from '../../utils/feeds/feed-signing';
import { type BlogBriefDb, changeFeed, getFeeds, putFeedStatus } from '../../utils/storage/catalog-db';
import { checkFeed, nextCheck } from './feed-check';

export interface SyncOptions {
  fetchFn?: typeof fetch;
  /** For addFeed: the feed's public key, when it is signed. */
  publicKey?: string;
  /** When the check ends (the status's "checked"); by default, the moment it does. */
  now?: number;
  random?: number;
  /** Each file's deadline (background/net/remote-file.ts). */
  timeoutMs?: number;
}

/** Adds a feed by the URL of its index.json and checks it at once. Refuses a URL it could never use. */
export async function addFeed(
  db: BlogBriefDb,
  url: string,
  bundled: () => Catalog,
  options: SyncOptions = {},
): Promise<FeedRecord> {
  const problem = feedUrlProblem(url);
  if (problem) throw new FeedError(`Cannot use this feed: ${problem}`);
  const publicKey = options.publicKey?.trim() || undefined;
  if (publicKey && !isPublicKey(publicKey)) {
    throw new FeedError('Cannot use this key: a feed key is 44 characters of base64, as npm run feed:keygen prints it');
  }
  const now = options.now ?? Date.now();
  const existing = (await getFeeds(db)).find((f) => f.url === url);
  if (!existing) {
    await putFeedStatus(db, { url, addedAt: now, publicKey, shards: {}, status: { failures: 0, nextCheckAt: now } });
  }
  return syncFeed(db, url, bundled, options);
}

export async function syncFeed(
  db: BlogBriefDb,
  url: string,
  bundled: () => Catalog,
  { fetchFn = fetch, now: at, random = Math.random(), timeoutMs }: SyncOptions = {},
): Promise<FeedRecord> {
  const record = (await getFeeds(db)).find((f) => f.url === url);
  if (!record) throw new FeedError(`No feed ${url}`);
  let now = at ?? Date.now();
  try {
    const check = await checkFeed(
      url,
      {
        etag: record.etag,
        lastModified: record.lastModified,
        shards: new Map(Object.entries(record.shards)),
        otherBlogs: new Map(Object.entries(record.otherBlogs ?? {})),
      },
      fetchFn,
      record.publicKey,
      timeoutMs,
    );
    now = at ?? Date.now();
    const status = { checkedAt: now, failures: 0, nextCheckAt: nextCheck(now, 0, random) };
    if (check.status === 'unchanged') {
      const next = { ...record, status: { ...status, updatedAt: record.status.updatedAt } };
      await putFeedStatus(db, next);
      return next;
    }
    const next: FeedRecord = {
      ...record,
      etag: check.etag,
      lastModified: check.lastModified,
      catalogVersion: check.index.catalogVersion,
      shards: Object.fromEntries([...check.shards].map(([sha, posts]) => [sha, [...posts]])),
      otherBlogs: Object.fromEntries(check.otherBlogs),
      status: { ...status, updatedAt: now },
    };
    await changeFeed(db, bundled(), { put: next });
    return next;
  } catch (error) {
    now = at ?? Date.now();
    const failures = record.status.failures + 1;
    const next: FeedRecord = {
      ...record,
      status: {
        ...record.status,
        checkedAt: now,
        problem: error instanceof Error ? error.message : String(error),
        failures,
        nextCheckAt: nextCheck(now, failures, random),
      },
    };
    await putFeedStatus(db, next);
    return next;
  }
}

/** Removes a feed and its posts. Favorites are not touched: a favorite whose post left shows as such. */
export async function removeFeed(db: BlogBriefDb, url: string, bundled: () => Catalog): Promise<void> {
  await changeFeed(db, bundled(), { remove: url });
}
