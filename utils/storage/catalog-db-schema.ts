/**
 * The catalog database's shape, defined once: its name, its version and its stores' rows. Both
 * readers of the database take it from here: utils/storage/catalog-db.ts (idb, the owner: upgrades,
 * loading, queries) and utils/storage/catalog-db-first-page.ts (IndexedDB's own API, for the popup's
 * head script).
 */
import type { DBSchema } from 'idb';
import type { Post } from '../catalog/catalog-schema';
import type { FeedRecord } from '../catalog/catalog-sources';
import type { NewArticle } from '../news/new-article';
import type { RefusedReason } from '../news/rss';
import type { SearchIndex } from '../search/search-index';

export const DB_NAME = 'blog-brief';
export const DB_VERSION = 4;

export type StoredPost = Post & { rank: number };

export interface CatalogMeta {
  version: number;
  /** The sources merged into the cached posts (catalog-sources.ts sourcesSignature). */
  sources?: string;
  count: number;
  loadedAt: number;
}

export interface BlogBriefSchema extends DBSchema {
  posts: { key: number; value: StoredPost; indexes: { id: string } };
  search: { key: 'index'; value: SearchIndex };
  meta: { key: 'catalog'; value: CatalogMeta };
  feeds: { key: string; value: FeedRecord };
  news: { key: string; value: NewArticle; indexes: { blog: string } };
  newsFeeds: { key: string; value: NewsFeedStatus };
}

/** What Blog Brief knows of one blog's own RSS feed (utils/storage/news-db.ts). */
export interface NewsFeedStatus {
  blog: string;
  etag?: string;
  lastModified?: string;
  checkedAt?: number;
  /** The last check that brought articles. */
  updatedAt?: number;
  /** What went wrong at the last check, in words; absent when it went well. */
  problem?: string;
  /** Items the last good copy of the feed left out, by reason. */
  refused?: Partial<Record<RefusedReason, number>>;
  failures: number;
  nextCheckAt: number;
}
