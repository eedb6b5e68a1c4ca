/**
 * Intents from the views, checked and turned into writes for the sync writer. Pure. Views are our
 * own code, but an intent crosses a process boundary from a page's renderer, so its shape is checked
 * here rather than trusted.
 */
import type { BackgroundMessage, SettingName, WriteReceipt } from '../../utils/messaging/protocol';
import { SETTING_NAMES, settingKey } from '../../utils/storage/settings';
import { favoriteKey, MAX_TITLE_LENGTH, toStoredFavorite } from '../../utils/storage/synced-data';
import type { SyncWriter } from './sync-writer';

export type Writes = Map<string, unknown>;

const POST_ID = /^[0-9a-f]{12}$/;

/**
 * Favorites to save -> sync writes. A saved time in the future (a hand-edited import, a clock that
 * was wrong) is brought back to `now`, so it cannot pin a favorite to the top forever.
 */
export function favoriteSaves(favorites: unknown, now: number): Writes | null {
  if (!Array.isArray(favorites)) return null;
  const writes: Writes = new Map();
  for (const favorite of favorites) {
    const { id, title, savedAt = now } = (favorite ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || !POST_ID.test(id)) return null;
    if (typeof title !== 'string' || typeof savedAt !== 'number' || !Number.isFinite(savedAt) || savedAt < 0)
      return null;
    writes.set(
      favoriteKey(id),
      toStoredFavorite({ title: title.slice(0, MAX_TITLE_LENGTH), savedAt: Math.min(savedAt, now) }),
    );
  }
  return writes;
}

export function favoriteRemovals(ids: unknown): Writes | null {
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && POST_ID.test(id))) return null;
  return new Map(ids.map((id: string) => [favoriteKey(id), null]));
}

export function settingChanges(changes: unknown): Writes | null {
  if (typeof changes !== 'object' || changes === null) return null;
  const writes: Writes = new Map();
  for (const [name, value] of Object.entries(changes)) {
    if (!SETTING_NAMES.includes(name as SettingName) || typeof value !== 'boolean') return null;
    writes.set(settingKey(name as SettingName), value);
  }
  return writes;
}

/** A favorites intent, from any view. */
export type FavoritesIntent = Extract<BackgroundMessage, { type: 'favorites:save' | 'favorites:unsave' }>;

export type WriteIntent = Extract<BackgroundMessage, { type: 'favorites:save' | 'favorites:unsave' | 'settings:set' }>;

/** Checks an intent and hands its writes to the writer; a malformed intent writes nothing. */
export function applyIntent(writer: SyncWriter, intent: WriteIntent, now: number): Promise<WriteReceipt> {
  const writes =
    intent.type === 'favorites:save'
      ? favoriteSaves(intent.favorites, now)
      : intent.type === 'favorites:unsave'
        ? favoriteRemovals(intent.ids)
        : settingChanges(intent.changes);
  return writes ? writer.write(writes) : Promise.resolve({ ok: false, error: 'invalid' });
}
