/** The popup's view of the catalog: IndexedDB (through utils/db.ts) and the active tab. */
import urlIndex from 'virtual:url-index';
import { browser } from 'wxt/browser';
import type { CatalogSource } from '../../utils/browse-model';
import { type BlogBriefDb, catalogMeta, getPost, openBlogBriefDb, queryPosts, tagCounts } from '../../utils/db';
import { findPostId } from '../../utils/match';
import { askBackground } from '../../utils/messaging';

export function indexedDbCatalogSource(): CatalogSource {
  const opened = openBlogBriefDb();
  let loaded: Promise<void> | null = null;
  /**
   * Right after install the background may still be loading the catalog. Asked only when a read
   * comes back empty, so the usual first paint costs no extra round trip.
   */
  const catalogLoaded = (db: BlogBriefDb) =>
    (loaded ??= catalogMeta(db).then(async (meta) => {
      if (!meta) await askBackground('catalog:ready', {});
    }));
  async function read<T>(get: (db: BlogBriefDb) => Promise<T>, isEmpty: (value: T) => boolean): Promise<T> {
    const db = await opened;
    const value = await get(db);
    if (!isEmpty(value)) return value;
    await catalogLoaded(db);
    return get(db);
  }
  return {
    query: (query) =>
      read(
        (db) => queryPosts(db, query),
        (result) => result.total === 0,
      ),
    tagCounts: () => read(tagCounts, (counts) => counts.length === 0),
    async currentPost() {
      // The tab's URL is visible because opening the popup grants activeTab.
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const postId = tab?.url ? findPostId(tab.url, urlIndex) : null;
      return postId
        ? ((await read(
            (db) => getPost(db, postId),
            (post) => post === undefined,
          )) ?? null)
        : null;
    },
  };
}
