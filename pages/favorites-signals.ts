/**
 * The reader's favorites for the extension's own pages (popup, options, side panel): the plain state
 * of utils/storage/favorites-reader.ts seen through signals, so a component that reads `list`, `ids` or
 * `problem` re-renders when they change (Preact's signal integration), and the import of a favorites
 * file. The panels on the blogs' pages hold no favorites state: the background tells them their
 * star (background/panel-stars.ts).
 */
import { computed, type ReadonlySignal, signal } from '@preact/signals-core';
import { browser } from 'wxt/browser';
import { askBackground } from '../utils/messaging/protocol';
import {
  createFavoritesState,
  type Favorite,
  type FavoriteAreas,
  type FavoritesDeps,
  type FavoritesState,
} from '../utils/storage/favorites-reader';
import { MAX_TITLE_LENGTH } from '../utils/storage/synced-data';

export type { Favorite, FavoritesDeps } from '../utils/storage/favorites-reader';

export interface ImportResult {
  /** New favorites stored (in sync or kept on this device). */
  added: number;
  alreadySaved: number;
  /** Of `added`, how many wait on this device because sync could not take them. */
  keptOnDevice: number;
  /** New favorites that could not be stored at all, with the reason in plain words. */
  notStored: number;
}

/** A favorites store's storage and transport in an extension page: it reads storage, the background writes. */
export function favoritesViaBackground(): FavoritesDeps {
  return {
    storage: browser.storage as unknown as FavoritesDeps['storage'],
    send: {
      save: (favorites) => askBackground('favorites:save', { favorites }),
      unsave: (ids) => askBackground('favorites:unsave', { ids }),
    },
  };
}

/** Favorites sent to the background per message during an import: progress moves on per chunk. */
const IMPORT_CHUNK = 1_000;

export function createFavorites(deps: FavoritesDeps, firstRead?: Promise<FavoriteAreas>) {
  const state = createFavoritesState(deps, firstRead);
  /** Counted up on every change of the state: what the signals below depend on. */
  const version = signal(0);
  state.subscribe(() => version.value++);
  const list = computed(() => {
    void version.value;
    return state.list();
  });
  const ids = computed(() => {
    void version.value;
    return state.ids();
  });
  const problem: ReadonlySignal<string | null> = computed(() => {
    void version.value;
    return state.problem();
  });

  return {
    list,
    ids,
    problem,
    ready: state.ready,
    isSaved: (id: string) => ids.value.has(id),
    save: state.save,
    unsave: state.unsave,
    toggle: state.toggle,
    /**
     * Adds favorites that are not saved yet, keeping their saved times, in chunks so a file of any
     * size neither freezes the page nor goes to the background as one huge message.
     */
    importFavorites: (
      favorites: readonly Pick<Favorite, 'id' | 'title' | 'savedAt'>[],
      onProgress: (done: number, total: number) => void = () => {},
    ) => importFavorites(state, deps.send, () => ids.peek(), favorites, onProgress),
    dispose: state.dispose,
    resume: state.resume,
  };
}

export type FavoritesStore = ReturnType<typeof createFavorites>;

async function importFavorites(
  state: FavoritesState,
  send: FavoritesDeps['send'],
  savedIds: () => ReadonlySet<string>,
  favorites: readonly Pick<Favorite, 'id' | 'title' | 'savedAt'>[],
  onProgress: (done: number, total: number) => void,
): Promise<ImportResult> {
  await state.ready;
  const known = savedIds();
  const seen = new Set<string>();
  const fresh = favorites.filter((f) => !known.has(f.id) && !seen.has(f.id) && seen.add(f.id));
  const result: ImportResult = {
    added: 0,
    alreadySaved: favorites.length - fresh.length,
    keptOnDevice: 0,
    notStored: 0,
  };
  // All chunks are sent at once: the writer folds those that arrive within its batch window into
  // one write, and each receipt moves the progress on.
  let done = 0;
  const chunks: (typeof fresh)[] = [];
  for (let start = 0; start < fresh.length; start += IMPORT_CHUNK)
    chunks.push(fresh.slice(start, start + IMPORT_CHUNK));
  await Promise.all(
    chunks.map(async (chunk) => {
      const favorites = chunk.map(({ id, title, savedAt }) => ({
        id,
        title: title.slice(0, MAX_TITLE_LENGTH),
        savedAt,
      }));
      const receipt = await send.save(favorites).catch(() => null);
      if (receipt?.ok) {
        result.added += chunk.length;
        result.keptOnDevice += receipt.kept;
      } else {
        const synced = receipt && 'synced' in receipt ? receipt.synced : 0;
        result.added += synced;
        result.notStored += chunk.length - synced;
        state.fail(receipt ? { kind: 'device-full' } : { kind: 'disconnected' });
      }
      done += chunk.length;
      onProgress(done, fresh.length);
    }),
  );
  return result;
}
