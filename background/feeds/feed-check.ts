/**
 * Checks a feed the way trusted list updaters do (uBlock Origin, Dark Reader, Safe Browsing): a
 * conditional request for the small index (304 when nothing changed), then only the shards whose hash
 * is not held, every byte validated before anything is handed back. Whatever fails, the caller keeps
 * its last good copy; the error says why in words a reader can act on. The schedule of checks, with
 * back-off after failures, is `nextCheck`.
 *
 * Every file comes through the one hardened fetch (background/net/remote-file.ts): redirects held to
 * the feed URL rule, bodies capped while they stream, one deadline per file. Feeds are plain CORS
 * requests (a feed host sends Access-Control-Allow-Origin, as static hosts do), so no install-time
 * permission is needed.
 */
import type { Post } from '../../utils/catalog/catalog-schema';
import {
  FeedError,
  type FeedIndex,
  feedUrlProblem,
  MAX_INDEX_BYTES,
  MAX_SHARD_BYTES,
  parseFeedIndex,
  parseShard,
} from '../../utils/feeds/feed-format';
import { verifyIndex } from '../../utils/feeds/feed-signing';
import { fetchRemoteFile, REMOTE_TIMEOUT_MS, RemoteFileError } from '../net/remote-file';

/** What a client keeps of a feed between checks. */
export interface HeldFeed {
  etag?: string;
  lastModified?: string;
  /** The posts of each shard held, by the shard's SHA-256. */
  shards: ReadonlyMap<string, readonly Post[]>;
  /** Of each shard held, how many posts were for other blogs (absent: none). */
  otherBlogs?: ReadonlyMap<string, number>;
}

export type FeedCheck =
  | { status: 'unchanged' }
  | {
      status: 'updated';
      index: FeedIndex;
      etag?: string;
      lastModified?: string;
      /** Every shard of the new index (held ones reused), by SHA-256. */
      shards: Map<string, readonly Post[]>;
      /** Posts refused for being of other blogs, by shard (only shards that had some). */
      otherBlogs: Map<string, number>;
      /** Bytes downloaded by this check. */
      bytesFetched: number;
    };

/**
 * @param publicKey the feed's Ed25519 public key (base64), when it was added with one: the index must
 *   then come with index.sig, its signature by that key.
 */
export async function checkFeed(
  indexUrl: string,
  held: HeldFeed,
  fetchFn: typeof fetch = fetch,
  publicKey?: string,
  timeoutMs = REMOTE_TIMEOUT_MS,
): Promise<FeedCheck> {
  const problem = feedUrlProblem(indexUrl);
  if (problem) throw new FeedError(`Cannot use this feed: ${problem}`);
  const headers: Record<string, string> = {};
  if (held.etag) headers['If-None-Match'] = held.etag;
  if (held.lastModified) headers['If-Modified-Since'] = held.lastModified;
  const file = (url: string, what: string, maxBytes: number, conditional: Record<string, string> = {}) =>
    fetchFeedFile(url, { what, maxBytes, headers: conditional, fetchFn, timeoutMs });
  const response = await file(indexUrl, 'the feed', MAX_INDEX_BYTES, headers);
  if (response.status === 304) return { status: 'unchanged' };
  const indexText = bodyOf(response, 'the index');
  if (publicKey) {
    const signature = await file(new URL('index.sig', indexUrl).href, 'index.sig', 1_000)
      .then((answer) => bodyOf(answer, 'index.sig'))
      .catch(() => {
        throw new FeedError('The feed was added with a key, but its index has no signature (index.sig): refusing it');
      });
    if (!(await verifyIndex(indexText, signature, publicKey))) {
      throw new FeedError(
        "The feed's index is not signed by its key: refusing it (the feed's host may be compromised)",
      );
    }
  }
  const index = parseFeedIndex(indexText);
  let bytesFetched = response.status === 200 ? response.bytes : 0;

  const shards = new Map<string, readonly Post[]>();
  const otherBlogs = new Map<string, number>();
  // One shard at a time, as uBlock Origin updates one list at a time: a feed never floods the host.
  for (const ref of index.shards) {
    const kept = held.shards.get(ref.sha256);
    if (kept) {
      shards.set(ref.sha256, kept);
      const refused = held.otherBlogs?.get(ref.sha256);
      if (refused) otherBlogs.set(ref.sha256, refused);
      continue;
    }
    const shardFile = await file(new URL(ref.file, indexUrl).href, `shard ${ref.file}`, MAX_SHARD_BYTES);
    const text = bodyOf(shardFile, `shard ${ref.file}`);
    bytesFetched += shardFile.status === 200 ? shardFile.bytes : 0;
    const content = await parseShard(text, ref);
    shards.set(ref.sha256, content.posts);
    if (content.otherBlogs) otherBlogs.set(ref.sha256, content.otherBlogs);
  }
  const ids = new Set<string>();
  for (const posts of shards.values()) {
    for (const post of posts) {
      if (ids.has(post.id)) throw new FeedError(`post "${post.id}" appears in two shards`);
      ids.add(post.id);
    }
  }
  return {
    status: 'updated',
    index,
    etag: response.headers.get('ETag') ?? undefined,
    lastModified: response.headers.get('Last-Modified') ?? undefined,
    shards,
    otherBlogs,
    bytesFetched,
  };
}

/** One file of the feed through the hardened fetch, held to the feed URL rule; its failures as FeedErrors. */
async function fetchFeedFile(
  url: string,
  options: {
    what: string;
    maxBytes: number;
    headers: Record<string, string>;
    fetchFn: typeof fetch;
    timeoutMs: number;
  },
) {
  try {
    return await fetchRemoteFile(url, { ...options, urlProblem: feedUrlProblem });
  } catch (error) {
    throw error instanceof RemoteFileError ? new FeedError(error.message) : error;
  }
}

/** A file's text, refused when it is an HTML page (a host's error or challenge page) or empty. */
function bodyOf(file: Awaited<ReturnType<typeof fetchFeedFile>>, what: string): string {
  if (file.status === 304) throw new FeedError(`${what} answered 304 to a request that was not conditional`);
  if (/text\/html/i.test(file.headers.get('Content-Type') ?? ''))
    throw new FeedError(`${what} is an HTML page, not a feed file`);
  if (file.text.length === 0) throw new FeedError(`${what} is empty`);
  return file.text;
}

/** Default time between checks of a feed. */
export const CHECK_EVERY_MS = 12 * 3_600_000;
const MINUTE = 60_000;

/**
 * When to check a feed next. After a success: CHECK_EVERY_MS. After N consecutive failures, Safe
 * Browsing's rule: MIN((2^(N-1) × 15 min) × (random + 1), 24 h), so a failing host is not hammered
 * and many readers do not retry in step.
 */
export function nextCheck(now: number, consecutiveFailures: number, random: number = Math.random()): number {
  if (consecutiveFailures <= 0) return now + CHECK_EVERY_MS;
  const backOff = 2 ** (consecutiveFailures - 1) * 15 * MINUTE * (random + 1);
  return now + Math.min(backOff, 24 * 60 * MINUTE);
}
