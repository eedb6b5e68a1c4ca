/** The popup's view of the catalog: IndexedDB (through utils/storage/catalog-db.ts) and the active tab. */
import urlIndex from 'virtual:url-index';
import { browser } from 'wxt/browser';
import type { Post } from '../../utils/catalog/catalog-schema';
import { findPostId, urlKey } from '../../utils/catalog/match';
import { askBackground } from '../../utils/messaging/protocol';
import {
  type BlogBriefDb,
  blogBriefDbConnection,
  catalogMeta,
  DamagedCatalogError,
  firstPageResult,
  getPost,
  isFirstPage,
  queryPosts,
  tagCounts,
} from '../../utils/storage/catalog-db';
import { DB_NAME, PAGE_SIZE } from '../../utils/storage/catalog-db-first-page';
import { takeFirstPage } from '../popup-early';
import type { CatalogSource } from './browse-model';

/** The catalog in IndexedDB, for the popup and the side panel; `postAt`: the brief of an article URL, if any. */
export function indexedDbCatalogSource(): CatalogSource & { postAt(url: string): Promise<Post | null> } {
  // In the popup, its <head> script has opened the database and read the first page already.
  let early = takeFirstPage();
  const connection = blogBriefDbConnection(
    DB_NAME,
    early?.then((first) => first?.db ?? null),
  );
  let loaded: Promise<void> | null = null;
  let repaired: Promise<void> | null = null;
  /**
   * Right after install the background may still be loading the catalog; after a rolled-back update
   * the database was just created empty. Asked only when a read comes back empty, so the usual first
   * paint costs no extra round trip.
   */
  const catalogLoaded = (db: BlogBriefDb) =>
    (loaded ??= catalogMeta(db).then(async (meta) => {
      if (!meta) await askBackground('catalog:ready', {});
    }));
  async function read<T>(get: (db: BlogBriefDb) => Promise<T>, isEmpty: (value: T) => boolean): Promise<T> {
    try {
      const value = await get(await connection());
      if (!isEmpty(value)) return value;
      await catalogLoaded(await connection());
      return await get(await connection());
    } catch (error) {
      // A damaged cache is rebuilt by the background, once per popup, and read again.
      if (!(error instanceof DamagedCatalogError)) throw error;
      repaired ??= askBackground('catalog:repair', {});
      await repaired;
      return get(await connection());
    }
  }
  /** The brief of an article URL, if any. */
  async function postAt(url: string): Promise<Post | null> {
    // The bundled briefs are known here; a feed's are known to the background, asked only for an
    // article URL the bundled index does not hold.
    const postId =
      findPostId(url, urlIndex) ?? (urlKey(url) ? (await askBackground('post:find', { url })).postId : null);
    return postId
      ? ((await read(
          (db) => getPost(db, postId),
          (post) => post === undefined,
        )) ?? null)
      : null;
  }
  return {
    query: (query) =>
      read(
        async (db) => {
          // Taken once, by the first query, if it is for the page the early script read.
          const first = early && isFirstPage(query) && query.limit === PAGE_SIZE ? await early : null;
          early = undefined;
          return first?.page ? firstPageResult(first.page, PAGE_SIZE) : queryPosts(db, query);
        },
        (result) => result.total === 0,
      ),
    tagCounts: () => read(tagCounts, (counts) => counts.length === 0),
    async currentPost() {
      // The tab's URL is visible because opening the popup grants activeTab.
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.url ? postAt(tab.url) : null;
    },
    postAt,
  };
}
