/**
 * What Blog Brief keeps in `storage.sync`, and the outbox in `storage.local` that holds what sync has
 * not taken yet. The shapes and key names live here, once; the background's sync writer
 * (background/sync/sync-writer.ts) is the only code that writes them, and every view reads them through here.
 *
 * storage.sync, replicated by browser sync key by key, the last writer winning per key:
 *   `fav:<postId>` -> { t: title, s: savedAt }   one key per favorite, so two profiles that save
 *                                                different posts before syncing both keep both
 *   `settings:<name>` -> value                   one key per setting, for the same reason
 * storage.local:
 *   `outbox:<syncKey>` -> { v: value | null }    a write the writer accepted and sync has not taken
 *                                                yet (sync full, write rate, an error): a save, or
 *                                                null for a removal. Views show sync as the outbox
 *                                                will leave it, so nothing the reader did is lost
 *                                                or undone on screen while it waits.
 *   `outbox-status` -> { reason, detail? }       why the outbox is not empty, for the notice
 */

export const FAVORITE_PREFIX = 'fav:';
export const SETTING_PREFIX = 'settings:';
export const OUTBOX_PREFIX = 'outbox:';
export const OUTBOX_STATUS_KEY = 'outbox-status';
/** Where favorites sync refused were kept before the outbox (format of 2026-11); moved on start. */
export const LEGACY_LOCAL_FAVORITE_PREFIX = 'fav-local:';

/** Long enough for any real title, short enough that a favorite never nears the per-item quota. */
export const MAX_TITLE_LENGTH = 300;

export interface StoredFavorite {
  /** Title: shown even after the post leaves the catalog. */
  t: string;
  /** Saved at, ms since the epoch. */
  s: number;
}

export interface Favorite {
  id: string;
  title: string;
  /** ms since the epoch. */
  savedAt: number;
  /** True while the favorite waits in the outbox: kept on this device, not yet in sync. */
  localOnly: boolean;
}

export type OutboxReason = 'sync-full' | 'rate-limited' | 'write-failed';

export interface OutboxStatus {
  reason: OutboxReason;
  /** The browser's own words, for the console; the reader gets plain words (utils/text/sync-notice.ts). */
  detail?: string;
}

export interface OutboxEntry {
  /** The value to set, or null to remove the key. */
  v: unknown;
}

export const favoriteKey = (postId: string) => FAVORITE_PREFIX + postId;

export function toStoredFavorite(favorite: { title: string; savedAt: number }): StoredFavorite {
  return { t: favorite.title.slice(0, MAX_TITLE_LENGTH), s: favorite.savedAt };
}

export function fromStoredFavorite(id: string, value: unknown, localOnly: boolean): Favorite | null {
  if (typeof value !== 'object' || value === null) return null;
  const { t, s } = value as Partial<StoredFavorite>;
  if (typeof t !== 'string' || typeof s !== 'number' || !Number.isFinite(s)) return null;
  return { id, title: t, savedAt: s, localOnly };
}

export function isOutboxEntry(value: unknown): value is OutboxEntry {
  return typeof value === 'object' && value !== null && 'v' in value;
}

export function isOutboxStatus(value: unknown): value is OutboxStatus {
  const reason = (value as Partial<OutboxStatus> | null)?.reason;
  return reason === 'sync-full' || reason === 'rate-limited' || reason === 'write-failed';
}
