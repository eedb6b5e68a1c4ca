/**
 * The reader's favorites as every view sees them (panel, popup, options): signals read from
 * storage and kept current by `storage.onChanged`, and actions that send intents to the background,
 * the one writer of synced data (utils/sync-writer.ts). Storage layout: utils/synced-data.ts.
 *
 * A change the reader makes shows at once (optimistically) and stays until the writer's receipt
 * arrives; then what storage holds is read again, so the view never flickers back to the old state
 * and never claims a save the writer could not make.
 */
// signals-core, not @preact/signals: the panel (injected into the blogs' pages) subscribes without
// Preact's signal integration; the popup's components, which use it, see the very same signals.
import { batch, computed, type ReadonlySignal, signal } from '@preact/signals-core';
import type { BackgroundRequests } from './messaging';
import { type SyncNoticeProblem, syncNoticeText } from './sync-notice';
import type { WriteReceipt } from './sync-writer';
import {
  FAVORITE_PREFIX,
  type Favorite,
  fromStoredFavorite,
  isOutboxEntry,
  isOutboxStatus,
  MAX_TITLE_LENGTH,
  OUTBOX_PREFIX,
  OUTBOX_STATUS_KEY,
  type OutboxStatus,
} from './synced-data';

export type { Favorite } from './synced-data';

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;

interface ReadableArea {
  get(keys: null | string | string[]): Promise<Record<string, unknown>>;
}

/** What a view needs: storage to read, and a way to send the background its intents. */
export interface FavoritesDeps {
  storage: {
    sync: ReadableArea;
    local: ReadableArea;
    onChanged: {
      addListener(listener: (changes: Changes, areaName: string) => void): void;
      removeListener(listener: (changes: Changes, areaName: string) => void): void;
    };
  };
  send: {
    save(favorites: BackgroundRequests['favorites:save']['request']['favorites']): Promise<WriteReceipt>;
    unsave(ids: string[]): Promise<WriteReceipt>;
  };
  now?: () => number;
}

export interface ImportResult {
  /** New favorites stored (in sync or kept on this device). */
  added: number;
  alreadySaved: number;
  /** Of `added`, how many wait on this device because sync could not take them. */
  keptOnDevice: number;
  /** New favorites that could not be stored at all, with the reason in plain words. */
  notStored: number;
}

/** Favorites sent to the background per message during an import: progress moves on per chunk. */
const IMPORT_CHUNK = 1_000;

export function createFavorites(deps: FavoritesDeps) {
  const { storage, send } = deps;
  const now = deps.now ?? Date.now;
  /** What storage.sync holds. */
  const synced = signal<ReadonlyMap<string, Favorite>>(new Map());
  /** The outbox's favorites: a save waiting for sync (localOnly), or null for a removal. */
  const outbox = signal<ReadonlyMap<string, Favorite | null>>(new Map());
  const outboxStatus = signal<OutboxStatus | null>(null);
  /** Changes made in this view whose receipt has not arrived yet. */
  const optimistic = signal<ReadonlyMap<string, Favorite | null>>(new Map());
  /** A change this view could not make, said once until the next change succeeds. */
  const failure = signal<SyncNoticeProblem | null>(null);

  /** Every favorite, newest saved first, as storage will hold it once the writer is done. */
  const list = computed(() => {
    const all = new Map(synced.value);
    for (const layer of [outbox.value, optimistic.value]) {
      for (const [id, favorite] of layer) {
        if (favorite) all.set(id, favorite);
        else all.delete(id);
      }
    }
    return [...all.values()].sort((a, b) => b.savedAt - a.savedAt);
  });
  const ids = computed(() => new Set(list.value.map((f) => f.id)));
  const localOnlyCount = computed(() => {
    let count = 0;
    for (const favorite of outbox.value.values()) if (favorite) count++;
    return count;
  });
  /** What the reader should know, in plain words; null when all is well. */
  const problem: ReadonlySignal<string | null> = computed(() => {
    if (failure.value) return syncNoticeText(failure.value);
    const status = outboxStatus.value;
    return status ? syncNoticeText({ kind: status.reason, localOnly: localOnlyCount.value }) : null;
  });

  function applyStorage(area: string, entries: Iterable<[string, unknown]>) {
    const nextSynced = new Map(synced.value);
    const nextOutbox = new Map(outbox.value);
    for (const [key, value] of entries) {
      if (area === 'sync' && key.startsWith(FAVORITE_PREFIX)) {
        const id = key.slice(FAVORITE_PREFIX.length);
        const favorite = value == null ? null : fromStoredFavorite(id, value, false);
        if (favorite) nextSynced.set(id, favorite);
        else nextSynced.delete(id);
      } else if (area === 'local' && key.startsWith(OUTBOX_PREFIX + FAVORITE_PREFIX)) {
        const id = key.slice(OUTBOX_PREFIX.length + FAVORITE_PREFIX.length);
        if (!isOutboxEntry(value)) nextOutbox.delete(id);
        else nextOutbox.set(id, value.v === null ? null : fromStoredFavorite(id, value.v, true));
      } else if (area === 'local' && key === OUTBOX_STATUS_KEY) {
        outboxStatus.value = isOutboxStatus(value) ? value : null;
      }
    }
    synced.value = nextSynced;
    outbox.value = nextOutbox;
  }

  const onChanged = (changes: Changes, area: string) => {
    batch(() =>
      applyStorage(
        area,
        Object.entries(changes).map(([key, { newValue }]) => [key, newValue]),
      ),
    );
  };
  storage.onChanged.addListener(onChanged);

  /** Reads everything afresh (the previous state may be stale). */
  const readAll = () =>
    Promise.all([storage.sync.get(null), storage.local.get(null)]).then(([syncItems, localItems]) => {
      batch(() => {
        synced.value = new Map();
        outbox.value = new Map();
        applyStorage('sync', Object.entries(syncItems));
        applyStorage('local', Object.entries(localItems));
      });
    });
  const ready = readAll();

  /** Reads the keys a receipt is about, so the view shows storage's truth before the optimistic layer goes. */
  async function reread(postIds: readonly string[]) {
    const syncKeys = postIds.map((id) => FAVORITE_PREFIX + id);
    const [syncItems, localItems] = await Promise.all([
      storage.sync.get(syncKeys),
      storage.local.get([...syncKeys.map((key) => OUTBOX_PREFIX + key), OUTBOX_STATUS_KEY]),
    ]);
    applyStorage(
      'sync',
      syncKeys.map((key) => [key, syncItems[key]]),
    );
    applyStorage('local', [
      ...syncKeys.map((key): [string, unknown] => [OUTBOX_PREFIX + key, localItems[OUTBOX_PREFIX + key]]),
      [OUTBOX_STATUS_KEY, localItems[OUTBOX_STATUS_KEY]],
    ]);
  }

  async function change(postIds: string[], layer: Map<string, Favorite | null>, request: () => Promise<WriteReceipt>) {
    optimistic.value = new Map([...optimistic.value, ...layer]);
    let receipt: WriteReceipt | null = null;
    try {
      receipt = await request();
    } catch {
      // The extension was updated, reloaded or removed under this page: no writer will answer.
    }
    if (receipt?.ok) await reread(postIds).catch(() => undefined);
    batch(() => {
      const next = new Map(optimistic.value);
      // A later change to the same post, made while this one was on its way, stays.
      for (const [id, favorite] of layer) if (next.get(id) === favorite) next.delete(id);
      optimistic.value = next;
      failure.value = receipt?.ok ? null : receipt ? { kind: 'device-full' } : { kind: 'disconnected' };
    });
    return receipt;
  }

  function save(post: { id: string; title: string }, savedAt = now()) {
    const favorite: Favorite = { id: post.id, title: post.title.slice(0, MAX_TITLE_LENGTH), savedAt, localOnly: false };
    return change([post.id], new Map([[post.id, favorite]]), () =>
      send.save([{ id: favorite.id, title: favorite.title, savedAt }]),
    );
  }

  function unsave(id: string) {
    return change([id], new Map([[id, null]]), () => send.unsave([id]));
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
      return ids.peek().has(post.id) ? unsave(post.id) : save(post);
    },
    /**
     * Adds favorites that are not saved yet, keeping their saved times, in chunks so a file of any
     * size neither freezes the page nor goes to the background as one huge message.
     */
    async importFavorites(
      favorites: readonly Pick<Favorite, 'id' | 'title' | 'savedAt'>[],
      onProgress: (done: number, total: number) => void = () => {},
    ): Promise<ImportResult> {
      await ready;
      const known = ids.peek();
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
            failure.value = receipt ? { kind: 'device-full' } : { kind: 'disconnected' };
          }
          done += chunk.length;
          onProgress(done, fresh.length);
        }),
      );
      return result;
    },
    dispose() {
      storage.onChanged.removeListener(onChanged);
    },
    /** Listens and reads again after dispose(): a page coming back from the back/forward cache. */
    resume() {
      storage.onChanged.removeListener(onChanged);
      storage.onChanged.addListener(onChanged);
      return readAll();
    },
  };
}

export type FavoritesStore = ReturnType<typeof createFavorites>;
