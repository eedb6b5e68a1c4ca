/**
 * The module that owns IndexedDB: it alone creates, upgrades and writes the database. The background
 * loads the bundled catalog into it; the popup and the background read it. (A content script cannot
 * use it: its `indexedDB` is the page's.) utils/storage/catalog-db-first-page.ts reads a first page with IndexedDB's
 * own API for the popup's head script, never creating or upgrading anything.
 *
 * Schema history. Each step of `upgrade` runs in order, so a database of any older version reaches
 * the current one:
 *   v1: `posts` keyed by id, with `tag` (multiEntry) and `blog` indexes; `meta`.
 *   v2: `posts` keyed by rank (0 = newest), so "newest first" is key order and a page of the list is
 *       one getAll; a unique `id` index; `search` holds the query index (utils/search/search-index.ts) as one
 *       record, replacing per-tag and per-word IndexedDB indexes that cost a round trip per lookup
 *       and did not scale. v1 rows are carried over.
 *   v3: `feeds`, keyed by index URL: each feed the reader added, its last good posts and its status
 *       (utils/catalog/catalog-sources.ts). `meta.sources` says which sources the cached catalog merges.
 *   v4: `news`, the blogs' own new articles by post id (index `blog`), and `newsFeeds`, each blog
 *       feed's status by blog: read and written through utils/storage/news-db.ts. Both start empty,
 *       and a lost database is rebuilt by the next check, like the rest of this cache.
 */
import { deleteDB, type IDBPDatabase, openDB, unwrap, wrap } from 'idb';
import type { PostQuery, QueryResult, TagCount } from '../catalog/catalog-query';
import type { Catalog, Post } from '../catalog/catalog-schema';
import { type FeedRecord, mergeSources, sourcesSignature } from '../catalog/catalog-sources';
import { type FirstPageRows, readFirstPage } from './catalog-db-first-page';
import { type BlogBriefSchema, type CatalogMeta, DB_NAME, DB_VERSION, type StoredPost } from './catalog-db-schema';

export type { PostQuery, QueryResult, TagCount } from '../catalog/catalog-query';

import { buildSearchIndex, matchRanks, rankPosts, type SearchIndex } from '../search/search-index';
import { queryWords } from '../search/words';

export { type CatalogMeta, DB_NAME, DB_VERSION, type StoredPost } from './catalog-db-schema';

export type BlogBriefDb = IDBPDatabase<BlogBriefSchema>;

/**
 * The database is a cache of the catalog's sources (today the bundled catalog), so any trouble with
 * it is met by closing or rebuilding, never by breaking:
 * - another context asks for a new version or a deletion (`versionchange`): this connection closes
 *   at once, so the other is never blocked; `onClose` lets the owner open a new one when needed;
 * - the database is at a higher version than this code knows (an update rolled back): it is deleted
 *   and created afresh, empty, for the owner to fill (ensureCatalog).
 */
export async function openBlogBriefDb(name = DB_NAME, onClose: () => void = () => {}): Promise<BlogBriefDb> {
  try {
    return await openCurrent(name, onClose);
  } catch (error) {
    if ((error as { name?: string } | null)?.name !== 'VersionError') throw error;
    await deleteDB(name);
    return openCurrent(name, onClose);
  }
}

/**
 * A connection that reopens after it was closed (by another context's upgrade or deletion, or by the
 * browser). The popup lives seconds; the background for as long as the browser runs. `early`: a
 * connection opened before this code loaded (utils/storage/catalog-db-first-page.ts), used for the first one if it
 * opened.
 */
export function blogBriefDbConnection(name = DB_NAME, early?: Promise<IDBDatabase | null>): () => Promise<BlogBriefDb> {
  let current: Promise<BlogBriefDb> | null = null;
  return () => {
    if (!current) {
      const onClose = () => {
        if (current === opening) current = null;
      };
      const adopted = early?.then((db) => (db ? adopt(db, onClose) : openBlogBriefDb(name, onClose)));
      early = undefined;
      const opening = adopted ?? openBlogBriefDb(name, onClose);
      current = opening;
      opening.catch(onClose);
    }
    return current;
  };
}

/** An open connection, closing and reporting as openCurrent's do. */
function adopt(db: IDBDatabase, onClose: () => void): BlogBriefDb {
  db.addEventListener('versionchange', () => {
    db.close();
    onClose();
  });
  db.addEventListener('close', onClose);
  return wrap(db) as BlogBriefDb;
}

function openCurrent(name: string, onClose: () => void): Promise<BlogBriefDb> {
  return openDB<BlogBriefSchema>(name, DB_VERSION, {
    blocking(_currentVersion, _blockedVersion, event) {
      (event.target as IDBDatabase).close();
      onClose();
    },
    terminated: onClose,
    async upgrade(db, oldVersion, _newVersion, tx) {
      // The upgrade steps name stores of older versions, which the current schema type does not know.
      const untyped = db as unknown as IDBPDatabase;
      if (oldVersion < 1) {
        const posts = untyped.createObjectStore('posts', { keyPath: 'id' });
        posts.createIndex('tag', 'tags', { multiEntry: true });
        posts.createIndex('blog', 'blog');
        untyped.createObjectStore('meta');
      }
      if (oldVersion < 2) {
        const v1Posts = (await tx.objectStore('posts').getAll()) as unknown as Post[];
        untyped.deleteObjectStore('posts');
        db.createObjectStore('posts', { keyPath: 'rank' }).createIndex('id', 'id', { unique: true });
        db.createObjectStore('search');
        writeCatalog(tx.objectStore('posts'), tx.objectStore('search'), v1Posts);
      }
      if (oldVersion < 3) db.createObjectStore('feeds', { keyPath: 'url' });
      if (oldVersion < 4) {
        db.createObjectStore('news', { keyPath: 'id' }).createIndex('blog', 'blog');
        db.createObjectStore('newsFeeds', { keyPath: 'blog' });
      }
    },
  });
}

interface WritableStores {
  posts: { clear(): Promise<void>; put(value: StoredPost): Promise<number> };
  search: { put(value: SearchIndex, key: 'index'): Promise<'index'> };
}

/** Writes posts in rank order and their index. Requests are queued, not awaited: one transaction's worth. */
function writeCatalog(posts: WritableStores['posts'], search: WritableStores['search'], catalogPosts: readonly Post[]) {
  const ranked = rankPosts(catalogPosts);
  void posts.clear();
  ranked.forEach((post, rank) => void posts.put({ ...post, rank }));
  const index = buildSearchIndex(ranked);
  void search.put(index, 'index');
  return index;
}

/**
 * Per open database, its query index, read once (the popup's whole life) and replaced on reload.
 * An empty index is not kept: it means the catalog is still being loaded (by the background, on
 * another connection), and the next read should see it.
 */
const indexes = new WeakMap<BlogBriefDb, Promise<SearchIndex | undefined>>();

function searchIndex(db: BlogBriefDb): Promise<SearchIndex | undefined> {
  let index = indexes.get(db);
  if (!index) {
    index = db.get('search', 'index');
    indexes.set(db, index);
    void index.then((loaded) => {
      if (!loaded?.ids.length && indexes.get(db) === index) indexes.delete(db);
    });
  }
  return index;
}

/** Replaces the cached catalog with `catalog`, in one transaction: readers see the old one or the new one. */
export async function loadCatalog(db: BlogBriefDb, catalog: Catalog, sources?: string): Promise<void> {
  await replaceCatalog(db, catalog, sources, () => {});
}

/**
 * The one way the cached catalog changes: its posts, query index and record, and (`alsoInTx`) any feed
 * change that caused it, in a single transaction. A feed update that fails anywhere leaves the last
 * good catalog; a reader never sees half of one.
 */
async function replaceCatalog(
  db: BlogBriefDb,
  catalog: Catalog,
  sources: string | undefined,
  alsoInTx: (feeds: { put(value: FeedRecord): unknown; delete(key: string): unknown }) => void,
): Promise<void> {
  const tx = db.transaction(['posts', 'search', 'meta', 'feeds'], 'readwrite');
  const index = writeCatalog(tx.objectStore('posts'), tx.objectStore('search'), catalog.posts);
  void tx
    .objectStore('meta')
    .put({ version: catalog.version, count: catalog.posts.length, loadedAt: Date.now(), sources }, 'catalog');
  alsoInTx(tx.objectStore('feeds'));
  await tx.done;
  indexes.set(db, Promise.resolve(index));
}

export function getFeeds(db: BlogBriefDb): Promise<FeedRecord[]> {
  return db.getAll('feeds');
}

/** Saves a feed's status alone (a check that changed no post). */
export async function putFeedStatus(db: BlogBriefDb, feed: FeedRecord): Promise<void> {
  await db.put('feeds', feed);
}

/**
 * Saves a feed (new or updated) or removes one, and the merged catalog that follows from it, at once.
 * `bundled` is the bundled catalog, parsed.
 */
/**
 * Feed changes, one after another: each reads every feed and rewrites the merged catalog, so two at
 * once (feeds are checked side by side) would each lose the other's posts.
 */
let feedChanges: Promise<unknown> = Promise.resolve();

export function changeFeed(
  db: BlogBriefDb,
  bundled: Catalog,
  change: { put: FeedRecord } | { remove: string },
): Promise<Catalog> {
  const next = feedChanges.then(
    () => applyFeedChange(db, bundled, change),
    () => applyFeedChange(db, bundled, change),
  );
  feedChanges = next.catch(() => undefined);
  return next;
}

async function applyFeedChange(
  db: BlogBriefDb,
  bundled: Catalog,
  change: { put: FeedRecord } | { remove: string },
): Promise<Catalog> {
  const feeds = (await getFeeds(db)).filter((f) => f.url !== ('put' in change ? change.put.url : change.remove));
  if ('put' in change) feeds.push(change.put);
  const { catalog, sources } = mergeSources(bundled, feeds);
  await replaceCatalog(db, catalog, sources, (store) => {
    if ('put' in change) store.put(change.put);
    else store.delete(change.remove);
  });
  return catalog;
}

export function catalogMeta(db: BlogBriefDb): Promise<CatalogMeta | undefined> {
  return db.get('meta', 'catalog');
}

/**
 * Loads the bundled catalog unless the cache already holds this version of it. `force` (install,
 * update) reloads regardless: a curator may fix a typo without bumping the version. The catalog is
 * validated (`parse`) only when it is loaded, not on every service-worker start.
 */
export async function ensureCatalog(
  db: BlogBriefDb,
  bundled: { version: number; posts: readonly unknown[] },
  parse: () => Catalog,
  force = false,
): Promise<boolean> {
  const feeds = await getFeeds(db);
  if (!force && (await holdsCatalog(db, bundled, feeds))) return false;
  const { catalog, sources } = mergeSources(parse(), feeds);
  await loadCatalog(db, catalog, sources);
  return true;
}

/** Whether the cache holds this version of the catalog, whole: its record, every post and the query index. */
async function holdsCatalog(
  db: BlogBriefDb,
  bundled: { version: number; posts: readonly unknown[] },
  feeds: readonly FeedRecord[],
) {
  const tx = db.transaction(['posts', 'search', 'meta']);
  const [meta, count, indexKey] = await Promise.all([
    tx.objectStore('meta').get('catalog'),
    tx.objectStore('posts').count(),
    tx.objectStore('search').getKey('index'),
  ]);
  return (
    meta?.version === bundled.version &&
    (meta.sources ?? `bundled:${bundled.version}:${bundled.posts.length}`) === sourcesSignature(bundled, feeds) &&
    count === meta.count &&
    indexKey !== undefined
  );
}

export async function getPost(db: BlogBriefDb, id: string): Promise<Post | undefined> {
  const stored = await db.getFromIndex('posts', 'id', id);
  return stored && fromStored(stored);
}

/** A stored post that is not one: the cache is damaged, and the reader of it should have it rebuilt. */
export class DamagedCatalogError extends Error {
  override name = 'DamagedCatalogError';
}

/**
 * A stored record, checked for the fields every view relies on before it is handed out: a damaged
 * cache must be noticed and rebuilt, not blank the popup with a TypeError.
 */
function fromStored(stored: StoredPost): Post {
  const { rank: _rank, ...post } = stored ?? ({} as StoredPost);
  const ok =
    typeof post.id === 'string' &&
    typeof post.title === 'string' &&
    typeof post.url === 'string' &&
    typeof post.summary === 'string' &&
    typeof post.published === 'string' &&
    typeof post.blog === 'string' &&
    Array.isArray(post.bullets) &&
    Array.isArray(post.tags) &&
    Array.isArray(post.authors) &&
    Array.isArray(post.aliases);
  if (!ok) throw new DamagedCatalogError('a stored post is damaged');
  return post;
}

/** A query for the newest posts, with no filter: one read (utils/storage/catalog-db-first-page.ts). */
export function isFirstPage(query: PostQuery): boolean {
  return !query.tags?.length && !query.blog && !query.ids && queryWords(query.text ?? '').length === 0;
}

/** The first page's rows, checked: a catalog record that promises posts the store does not have means damage. */
export function firstPageResult({ rows, meta }: FirstPageRows, limit = Infinity): QueryResult {
  if (meta && rows.length < Math.min(meta.count, limit)) throw new DamagedCatalogError('stored posts are missing');
  return { posts: rows.map(fromStored), total: meta?.count ?? rows.length };
}

/** Matches in memory on the query index, then reads only the `limit` newest posts. */
export async function queryPosts(db: BlogBriefDb, query: PostQuery = {}): Promise<QueryResult> {
  const limit = query.limit ?? Infinity;
  if (isFirstPage(query)) {
    // Rank order is key order: the first page of everything is one request, and the popup's first
    // paint does not wait for the query index.
    return firstPageResult(await readFirstPage(unwrap(db), Number.isFinite(limit) ? limit : undefined), limit);
  }
  const index = await searchIndex(db);
  const ranks = (index && matchRanks(index, query)) ?? new Uint32Array(0);
  const store = db.transaction('posts').store;
  const page = ranks.subarray(0, Math.min(ranks.length, limit));
  const rows = await Promise.all(Array.from(page, (rank) => store.get(rank)));
  if (rows.some((row) => row === undefined)) throw new DamagedCatalogError('stored posts are missing');
  return { posts: (rows as StoredPost[]).map(fromStored), total: ranks.length };
}

/** Every tag that has posts, with its post count, most used first. */
export async function tagCounts(db: BlogBriefDb): Promise<TagCount[]> {
  const index = await searchIndex(db);
  return Object.entries(index?.tags ?? {})
    .map(([tag, ranks]) => ({ tag, count: ranks.length }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
