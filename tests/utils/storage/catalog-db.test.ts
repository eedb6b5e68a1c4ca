import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syntheticCatalog } from '../../../tools/synthetic-catalog';
import { parseCatalog } from '../../../utils/catalog/catalog-schema';
import {
  type BlogBriefDb,
  blogBriefDbConnection,
  catalogMeta,
  DamagedCatalogError,
  DB_VERSION,
  ensureCatalog,
  getFeeds,
  getPost,
  loadCatalog,
  openBlogBriefDb,
  queryPosts,
  tagCounts,
} from '../../../utils/storage/catalog-db';
import { getNewsStatus, listNewArticles } from '../../../utils/storage/news-db';
import catalogJson from '../../test-catalog.json';

const catalog = parseCatalog(catalogJson);
let dbName = '';
let db: BlogBriefDb;

async function seeded(c = catalog) {
  dbName = `test-${Math.random()}`;
  db = await openBlogBriefDb(dbName);
  await loadCatalog(db, c);
  return db;
}

afterEach(async () => {
  db?.close();
  if (dbName) await deleteDB(dbName);
});

describe('loading the catalog', () => {
  it('stores every post and records the catalog version', async () => {
    await seeded();
    expect((await queryPosts(db)).total).toBe(10);
    expect(await catalogMeta(db)).toMatchObject({ version: 1, count: 10 });
  });

  it('replaces the previous catalog instead of merging into it', async () => {
    await seeded();
    await loadCatalog(db, { version: 2, posts: catalog.posts.slice(0, 3) });
    expect((await queryPosts(db)).total).toBe(3);
  });

  it('reloads only when the cached catalog is not the bundled one, unless forced', async () => {
    dbName = `test-${Math.random()}`;
    db = await openBlogBriefDb(dbName);
    const parse = vi.fn(() => catalog);
    expect(await ensureCatalog(db, catalogJson, parse)).toBe(true);
    expect(await ensureCatalog(db, catalogJson, parse)).toBe(false);
    expect(parse).toHaveBeenCalledTimes(1); // validated only when loaded
    expect(await ensureCatalog(db, catalogJson, parse, true)).toBe(true);
  });

  it('upgrades a version 1 database, keeping its posts', async () => {
    dbName = `test-${Math.random()}`;
    const v1 = await openDB(dbName, 1, {
      upgrade(old) {
        const posts = old.createObjectStore('posts', { keyPath: 'id' });
        posts.createIndex('tag', 'tags', { multiEntry: true });
        posts.createIndex('blog', 'blog');
        old.createObjectStore('meta');
      },
    });
    await v1.put('posts', catalog.posts[1]);
    v1.close();

    db = await openBlogBriefDb(dbName);
    expect(db.version).toBe(DB_VERSION);
    expect((await getPost(db, '127b6712359a'))?.title).toBe(
      'Building a Resilient Data Platform with Write-Ahead Log at Netflix',
    );
    expect((await queryPosts(db, { text: 'write-ahead' })).posts.map((p) => p.id)).toEqual(['127b6712359a']);
  });

  it('upgrades a version 3 database, keeping its feeds, with empty stores for the blogs’ new articles', async () => {
    dbName = `test-${Math.random()}`;
    const v3 = await openDB(dbName, 3, {
      upgrade(old) {
        old.createObjectStore('posts', { keyPath: 'rank' }).createIndex('id', 'id', { unique: true });
        old.createObjectStore('search');
        old.createObjectStore('meta');
        old.createObjectStore('feeds', { keyPath: 'url' });
      },
    });
    const feed = {
      url: 'https://feeds.example/index.json',
      addedAt: 1,
      shards: {},
      status: { failures: 0, nextCheckAt: 0 },
    };
    await v3.put('feeds', feed);
    v3.close();
    db = await openBlogBriefDb(dbName);
    expect(await getFeeds(db)).toEqual([feed]);
    expect(await listNewArticles(db)).toEqual([]);
    expect(await getNewsStatus(db)).toEqual([]);
  });
});

describe('a reader that opened the database before the catalog was loaded', () => {
  it('sees the catalog once the background has loaded it on its own connection', async () => {
    dbName = `test-${Math.random()}`;
    db = await openBlogBriefDb(dbName); // the popup, first: the database is created empty
    expect(await queryPosts(db, { tags: ['service-mesh'] })).toEqual({ posts: [], total: 0 });
    expect(await tagCounts(db)).toEqual([]);
    const background = await openBlogBriefDb(dbName);
    await loadCatalog(background, catalog);
    background.close();
    expect((await queryPosts(db, { tags: ['service-mesh'] })).total).toBe(3);
    expect((await tagCounts(db))[0]).toEqual({ tag: 'dist', count: 10 });
  });
});

describe('getPost', () => {
  it('finds a post by its id, without the search terms it is indexed by', async () => {
    await seeded();
    const post = await getPost(db, '0de8465ba354');
    expect(post).toEqual(catalog.posts[2]);
    expect(await getPost(db, 'ffffffffffff')).toBeUndefined();
  });
});

describe('queryPosts', () => {
  const ids = (result: { posts: { id: string }[] }) => result.posts.map((p) => p.id);

  it('lists every post newest first', async () => {
    await seeded();
    const dates = (await queryPosts(db)).posts.map((p) => p.published);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates.at(-1)).toBe('2020-11-10');
  });

  it('narrows by tag, requiring every selected tag', async () => {
    await seeded();
    expect((await queryPosts(db, { tags: ['service-mesh'] })).total).toBe(3);
    expect(ids(await queryPosts(db, { tags: ['service-mesh', 'graphql', 'open-source'] }))).toEqual(['e66397c9e9a9']);
    expect((await queryPosts(db, { tags: ['service-mesh', 'machine-learning'] })).total).toBe(0);
  });

  it('narrows by blog', async () => {
    await seeded();
    expect(ids(await queryPosts(db, { blog: 'pinterest' }))).toEqual(['d0210ded34e0']);
    expect((await queryPosts(db, { blog: 'netflix' })).total).toBe(4);
    expect((await queryPosts(db, { blog: 'airbnb', tags: ['kubernetes'] })).total).toBe(2);
  });

  it('searches title, summary, bullets, tags and authors by word prefix, every word required', async () => {
    await seeded();
    expect(ids(await queryPosts(db, { text: 'BAZEL' }))).toEqual(['33f90eda51ec']); // title, any case
    expect(ids(await queryPosts(db, { text: 'hyperlog' }))).toEqual(['aa9ad326fd77']); // bullet, prefix
    expect(ids(await queryPosts(db, { text: 'rushy' }))).toEqual(['bcb0e49c5cf8']); // author
    expect(ids(await queryPosts(db, { text: 'observability' }))).toEqual(['d0210ded34e0']); // tag and summary
    expect(ids(await queryPosts(db, { text: 'kafka airbnb' }))).toEqual(['0de8465ba354']);
    expect((await queryPosts(db, { text: 'kafka pinterest' })).total).toBe(0);
  });

  it('restricts to a set of ids, skipping ids the catalog does not have', async () => {
    await seeded();
    const result = await queryPosts(db, { ids: new Set(['bcb0e49c5cf8', '028e9637f041', 'ffffffffffff']) });
    expect(ids(result)).toEqual(['028e9637f041', 'bcb0e49c5cf8']);
  });

  it('returns only `limit` posts but counts them all', async () => {
    await seeded();
    const result = await queryPosts(db, { tags: ['dist'], limit: 2 });
    expect(result.total).toBe(10);
    expect(ids(result)).toEqual(['028e9637f041', '127b6712359a']);
  });

  it('stays correct on a 2,000-post catalog', async () => {
    await seeded(syntheticCatalog(2_000));
    const result = await queryPosts(db, { tags: ['storage'], blog: 'airbnb', text: 'scaling', limit: 20 });
    // Expected by brute force over the same synthetic posts.
    const expected = syntheticCatalog(2_000)
      .posts.filter((p) => p.tags.includes('storage') && p.blog === 'airbnb')
      .sort((a, b) => (a.published === b.published ? (a.id < b.id ? 1 : -1) : a.published < b.published ? 1 : -1));
    expect(result.total).toBe(expected.length);
    expect(ids(result)).toEqual(expected.slice(0, 20).map((p) => p.id));
  });
});

describe('tagCounts', () => {
  it('counts the posts of every tag in use, most used first', async () => {
    await seeded();
    const counts = await tagCounts(db);
    expect(counts[0]).toEqual({ tag: 'dist', count: 10 });
    expect(counts).toContainEqual({ tag: 'service-mesh', count: 3 });
    expect(counts.find((c) => c.tag === 'workflow')).toEqual({ tag: 'workflow', count: 1 });
  });
});

describe('a cache that can always be rebuilt', () => {
  const parse = () => catalog;

  it('opens, empty, a database left at a higher version by a rolled-back update', async () => {
    dbName = `test-${Math.random()}`;
    const newer = await openDB(dbName, 99, { upgrade: (d) => void d.createObjectStore('other') });
    newer.close();
    db = await openBlogBriefDb(dbName);
    expect(db.version).toBe(DB_VERSION);
    expect(await catalogMeta(db)).toBeUndefined();
    expect(await ensureCatalog(db, catalogJson, parse)).toBe(true);
    expect((await queryPosts(db)).total).toBe(catalog.posts.length);
  });

  it('closes its connection when another context deletes or upgrades the database, and reopens after', async () => {
    dbName = `test-${Math.random()}`;
    const connection = blogBriefDbConnection(dbName);
    const first = await connection();
    await loadCatalog(first, catalog);
    // Would hang for ever if the open connection ignored versionchange.
    await deleteDB(dbName);
    const second = await connection();
    expect(second).not.toBe(first);
    expect(await catalogMeta(second)).toBeUndefined();
    db = second;
  });

  it('notices a cleared posts store and reloads the catalog', async () => {
    await seeded();
    await db.clear('posts');
    await expect(queryPosts(db)).rejects.toThrow(DamagedCatalogError);
    expect(await ensureCatalog(db, catalogJson, parse)).toBe(true);
    expect((await queryPosts(db)).posts).toHaveLength(catalog.posts.length);
  });

  it('refuses a malformed record with an error the popup can act on, not a TypeError in a view', async () => {
    await seeded();
    await db.put('posts', { rank: 0, id: catalog.posts[0]!.id } as never);
    await expect(queryPosts(db, { limit: 5 })).rejects.toThrow(DamagedCatalogError);
    await expect(queryPosts(db, { tags: ['dist'] })).rejects.toThrow(DamagedCatalogError);
  });
});
