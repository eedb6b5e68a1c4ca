/**
 * The only module that touches favorites storage, and the signals the UI reads.
 *
 * storage.sync, which browser sync replicates key by key with the last writer winning per key:
 *   `fav:<postId>` -> { t: title, s: savedAt }   one key per favorite, so two profiles that save
 *                                                different posts before syncing both keep both;
 *                                                unsaving removes the key.
 * storage.local:
 *   `fav-local:<postId>` -> same value           a favorite sync refused (full, too many writes, an
 *                                                error). Kept here, shown, and moved to sync when
 *                                                there is room again. Nothing is dropped silently.
 *
 * Values are kept small (post id in the key, title and saved time in the value; the title so a
 * favorite still shows if its post leaves the catalog). Bursts of changes are written in one call.
 */
// signals-core, not @preact/signals: the panel (injected into the blogs' pages) subscribes without
// Preact's signal integration; the popup's components, which use it, see the very same signals.
import { batch, computed, signal } from '@preact/signals-core';
import { browser } from 'wxt/browser';
import { fitWrites, itemBytes, WriteRateLimiter } from './sync-quota';

export const SYNC_PREFIX = 'fav:';
export const LOCAL_PREFIX = 'fav-local:';
/** Long enough for any real title, short enough that a favorite never nears the per-item quota. */
export const MAX_TITLE_LENGTH = 300;

export interface Favorite {
  id: string;
  title: string;
  /** ms since the epoch. */
  savedAt: number;
  /** True while the favorite is kept on this device only because sync refused it. */
  localOnly: boolean;
}

interface StoredFavorite {
  t: string;
  s: number;
}

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;

export interface StorageAreaLike {
  get(keys: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** The slice of `browser.storage` favorites need; tests pass two of these to play two profiles. */
export interface FavoritesStorage {
  sync: StorageAreaLike;
  local: StorageAreaLike;
  onChanged: {
    addListener(listener: (changes: Changes, areaName: string) => void): void;
    removeListener(listener: (changes: Changes, areaName: string) => void): void;
  };
}

export interface FavoritesOptions {
  /** Changes closer together than this are written in one call. */
  batchMs?: number;
  now?: () => number;
}

function toStored(favorite: Pick<Favorite, 'title' | 'savedAt'>): StoredFavorite {
  return { t: favorite.title.slice(0, MAX_TITLE_LENGTH), s: favorite.savedAt };
}

function fromStored(id: string, value: unknown, localOnly: boolean): Favorite | null {
  if (typeof value !== 'object' || value === null) return null;
  const { t, s } = value as Partial<StoredFavorite>;
  if (typeof t !== 'string' || typeof s !== 'number') return null;
  return { id, title: t, savedAt: s, localOnly };
}

export function createFavorites(
  storage: FavoritesStorage = browser.storage as unknown as FavoritesStorage,
  options: FavoritesOptions = {},
) {
  const batchMs = options.batchMs ?? 250;
  const now = options.now ?? Date.now;
  const synced = signal<ReadonlyMap<string, Favorite>>(new Map());
  const localOnly = signal<ReadonlyMap<string, Favorite>>(new Map());
  /** What the reader should know about sync, in plain words; null when all is well. */
  const problem = signal<string | null>(null);

  /** Every favorite, newest saved first; a local-only copy stands in until sync takes it. */
  const list = computed(() => {
    const all = new Map(synced.value);
    for (const [id, favorite] of localOnly.value) if (!all.has(id)) all.set(id, favorite);
    return [...all.values()].sort((a, b) => b.savedAt - a.savedAt);
  });
  const ids = computed(() => new Set(list.value.map((f) => f.id)));

  /** Bytes of every storage.sync item, settings included: they share the quota. */
  const syncUsage = new Map<string, number>();
  const limiter = new WriteRateLimiter();
  /** Changes not yet written: a favorite to save, or null to unsave. */
  const pending = new Map<string, Favorite | null>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** A later attempt after a refused or rate-limited write. */
  let retry: ReturnType<typeof setTimeout> | undefined;
  let lastFlush = -Infinity;
  let flushing: Promise<void> = Promise.resolve();

  function update(target: typeof synced, id: string, favorite: Favorite | null) {
    const next = new Map(target.value);
    if (favorite) next.set(id, favorite);
    else next.delete(id);
    target.value = next;
  }

  const onChanged = (changes: Changes, area: string) => {
    batch(() => {
      for (const [key, { newValue }] of Object.entries(changes)) {
        if (area === 'sync') {
          // Removal: browsers report no newValue, WXT's fake reports null.
          if (newValue == null) syncUsage.delete(key);
          else syncUsage.set(key, itemBytes(key, newValue));
          if (key.startsWith(SYNC_PREFIX)) {
            const id = key.slice(SYNC_PREFIX.length);
            // A change made in another tab or profile; our own pending change to the same post wins.
            if (!pending.has(id)) update(synced, id, fromStored(id, newValue, false));
          }
        } else if (area === 'local' && key.startsWith(LOCAL_PREFIX)) {
          const id = key.slice(LOCAL_PREFIX.length);
          if (!pending.has(id)) update(localOnly, id, fromStored(id, newValue, true));
        }
      }
    });
  };
  storage.onChanged.addListener(onChanged);

  const ready = Promise.all([storage.sync.get(null), storage.local.get(null)]).then(([syncItems, localItems]) => {
    const fromSync = new Map<string, Favorite>();
    for (const [key, value] of Object.entries(syncItems)) {
      syncUsage.set(key, itemBytes(key, value));
      if (!key.startsWith(SYNC_PREFIX)) continue;
      const favorite = fromStored(key.slice(SYNC_PREFIX.length), value, false);
      if (favorite) fromSync.set(favorite.id, favorite);
    }
    const fromLocal = new Map<string, Favorite>();
    for (const [key, value] of Object.entries(localItems)) {
      if (!key.startsWith(LOCAL_PREFIX)) continue;
      const favorite = fromStored(key.slice(LOCAL_PREFIX.length), value, true);
      if (favorite) fromLocal.set(favorite.id, favorite);
    }
    batch(() => {
      synced.value = new Map([...fromSync, ...[...synced.value].filter(([id]) => pending.has(id))]);
      localOnly.value = fromLocal;
      if (fromLocal.size) problem.value = localOnlyMessage(fromLocal.size, 'sync-full');
    });
    // Favorites kept locally by an earlier session: try sync again now.
    if (fromLocal.size) schedule();
  });

  function schedule() {
    if (timer !== undefined) return;
    // A lone change is written at once (the popup may close any moment); a burst waits for the batch.
    const wait = Math.max(0, lastFlush + batchMs - now());
    timer = setTimeout(() => {
      timer = undefined;
      flushing = flushing.then(flush, flush);
    }, wait);
  }

  function retryIn(ms: number) {
    clearTimeout(retry);
    retry = setTimeout(schedule, ms);
  }

  async function flush() {
    await ready;
    lastFlush = now();
    const saves: Record<string, StoredFavorite> = {};
    const removals: string[] = [];
    for (const [id, favorite] of pending) {
      if (favorite) saves[SYNC_PREFIX + id] = toStored(favorite);
      else removals.push(id);
    }
    // Local-only favorites go along, to reach sync once it has room.
    for (const [id, favorite] of localOnly.value) if (!pending.has(id)) saves[SYNC_PREFIX + id] = toStored(favorite);
    pending.clear();
    if (Object.keys(saves).length === 0 && removals.length === 0) return;

    const wait = limiter.delayAt(now());
    if (wait > 0) {
      // Over Chrome's write rate: keep the saves on this device, the unsaves queued, and write to sync when allowed.
      for (const id of removals) pending.set(id, null);
      if (Object.keys(saves).length) await keepLocally(saves, 'rate-limited');
      retryIn(wait);
      return;
    }
    try {
      if (removals.length) {
        await storage.sync.remove(removals.map((id) => SYNC_PREFIX + id));
        await storage.local.remove(removals.map((id) => LOCAL_PREFIX + id));
        limiter.record(now());
      }
    } catch (error) {
      problem.value = `Could not remove a favorite from sync (${describe(error)}). It will be tried again.`;
      for (const id of removals) pending.set(id, null);
      retryIn(5_000);
    }
    const { accepted, refused } = fitWrites({ items: syncUsage }, saves);
    const refusedSaves: Record<string, StoredFavorite> = {};
    for (const key of refused.keys()) refusedSaves[key] = saves[key]!;
    if (Object.keys(accepted).length) {
      try {
        await storage.sync.set(accepted);
        limiter.record(now());
        await storage.local.remove(Object.keys(accepted).map((key) => LOCAL_PREFIX + key.slice(SYNC_PREFIX.length)));
      } catch (error) {
        // The browser refused (quota reached elsewhere, write rate, sync off): nothing is lost, it stays local.
        Object.assign(refusedSaves, accepted);
        await keepLocally(refusedSaves, 'write-failed', describe(error));
        return;
      }
    }
    if (Object.keys(refusedSaves).length) await keepLocally(refusedSaves, 'sync-full');
    else if (localOnly.value.size === 0) problem.value = null;
  }

  async function keepLocally(
    saves: Record<string, StoredFavorite>,
    reason: 'sync-full' | 'rate-limited' | 'write-failed',
    detail = '',
  ) {
    const items: Record<string, StoredFavorite> = {};
    for (const [key, value] of Object.entries(saves)) items[LOCAL_PREFIX + key.slice(SYNC_PREFIX.length)] = value;
    try {
      await storage.local.set(items);
    } catch (error) {
      problem.value = `Could not save favorites on this device either (${describe(error)}). Keep this window open and try again.`;
      return;
    }
    batch(() => {
      // Shown from here on as kept on this device, not as if sync had them.
      const nextLocal = new Map(localOnly.value);
      const nextSynced = new Map(synced.value);
      for (const [key, value] of Object.entries(saves)) {
        const id = key.slice(SYNC_PREFIX.length);
        nextLocal.set(id, { id, title: value.t, savedAt: value.s, localOnly: true });
        nextSynced.delete(id);
      }
      localOnly.value = nextLocal;
      synced.value = nextSynced;
      problem.value = localOnlyMessage(nextLocal.size, reason, detail);
    });
  }

  function save(post: { id: string; title: string }, savedAt = now()) {
    const favorite: Favorite = { id: post.id, title: post.title.slice(0, MAX_TITLE_LENGTH), savedAt, localOnly: false };
    pending.set(post.id, favorite);
    update(synced, post.id, favorite);
    schedule();
  }

  function unsave(id: string) {
    pending.set(id, null);
    batch(() => {
      update(synced, id, null);
      update(localOnly, id, null);
    });
    schedule();
  }

  return {
    list,
    ids,
    problem,
    ready,
    isSaved: (id: string) => ids.value.has(id),
    save,
    unsave,
    toggle(post: { id: string; title: string }) {
      if (ids.peek().has(post.id)) unsave(post.id);
      else save(post);
    },
    /** Adds favorites that are not saved yet, keeping their saved times. Returns how many were new. */
    async importFavorites(
      favorites: readonly Pick<Favorite, 'id' | 'title' | 'savedAt'>[],
    ): Promise<{ added: number; alreadySaved: number }> {
      await ready;
      let added = 0;
      for (const favorite of favorites) {
        if (ids.peek().has(favorite.id)) continue;
        save(favorite, favorite.savedAt);
        added++;
      }
      return { added, alreadySaved: favorites.length - added };
    },
    /**
     * Writes now whatever waits for the batch window, and resolves once it is written or kept locally.
     * Changes waiting for the write rate to allow them stay queued for their retry.
     */
    async settled(): Promise<void> {
      while (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
        flushing = flushing.then(flush, flush);
        await flushing;
      }
      await flushing;
    },
    dispose() {
      storage.onChanged.removeListener(onChanged);
      clearTimeout(timer);
      clearTimeout(retry);
    },
  };
}

export type FavoritesStore = ReturnType<typeof createFavorites>;

function localOnlyMessage(count: number, reason: 'sync-full' | 'rate-limited' | 'write-failed', detail = ''): string {
  const what = count === 1 ? '1 favorite is' : `${count} favorites are`;
  switch (reason) {
    case 'sync-full':
      return `Browser sync is full: ${what} saved on this device only. Remove some favorites to sync them to your other browsers.`;
    case 'rate-limited':
      return `Many changes at once: ${what} saved on this device and will sync in a minute.`;
    case 'write-failed':
      return `Browser sync refused the change${detail ? ` (${detail})` : ''}: ${what} saved on this device only for now.`;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
