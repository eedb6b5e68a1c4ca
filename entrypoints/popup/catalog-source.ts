/** The popup's view of the catalog: IndexedDB (through utils/db.ts) and the active tab. */
import urlIndex from 'virtual:url-index';
import { browser } from 'wxt/browser';
import type { CatalogSource } from '../../utils/browse-model';
import { catalogMeta, getPost, openBlogBriefDb, queryPosts, tagCounts } from '../../utils/db';
import { findPostId } from '../../utils/match';
import { askBackground } from '../../utils/messaging';

export function indexedDbCatalogSource(): CatalogSource {
  const ready = openBlogBriefDb().then(async (db) => {
    // Right after install the background may still be loading the catalog: wait for it rather than show "empty".
    if (!(await catalogMeta(db))) await askBackground('catalog:ready', {});
    return db;
  });
  return {
    query: async (query) => queryPosts(await ready, query),
    tagCounts: async () => tagCounts(await ready),
    async currentPost() {
      // The tab's URL is visible because opening the popup grants activeTab.
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const postId = tab?.url ? findPostId(tab.url, urlIndex) : null;
      return postId ? ((await getPost(await ready, postId)) ?? null) : null;
    },
  };
}
