/**
 * The background's side of feeds: what the options page asks for, the schedule of checks (an alarm
 * at the earliest feed's next check, since the worker may stop between them), and, after any change,
 * the caller's `onCatalogChanged` (the background rebuilds its URL index and re-registers the panel
 * for feed articles). With no feed added, it makes no request at all.
 */
import type { Catalog, Post } from '../../utils/catalog/catalog-schema';
import { type FeedRecord, feedPosts, feedsOwnPosts, otherBlogPosts } from '../../utils/catalog/catalog-sources';
import type { FeedSummary } from '../../utils/messaging/protocol';
import { type BlogBriefDb, getFeeds } from '../../utils/storage/catalog-db';
import { addFeed, removeFeed, syncFeed } from './feed-apply';

export interface FeedServiceDeps {
  connection: () => Promise<BlogBriefDb>;
  bundled: () => Catalog;
  /** Asks to be woken at this time (an alarm), or never (null). */
  wakeAt: (when: number | null) => void;
  /** Resolves once the change is in force (the background's URL index and registered script). */
  onCatalogChanged: (feedPosts: Post[]) => Promise<void>;
  fetchFn?: typeof fetch;
  /** Each remote file's deadline (background/net/remote-file.ts). */
  timeoutMs?: number;
}

export function createFeedService({
  connection,
  bundled,
  wakeAt,
  onCatalogChanged,
  fetchFn,
  timeoutMs,
}: FeedServiceDeps) {
  /**
   * One operation at a time per feed, so a feed's checks and edits never interleave their writes;
   * feeds do not wait for one another (a slow host holds only its own feed, until its deadline).
   */
  const queues = new Map<string, Promise<unknown>>();
  const serially = <T>(url: string, work: () => Promise<T>): Promise<T> => {
    const next = (queues.get(url) ?? Promise.resolve()).then(work, work);
    const settled = next.catch(() => undefined);
    queues.set(url, settled);
    void settled.then(() => queues.get(url) === settled && queues.delete(url));
    return next;
  };
  const options = { fetchFn, timeoutMs };

  async function afterChange(catalogChanged: boolean) {
    const feeds = await getFeeds(await connection());
    wakeAt(feeds.length ? Math.min(...feeds.map((f) => f.status.nextCheckAt)) : null);
    if (catalogChanged) await onCatalogChanged(feedsOwnPosts(bundled(), feeds));
  }

  return {
    async list(): Promise<FeedSummary[]> {
      const feeds = await getFeeds(await connection());
      return feeds.sort((a, b) => a.addedAt - b.addedAt).map(feedSummary);
    },
    add: (url: string, publicKey?: string) =>
      serially(url, async () => {
        await addFeed(await connection(), url, bundled, { ...options, publicKey });
        await afterChange(true);
      }),
    check: (url: string) =>
      serially(url, async () => {
        const before = (await getFeeds(await connection())).find((f) => f.url === url)?.status.updatedAt;
        const after = await syncFeed(await connection(), url, bundled, options);
        await afterChange(after.status.updatedAt !== before);
      }),
    remove: (url: string) =>
      serially(url, async () => {
        await removeFeed(await connection(), url, bundled);
        await afterChange(true);
      }),
    /** Checks every feed that is due (the alarm), side by side, then sets the next alarm. */
    async checkDue() {
      const now = Date.now();
      const due = (await getFeeds(await connection())).filter((feed) => feed.status.nextCheckAt <= now);
      const changed = await Promise.all(
        due.map((feed) =>
          serially(feed.url, async () => {
            const after = await syncFeed(await connection(), feed.url, bundled, options);
            return after.status.updatedAt !== feed.status.updatedAt;
          }).catch(() => false),
        ),
      );
      await afterChange(changed.includes(true));
    },
    /**
     * At browser start: the next check is due no sooner than a random moment in the first minute, so
     * a host is not hit by every reader's browser at once (Safe Browsing's rule).
     */
    async scheduleAfterStart(random = Math.random()) {
      const feeds = await getFeeds(await connection());
      if (feeds.length === 0) return;
      const due = Math.min(...feeds.map((f) => f.status.nextCheckAt));
      wakeAt(Math.max(due, Date.now() + 5_000 + random * 55_000));
    },
    /** The feed posts now cached, for a worker that just started. */
    async posts(): Promise<Post[]> {
      return feedsOwnPosts(bundled(), await getFeeds(await connection()));
    },
  };
}

export type FeedService = ReturnType<typeof createFeedService>;

/** A feed as the options page shows it. */
function feedSummary(feed: FeedRecord): FeedSummary {
  return {
    url: feed.url,
    signed: Boolean(feed.publicKey),
    publicKey: feed.publicKey,
    briefs: feedPosts(feed).length,
    otherBlogs: otherBlogPosts(feed),
    checkedAt: feed.status.checkedAt,
    updatedAt: feed.status.updatedAt,
    problem: feed.status.problem,
  };
}
