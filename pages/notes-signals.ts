/**
 * The reader's notes as the extension's pages show them (the popup's "Your notes"): read through
 * the background, which lays what the sync writer holds over storage (background/notes), and read
 * again whenever storage changes (a save here, in a panel's frame, or through sync).
 */
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { askBackground } from '../utils/messaging/protocol';
import type { ArticleNotes } from '../utils/notes/own-notes';
import { isNotesKey, OUTBOX_PREFIX } from '../utils/storage/synced-data';

export function createNotesList(list: () => Promise<ArticleNotes[]> = () => askBackground('notes:list', {})) {
  const all = signal<readonly ArticleNotes[]>([]);
  const read = () =>
    list().then(
      (notes) => (all.value = notes),
      () => undefined,
    );
  const onChanged = (changes: Record<string, unknown>) => {
    if (Object.keys(changes).some((key) => isNotesKey(key) || key.startsWith(OUTBOX_PREFIX))) void read();
  };
  browser.storage.onChanged.addListener(onChanged);
  return {
    all,
    ready: read(),
    /** The URL keys of every annotated article: the catalog's rows mark them. */
    keys: () => new Set(all.value.map((notes) => notes.article.key)),
    dispose: () => browser.storage.onChanged.removeListener(onChanged),
  };
}

export type NotesList = ReturnType<typeof createNotesList>;
