/**
 * The only module that touches IndexedDB. The background seeds it from the bundled catalog; the popup
 * and the background query it. (A content script cannot use it: its `indexedDB` is the page's.)
 *
 * Schema history — every version's upgrade runs in order, so any older database reaches the current one:
 *   v1: `posts` keyed by id, with `tag` (multiEntry) and `blog` indexes; `meta`.
 *   v2: `posts` keyed by [published, id], so the primary key order *is* date order and "newest first"
 *       is a reverse key walk; a unique `id` index for lookups; a multiEntry `term` index for search.
 *       v1 rows are carried over.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { BlogId } from './blogs';
import type { Catalog, Post } from './catalog';
import { TAGS } from './tags';
import { queryWords, searchTerms } from './search';

export const DB_NAME = 'blog-brief';
export const DB_VERSION = 2;

type PostKey = [published: string, id: string];
type StoredPost = Post & { terms: string[] };

export interface CatalogMeta {
  version: number;
  count: number;
  loadedAt: number;
}

export interface BlogBriefSchema extends DBSchema {
  posts: {
    key: PostKey;
    value: StoredPost;
    indexes: { id: string; tag: string; blog: string; term: string };
  };
  meta: { key: 'catalog'; value: CatalogMeta };
}

export type BlogBriefDb = IDBPDatabase<BlogBriefSchema>;

export function openBlogBriefDb(name = DB_NAME): Promise<BlogBriefDb> {
  return openDB<BlogBriefSchema>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        // v1 as it shipped; kept so that the v1 -> v2 step below is the one path every database takes.
        const untyped = db as unknown as IDBPDatabase;
        const posts = untyped.createObjectStore('posts', { keyPath: 'id' });
        posts.createIndex('tag', 'tags', { multiEntry: true });
        posts.createIndex('blog', 'blog');
        untyped.createObjectStore('meta');
      }
      if (oldVersion < 2) await upgradeToV2(db, tx);
    },
  });
}

async function upgradeToV2(
  db: BlogBriefDb,
  tx: IDBPTransaction<BlogBriefSchema, StoreNames<BlogBriefSchema>[], 'versionchange'>,
): Promise<void> {
  const oldRows = (await (tx.objectStore('posts') as unknown as { getAll(): Promise<Post[]> }).getAll()) ?? [];
  db.deleteObjectStore('posts');
  const posts = db.createObjectStore('posts', { keyPath: ['published', 'id'] });
  posts.createIndex('id', 'id', { unique: true });
  posts.createIndex('tag', 'tags', { multiEntry: true });
  posts.createIndex('blog', 'blog');
  posts.createIndex('term', 'terms', { multiEntry: true });
  for (const row of oldRows) await posts.put(toStored(row));
}

function toStored(post: Post): StoredPost {
  return { ...post, terms: searchTerms(post) };
}

function fromStored({ terms: _terms, ...post }: StoredPost): Post {
  return post;
}

/** Replaces the cached catalog with `catalog`, in one transaction: readers see the old one or the new one. */
export async function loadCatalog(db: BlogBriefDb, catalog: Catalog): Promise<void> {
  const tx = db.transaction(['posts', 'meta'], 'readwrite');
  const posts = tx.objectStore('posts');
  void posts.clear();
  for (const post of catalog.posts) void posts.put(toStored(post));
  void tx.objectStore('meta').put({ version: catalog.version, count: catalog.posts.length, loadedAt: Date.now() }, 'catalog');
  await tx.done;
}

export function catalogMeta(db: BlogBriefDb): Promise<CatalogMeta | undefined> {
  return db.get('meta', 'catalog');
}

/**
 * Loads `catalog` unless the cache already holds this version of it. `force` (install, update)
 * reloads regardless: a curator may fix a typo without bumping the version.
 */
export async function ensureCatalog(db: BlogBriefDb, catalog: Catalog, force = false): Promise<boolean> {
  const meta = await catalogMeta(db);
  if (!force && meta?.version === catalog.version && meta.count === catalog.posts.length) return false;
  await loadCatalog(db, catalog);
  return true;
}

export async function getPost(db: BlogBriefDb, id: string): Promise<Post | undefined> {
  const stored = await db.getFromIndex('posts', 'id', id);
  return stored && fromStored(stored);
}

export interface PostQuery {
  /** Every one of these tags. */
  tags?: readonly string[];
  blog?: BlogId | null;
  /** Free text: every word must start a word of the title, summary, bullets, tags or authors. */
  text?: string;
  /** Only these post ids (the favorites view). */
  ids?: ReadonlySet<string>;
  /** How many posts to return; `total` still counts them all. */
  limit?: number;
}

export interface QueryResult {
  /** Newest first. */
  posts: Post[];
  total: number;
}

/**
 * Filters by intersecting primary-key lists from the indexes (smallest first), then reads only the
 * `limit` newest records. Keys sort by [published, id], so ordering needs no record reads.
 */
export async function queryPosts(db: BlogBriefDb, query: PostQuery = {}): Promise<QueryResult> {
  const limit = query.limit ?? Infinity;
  const tx = db.transaction('posts');
  const store = tx.objectStore('posts');
  const lookups: Promise<PostKey[]>[] = [];
  for (const tag of query.tags ?? []) lookups.push(store.index('tag').getAllKeys(tag));
  if (query.blog) lookups.push(store.index('blog').getAllKeys(query.blog));
  for (const word of queryWords(query.text ?? '')) {
    lookups.push(store.index('term').getAllKeys(IDBKeyRange.bound(word, word + '\uffff')));
  }

  if (query.ids) {
    const idIndex = store.index('id');
    lookups.push(
      Promise.all([...query.ids].map((id) => idIndex.getKey(id))).then((keys) =>
        keys.filter((key): key is PostKey => key !== undefined),
      ),
    );
  }

  if (lookups.length === 0) {
    const total = await store.count();
    const keys: PostKey[] = [];
    for (let cursor = await store.openKeyCursor(null, 'prev'); cursor && keys.length < limit; cursor = await cursor.continue()) {
      keys.push(cursor.primaryKey);
    }
    return { posts: await readPosts(store, keys), total };
  }
  const keys = intersectKeys(await Promise.all(lookups)).sort(compareNewestFirst);
  return { posts: await readPosts(store, keys.slice(0, limit)), total: keys.length };
}

/** Keys present in every list, matched on post id (a prefix search can list a post more than once). */
function intersectKeys(lists: PostKey[][]): PostKey[] {
  lists.sort((a, b) => a.length - b.length);
  let current = new Map<string, PostKey>();
  for (const key of lists[0] ?? []) current.set(key[1], key);
  for (const list of lists.slice(1)) {
    if (current.size === 0) break;
    const next = new Map<string, PostKey>();
    for (const key of list) {
      const kept = current.get(key[1]);
      if (kept) next.set(key[1], kept);
    }
    current = next;
  }
  return [...current.values()];
}

function compareNewestFirst(a: PostKey, b: PostKey): number {
  return a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0;
}

async function readPosts(
  store: { get(key: PostKey): Promise<StoredPost | undefined> },
  keys: readonly PostKey[],
): Promise<Post[]> {
  const rows = await Promise.all(keys.map((key) => store.get(key)));
  return rows.filter((row): row is StoredPost => row !== undefined).map(fromStored);
}

export interface TagCount {
  tag: string;
  count: number;
}

/** Every tag of the vocabulary that has posts, with its post count, most used first. */
export async function tagCounts(db: BlogBriefDb): Promise<TagCount[]> {
  const index = db.transaction('posts').store.index('tag');
  const counts = await Promise.all(TAGS.map(async (tag) => ({ tag, count: await index.count(tag) })));
  return counts.filter((c) => c.count > 0).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
