/**
 * The one writer of `storage.sync`. Runs in the background only; panels, the popup and the options
 * page send it intents (utils/messaging/protocol.ts) and read the result through `storage.onChanged`.
 *
 * One writer because sync's quotas are per extension, not per page: Chrome refuses writes past 120
 * a minute, 1,800 an hour, 512 items or 102,400 bytes, and limiters kept in each tab cannot see each
 * other. Here every write passes one guard (background/sync/sync-quota.ts):
 * - writes closer together than `batchMs` go out in one call, and a key written twice in that time
 *   is written once;
 * - favorites stop short of the quotas by SETTINGS_RESERVE, so settings always fit;
 * - what sync cannot take now (full, over the write rate, refused by the browser) waits in the
 *   outbox in storage.local (utils/storage/synced-data.ts), which every view reads as if it were in sync,
 *   and is offered to sync again: when a key is removed from sync (room was made), when the write
 *   rate allows (an alarm, since the worker may stop before a timer fires), and at every start;
 * - every intent is answered with a receipt once its writes are in sync or in the outbox. Only when
 *   the outbox itself cannot be written (this device's storage is full) is the answer a failure, so
 *   a view never claims a save that was not made.
 */

import {
  FAVORITE_PREFIX,
  isOutboxEntry,
  LEGACY_LOCAL_FAVORITE_PREFIX,
  OUTBOX_PREFIX,
  OUTBOX_STATUS_KEY,
  type OutboxEntry,
  type OutboxStatus,
} from '../../utils/storage/synced-data';
import { fitWrites, itemBytes, WriteRateLimiter } from './sync-quota';

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;

export interface StorageAreaLike {
  get(keys: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** The slice of `browser.storage` the writer needs; tests pass an in-memory one with real quotas. */
export interface SyncWriterStorage {
  sync: StorageAreaLike;
  local: StorageAreaLike;
  onChanged: {
    addListener(listener: (changes: Changes, areaName: string) => void): void;
    removeListener(listener: (changes: Changes, areaName: string) => void): void;
  };
}

/** The answer to one intent. `synced` and `kept` count its keys now in sync and in the outbox. */
export type WriteReceipt =
  | { ok: true; synced: number; kept: number }
  /** Nothing could store these writes, not even this device: the view must not show them as done. */
  /**
   * This device's storage refused what sync could not take: of the intent's keys, only `synced` were
   * stored (in sync); the rest were not stored anywhere, and the view must not show them as done.
   */
  | { ok: false; error: 'local-full'; detail: string; synced: number }
  /** The intent was malformed (background/sync/write-intents.ts); nothing was written. */
  | { ok: false; error: 'invalid' };

export interface SyncWriterOptions {
  /** Writes closer together than this are made in one call. */
  batchMs?: number;
  now?: () => number;
  /** Asks to be woken (retry()) at this time; the background sets an alarm. */
  wakeAt?: (when: number) => void;
}

/** How long to wait before offering the outbox again after the browser refused a write. */
const RETRY_AFTER_FAILURE_MS = 60_000;

export function createSyncWriter(storage: SyncWriterStorage, options: SyncWriterOptions = {}) {
  // At most two operations (a remove and a set) a second: at the per-minute limit only under a
  // sustained burst, which the limiter then holds back.
  const batchMs = options.batchMs ?? 1_000;
  const now = options.now ?? Date.now;
  const wakeAt = options.wakeAt ?? (() => {});

  /** Bytes of every item in storage.sync, settings included (they share the quota). */
  const usage = new Map<string, number>();
  /** The outbox as stored: sync key -> value, or null for a removal. */
  const outbox = new Map<string, unknown>();
  const limiter = new WriteRateLimiter();
  /** Intents not yet flushed, merged by key (a later write of a key replaces an earlier one). */
  let pending = new Map<string, unknown>();
  /** The batch being written now: with `pending`, what storage will hold once the writer is done. */
  let inFlight = new Map<string, unknown>();
  let waiters: { keys: string[]; resolve: (receipt: WriteReceipt) => void }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastFlush = Number.NEGATIVE_INFINITY;
  let flushing: Promise<void> = Promise.resolve();

  const onChanged = (changes: Changes, area: string) => {
    if (area !== 'sync') return;
    let freed = false;
    for (const [key, { newValue }] of Object.entries(changes)) {
      // Removal: browsers report no newValue, WXT's fake browser reports null.
      if (newValue == null) freed = usage.delete(key) || freed;
      else usage.set(key, itemBytes(key, newValue));
    }
    // Room was made (here, or by another profile through sync): offer the outbox again.
    if (freed && outbox.size > 0) schedule();
  };
  storage.onChanged.addListener(onChanged);

  const ready = (async () => {
    const [syncItems, localItems] = await Promise.all([storage.sync.get(null), storage.local.get(null)]);
    for (const [key, value] of Object.entries(syncItems)) usage.set(key, itemBytes(key, value));
    const legacy: Record<string, OutboxEntry> = {};
    for (const [key, value] of Object.entries(localItems)) {
      if (key.startsWith(OUTBOX_PREFIX) && isOutboxEntry(value)) outbox.set(key.slice(OUTBOX_PREFIX.length), value.v);
      else if (key.startsWith(LEGACY_LOCAL_FAVORITE_PREFIX)) {
        const syncKey = FAVORITE_PREFIX + key.slice(LEGACY_LOCAL_FAVORITE_PREFIX.length);
        if (!outbox.has(syncKey)) legacy[OUTBOX_PREFIX + syncKey] = { v: value };
      }
    }
    const legacyKeys = Object.keys(legacy);
    if (legacyKeys.length) {
      await storage.local.set(legacy);
      await storage.local.remove(
        legacyKeys.map((k) => LEGACY_LOCAL_FAVORITE_PREFIX + k.slice(OUTBOX_PREFIX.length + FAVORITE_PREFIX.length)),
      );
      for (const [key, entry] of Object.entries(legacy)) outbox.set(key.slice(OUTBOX_PREFIX.length), entry.v);
    }
    if (outbox.size > 0) schedule();
  })();

  function schedule() {
    if (timer !== undefined) return;
    // A lone write goes at once (the popup may close any moment); a burst waits for the batch window.
    const wait = Math.max(0, lastFlush + batchMs - now());
    timer = setTimeout(() => {
      timer = undefined;
      flushing = flushing.then(flush, flush);
    }, wait);
  }

  async function flush() {
    await ready;
    lastFlush = now();
    const batch = pending;
    inFlight = batch;
    const batchWaiters = waiters;
    pending = new Map();
    waiters = [];
    // The outbox goes along with every flush: whatever sync can take now, it gets.
    const attempt = new Map([...outbox, ...batch]);
    const inSync = new Set<string>();
    const keep = new Map<string, unknown>();
    let status: OutboxStatus | null = null;
    let retryAt: number | null = null;

    const rateDelay = () => limiter.delayAt(now());
    const removals = [...attempt].filter(([key, value]) => value === null && usage.has(key)).map(([key]) => key);
    // A removal of a key sync does not hold (say, a favorite that only ever reached the outbox) is done.
    for (const [key, value] of attempt) if (value === null && !usage.has(key)) inSync.add(key);
    if (removals.length) {
      if (rateDelay() > 0) {
        for (const key of removals) keep.set(key, null);
        status = { reason: 'rate-limited' };
        retryAt = now() + rateDelay();
      } else {
        try {
          await storage.sync.remove(removals);
          limiter.record(now());
          for (const key of removals) {
            inSync.add(key);
            usage.delete(key);
          }
        } catch (error) {
          for (const key of removals) keep.set(key, null);
          status = { reason: 'write-failed', detail: describe(error) };
          retryAt = now() + RETRY_AFTER_FAILURE_MS;
        }
      }
    }

    const saves: Record<string, unknown> = {};
    for (const [key, value] of attempt) if (value !== null) saves[key] = value;
    if (Object.keys(saves).length) {
      if (rateDelay() > 0) {
        for (const [key, value] of Object.entries(saves)) keep.set(key, value);
        status = { reason: 'rate-limited' };
        retryAt = now() + rateDelay();
      } else {
        const { accepted, refused } = fitWrites({ items: usage }, saves, (key) => !key.startsWith(FAVORITE_PREFIX));
        for (const key of refused.keys()) keep.set(key, saves[key]);
        if (refused.size) status ??= { reason: 'sync-full' };
        if (Object.keys(accepted).length) {
          try {
            await storage.sync.set(accepted);
            limiter.record(now());
            for (const [key, value] of Object.entries(accepted)) {
              inSync.add(key);
              usage.set(key, itemBytes(key, value));
            }
          } catch (error) {
            for (const [key, value] of Object.entries(accepted)) keep.set(key, value);
            status = { reason: 'write-failed', detail: describe(error) };
            retryAt = now() + RETRY_AFTER_FAILURE_MS;
          }
        }
      }
    }

    const failure = await saveOutbox(inSync, keep, status);
    inFlight = new Map();
    for (const { keys, resolve } of batchWaiters) {
      if (failure && keys.some((key) => !inSync.has(key))) {
        resolve({
          ok: false,
          error: 'local-full',
          detail: failure,
          synced: keys.filter((key) => inSync.has(key)).length,
        });
        continue;
      }
      resolve({
        ok: true,
        synced: keys.filter((key) => inSync.has(key)).length,
        kept: keys.filter((key) => keep.has(key)).length,
      });
    }
    if (retryAt !== null) wakeAt(retryAt);
  }

  /** Brings the stored outbox in line: written keys leave it, kept ones enter it. Returns an error text on failure. */
  async function saveOutbox(inSync: Set<string>, keep: Map<string, unknown>, status: OutboxStatus | null) {
    const sets: Record<string, unknown> = {};
    for (const [key, value] of keep) {
      if (!outbox.has(key) || JSON.stringify(outbox.get(key)) !== JSON.stringify(value)) {
        sets[OUTBOX_PREFIX + key] = { v: value } satisfies OutboxEntry;
      }
    }
    const removals = [...inSync].filter((key) => outbox.has(key)).map((key) => OUTBOX_PREFIX + key);
    if (keep.size > 0 && status) sets[OUTBOX_STATUS_KEY] = status;
    else if (keep.size === 0) removals.push(OUTBOX_STATUS_KEY);
    try {
      // Removals first: they make room for the sets.
      if (removals.length) await storage.local.remove(removals);
      if (Object.keys(sets).length) await storage.local.set(sets);
    } catch (error) {
      // This device's storage refused too. The writes that are neither in sync nor already in the
      // stored outbox are dropped, and their intents told so: what the writer holds stays what
      // storage holds, which is what every view shows.
      for (const key of inSync) outbox.delete(key);
      return describe(error);
    }
    for (const key of inSync) outbox.delete(key);
    for (const [key, value] of keep) outbox.set(key, value);
    return null;
  }

  return {
    ready,
    /** Queues writes (a value, or null to remove the key) and answers once they are in sync or the outbox. */
    write(writes: ReadonlyMap<string, unknown>): Promise<WriteReceipt> {
      for (const [key, value] of writes) pending.set(key, value);
      const receipt = new Promise<WriteReceipt>((resolve) => waiters.push({ keys: [...writes.keys()], resolve }));
      schedule();
      return receipt;
    },
    /**
     * The value a write accepted but not yet stored will give `key` (null: removed), or undefined when
     * none is waiting. The background reads through this so that, say, a panel collapsed just before
     * the reader moved on is remembered on the very next article.
     */
    latest(key: string): { value: unknown } | undefined {
      if (pending.has(key)) return { value: pending.get(key) };
      if (inFlight.has(key)) return { value: inFlight.get(key) };
      return undefined;
    },
    /** Offers the outbox to sync again (the background's alarm calls this). */
    retry() {
      void ready.then(() => {
        if (outbox.size > 0) schedule();
      });
    },
    /** Resolves once every queued write has been made or kept. */
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
    },
  };
}

export type SyncWriter = ReturnType<typeof createSyncWriter>;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
