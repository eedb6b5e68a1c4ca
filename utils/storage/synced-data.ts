/**
 * What Blog Brief keeps in `storage.sync`, and the outbox in `storage.local` that holds what sync has
 * not taken yet. The shapes and key names live here, once; the background's sync writer
 * (background/sync/sync-writer.ts) is the only code that writes them, and every view reads them through here.
 *
 * storage.sync, replicated by browser sync key by key, the last writer winning per key:
 *   `fav:<postId>` -> { t: title, s: savedAt }   one key per favorite, so two profiles that save
 *                                                different posts before syncing both keep both
 *   `settings:<name>` -> value                   one key per setting, for the same reason
 *   `art:<article>` -> { t, u, b }               an article the reader annotated: its title, URL and
 *                                                blog, as the page showed them (`<article>` is its URL
 *                                                key, utils/catalog/match.ts)
 *   `note:<article>` -> { w, k, g, m }           the reader's own brief of it: why it matters (to
 *                                                them), key points, tags, saved at. One key: edited
 *                                                on two profiles, the later edit wins, as a whole
 *   `hl:<article>:<id>` -> { x, p, s, o, n, a }  one key per highlight (quote, prefix, suffix,
 *                                                offset, note, created at), so highlights made on two
 *                                                profiles before they sync all survive
 * storage.local:
 *   `outbox:<syncKey>` -> { v: value | null }    a write the writer accepted and sync has not taken
 *                                                yet (sync full, write rate, an error): a save, or
 *                                                null for a removal. Views show sync as the outbox
 *                                                will leave it, so nothing the reader did is lost
 *                                                or undone on screen while it waits.
 *   `outbox-status` -> { reason, detail? }       why the outbox is not empty, for the notice
 */

import { BLOG_IDS, type BlogId } from '../catalog/blogs';
import type { ArticleRef, Highlight, OwnBrief } from '../notes/own-notes';

export const FAVORITE_PREFIX = 'fav:';
export const ARTICLE_PREFIX = 'art:';
export const BRIEF_PREFIX = 'note:';
export const HIGHLIGHT_PREFIX = 'hl:';
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

/** The reader's notes share sync with favorites and settings under a budget of their own (background/sync/sync-quota.ts). */
export function isNotesKey(key: string): boolean {
  return key.startsWith(ARTICLE_PREFIX) || key.startsWith(BRIEF_PREFIX) || key.startsWith(HIGHLIGHT_PREFIX);
}

export const articleKey = (article: string) => ARTICLE_PREFIX + article;
export const briefKey = (article: string) => BRIEF_PREFIX + article;
/** Every highlight of an article starts with this. */
export const highlightPrefix = (article: string) => `${HIGHLIGHT_PREFIX}${article}:`;
export const highlightKey = (article: string, id: string) => highlightPrefix(article) + id;

export interface StoredArticle {
  t: string;
  u: string;
  b: string;
}

export interface StoredBrief {
  w: string;
  k: string[];
  g: string[];
  m: number;
}

export interface StoredHighlight {
  x: string;
  p: string;
  s: string;
  o: number;
  n: string;
  a: number;
}

export function toStoredArticle(article: ArticleRef): StoredArticle {
  return { t: article.title.slice(0, MAX_TITLE_LENGTH), u: article.url, b: article.blog };
}

export function toStoredBrief(brief: OwnBrief): StoredBrief {
  return { w: brief.why, k: brief.points, g: brief.tags, m: brief.updatedAt };
}

export function toStoredHighlight(h: Highlight): StoredHighlight {
  return { x: h.exact, p: h.prefix, s: h.suffix, o: h.start, n: h.note, a: h.createdAt };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

export function fromStoredArticle(key: string, value: unknown): ArticleRef | null {
  const { t, u, b } = (value ?? {}) as Partial<StoredArticle>;
  if (!isString(t) || !isString(u) || !isString(b) || !(BLOG_IDS as readonly string[]).includes(b)) return null;
  return { key, title: t, url: u, blog: b as BlogId };
}

export function fromStoredBrief(value: unknown): OwnBrief | null {
  const { w, k, g, m } = (value ?? {}) as Partial<StoredBrief>;
  if (!isString(w) || !isStrings(k) || !isStrings(g) || !isTime(m)) return null;
  return { why: w, points: k, tags: g, updatedAt: m };
}

export function fromStoredHighlight(id: string, value: unknown): Highlight | null {
  const { x, p, s, o, n, a } = (value ?? {}) as Partial<StoredHighlight>;
  if (!isString(x) || !isString(p) || !isString(s) || !isTime(o) || !isString(n) || !isTime(a)) return null;
  return { id, exact: x, prefix: p, suffix: s, start: o, note: n, createdAt: a };
}
