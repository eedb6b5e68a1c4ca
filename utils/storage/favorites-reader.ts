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

/**
 * One view's favorites. Methods a view hands on as callbacks (save, unsave, toggle, dispose, resume)
 * are bound, so they can be passed as they are.
 */
export class FavoritesState {
  readonly #storage: FavoritesDeps['storage'];
  readonly #send: FavoritesDeps['send'];
  readonly #now: () => number;
  /** What storage.sync holds. */
  #synced = new Map<string, Favorite>();
  /** The outbox's favorites: a save waiting for sync (localOnly), or null for a removal. */
  #outbox = new Map<string, Favorite | null>();
  #outboxStatus: OutboxStatus | null = null;
  /** Changes made in this view whose receipt has not arrived yet. */
  #optimistic = new Map<string, Favorite | null>();
  /** A change this view could not make, said once until the next change succeeds. */
  #failure: SyncNoticeProblem | null = null;
  readonly #listeners = new Set<() => void>();
  /** What list() last computed, dropped on every change. */
  #derived: { list: Favorite[]; ids: Set<string> } | null = null;
  /** Resolves once the first read is in. */
  readonly ready: Promise<void>;

  /** @param firstRead the areas as read already (the popup's head script, pages/popup-early.ts), for the first read. */
  constructor(deps: FavoritesDeps, firstRead?: Promise<FavoriteAreas>) {
    this.#storage = deps.storage;
    this.#send = deps.send;
    this.#now = deps.now ?? Date.now;
    this.#storage.onChanged.addListener(this.#onChanged);
    this.ready = this.#readAll(firstRead?.catch(() => readFavoriteAreas(this.#storage)));
  }

  /** Every favorite, newest saved first. */
  list(): Favorite[] {
    return this.#current().list;
  }

  /** The ids of every favorite. */
  ids(): ReadonlySet<string> {
    return this.#current().ids;
  }

  isSaved(id: string): boolean {
    return this.#current().ids.has(id);
  }

  /** What the reader should know, in plain words; null when all is well. */
  problem(): string | null {
    if (this.#failure) return syncNoticeText(this.#failure);
    if (!this.#outboxStatus) return null;
    let localOnly = 0;
    for (const favorite of this.#outbox.values()) if (favorite) localOnly++;
    return syncNoticeText({ kind: this.#outboxStatus.reason, localOnly });
  }

  readonly save = (post: { id: string; title: string }, savedAt = this.#now()) => {
    const favorite: Favorite = { id: post.id, title: post.title.slice(0, MAX_TITLE_LENGTH), savedAt, localOnly: false };
    return this.#change([post.id], new Map([[post.id, favorite]]), () =>
      this.#send.save([{ id: favorite.id, title: favorite.title, savedAt }]),
    );
  };

  readonly unsave = (id: string) => this.#change([id], new Map([[id, null]]), () => this.#send.unsave([id]));

  readonly toggle = (post: { id: string; title: string }) =>
    this.isSaved(post.id) ? this.unsave(post.id) : this.save(post);

  /** A change that no receipt answers (an import chunk the writer refused): said until the next success. */
  fail(problem: SyncNoticeProblem): void {
    this.#failure = problem;
    this.#changed();
  }

  /** Calls `listener` after every change, from this view or any other; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  readonly dispose = () => {
    this.#storage.onChanged.removeListener(this.#onChanged);
  };

  /** Listens and reads again after dispose(): a page coming back from the back/forward cache. */
  readonly resume = () => {
    this.#storage.onChanged.removeListener(this.#onChanged);
    this.#storage.onChanged.addListener(this.#onChanged);
    return this.#readAll();
  };

  #changed() {
    this.#derived = null;
    for (const listener of this.#listeners) listener();
  }

  /** Every favorite as storage will hold it once the writer is done. */
  #current() {
    if (this.#derived) return this.#derived;
    const all = new Map(this.#synced);
    for (const layer of [this.#outbox, this.#optimistic]) {
      for (const [id, favorite] of layer) {
        if (favorite) all.set(id, favorite);
        else all.delete(id);
      }
    }
    const list = [...all.values()].sort((a, b) => b.savedAt - a.savedAt);
    this.#derived = { list, ids: new Set(all.keys()) };
    return this.#derived;
  }

  #apply(area: string, entries: Iterable<[string, unknown]>) {
    for (const [key, value] of entries) {
      if (area === 'sync' && key.startsWith(FAVORITE_PREFIX)) {
        const id = key.slice(FAVORITE_PREFIX.length);
        const favorite = value == null ? null : fromStoredFavorite(id, value, false);
        if (favorite) this.#synced.set(id, favorite);
        else this.#synced.delete(id);
      } else if (area === 'local' && key.startsWith(OUTBOX_PREFIX + FAVORITE_PREFIX)) {
        const id = key.slice(OUTBOX_PREFIX.length + FAVORITE_PREFIX.length);
        if (!isOutboxEntry(value)) this.#outbox.delete(id);
        else this.#outbox.set(id, value.v === null ? null : fromStoredFavorite(id, value.v, true));
      } else if (area === 'local' && key === OUTBOX_STATUS_KEY) {
        this.#outboxStatus = isOutboxStatus(value) ? value : null;
      }
    }
  }

  readonly #onChanged = (changes: Changes, area: string) => {
    this.#apply(
      area,
      Object.entries(changes).map(([key, { newValue }]) => [key, newValue]),
    );
    this.#changed();
  };

  /** Reads everything afresh (the previous state may be stale). */
  async #readAll(areas = readFavoriteAreas(this.#storage)) {
    const [syncItems, localItems] = await areas;
    this.#synced = new Map();
    this.#outbox = new Map();
    this.#apply('sync', Object.entries(syncItems));
    this.#apply('local', Object.entries(localItems));
    this.#changed();
  }

  /** Reads the keys a receipt is about, so the view shows storage's truth before the optimistic layer goes. */
  async #reread(postIds: readonly string[]) {
    const syncKeys = postIds.map((id) => FAVORITE_PREFIX + id);
    const [syncItems, localItems] = await Promise.all([
      this.#storage.sync.get(syncKeys),
      this.#storage.local.get([...syncKeys.map((key) => OUTBOX_PREFIX + key), OUTBOX_STATUS_KEY]),
    ]);
    this.#apply(
      'sync',
      syncKeys.map((key) => [key, syncItems[key]]),
    );
    this.#apply('local', [
      ...syncKeys.map((key): [string, unknown] => [OUTBOX_PREFIX + key, localItems[OUTBOX_PREFIX + key]]),
      [OUTBOX_STATUS_KEY, localItems[OUTBOX_STATUS_KEY]],
    ]);
  }

  async #change(postIds: string[], layer: Map<string, Favorite | null>, request: () => Promise<WriteReceipt>) {
    this.#optimistic = new Map([...this.#optimistic, ...layer]);
    this.#changed();
    let receipt: WriteReceipt | null = null;
    try {
      receipt = await request();
    } catch {
      // The extension was updated, reloaded or removed under this page: no writer will answer.
    }
    if (receipt?.ok) await this.#reread(postIds).catch(() => undefined);
    // A later change to the same post, made while this one was on its way, stays.
    for (const [id, favorite] of layer) if (this.#optimistic.get(id) === favorite) this.#optimistic.delete(id);
    this.#failure = receipt?.ok ? null : receipt ? { kind: 'device-full' } : { kind: 'disconnected' };
    this.#changed();
    return receipt;
  }
}

/** @param firstRead the areas as read already (the popup's head script, pages/popup-early.ts), for the first read. */
export function createFavoritesState(deps: FavoritesDeps, firstRead?: Promise<FavoriteAreas>): FavoritesState {
  return new FavoritesState(deps, firstRead);
}
