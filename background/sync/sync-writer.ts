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

import type { WriteReceipt } from '../../utils/messaging/protocol';
import {
  FAVORITE_PREFIX,
  isNotesKey,
  isOutboxEntry,
  isOutboxStatus,
  LEGACY_LOCAL_FAVORITE_PREFIX,
  OUTBOX_PREFIX,
  OUTBOX_STATUS_KEY,
  type OutboxEntry,
  type OutboxStatus,
  SETTING_PREFIX,
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

export interface SyncWriterOptions {
  /** Writes closer together than this are made in one call. */
  batchMs?: number;
  now?: () => number;
  /** Asks to be woken (retry()) at this time; the background sets an alarm. */
  wakeAt?: (when: number) => void;
}

/** How long to wait before offering the outbox again after the browser refused a write. */
const RETRY_AFTER_FAILURE_MS = 60_000;

/** One flush's outcome so far: keys now in sync, keys kept in the outbox, and why. */
interface FlushOutcome {
  inSync: Set<string>;
  keep: Map<string, unknown>;
  status: OutboxStatus | null;
  retryAt: number | null;
}

export class SyncWriter {
  readonly #storage: SyncWriterStorage;
  readonly #batchMs: number;
  readonly #now: () => number;
  readonly #wakeAt: (when: number) => void;
  /** Bytes of every item in storage.sync, settings included (they share the quota). */
  readonly #usage = new Map<string, number>();
  /** The outbox as stored: sync key -> value, or null for a removal. */
  readonly #outbox = new Map<string, unknown>();
  /** Why the outbox is not empty, as stored. */
  #outboxStatus: OutboxStatus | null = null;
  readonly #limiter = new WriteRateLimiter();
  /** Intents not yet flushed, merged by key (a later write of a key replaces an earlier one). */
  #pending = new Map<string, unknown>();
  /** The batch being written now: with `pending`, what storage will hold once the writer is done. */
  #inFlight = new Map<string, unknown>();
  #waiters: { keys: string[]; resolve: (receipt: WriteReceipt) => void }[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastFlush = Number.NEGATIVE_INFINITY;
  #flushing: Promise<void> = Promise.resolve();
  /** Resolves once what storage holds has been read (and the outbox of an older version moved). */
  readonly ready: Promise<void>;

  constructor(storage: SyncWriterStorage, options: SyncWriterOptions = {}) {
    this.#storage = storage;
    // At most two operations (a remove and a set) a second: at the per-minute limit only under a
    // sustained burst, which the limiter then holds back.
    this.#batchMs = options.batchMs ?? 1_000;
    this.#now = options.now ?? Date.now;
    this.#wakeAt = options.wakeAt ?? (() => {});
    storage.onChanged.addListener(this.#onChanged);
    this.ready = this.#load();
  }

  /** Queues writes (a value, or null to remove the key) and answers once they are in sync or the outbox. */
  write(writes: ReadonlyMap<string, unknown>): Promise<WriteReceipt> {
    for (const [key, value] of writes) this.#pending.set(key, value);
    const receipt = new Promise<WriteReceipt>((resolve) => this.#waiters.push({ keys: [...writes.keys()], resolve }));
    this.#schedule();
    return receipt;
  }

  /**
   * The value a write accepted but not yet stored will give `key` (null: removed), or undefined when
   * none is waiting. The background reads through this so that, say, a panel collapsed just before
   * the reader moved on is remembered on the very next article.
   */
  readonly latest = (key: string): { value: unknown } | undefined => {
    if (this.#pending.has(key)) return { value: this.#pending.get(key) };
    if (this.#inFlight.has(key)) return { value: this.#inFlight.get(key) };
    return undefined;
  };

  /** Whether `key` will hold a value once every accepted write is done (sync, outbox and queue together). */
  holds(key: string): boolean {
    for (const layer of [this.#pending, this.#inFlight, this.#outbox]) {
      if (layer.has(key)) return layer.get(key) !== null;
    }
    return this.#usage.has(key);
  }

  /** Every key starting with `prefix` that will hold a value once every accepted write is done, sorted. */
  heldKeys(prefix: string): string[] {
    const keys = new Set<string>();
    for (const layer of [this.#usage, this.#outbox, this.#inFlight, this.#pending]) {
      for (const key of layer.keys()) if (key.startsWith(prefix)) keys.add(key);
    }
    return [...keys].filter((key) => this.holds(key)).sort();
  }

  /** What waits in the outbox for sync, and why: the keys it would save there, and the stored reason. */
  waiting(): { saves: string[]; status: OutboxStatus | null } {
    const saves = [...this.#outbox].filter(([, value]) => value !== null).map(([key]) => key);
    return { saves, status: this.#outbox.size > 0 ? this.#outboxStatus : null };
  }

  /** True while no write is queued or being made: what the writer holds is what storage holds. */
  idle(): boolean {
    return this.#pending.size === 0 && this.#inFlight.size === 0 && this.#timer === undefined;
  }

  /** Offers the outbox to sync again (the background's alarm calls this). */
  retry(): void {
    void this.ready.then(() => {
      if (this.#outbox.size > 0) this.#schedule();
    });
  }

  /** Resolves once every queued write has been made or kept. */
  async settled(): Promise<void> {
    while (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#flushing = this.#flushing.then(this.#flush, this.#flush);
      await this.#flushing;
    }
    await this.#flushing;
  }

  dispose(): void {
    this.#storage.onChanged.removeListener(this.#onChanged);
    clearTimeout(this.#timer);
  }

  readonly #onChanged = (changes: Changes, area: string) => {
    if (area !== 'sync') return;
    let freed = false;
    for (const [key, { newValue }] of Object.entries(changes)) {
      // Removal: browsers report no newValue, WXT's fake browser reports null.
      if (newValue == null) freed = this.#usage.delete(key) || freed;
      else this.#usage.set(key, itemBytes(key, newValue));
    }
    // Room was made (here, or by another profile through sync): offer the outbox again.
    if (freed && this.#outbox.size > 0) this.#schedule();
  };

  async #load() {
    const [syncItems, localItems] = await Promise.all([this.#storage.sync.get(null), this.#storage.local.get(null)]);
    for (const [key, value] of Object.entries(syncItems)) this.#usage.set(key, itemBytes(key, value));
    for (const [key, value] of Object.entries(localItems)) {
      if (key.startsWith(OUTBOX_PREFIX) && isOutboxEntry(value))
        this.#outbox.set(key.slice(OUTBOX_PREFIX.length), value.v);
    }
    const status = localItems[OUTBOX_STATUS_KEY];
    this.#outboxStatus = isOutboxStatus(status) ? status : null;
    await moveLegacyFavorites(this.#storage.local, localItems, this.#outbox);
    if (this.#outbox.size > 0) this.#schedule();
  }

  #schedule() {
    if (this.#timer !== undefined) return;
    // A lone write goes at once (the popup may close any moment); a burst waits for the batch window.
    const wait = Math.max(0, this.#lastFlush + this.#batchMs - this.#now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#flushing = this.#flushing.then(this.#flush, this.#flush);
    }, wait);
  }

  readonly #flush = async () => {
    await this.ready;
    this.#lastFlush = this.#now();
    const batch = this.#pending;
    this.#inFlight = batch;
    const batchWaiters = this.#waiters;
    this.#pending = new Map();
    this.#waiters = [];
    // The outbox goes along with every flush: whatever sync can take now, it gets.
    const attempt = new Map([...this.#outbox, ...batch]);
    const outcome: FlushOutcome = { inSync: new Set(), keep: new Map(), status: null, retryAt: null };
    await this.#removeFromSync(attempt, outcome);
    await this.#saveToSync(attempt, outcome);
    const failure = await this.#saveOutbox(outcome);
    this.#inFlight = new Map();
    for (const { keys, resolve } of batchWaiters) resolve(receiptFor(keys, outcome, failure));
    if (outcome.retryAt !== null) this.#wakeAt(outcome.retryAt);
  };

  /** The write rate holds sync back now: the keys are kept, and retried once it allows. */
  #heldByRate(entries: Iterable<[string, unknown]>, outcome: FlushOutcome): boolean {
    const delay = this.#limiter.delayAt(this.#now());
    if (delay <= 0) return false;
    for (const [key, value] of entries) outcome.keep.set(key, value);
    outcome.status = { reason: 'rate-limited' };
    outcome.retryAt = this.#now() + delay;
    return true;
  }

  #keepAfterFailure(entries: Iterable<[string, unknown]>, outcome: FlushOutcome, error: unknown) {
    for (const [key, value] of entries) outcome.keep.set(key, value);
    outcome.status = { reason: 'write-failed', detail: describe(error) };
    outcome.retryAt = this.#now() + RETRY_AFTER_FAILURE_MS;
  }

  async #removeFromSync(attempt: ReadonlyMap<string, unknown>, outcome: FlushOutcome) {
    const removals: string[] = [];
    for (const [key, value] of attempt) {
      if (value !== null) continue;
      // A removal of a key sync does not hold (say, a favorite that only ever reached the outbox) is done.
      if (this.#usage.has(key)) removals.push(key);
      else outcome.inSync.add(key);
    }
    const entries = removals.map((key): [string, unknown] => [key, null]);
    if (removals.length === 0 || this.#heldByRate(entries, outcome)) return;
    try {
      await this.#storage.sync.remove(removals);
      this.#limiter.record(this.#now());
      for (const key of removals) {
        outcome.inSync.add(key);
        this.#usage.delete(key);
      }
    } catch (error) {
      this.#keepAfterFailure(entries, outcome, error);
    }
  }

  async #saveToSync(attempt: ReadonlyMap<string, unknown>, outcome: FlushOutcome) {
    const saves: Record<string, unknown> = {};
    for (const [key, value] of attempt) if (value !== null) saves[key] = value;
    if (Object.keys(saves).length === 0 || this.#heldByRate(Object.entries(saves), outcome)) return;
    const isSetting = (key: string) => key.startsWith(SETTING_PREFIX);
    const { accepted, refused } = fitWrites({ items: this.#usage }, saves, isSetting, isNotesKey);
    for (const key of refused.keys()) outcome.keep.set(key, saves[key]);
    if (refused.size) outcome.status ??= { reason: 'sync-full' };
    if (Object.keys(accepted).length === 0) return;
    try {
      await this.#storage.sync.set(accepted);
      this.#limiter.record(this.#now());
      for (const [key, value] of Object.entries(accepted)) {
        outcome.inSync.add(key);
        this.#usage.set(key, itemBytes(key, value));
      }
    } catch (error) {
      this.#keepAfterFailure(Object.entries(accepted), outcome, error);
    }
  }

  /** Brings the stored outbox in line: written keys leave it, kept ones enter it. Returns an error text on failure. */
  async #saveOutbox({ inSync, keep, status }: FlushOutcome): Promise<string | null> {
    const sets: Record<string, unknown> = {};
    for (const [key, value] of keep) {
      if (!this.#outbox.has(key) || JSON.stringify(this.#outbox.get(key)) !== JSON.stringify(value)) {
        sets[OUTBOX_PREFIX + key] = { v: value } satisfies OutboxEntry;
      }
    }
    const removals = [...inSync].filter((key) => this.#outbox.has(key)).map((key) => OUTBOX_PREFIX + key);
    const nextStatus = keep.size > 0 ? (status ?? this.#outboxStatus) : null;
    if (keep.size > 0 && status) sets[OUTBOX_STATUS_KEY] = status;
    else if (keep.size === 0) removals.push(OUTBOX_STATUS_KEY);
    try {
      // Removals first: they make room for the sets.
      if (removals.length) await this.#storage.local.remove(removals);
      if (Object.keys(sets).length) await this.#storage.local.set(sets);
    } catch (error) {
      // This device's storage refused too. The writes that are neither in sync nor already in the
      // stored outbox are dropped, and their intents told so: what the writer holds stays what
      // storage holds, which is what every view shows.
      for (const key of inSync) this.#outbox.delete(key);
      return describe(error);
    }
    for (const key of inSync) this.#outbox.delete(key);
    for (const [key, value] of keep) this.#outbox.set(key, value);
    this.#outboxStatus = nextStatus;
    return null;
  }
}

export function createSyncWriter(storage: SyncWriterStorage, options: SyncWriterOptions = {}): SyncWriter {
  return new SyncWriter(storage, options);
}

function receiptFor(keys: readonly string[], { inSync, keep }: FlushOutcome, failure: string | null): WriteReceipt {
  const synced = keys.filter((key) => inSync.has(key)).length;
  if (failure && keys.some((key) => !inSync.has(key)))
    return { ok: false, error: 'local-full', detail: failure, synced };
  return { ok: true, synced, kept: keys.filter((key) => keep.has(key)).length };
}

/** Favorites kept in storage.local before the outbox existed (format of 2026-11) move into it, once. */
async function moveLegacyFavorites(
  local: StorageAreaLike,
  localItems: Record<string, unknown>,
  outbox: Map<string, unknown>,
) {
  const legacy: Record<string, OutboxEntry> = {};
  for (const [key, value] of Object.entries(localItems)) {
    if (!key.startsWith(LEGACY_LOCAL_FAVORITE_PREFIX)) continue;
    const syncKey = FAVORITE_PREFIX + key.slice(LEGACY_LOCAL_FAVORITE_PREFIX.length);
    if (!outbox.has(syncKey)) legacy[OUTBOX_PREFIX + syncKey] = { v: value };
  }
  const legacyKeys = Object.keys(legacy);
  if (legacyKeys.length === 0) return;
  await local.set(legacy);
  await local.remove(
    legacyKeys.map((k) => LEGACY_LOCAL_FAVORITE_PREFIX + k.slice(OUTBOX_PREFIX.length + FAVORITE_PREFIX.length)),
  );
  for (const [key, entry] of Object.entries(legacy)) outbox.set(key.slice(OUTBOX_PREFIX.length), entry.v);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
