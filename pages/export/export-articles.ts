/**
 * What the reader takes away, gathered in an extension page (the options page): every article they
 * saved or annotated, with its catalog brief where there is one (read from IndexedDB through the
 * catalog source), their brief and highlights, and when they saved it. Newest activity first.
 */
import { urlKey } from '../../utils/catalog/match';
import type { ExportArticle } from '../../utils/export/markdown';
import type { ArticleNotes } from '../../utils/notes/own-notes';
import type { indexedDbCatalogSource } from '../browse/catalog-source';
import type { Favorite } from '../favorites-signals';

type Source = Pick<ReturnType<typeof indexedDbCatalogSource>, 'query' | 'postAt'>;

export async function gatherArticles(
  source: Source,
  favorites: readonly Favorite[],
  notes: readonly ArticleNotes[],
): Promise<ExportArticle[]> {
  const posts = favorites.length
    ? (await source.query({ ids: new Set(favorites.map((f) => f.id)), limit: favorites.length })).posts
    : [];
  const byId = new Map(posts.map((post) => [post.id, post]));
  const articles = new Map<string, ExportArticle & { at: number }>();
  for (const favorite of favorites) {
    const post = byId.get(favorite.id) ?? null;
    // A favorite whose post left the catalog: Medium's short link still opens the article.
    const url = post?.url ?? `https://medium.com/p/${favorite.id}`;
    const key = urlKey(url) ?? url;
    articles.set(key, {
      title: post?.title ?? favorite.title,
      url,
      blog: post?.blog ?? null,
      post,
      notes: null,
      savedAt: favorite.savedAt,
      at: favorite.savedAt,
    });
  }
  for (const note of notes) {
    const held = articles.get(note.article.key);
    if (held) {
      held.notes = note;
      held.at = Math.max(held.at, note.changedAt);
      continue;
    }
    const post = await source.postAt(note.article.url).catch(() => null);
    articles.set(note.article.key, {
      title: post?.title ?? note.article.title,
      url: post?.url ?? note.article.url,
      blog: note.article.blog,
      post,
      notes: note,
      savedAt: null,
      at: note.changedAt,
    });
  }
  return [...articles.values()].sort((a, b) => b.at - a.at).map(({ at: _at, ...article }) => article);
}
