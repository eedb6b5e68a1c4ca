/**
 * The blogs' new articles in the cache (IndexedDB stores `news` and `newsFeeds`, created by
 * utils/storage/catalog-db.ts's upgrade): the only module that reads and writes them. Written by the
 * background's news service after each check of a blog's feed; read by it for the popup.
 */
import type { BlogId } from '../catalog/blogs';
import { KEPT_PER_BLOG, type NewArticle } from '../news/new-article';
import type { ParsedFeed } from '../news/rss';
import type { BlogBriefDb } from './catalog-db';
import type { NewsFeedStatus } from './catalog-db-schema';

export type { NewsFeedStatus } from './catalog-db-schema';

export function getNewsStatus(db: BlogBriefDb): Promise<NewsFeedStatus[]> {
  return db.getAll('newsFeeds');
}

export async function putNewsStatus(db: BlogBriefDb, status: NewsFeedStatus): Promise<void> {
  await db.put('newsFeeds', status);
}

/**
 * A good copy of a blog's feed, with its status, in one transaction: articles already held keep when
 * they were first stored and whether they were seen (a feed re-announces its last 10 on every
 * check); new ones are unseen. Beyond KEPT_PER_BLOG, the blog's oldest go. Returns how many were new.
 */
export async function storeNewArticles(
  db: BlogBriefDb,
  blog: BlogId,
  articles: ParsedFeed['articles'],
  status: NewsFeedStatus,
  now: number,
): Promise<number> {
  const tx = db.transaction(['news', 'newsFeeds'], 'readwrite');
  const store = tx.objectStore('news');
  let added = 0;
  for (const article of articles) {
    const held = await store.get(article.id);
    if (held && held.blog !== blog) continue; // one blog's feed cannot rewrite another's article
    if (!held) added++;
    await store.put({ ...article, fetchedAt: held?.fetchedAt ?? now, seen: held?.seen ?? false });
  }
  const all = await store.index('blog').getAll(blog);
  all.sort((a, b) => b.published - a.published);
  for (const old of all.slice(KEPT_PER_BLOG)) await store.delete(old.id);
  await tx.objectStore('newsFeeds').put(status);
  await tx.done;
  return added;
}

/** Every article kept, newest first. */
export async function listNewArticles(db: BlogBriefDb): Promise<NewArticle[]> {
  return (await db.getAll('news')).sort((a, b) => b.published - a.published);
}

/** "Mark all as seen". */
export async function markAllSeen(db: BlogBriefDb): Promise<void> {
  const tx = db.transaction('news', 'readwrite');
  for (const article of await tx.store.getAll()) if (!article.seen) await tx.store.put({ ...article, seen: true });
  await tx.done;
}
