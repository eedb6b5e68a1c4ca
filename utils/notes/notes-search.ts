/**
 * The popup's search over the reader's notes: the same words as the catalog's search
 * (utils/search/words.ts, prefix matching), over the article's title, the reader's brief, their
 * highlights and the notes on them. Pure. The reader's notes are few (sync holds a few hundred at
 * most), so they are filtered in memory rather than indexed.
 */
import type { BlogId } from '../catalog/blogs';
import { words as wordsOf } from '../search/words';
import type { ArticleNotes } from './own-notes';

export interface NotesQuery {
  words: readonly string[];
  blog: BlogId | null;
  tags: readonly string[];
}

/** The texts of one article's notes that search covers, the title first. */
export function notesTexts(notes: ArticleNotes): string[] {
  return [
    notes.article.title,
    notes.brief?.why ?? '',
    ...(notes.brief?.points ?? []),
    ...(notes.brief?.tags ?? []),
    ...notes.highlights.flatMap((h) => [h.exact, h.note]),
  ].filter(Boolean);
}

export function matchNotes(all: readonly ArticleNotes[], query: NotesQuery): ArticleNotes[] {
  return all.filter((notes) => {
    if (query.blog && notes.article.blog !== query.blog) return false;
    if (query.tags.some((tag) => !(notes.brief?.tags ?? []).includes(tag))) return false;
    if (query.words.length === 0) return true;
    const present = new Set(notesTexts(notes).flatMap(wordsOf));
    return query.words.every((word) => [...present].some((w) => w.startsWith(word)));
  });
}
