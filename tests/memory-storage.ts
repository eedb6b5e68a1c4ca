/**
 * An in-memory `browser.storage` (sync + local + onChanged) standing in for one browser profile, so a
 * test can hold two profiles and replicate between them the way browser sync does: key by key, the
 * last writer winning per key.
 *
 * Its storage.sync refuses writes the way Chrome's does (WXT's fake browser enforces no quota): past
 * 512 items, 102,400 bytes, 8,192 bytes an item or 120 write operations a minute, with Chrome's
 * error texts. It counts each item a few bytes larger than key + JSON, as Chrome does, so the guard's
 * headroom is tested against a stricter count than the documented one.
 */
import type { SyncWriterStorage } from '../background/sync/sync-writer';

type Listener = Parameters<SyncWriterStorage['onChanged']['addListener']>[0];
type Area = SyncWriterStorage['sync'];

/** Bytes Chrome counts beyond key + JSON per item (seen: 4–5). */
const CHROME_EXTRA_BYTES = 5;

export interface MemoryProfile extends SyncWriterStorage {
  data: { sync: Map<string, unknown>; local: Map<string, unknown> };
  /** Every sync write operation (set or remove call) made, with the time it was made at. */
  syncOperations: number[];
  /** Byte budget for storage.local (Chrome: 10 MiB); Infinity unless a test sets it. */
  localQuotaBytes: number;
  /** Tells the listeners of a change that arrived from elsewhere (browser sync). */
  emit(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: 'sync' | 'local'): void;
}

const encoder = new TextEncoder();
const bytes = (key: string, value: unknown) =>
  encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length + CHROME_EXTRA_BYTES;

export function memoryProfile({ now = Date.now }: { now?: () => number } = {}): MemoryProfile {
  const listeners = new Set<Listener>();
  const data = { sync: new Map<string, unknown>(), local: new Map<string, unknown>() };
  const profile = { syncOperations: [] as number[], localQuotaBytes: Number.POSITIVE_INFINITY };

  function checkQuota(name: 'sync' | 'local', next: Map<string, unknown>) {
    const total = [...next].reduce((sum, [k, v]) => sum + bytes(k, v), 0);
    if (name === 'local') {
      if (total > profile.localQuotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
      return;
    }
    const t = now();
    if (profile.syncOperations.filter((at) => t - at < 60_000).length >= 120) {
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    }
    if ([...next].some(([k, v]) => bytes(k, v) > 8_192)) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    if (next.size > 512) throw new Error('MAX_ITEMS quota exceeded');
    if (total > 102_400) throw new Error('QUOTA_BYTES quota exceeded');
  }

  const area = (name: 'sync' | 'local'): Area => ({
    async get(keys) {
      const wanted = keys === null ? [...data[name].keys()] : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(
        wanted.filter((k) => data[name].has(k)).map((k) => [k, structuredClone(data[name].get(k))]),
      );
    },
    async set(items) {
      const next = new Map(data[name]);
      for (const [k, v] of Object.entries(items)) next.set(k, structuredClone(v));
      checkQuota(name, next);
      if (name === 'sync') profile.syncOperations.push(now());
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const [k, v] of Object.entries(items))
        changes[k] = { oldValue: data[name].get(k), newValue: structuredClone(v) };
      data[name] = next;
      for (const l of listeners) l(changes, name);
    },
    async remove(keys) {
      if (name === 'sync') {
        checkQuota(name, data[name]);
        profile.syncOperations.push(now());
      }
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const k of typeof keys === 'string' ? [keys] : keys) {
        if (!data[name].has(k)) continue;
        changes[k] = { oldValue: data[name].get(k) };
        data[name].delete(k);
      }
      if (Object.keys(changes).length) for (const l of listeners) l(changes, name);
    },
  });
  return Object.assign(profile, {
    data,
    emit: (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: 'sync' | 'local') => {
      for (const l of listeners) l(changes, area);
    },
    sync: area('sync'),
    local: area('local'),
    onChanged: {
      addListener: (l: Listener) => void listeners.add(l),
      removeListener: (l: Listener) => void listeners.delete(l),
    },
  });
}

/**
 * What browser sync does between two profiles: every sync key that differs is copied, key by key, and
 * a key removed on one side is removed on the other. Replication bypasses the write-rate quota.
 */
export async function replicate(
  a: MemoryProfile,
  b: MemoryProfile,
  removedOn: { a?: string[]; b?: string[] } = {},
  /** Keys both profiles wrote, and whose write was the later: that one wins on both, as in browser sync. */
  laterOn: { a?: string[]; b?: string[] } = {},
) {
  const later = (on: string[] | undefined, k: string) => on?.includes(k) ?? false;
  const fromA = Object.fromEntries([...a.data.sync].filter(([k]) => !b.data.sync.has(k) || later(laterOn.a, k)));
  const fromB = Object.fromEntries([...b.data.sync].filter(([k]) => !a.data.sync.has(k) || later(laterOn.b, k)));
  receive(b, fromA, removedOn.a ?? []);
  receive(a, fromB, removedOn.b ?? []);
  await Promise.resolve();
}

function receive(to: MemoryProfile, sets: Record<string, unknown>, removals: string[]) {
  const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
  for (const k of removals) {
    if (!to.data.sync.has(k)) continue;
    changes[k] = { oldValue: to.data.sync.get(k) };
    to.data.sync.delete(k);
  }
  for (const [k, v] of Object.entries(sets)) {
    changes[k] = { oldValue: to.data.sync.get(k), newValue: structuredClone(v) };
    to.data.sync.set(k, structuredClone(v));
  }
  if (Object.keys(changes).length) to.emit(changes, 'sync');
}
