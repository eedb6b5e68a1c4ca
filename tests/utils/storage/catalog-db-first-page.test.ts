import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCatalog } from '../../../utils/catalog/catalog-schema';
import {
  blogBriefDbConnection,
  DB_VERSION,
  firstPageResult,
  loadCatalog,
  openBlogBriefDb,
  queryPosts,
} from '../../../utils/storage/catalog-db';
import { openIfCurrent, PAGE_SIZE, readFirstPage } from '../../../utils/storage/catalog-db-first-page';
import catalogJson from '../../test-catalog.json';

const catalog = parseCatalog(catalogJson);
let dbName = '';
const opened: { close(): void }[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await deleteDB(dbName);
});

const freshName = () => (dbName = `first-page-${Math.random()}`);

// The popup's head script reads with IndexedDB's own API before the popup's code has loaded
// (pages/popup-early.ts); the database is still utils/storage/catalog-db.ts's to create and upgrade.
describe("the popup's early read", () => {
  it('never creates the database: the popup’s own open then creates it whole', async () => {
    freshName();
    expect(await openIfCurrent(dbName)).toBeNull();
    const db = await openBlogBriefDb(dbName);
    opened.push(db);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['feeds', 'meta', 'news', 'newsFeeds', 'posts', 'search']);
  });

  it('never upgrades an older database, which keeps its posts for the upgrade steps', async () => {
    freshName();
    const v1 = await openDB(dbName, 1, {
      upgrade(db) {
        db.createObjectStore('posts', { keyPath: 'id' });
        db.createObjectStore('meta');
      },
    });
    await v1.put('posts', { ...catalog.posts[0]! });
    v1.close();
    expect(await openIfCurrent(dbName)).toBeNull();
    const db = await openBlogBriefDb(dbName);
    opened.push(db);
    expect((await queryPosts(db)).posts.map((p) => p.id)).toEqual([catalog.posts[0]!.id]);
  });

  it('reads the same first page the popup’s query does', async () => {
    freshName();
    const db = await openBlogBriefDb(dbName);
    opened.push(db);
    await loadCatalog(db, catalog);
    const raw = (await openIfCurrent(dbName))!;
    opened.push(raw);
    const early = firstPageResult(await readFirstPage(raw, PAGE_SIZE), PAGE_SIZE);
    expect(early).toEqual(await queryPosts(db, { limit: PAGE_SIZE }));
    expect(early.total).toBe(catalog.posts.length);
  });

  it('hands its connection to the popup, which steps aside for another context’s upgrade as its own would', async () => {
    freshName();
    const seeded = await openBlogBriefDb(dbName);
    await loadCatalog(seeded, catalog);
    seeded.close();
    const connection = blogBriefDbConnection(dbName, openIfCurrent(dbName));
    const adopted = await connection();
    expect((await queryPosts(adopted)).total).toBe(catalog.posts.length);
    // A newer version elsewhere (an update): not blocked, and the popup's next read opens afresh.
    const newer = await openDB(dbName, DB_VERSION + 1);
    newer.close();
    await expect(connection()).resolves.not.toBe(adopted);
  });
});
