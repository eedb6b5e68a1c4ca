/**
 * The reader's notes (utils/notes/own-notes.ts), in the background: what every view reads them
 * through, and their intents, checked and turned into writes for the one writer of synced data
 * (background/sync/sync-writer.ts). After every change, here or arriving through sync, the annotated
 * articles' content script is registered again (./annotated-articles.ts) and the blogs' tabs are told.
 *
 * Keys (utils/storage/synced-data.ts): the article, its brief, and one key per highlight, so that two
 * profiles' highlights merge and a brief edited on both keeps the later edit.
 */
import type { NotesImportResult, NotesReceipt, NotesTabMessage } from '../../utils/messaging/protocol';
import {
  type ArticleNotes,
  type ArticleRef,
  type Highlight,
  isArticleRef,
  isHighlight,
  isOwnBrief,
  NOTE_LIMITS,
  type OwnBrief,
} from '../../utils/notes/own-notes';
import { notesFromAreas } from '../../utils/storage/notes-reader';
import {
  ARTICLE_PREFIX,
  articleKey,
  BRIEF_PREFIX,
  briefKey,
  HIGHLIGHT_PREFIX,
  highlightKey,
  highlightPrefix,
  isNotesKey,
  toStoredArticle,
  toStoredBrief,
  toStoredHighlight,
} from '../../utils/storage/synced-data';
import { syncNoticeText } from '../../utils/text/sync-notice';
import type { StorageAreaLike, SyncWriter } from '../sync/sync-writer';

export interface NotesServiceDeps {
  writer: SyncWriter;
  storage: { sync: StorageAreaLike; local: StorageAreaLike };
  /** Tells the blogs' tabs (and the notes code on them) that an article's notes changed. */
  broadcast: (message: NotesTabMessage) => void;
  /** Every annotated article, after a change: registers the content script that shows them. */
  annotatedChanged: (articles: ArticleRef[]) => Promise<void>;
}

const REFUSED: NotesReceipt = { ok: false, error: 'invalid', notice: null };

export function createNotesService({ writer, storage, broadcast, annotatedChanged }: NotesServiceDeps) {
  let lastFailure = false;

  const all = async (): Promise<ArticleNotes[]> => {
    await writer.ready;
    const [syncItems, localItems] = await Promise.all([storage.sync.get(null), storage.local.get(null)]);
    return notesFromAreas(syncItems, localItems, writer.latest, [
      ...writer.heldKeys(ARTICLE_PREFIX),
      ...writer.heldKeys(BRIEF_PREFIX),
      ...writer.heldKeys(HIGHLIGHT_PREFIX),
    ]);
  };
  const one = async (article: string) => (await all()).find((notes) => notes.article.key === article) ?? null;

  const notice = (): string | null => {
    if (lastFailure) return syncNoticeText({ kind: 'device-full' });
    const { saves, status } = writer.waiting();
    return status && saves.some(isNotesKey) ? syncNoticeText({ kind: status.reason, localOnly: 0 }) : null;
  };

  /** Writes, then tells: the article's tabs redraw, and the registered pages are brought up to date. */
  const write = async (article: string, writes: Map<string, unknown>): Promise<NotesReceipt> => {
    const receipt = await writer.write(writes);
    lastFailure = !receipt.ok && receipt.error === 'local-full';
    await changed([article]);
    return { ...receipt, notice: notice() };
  };

  /**
   * One registration at a time, each from what storage holds when it starts: two at once would both
   * find no script registered and both register it (the browser refuses the second).
   */
  let registering: Promise<void> = Promise.resolve();
  const register = () => {
    const next = registering.then(async () => annotatedChanged((await all()).map((notes) => notes.article)));
    registering = next.catch(() => undefined);
    return next;
  };

  const changed = async (articles: string[]) => {
    for (const article of articles) broadcast({ type: 'notes:changed', article });
    await register();
  };

  /** Whether the article keeps a brief or a highlight once the key `without` is gone. */
  const keepsAnything = (article: string, without: string) =>
    [briefKey(article), ...writer.heldKeys(highlightPrefix(article))].some(
      (key) => key !== without && writer.holds(key),
    );

  return {
    all,
    get: one,
    async saveBrief(article: unknown, brief: unknown): Promise<NotesReceipt> {
      if (!isArticleRef(article) || (brief !== null && !isOwnBrief(brief))) return REFUSED;
      const writes = new Map<string, unknown>();
      if (brief === null) {
        writes.set(briefKey(article.key), null);
        if (!keepsAnything(article.key, briefKey(article.key))) writes.set(articleKey(article.key), null);
      } else {
        writes.set(articleKey(article.key), toStoredArticle(article));
        writes.set(briefKey(article.key), toStoredBrief(brief as OwnBrief));
      }
      return write(article.key, writes);
    },
    async addHighlight(article: unknown, highlight: unknown): Promise<NotesReceipt> {
      if (!isArticleRef(article) || !isHighlight(highlight)) return REFUSED;
      await writer.ready;
      if (writer.heldKeys(highlightPrefix(article.key)).length >= NOTE_LIMITS.highlights) return REFUSED;
      return write(
        article.key,
        new Map<string, unknown>([
          [articleKey(article.key), toStoredArticle(article)],
          [highlightKey(article.key, highlight.id), toStoredHighlight(highlight as Highlight)],
        ]),
      );
    },
    async removeHighlight(article: unknown, id: unknown): Promise<NotesReceipt> {
      if (typeof article !== 'string' || typeof id !== 'string') return REFUSED;
      await writer.ready;
      const key = highlightKey(article, id);
      const writes = new Map<string, unknown>([[key, null]]);
      if (!keepsAnything(article, key)) writes.set(articleKey(article), null);
      return write(article, writes);
    },
    /**
     * Merges the notes of a favorites file (utils/backup/favorites-file.ts) into the reader's: a
     * highlight is added unless its id is already there; a brief replaces this profile's only when
     * the file's is later (as sync itself would). Entries are checked again: the file came from
     * anywhere.
     */
    async importNotes(entries: unknown): Promise<NotesImportResult> {
      const result: NotesImportResult = { added: 0, alreadyThere: 0, refused: 0, notice: null, ok: true };
      if (!Array.isArray(entries)) return { ...result, ok: false };
      const here = new Map((await all()).map((notes) => [notes.article.key, notes]));
      const writes = new Map<string, unknown>();
      const articles: string[] = [];
      for (const entry of entries as Partial<ArticleNotes>[]) {
        const { article, brief, highlights } = entry ?? {};
        if (!isArticleRef(article) || !Array.isArray(highlights)) {
          result.refused++;
          continue;
        }
        const existing = here.get(article.key);
        const fresh: [string, unknown][] = [];
        if (brief) {
          if (!isOwnBrief(brief)) result.refused++;
          else if (existing?.brief && existing.brief.updatedAt >= brief.updatedAt) result.alreadyThere++;
          else fresh.push([briefKey(article.key), toStoredBrief(brief)]);
        }
        const ids = new Set(existing?.highlights.map((h) => h.id));
        for (const highlight of highlights) {
          if (!isHighlight(highlight)) result.refused++;
          else if (ids.has(highlight.id)) result.alreadyThere++;
          else if (ids.size >= NOTE_LIMITS.highlights) result.refused++;
          else {
            ids.add(highlight.id);
            fresh.push([highlightKey(article.key, highlight.id), toStoredHighlight(highlight)]);
          }
        }
        if (!fresh.length) continue;
        result.added += fresh.length;
        articles.push(article.key);
        writes.set(articleKey(article.key), toStoredArticle(article));
        for (const [key, value] of fresh) writes.set(key, value);
      }
      if (!writes.size) return result;
      const receipt = await writer.write(writes);
      lastFailure = !receipt.ok && receipt.error === 'local-full';
      await changed(articles);
      return { ...result, ok: receipt.ok, notice: notice() };
    },
    /** storage.onChanged: notes changed through sync (another profile), or in the outbox. */
    storageChanged(changes: Record<string, unknown>, area: string) {
      if (area !== 'sync') return;
      const articles = new Set<string>();
      for (const key of Object.keys(changes)) {
        if (!isNotesKey(key)) continue;
        const rest = key.slice(key.indexOf(':') + 1);
        articles.add(key.startsWith(HIGHLIGHT_PREFIX) ? rest.slice(0, rest.lastIndexOf(':')) : rest);
      }
      if (articles.size) void changed([...articles]).catch(() => undefined);
    },
    /** At start: the registered script matches what storage holds (it may have changed while stopped). */
    refreshRegistration: register,
  };
}

export type NotesService = ReturnType<typeof createNotesService>;
