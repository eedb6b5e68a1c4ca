/**
 * The catalog a reader browses is the bundled catalog plus every feed they added. Pure.
 *
 * Which copy wins when two sources hold the same post id: the bundled catalog first (it ships with the
 * code that was reviewed with it), then the feeds in the order they were added. A feed cannot replace
 * a bundled brief, and a later feed cannot replace an earlier one's: a compromised or careless feed
 * can add briefs, never rewrite ones the reader already had. The same holds for an article: a feed's
 * post with a new id but the URL of an article already held is left out, or the popup would list it
 * as that article's brief while the panel shows the bundled one.
 */
import type { Catalog, Post } from './catalog-schema';
import { urlKey } from './match';

/** A feed as the cache keeps it (utils/storage/catalog-db.ts, store `feeds`). */
export interface FeedRecord {
  /** The URL of its index.json: the feed's identity. */
  url: string;
  addedAt: number;
  /** The feed's Ed25519 public key (base64), if it was added with one: its index must be signed by it. */
  publicKey?: string;
  etag?: string;
  lastModified?: string;
  catalogVersion?: number;
  /** The last good copy: the posts of each shard, by the shard's SHA-256. */
  shards: Record<string, Post[]>;
  /** Of each shard, how many posts were refused for being of blogs Blog Brief does not cover. */
  otherBlogs?: Record<string, number>;
  status: FeedStatus;
}

export interface FeedStatus {
  checkedAt?: number;
  updatedAt?: number;
  /** What went wrong at the last check, in words; absent when it went well. */
  problem?: string;
  /** Consecutive failed checks: the back-off grows with them. */
  failures: number;
  nextCheckAt: number;
}

export function feedPosts(feed: FeedRecord): Post[] {
  return Object.values(feed.shards).flat();
}

export function otherBlogPosts(feed: FeedRecord): number {
  return Object.values(feed.otherBlogs ?? {}).reduce((sum, n) => sum + n, 0);
}

/** The feeds' posts that join the catalog: those whose id and article no earlier source holds. */
export function feedsOwnPosts(bundled: Catalog, feeds: readonly FeedRecord[]): Post[] {
  const bundledIds = new Set(bundled.posts.map((post) => post.id));
  return mergeSources(bundled, feeds).catalog.posts.filter((post) => !bundledIds.has(post.id));
}

/** The merged catalog, and a signature of its sources that changes whenever the merge would. */
export function mergeSources(bundled: Catalog, feeds: readonly FeedRecord[]): { catalog: Catalog; sources: string } {
  const ids = new Set<string>();
  const articles = new Set<string>();
  const posts: Post[] = [];
  const add = (post: Post) => {
    const article = urlKey(post.url);
    if (ids.has(post.id) || (article && articles.has(article))) return;
    ids.add(post.id);
    if (article) articles.add(article);
    posts.push(post);
  };
  for (const post of bundled.posts) add(post);
  const ordered = [...feeds].sort((a, b) => a.addedAt - b.addedAt);
  for (const feed of ordered) for (const post of feedPosts(feed)) add(post);
  return { catalog: { version: bundled.version, posts }, sources: sourcesSignature(bundled, ordered) };
}

export function sourcesSignature(
  bundled: { version: number; posts: readonly unknown[] },
  feeds: readonly FeedRecord[],
) {
  const parts = [`bundled:${bundled.version}:${bundled.posts.length}`];
  for (const feed of [...feeds].sort((a, b) => a.addedAt - b.addedAt)) {
    parts.push(`${feed.url}:${Object.keys(feed.shards).sort().join(',')}`);
  }
  return parts.join('|');
}
