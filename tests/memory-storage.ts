/**
 * An in-memory `browser.storage` (sync + local + onChanged) standing in for one browser profile, so a
 * test can hold two profiles and replicate between them the way browser sync does: key by key, the
 * last writer winning per key.
 */
import type { FavoritesStorage, StorageAreaLike } from '../utils/favorites';

type Listener = Parameters<FavoritesStorage['onChanged']['addListener']>[0];

export interface MemoryProfile extends FavoritesStorage {
  data: { sync: Map<string, unknown>; local: Map<string, unknown> };
}

export function memoryProfile(): MemoryProfile {
  const listeners = new Set<Listener>();
  const data = { sync: new Map<string, unknown>(), local: new Map<string, unknown>() };
  const area = (name: 'sync' | 'local'): StorageAreaLike => ({
    async get(keys) {
      const wanted = keys === null ? [...data[name].keys()] : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(
        wanted.filter((k) => data[name].has(k)).map((k) => [k, structuredClone(data[name].get(k))]),
      );
    },
    async set(items) {
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data[name].get(k), newValue: structuredClone(v) };
        data[name].set(k, structuredClone(v));
      }
      for (const l of listeners) l(changes, name);
    },
    async remove(keys) {
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const k of typeof keys === 'string' ? [keys] : keys) {
        if (!data[name].has(k)) continue;
        changes[k] = { oldValue: data[name].get(k) };
        data[name].delete(k);
      }
      if (Object.keys(changes).length) for (const l of listeners) l(changes, name);
    },
  });
  return {
    data,
    sync: area('sync'),
    local: area('local'),
    onChanged: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
  };
}

/**
 * What browser sync does between two profiles: every sync key that differs is copied, key by key, and
 * a key removed on one side is removed on the other. `newer` decides which side wrote a key last.
 */
export async function replicate(a: MemoryProfile, b: MemoryProfile, removedOn: { a?: string[]; b?: string[] } = {}) {
  for (const key of removedOn.a ?? []) await b.sync.remove(key);
  for (const key of removedOn.b ?? []) await a.sync.remove(key);
  const fromA = Object.fromEntries([...a.data.sync].filter(([k]) => !b.data.sync.has(k)));
  const fromB = Object.fromEntries([...b.data.sync].filter(([k]) => !a.data.sync.has(k)));
  if (Object.keys(fromA).length) await b.sync.set(fromA);
  if (Object.keys(fromB).length) await a.sync.set(fromB);
}
