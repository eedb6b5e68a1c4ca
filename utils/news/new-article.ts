/**
 * An article of one of the three blogs, as its own RSS feed announced it (utils/news/rss.ts): what
 * the popup's "New" view shows where no brief exists. Pure types and limits.
 */
import type { BlogId } from '../catalog/blogs';

export interface NewArticle {
  /** The Medium post id: the same id a catalog brief of the article has. */
  id: string;
  blog: BlogId;
  title: string;
  /** Canonical: https, on the blog's hosts, no query (Medium's `?source=rss…`) nor fragment. */
  url: string;
  author: string;
  /** Publication time, ms since the epoch. */
  published: number;
  tags: string[];
  /** The opening of the article, plain text (utils/news/html-text.ts). */
  lede: string;
  readingMinutes: number;
  /** When Blog Brief first stored it: "new" means stored after the reader last marked all as seen. */
  fetchedAt: number;
  seen: boolean;
}

/** Text limits: a feed's text is cut to these, so one item cannot fill the cache. */
export const NEW_ARTICLE_LIMITS = { title: 300, author: 120, tag: 40, tags: 10, lede: 280 } as const;

/** How many articles of each blog are kept: far beyond the 10 a Medium feed holds. */
export const KEPT_PER_BLOG = 200;
