/** A CatalogSource over fake-indexeddb, loaded with the real catalog: popup tests query the real db module. */
import type { CatalogSource } from '../pages/browse/browse-model';
import type { Post } from '../utils/catalog/catalog-schema';
import { getPost, loadCatalog, openBlogBriefDb, queryPosts, tagCounts } from '../utils/storage/catalog-db';
import { catalogPosts } from './fixtures';

export async function testCatalogSource(currentPostId: string | null = null): Promise<CatalogSource> {
  const db = await openBlogBriefDb(`popup-test-${Math.random()}`);
  await loadCatalog(db, { version: 1, posts: catalogPosts });
  return {
    query: (query) => queryPosts(db, query),
    tagCounts: () => tagCounts(db),
    currentPost: async (): Promise<Post | null> =>
      currentPostId ? ((await getPost(db, currentPostId)) ?? null) : null,
  };
}
