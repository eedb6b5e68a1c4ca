/**
 * The reader's favorites as a view sees them, without a reactive library: plain state read from
 * storage and kept current by `storage.onChanged`, actions that send intents to the background (the
 * one writer of synced data, background/sync/sync-writer.ts), and `subscribe` for the view to
 * redraw. The extension's own pages use it through signals (pages/favorites-signals.ts); the panels
 * on the blogs' pages hold none (background/panel-stars.ts). Storage layout: utils/storage/synced-data.ts.
 *
 * A change the reader makes shows at once (optimistically) and stays until the writer's receipt
 * arrives; then what storage holds is read again, so the view never flickers back to the old state
 * and never claims a save the writer could not make.
 */

import type { BackgroundRequests, WriteReceipt } from '../messaging/protocol';
import { type SyncNoticeProblem, syncNoticeText } from '../text/sync-notice';
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

/** Both storage areas, whole: what a view reads at its start. */
export type FavoriteAreas = [Record<string, unknown>, Record<string, unknown>];

export function readFavoriteAreas(storage: Pick<FavoritesDeps['storage'], 'sync' | 'local'>): Promise<FavoriteAreas> {
  return Promise.all([storage.sync.get(null), storage.local.get(null)]);
}

/** @param firstRead the areas as read already (the popup's head script, pages/popup-early.ts), for the first read. */
export function createFavoritesState(deps: FavoritesDeps, firstRead?: Promise<FavoriteAreas>) {
  const { storage, send } = deps;
  const now = deps.now ?? Date.now;
  /** What storage.sync holds. */
  let synced = new Map<string, Favorite>();
  /** The outbox's favorites: a save waiting for sync (localOnly), or null for a removal. */
  let outbox = new Map<string, Favorite | null>();
  let outboxStatus: OutboxStatus | null = null;
  /** Changes made in this view whose receipt has not arrived yet. */
  let optimistic = new Map<string, Favorite | null>();
  /** A change this view could not make, said once until the next change succeeds. */
  let failure: SyncNoticeProblem | null = null;
  const listeners = new Set<() => void>();
  /** What list() last computed, dropped on every change. */
  let derived: { list: Favorite[]; ids: Set<string> } | null = null;

  const changed = () => {
    derived = null;
    for (const listener of listeners) listener();
  };

  /** Every favorite, newest saved first, as storage will hold it once the writer is done. */
  const current = () => {
    if (derived) return derived;
    const all = new Map(synced);
    for (const layer of [outbox, optimistic]) {
      for (const [id, favorite] of layer) {
        if (favorite) all.set(id, favorite);
        else all.delete(id);
      }
    }
    const list = [...all.values()].sort((a, b) => b.savedAt - a.savedAt);
    derived = { list, ids: new Set(all.keys()) };
    return derived;
  };

  function applyStorage(area: string, entries: Iterable<[string, unknown]>) {
    for (const [key, value] of entries) {
      if (area === 'sync' && key.startsWith(FAVORITE_PREFIX)) {
        const id = key.slice(FAVORITE_PREFIX.length);
        const favorite = value == null ? null : fromStoredFavorite(id, value, false);
        if (favorite) synced.set(id, favorite);
        else synced.delete(id);
      } else if (area === 'local' && key.startsWith(OUTBOX_PREFIX + FAVORITE_PREFIX)) {
        const id = key.slice(OUTBOX_PREFIX.length + FAVORITE_PREFIX.length);
        if (!isOutboxEntry(value)) outbox.delete(id);
        else outbox.set(id, value.v === null ? null : fromStoredFavorite(id, value.v, true));
      } else if (area === 'local' && key === OUTBOX_STATUS_KEY) {
        outboxStatus = isOutboxStatus(value) ? value : null;
      }
    }
  }

  const onChanged = (changes: Changes, area: string) => {
    applyStorage(
      area,
      Object.entries(changes).map(([key, { newValue }]) => [key, newValue]),
    );
    changed();
  };
  storage.onChanged.addListener(onChanged);

  /** Reads everything afresh (the previous state may be stale). */
  const readAll = (areas = readFavoriteAreas(storage)) =>
    areas.then(([syncItems, localItems]) => {
      synced = new Map();
      outbox = new Map();
      applyStorage('sync', Object.entries(syncItems));
      applyStorage('local', Object.entries(localItems));
      changed();
    });
  const ready = readAll(firstRead?.catch(() => readFavoriteAreas(storage)));

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
    optimistic = new Map([...optimistic, ...layer]);
    changed();
    let receipt: WriteReceipt | null = null;
    try {
      receipt = await request();
    } catch {
      // The extension was updated, reloaded or removed under this page: no writer will answer.
    }
    if (receipt?.ok) await reread(postIds).catch(() => undefined);
    // A later change to the same post, made while this one was on its way, stays.
    for (const [id, favorite] of layer) if (optimistic.get(id) === favorite) optimistic.delete(id);
    failure = receipt?.ok ? null : receipt ? { kind: 'device-full' } : { kind: 'disconnected' };
    changed();
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

  const isSaved = (id: string) => current().ids.has(id);

  return {
    ready,
    /** Every favorite, newest saved first. */
    list: () => current().list,
    /** The ids of every favorite. */
    ids: (): ReadonlySet<string> => current().ids,
    isSaved,
    /** What the reader should know, in plain words; null when all is well. */
    problem(): string | null {
      if (failure) return syncNoticeText(failure);
      if (!outboxStatus) return null;
      let localOnly = 0;
      for (const favorite of outbox.values()) if (favorite) localOnly++;
      return syncNoticeText({ kind: outboxStatus.reason, localOnly });
    },
    save,
    unsave,
    toggle(post: { id: string; title: string }) {
      return isSaved(post.id) ? unsave(post.id) : save(post);
    },
    /** A change that no receipt answers (an import chunk the writer refused): said until the next success. */
    fail(problem: SyncNoticeProblem) {
      failure = problem;
      changed();
    },
    /** Calls `listener` after every change, from this view or any other; returns the unsubscribe. */
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
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

export type FavoritesState = ReturnType<typeof createFavoritesState>;
