/**
 * The popup's search and filters over the blogs' new articles: the same words as the catalog's search
 * (utils/search/words.ts, prefix matching), over the brief where there is one, else over what the
 * feed said (title, author, tags, lede). Pure; a few hundred articles, filtered in memory.
 */
import type { BlogId } from '../catalog/blogs';
import type { TagCount } from '../catalog/catalog-query';
import type { NewsRow } from '../messaging/protocol';
import { words as wordsOf } from '../search/words';

export interface NewsQuery {
  words: readonly string[];
  blog: BlogId | null;
  tags: readonly string[];
}

/** The texts of a row that search covers: its brief's, or the feed's. */
export function newsTexts({ article, post }: NewsRow): string[] {
  if (post) return [post.title, post.summary, ...post.bullets, ...post.tags, ...post.authors];
  return [article.title, article.author, article.lede, ...article.tags];
}

export function matchNews(rows: readonly NewsRow[], query: NewsQuery): NewsRow[] {
  return rows.filter((row) => {
    if (query.blog && row.article.blog !== query.blog) return false;
    const tags = new Set([...row.article.tags, ...(row.post?.tags ?? [])]);
    if (query.tags.some((tag) => !tags.has(tag))) return false;
    if (query.words.length === 0) return true;
    const present = [...new Set(newsTexts(row).flatMap(wordsOf))];
    return query.words.every((word) => present.some((w) => w.startsWith(word)));
  });
}

/** The tags of these rows (the feed's and the brief's), most used first: the "New" view's tag bar. */
export function newsTagCounts(rows: readonly NewsRow[]): TagCount[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    for (const tag of new Set([...row.article.tags, ...(row.post?.tags ?? [])]))
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
