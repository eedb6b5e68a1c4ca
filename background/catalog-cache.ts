/**
 * The catalog as the background knows it: IndexedDB seeded from the bundled catalog and healed when
 * found damaged or cleared, the posts already read, and which post an article URL is. A content
 * script's `indexedDB` is the page's (medium.com's), so every brief is looked up here.
 */
import { type Post, parseCatalog } from '../utils/catalog/catalog-schema';
import { buildUrlIndex, findPostId, type UrlIndex } from '../utils/catalog/match';
import { type BlogBriefDb, blogBriefDbConnection, ensureCatalog, getPost } from '../utils/storage/catalog-db';

export interface CatalogCacheDeps {
  /** The catalog shipped in the extension (data/catalog.json). */
  bundled: { version: number; posts: readonly { id: string }[] };
  /** The bundled posts' URL index, built at build time. */
  urlIndex: UrlIndex;
  /** Every feed's posts, for the URLs the bundled index does not know. */
  feedPosts: () => Promise<Post[]>;
}

export function createCatalogCache({ bundled, urlIndex, feedPosts }: CatalogCacheDeps) {
  const connection = blogBriefDbConnection();
  const parse = () => parseCatalog(bundled);
  const bundledIds = new Set(bundled.posts.map((post) => post.id));
  /** Posts already read from IndexedDB: an article's brief is asked for on every visit and in-app move. */
  const posts = new Map<string, Post>();
  /** The connection whose cache was last checked whole: a new one (after another context deleted or upgraded the database) is checked again. */
  let checked: BlogBriefDb | null = null;
  /** Recognition of feed posts' URLs; the bundled ones are in the build's URL index. */
  let feedIndex: Promise<UrlIndex> | null = null;

  const refresh = (force: boolean) => async () => {
    const db = await connection();
    if (await ensureCatalog(db, bundled, parse, force)) posts.clear();
    checked = db;
  };
  // Every service-worker start checks the cache (it may have been cleared); install and update force a reload.
  let catalogReady = refresh(false)();

  /** Queues a check (or, forced, a reload) of the cache after any running one, and waits for it. */
  const queueRefresh = (force: boolean) => {
    catalogReady = catalogReady.catch(() => undefined).then(refresh(force));
    return catalogReady;
  };

  /** The connection, once the cache behind it has been checked. */
  const ready = async () => {
    await catalogReady.catch(() => undefined);
    if (checked !== (await connection())) await queueRefresh(false);
    return connection();
  };

  async function lookUp(postId: string): Promise<Post | undefined> {
    let post = posts.get(postId);
    if (post) return post;
    post = await getPost(await ready(), postId).catch(() => undefined);
    if (!post && bundledIds.has(postId)) {
      // The bundled catalog has it, the cache does not (or holds it damaged): the cache is rebuilt.
      await queueRefresh(true);
      post = await getPost(await connection(), postId);
    }
    if (post) posts.set(postId, post);
    return post;
  }

  return {
    connection,
    /** The bundled catalog, validated. */
    parse,
    ready,
    queueRefresh,
    lookUp,
    /** Which post, bundled or from a feed, an article URL is; null: none. */
    async postIdOf(url: string): Promise<string | null> {
      feedIndex ??= feedPosts().then(buildUrlIndex);
      return findPostId(url, urlIndex) ?? findPostId(url, await feedIndex);
    },
    /** Feeds changed what the catalog holds: posts are read again, feed URLs recognized anew. */
    feedsChanged(nextFeedPosts: Post[]) {
      posts.clear();
      feedIndex = Promise.resolve(buildUrlIndex(nextFeedPosts));
    },
  };
}

export type CatalogCache = ReturnType<typeof createCatalogCache>;
