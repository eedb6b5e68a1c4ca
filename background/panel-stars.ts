/**
 * The star of the panels on the blogs' pages, answered by the background: whether a post is saved,
 * what the reader should know about sync, and the reader's save or unsave, applied through the one
 * writer. The background holds the favorites state (utils/storage/favorites-reader.ts); the pages hold only
 * what their star shows. So the code injected into every article carries no storage reading, no
 * storage layout and no sync wording, and the page makes no storage call of its own
 * (docs/decisions.md, 2026-11-30, third session: bytes and milliseconds on every article).
 *
 * Changes made anywhere (another tab's panel, the popup, another profile through sync) reach the open
 * panels as one message to the blogs' tabs, sent only when what a star shows changed.
 */
import type { FavoritesState } from '../utils/storage/favorites-reader';

/** What a panel's star shows. */
export interface PanelFavorite {
  saved: boolean;
  /** A sync problem in plain words (utils/text/sync-notice.ts); null when all is well. */
  notice: string | null;
}

/** Background -> the blogs' tabs, after favorites changed: every saved id, and the notice. */
export interface FavoritesChanged {
  type: 'favorites:changed';
  saved: string[];
  notice: string | null;
}

export function createPanelFavorites(
  state: FavoritesState,
  broadcast: (message: FavoritesChanged) => void,
  lookUpTitle: (postId: string) => Promise<string | undefined>,
) {
  /** What the panels were last told (or what they read at their start). */
  let told = '';
  /** Saves and unsaves being applied: the panels are told once they settle, never of a half-done change. */
  let applying = 0;
  let scheduled: ReturnType<typeof setTimeout> | undefined;

  const snapshot = () => {
    const saved = [...state.ids()].sort();
    const notice = state.problem();
    return { message: { type: 'favorites:changed', saved, notice } as FavoritesChanged, key: `${saved}|${notice}` };
  };
  const tell = () => {
    scheduled = undefined;
    if (applying > 0) return;
    const { message, key } = snapshot();
    if (key === told) return;
    told = key;
    broadcast(message);
  };
  // A change arrives as several steps (storage's onChanged per area, a receipt): told once, after them.
  const schedule = () => {
    clearTimeout(scheduled);
    scheduled = setTimeout(tell, 0);
  };
  void state.ready.then(() => {
    told = snapshot().key;
    state.subscribe(schedule);
  });

  const view = (postId: string): PanelFavorite => ({ saved: state.isSaved(postId), notice: state.problem() });

  return {
    async get(postId: string): Promise<PanelFavorite> {
      await state.ready;
      return view(postId);
    },
    /**
     * The reader's save (saved: true) or unsave of a post. The title stored with the favorite is the
     * catalog's, not the page's word for it. Asking for what already holds changes nothing, so a
     * double click or a repeated message cannot undo itself.
     */
    async set(postId: string, saved: boolean): Promise<PanelFavorite> {
      await state.ready;
      if (state.isSaved(postId) === saved) return view(postId);
      applying++;
      try {
        if (saved) {
          const title = await lookUpTitle(postId);
          if (title !== undefined) await state.save({ id: postId, title });
        } else {
          await state.unsave(postId);
        }
      } finally {
        applying--;
        schedule();
      }
      return view(postId);
    },
    dispose() {
      clearTimeout(scheduled);
      state.dispose();
    },
  };
}

export type PanelFavorites = ReturnType<typeof createPanelFavorites>;
