/**
 * The feed format: how a catalog is published as static files that any host or CDN can serve, and
 * read back. Pure (WebCrypto's SHA-256 is in browsers and in Node alike).
 *
 *   index.json              small, fetched on every check (conditionally: 304 when unchanged)
 *     { format: 'blog-brief-feed', formatVersion: 1, catalogVersion, generatedAt,
 *       shards: [{ file, sha256, posts, bytes }] }
 *   shards/<sha256>.json    { posts: [...] }, content-addressed: immutable, cacheable for ever
 *
 * Posts go to shards by a hash of their id, into a power-of-two number of shards sized for about
 * POSTS_PER_SHARD posts each: a change to one post changes one shard, and the number of shards (so
 * every post's shard) changes only when the catalog doubles or halves. A client fetches only the
 * shards whose hash it does not hold.
 */
import { BLOG_IDS } from '../catalog/blogs';
import { type Catalog, parseCatalog } from '../catalog/catalog-schema';
import { z } from '../catalog/zod';
import { signIndex } from './feed-signing';

export const FEED_FORMAT = 'blog-brief-feed';
export const FEED_FORMAT_VERSION = 1;
/** Aim of the shard size: small enough that one changed post moves a few percent of a feed's bytes. */
export const POSTS_PER_SHARD = 64;
/** Refused above these, before parsing: an index or shard this large is not a Blog Brief feed. */
export const MAX_INDEX_BYTES = 1_000_000;
export const MAX_SHARD_BYTES = 2_000_000;

const ShardRef = z.object({
  file: z.string().regex(/^shards\/[0-9a-f]{64}\.json$/, 'must be shards/<sha256>.json'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex'),
  posts: z.number().int().nonnegative(),
  bytes: z.number().int().positive().max(MAX_SHARD_BYTES, `must be at most ${MAX_SHARD_BYTES} bytes`),
});

export const FeedIndexSchema = z.object({
  format: z.literal(FEED_FORMAT),
  formatVersion: z.literal(FEED_FORMAT_VERSION),
  catalogVersion: z.number().int().positive(),
  generatedAt: z.iso.datetime(),
  shards: z
    .array(ShardRef)
    .min(1, 'must list at least one shard')
    // A shard listed twice would be fetched twice (an index listing one 5,000 times, 5,000 requests):
    // the builder never writes one, so it is refused as the sign of a broken or hostile index.
    .superRefine((shards, ctx) => {
      const seen = new Set<string>();
      shards.forEach((shard, i) => {
        if (seen.has(shard.file) || seen.has(shard.sha256)) {
          ctx.addIssue({ code: 'custom', path: [i], message: `lists shard ${shard.file} more than once` });
        }
        seen.add(shard.file).add(shard.sha256);
      });
    }),
});
export type FeedIndex = z.infer<typeof FeedIndexSchema>;
export type ShardRef = z.infer<typeof ShardRef>;

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

export class FeedError extends Error {
  override name = 'FeedError';
}

export interface BuiltFeed {
  index: FeedIndex;
  /** Path inside the feed directory -> file text. */
  files: Map<string, string>;
}

const encoder = new TextEncoder();

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Shards for a catalog of `count` posts: a power of two, about POSTS_PER_SHARD posts each. */
export function shardCount(count: number): number {
  let shards = 1;
  while (count / shards > POSTS_PER_SHARD * 1.5) shards *= 2;
  return shards;
}

/** Which shard a post goes to: FNV-1a of its id, so the assignment is stable across builds. */
export function shardOf(postId: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < postId.length; i++) {
    hash ^= postId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

/**
 * Publishes a (valid) catalog as a feed: the index and its content-addressed shards, and with a
 * private key (utils/feeds/feed-signing.ts) index.sig, the index's signature.
 */
export async function buildFeed(
  catalog: Catalog,
  generatedAt = new Date(),
  privateKey?: JsonWebKey,
): Promise<BuiltFeed> {
  const shards = shardCount(catalog.posts.length);
  const buckets = Array.from({ length: shards }, () => [] as Catalog['posts']);
  for (const post of catalog.posts) buckets[shardOf(post.id, shards)]!.push(post);
  const files = new Map<string, string>();
  const refs: ShardRef[] = [];
  for (const bucket of buckets) {
    if (bucket.length === 0) continue;
    bucket.sort((a, b) => (a.id < b.id ? -1 : 1));
    const text = `${JSON.stringify({ posts: bucket })}\n`;
    const sha256 = await sha256Hex(text);
    const file = `shards/${sha256}.json`;
    files.set(file, text);
    refs.push({ file, sha256, posts: bucket.length, bytes: encoder.encode(text).length });
  }
  const index: FeedIndex = {
    format: FEED_FORMAT,
    formatVersion: FEED_FORMAT_VERSION,
    catalogVersion: catalog.version,
    generatedAt: generatedAt.toISOString(),
    shards: refs,
  };
  const indexText = `${JSON.stringify(index, null, 2)}\n`;
  files.set('index.json', indexText);
  if (privateKey) files.set('index.sig', `${await signIndex(indexText, privateKey)}\n`);
  return { index, files };
}

/** Reads an index, refusing anything that is not one, with the field named. */
export function parseFeedIndex(text: string): FeedIndex {
  if (encoder.encode(text).length > MAX_INDEX_BYTES) throw new FeedError(`the index is over ${MAX_INDEX_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FeedError(looksLikeHtml(text) ? 'the index is an HTML page, not JSON' : 'the index is not valid JSON');
  }
  const result = FeedIndexSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new FeedError(`the index's field "${issue.path.join('.') || '(root)'}": ${issue.message}`);
  }
  return result.data;
}

/** A shard's briefs, and how many of its posts were for blogs Blog Brief does not cover (refused). */
export interface ShardContent {
  posts: Catalog['posts'];
  otherBlogs: number;
}

/**
 * Reads a shard after checking it is the one the index names (its SHA-256), then every post through
 * the catalog's own schema, so an error names the post and the field. A post for a blog other than the
 * three is not an error of the feed (a feed may serve more blogs than this version knows): it is left
 * out and counted, and the feed's status says how many.
 */
export async function parseShard(text: string, ref: ShardRef): Promise<ShardContent> {
  if (encoder.encode(text).length > MAX_SHARD_BYTES) throw new FeedError(`shard ${ref.file} is too large`);
  if ((await sha256Hex(text)) !== ref.sha256) {
    throw new FeedError(`shard ${ref.file} does not match its hash: it was changed or cut short`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FeedError(`shard ${ref.file} is not valid JSON`);
  }
  const raw = (json as { posts?: unknown })?.posts;
  if (!Array.isArray(raw) || raw.length === 0) throw new FeedError(`shard ${ref.file} holds no posts`);
  const covered = raw.filter(isForCoveredBlog);
  if (covered.length === 0) return { posts: [], otherBlogs: raw.length };
  try {
    return { posts: parseCatalog({ version: 1, posts: covered }).posts, otherBlogs: raw.length - covered.length };
  } catch (error) {
    throw new FeedError(`shard ${ref.file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A post that names a blog, and not one of ours. One without a blog field is invalid, not "other". */
function isForCoveredBlog(raw: unknown): boolean {
  const blog = (raw as { blog?: unknown } | null)?.blog;
  return typeof blog !== 'string' || (BLOG_IDS as readonly string[]).includes(blog);
}

/** The shards of `index` whose content the client does not hold yet (by hash). */
export function shardsToFetch(index: FeedIndex, held: ReadonlySet<string>): ShardRef[] {
  return index.shards.filter((ref) => !held.has(ref.sha256));
}

function looksLikeHtml(text: string): boolean {
  return /^\s*</.test(text);
}
