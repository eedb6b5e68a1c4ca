/**
 * The questions the popup asks of the catalog, and the answers: shared by the views and by the
 * module that answers them from IndexedDB (utils/storage/catalog-db.ts), so no view depends on the database.
 */
import type { BlogId } from './blogs';
import type { Post } from './catalog-schema';

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

export interface TagCount {
  tag: string;
  count: number;
}
