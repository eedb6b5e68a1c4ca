/**
 * The reader's notes (utils/notes/own-notes.ts) as every view reads them: what storage.sync holds,
 * with the outbox laid over it (what the one writer accepted and sync has not taken yet: kept on this
 * device, shown as done). Pure over the two areas' items, so the background, the popup and the
 * tests read them the same way. Layout: utils/storage/synced-data.ts.
 */
import { type ArticleNotes, inPageOrder } from '../notes/own-notes';
import {
  ARTICLE_PREFIX,
  BRIEF_PREFIX,
  fromStoredArticle,
  fromStoredBrief,
  fromStoredHighlight,
  HIGHLIGHT_PREFIX,
  isNotesKey,
  isOutboxEntry,
  OUTBOX_PREFIX,
} from './synced-data';

/**
 * Every annotated article, newest change first. `latest` gives a write accepted but not yet stored
 * (the sync writer's own view, background/sync/sync-writer.ts), where the caller has one.
 */
export function notesFromAreas(
  syncItems: Record<string, unknown>,
  localItems: Record<string, unknown>,
  latest?: (key: string) => { value: unknown } | undefined,
  pendingKeys: readonly string[] = [],
): ArticleNotes[] {
  const items = new Map<string, unknown>();
  for (const [key, value] of Object.entries(syncItems)) if (isNotesKey(key)) items.set(key, value);
  for (const [key, value] of Object.entries(localItems)) {
    if (!key.startsWith(OUTBOX_PREFIX) || !isOutboxEntry(value)) continue;
    const syncKey = key.slice(OUTBOX_PREFIX.length);
    if (isNotesKey(syncKey)) items.set(syncKey, value.v);
  }
  if (latest) {
    for (const key of new Set([...items.keys(), ...pendingKeys])) {
      const waiting = latest(key);
      if (waiting) items.set(key, waiting.value);
    }
  }
  return notesFromItems(items);
}

export function notesFromItems(items: ReadonlyMap<string, unknown>): ArticleNotes[] {
  const byArticle = new Map<string, ArticleNotes>();
  for (const [key, value] of items) {
    if (!key.startsWith(ARTICLE_PREFIX) || value === null) continue;
    const article = fromStoredArticle(key.slice(ARTICLE_PREFIX.length), value);
    if (article) byArticle.set(article.key, { article, brief: null, highlights: [], changedAt: 0 });
  }
  for (const [key, value] of items) {
    if (value === null) continue;
    if (key.startsWith(BRIEF_PREFIX)) {
      const notes = byArticle.get(key.slice(BRIEF_PREFIX.length));
      const brief = fromStoredBrief(value);
      if (notes && brief) {
        notes.brief = brief;
        notes.changedAt = Math.max(notes.changedAt, brief.updatedAt);
      }
    } else if (key.startsWith(HIGHLIGHT_PREFIX)) {
      const split = key.lastIndexOf(':');
      const notes = byArticle.get(key.slice(HIGHLIGHT_PREFIX.length, split));
      const highlight = fromStoredHighlight(key.slice(split + 1), value);
      if (notes && highlight) {
        notes.highlights.push(highlight);
        notes.changedAt = Math.max(notes.changedAt, highlight.createdAt);
      }
    }
  }
  const all = [...byArticle.values()].filter((n) => n.brief || n.highlights.length);
  for (const notes of all) notes.highlights = inPageOrder(notes.highlights);
  return all.sort((a, b) => b.changedAt - a.changedAt);
}
