/**
 * Checks a feed the way trusted list updaters do (uBlock Origin, Dark Reader, Safe Browsing): a
 * conditional request for the small index (304 when nothing changed), then only the shards whose hash
 * is not held, every byte validated before anything is handed back. Whatever fails, the caller keeps
 * its last good copy; the error says why in words a reader can act on. The schedule of checks, with
 * back-off after failures, is `nextCheck`.
 *
 * Uses only `fetch`: feeds are plain CORS requests (a feed host sends Access-Control-Allow-Origin, as
 * static hosts do), so no install-time permission is needed.
 */
import type { Post } from '../../utils/catalog/catalog-schema';
import {
  FeedError,
  type FeedIndex,
  MAX_INDEX_BYTES,
  MAX_SHARD_BYTES,
  parseFeedIndex,
  parseShard,
} from '../../utils/feeds/feed-format';
import { verifyIndex } from '../../utils/feeds/feed-signing';

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

/** https anywhere; http only to this machine, for local authoring and tests. */
export function feedUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'it is not a URL';
  }
  if (parsed.protocol === 'https:') return null;
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol === 'http:' && loopback) return null;
  return 'a feed must be served over https (http only from this computer: 127.0.0.1 or localhost)';
}

/**
 * @param publicKey the feed's Ed25519 public key (base64), when it was added with one: the index must
 *   then come with index.sig, its signature by that key.
 */
export async function checkFeed(
  indexUrl: string,
  held: HeldFeed,
  fetchFn: typeof fetch = fetch,
  publicKey?: string,
): Promise<FeedCheck> {
  const problem = feedUrlProblem(indexUrl);
  if (problem) throw new FeedError(`Cannot use this feed: ${problem}`);
  const headers: Record<string, string> = {};
  if (held.etag) headers['If-None-Match'] = held.etag;
  if (held.lastModified) headers['If-Modified-Since'] = held.lastModified;
  const response = await request(fetchFn, indexUrl, headers);
  if (response.status === 304) return { status: 'unchanged' };
  const indexText = await readBody(response, MAX_INDEX_BYTES, 'the index');
  if (publicKey) {
    const signature = await request(fetchFn, new URL('index.sig', indexUrl).href, {})
      .then((answer) => readBody(answer, 1_000, 'index.sig'))
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
  let bytesFetched = new TextEncoder().encode(indexText).length;

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
    const shardResponse = await request(fetchFn, new URL(ref.file, indexUrl).href, {});
    const text = await readBody(shardResponse, MAX_SHARD_BYTES, `shard ${ref.file}`);
    bytesFetched += new TextEncoder().encode(text).length;
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

/** A request, its network failure and any status other than 2xx or 304 said in words. */
async function request(fetchFn: typeof fetch, url: string, headers: Record<string, string>): Promise<Response> {
  let response: Response;
  try {
    response = await fetchFn(url, { headers, cache: 'no-cache', credentials: 'omit', redirect: 'follow' });
  } catch (error) {
    throw new FeedError(`Could not reach the feed (${error instanceof Error ? error.message : String(error)})`);
  }
  if (response.status === 304 || response.ok) return response;
  throw new FeedError(`Could not reach the feed: HTTP ${response.status}`);
}

async function readBody(response: Response, maxBytes: number, what: string): Promise<string> {
  const declared = Number(response.headers.get('Content-Length') ?? 0);
  if (declared > maxBytes) throw new FeedError(`${what} is over ${maxBytes} bytes`);
  const type = response.headers.get('Content-Type') ?? '';
  if (/text\/html/i.test(type)) throw new FeedError(`${what} is an HTML page, not a feed file`);
  const text = await response.text();
  if (text.length === 0) throw new FeedError(`${what} is empty`);
  if (new TextEncoder().encode(text).length > maxBytes) throw new FeedError(`${what} is over ${maxBytes} bytes`);
  return text;
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
