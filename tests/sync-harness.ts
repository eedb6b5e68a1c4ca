/**
 * One browser profile as the extension runs in it: storage with Chrome's quotas, the background's sync
 * writer, and any number of views (panels, popup, options) whose intents reach the writer the way
 * runtime messages do: copied, checked by background/sync/write-intents.ts, answered with a receipt.
 */
import { afterEach } from 'vitest';
import { createPanelFavorites, type FavoritesChanged, type PanelFavorites } from '../background/panel-stars';
import {
  createSyncWriter,
  type SyncWriter,
  type SyncWriterOptions,
  type WriteReceipt,
} from '../background/sync/sync-writer';
import { applyIntent, type WriteIntent } from '../background/sync/write-intents';
import { createFavorites, type FavoritesStore } from '../pages/favorites-signals';
import { createFavoritesState, type FavoritesDeps, type FavoritesState } from '../utils/storage/favorites-reader';
import { type MemoryProfile, memoryProfile } from './memory-storage';

export interface ExtensionProfile {
  storage: MemoryProfile;
  writer: SyncWriter;
  /** A new view (a tab's panel, the popup…) with its own favorites store. */
  view(): FavoritesStore;
  /** A new view of the plain state, without signals: what the background holds for the panels. */
  plainView(): FavoritesState;
  /** The background's side of the panels' stars, telling `broadcast` what the blogs' tabs would get. */
  panelFavorites(broadcast: (message: FavoritesChanged) => void, titles?: Record<string, string>): PanelFavorites;
  setSettings(changes: Record<string, boolean>): Promise<WriteReceipt>;
}

const made: { dispose(): void }[] = [];
afterEach(() => {
  for (const thing of made.splice(0)) thing.dispose();
});

export function extensionProfile(options: SyncWriterOptions & { storage?: MemoryProfile } = {}): ExtensionProfile {
  const now = options.now ?? Date.now;
  const storage = options.storage ?? memoryProfile({ now });
  const writer = createSyncWriter(storage, { batchMs: 0, ...options });
  made.push(writer);
  // Copied, as a runtime message is, and checked as the background checks it.
  const send = (intent: WriteIntent) => applyIntent(writer, structuredClone(intent), now());
  const deps: FavoritesDeps = {
    storage,
    now,
    send: {
      save: async (favorites) => send({ type: 'favorites:save', favorites }),
      unsave: async (ids) => send({ type: 'favorites:unsave', ids }),
    },
  };
  return {
    storage,
    writer,
    view() {
      const store = createFavorites(deps);
      made.push(store);
      return store;
    },
    plainView() {
      const state = createFavoritesState(deps);
      made.push(state);
      return state;
    },
    panelFavorites(broadcast, titles = {}) {
      const favorites = createPanelFavorites(createFavoritesState(deps), broadcast, async (id) => titles[id]);
      made.push(favorites);
      return favorites;
    },
    setSettings: async (changes) => send({ type: 'settings:set', changes }),
  };
}

/** A post-like value with a valid Medium post id. */
export function post(i: number, title = `Post ${i}`): { id: string; title: string } {
  return { id: i.toString(16).padStart(12, '0'), title };
}
