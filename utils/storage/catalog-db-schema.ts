/**
 * The catalog database's shape, defined once: its name, its version and its stores' rows. Both
 * readers of the database take it from here: utils/storage/catalog-db.ts (idb, the owner: upgrades,
 * loading, queries) and utils/storage/catalog-db-first-page.ts (IndexedDB's own API, for the popup's
 * head script).
 */
import type { DBSchema } from 'idb';
import type { Post } from '../catalog/catalog-schema';
import type { FeedRecord } from '../catalog/catalog-sources';
import type { SearchIndex } from '../search/search-index';

export const DB_NAME = 'blog-brief';
export const DB_VERSION = 3;

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
}
