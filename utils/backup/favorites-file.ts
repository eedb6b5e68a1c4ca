/**
 * The reader's files, written by the options page and read back: the whole backup (favorites,
 * notes, settings and the feeds they added) and, from earlier versions, the favorites file (version
 * 1: favorites; version 2: with the notes), which still imports. Import validates the whole file
 * before anything is saved, so a bad file changes nothing, and says what is wrong with it.
 */

import { z } from '../catalog/zod';
import { feedUrlProblem } from '../feeds/feed-format';
import type { SettingChanges, SettingName } from '../messaging/protocol';
import {
  type ArticleNotes,
  type ArticleRef,
  type Highlight,
  isArticleRef,
  isHighlight,
  isOwnBrief,
  NOTE_LIMITS,
  type OwnBrief,
} from '../notes/own-notes';
import { SETTING_NAMES } from '../storage/settings';
import { type Favorite, MAX_TITLE_LENGTH } from '../storage/synced-data';
import { t } from '../text/i18n';

export const FAVORITES_FILE_FORMAT = 'blog-brief-favorites';
export const BACKUP_FILE_FORMAT = 'blog-brief-backup';

const FavoriteEntry = z.object({
  id: z.string().regex(/^[0-9a-f]{12}$/, 'must be a 12-character post id'),
  title: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(MAX_TITLE_LENGTH, `must be at most ${MAX_TITLE_LENGTH} characters`),
  savedAt: z.number().int('must be a time in milliseconds').nonnegative('must be a time in milliseconds'),
});

const FavoritesFile = z.object({
  format: z.literal(FAVORITES_FILE_FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  exportedAt: z.string(),
  favorites: z.array(z.unknown()),
  notes: z.array(z.unknown()).optional(),
});

const BackupFile = z.object({
  format: z.literal(BACKUP_FILE_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  favorites: z.array(z.unknown()),
  notes: z.array(z.unknown()),
  settings: z.record(z.string(), z.unknown()),
  feeds: z.array(z.unknown()),
});

/** A feed the reader added, as a backup keeps it: enough to add it again. */
export interface FeedEntry {
  url: string;
  publicKey?: string;
}

/** One annotated article in the file: its reference, its brief (or null) and its highlights. */
export interface NotesEntry {
  article: ArticleRef;
  brief: OwnBrief | null;
  highlights: Highlight[];
}

export interface FileContents {
  /** Which file it was: a whole backup, or a favorites file of an earlier version. */
  kind: 'backup' | 'favorites';
  favorites: FavoriteEntry[];
  /** Of a backup: the settings by name (only names this version knows), and the feeds. */
  settings: SettingChanges;
  feeds: FeedEntry[];
  notes: NotesEntry[];
}

export type FavoriteEntry = z.infer<typeof FavoriteEntry>;

export class FavoritesFileError extends Error {
  override name = 'FavoritesFileError';
}

/** What a whole backup holds, as the options page gathers it. */
export interface BackupContents {
  favorites: readonly Favorite[];
  notes: readonly ArticleNotes[];
  settings: SettingChanges;
  feeds: readonly FeedEntry[];
}

/** The whole backup: favorites, notes, settings and feeds, in one versioned file. */
export function backupFileText({ favorites, notes, settings, feeds }: BackupContents, exportedAt = new Date()): string {
  return `${JSON.stringify(
    {
      format: BACKUP_FILE_FORMAT,
      version: 1,
      exportedAt: exportedAt.toISOString(),
      favorites: favorites.map(({ id, title, savedAt }) => ({ id, title, savedAt })),
      notes: notes.map(({ article, brief, highlights }) => ({ article, brief, highlights })),
      settings,
      feeds: feeds.map(({ url, publicKey }) => (publicKey ? { url, publicKey } : { url })),
    },
    null,
    2,
  )}\n`;
}

/** What is wrong with one feed of a backup, or null when nothing is. */
function feedEntryProblem(raw: unknown): string | null {
  const { url, publicKey } = (raw ?? {}) as Partial<Record<keyof FeedEntry, unknown>>;
  if (typeof url !== 'string') return 'field "url" must be the URL of a feed';
  const problem = feedUrlProblem(url);
  if (problem) return `field "url" (${url}): ${problem}`;
  if (publicKey !== undefined && typeof publicKey !== 'string') return `field "publicKey" (${url}) must be text`;
  return null;
}

/** What is wrong with one annotated article of a file, by field, or null when nothing is. */
function notesEntryProblem(raw: unknown): string | null {
  const { article, brief, highlights } = (raw ?? {}) as Partial<Record<keyof NotesEntry, unknown>>;
  if (!isArticleRef(article)) return 'field "article" must be an https article of the three blogs, with its key';
  const at = ` (${article.title || article.url})`;
  if (brief !== null && !isOwnBrief(brief)) return `field "brief"${at} is not a brief within its limits`;
  if (!Array.isArray(highlights)) return `field "highlights"${at} must be a list`;
  if (highlights.length > NOTE_LIMITS.highlights)
    return `field "highlights"${at} holds more than ${NOTE_LIMITS.highlights} highlights`;
  const bad = highlights.findIndex((h) => !isHighlight(h));
  return bad >= 0 ? `field "highlights.${bad}"${at} is not a highlight within its limits` : null;
}

export function parseFavoritesFile(text: string): FileContents {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FavoritesFileError(t('fileNotJson'));
  }
  const format = (json as { format?: unknown } | null)?.format;
  const file = format === BACKUP_FILE_FORMAT ? BackupFile.safeParse(json) : FavoritesFile.safeParse(json);
  if (!file.success) {
    const formatIssue = file.error.issues.some((i) => i.path[0] === 'format' || i.path.length === 0);
    throw new FavoritesFileError(
      formatIssue
        ? t('fileNotFavorites')
        : t('fileDamaged', file.error.issues.map((i) => `field "${i.path.join('.')}": ${i.message}`).join('; ')),
    );
  }
  const problems: string[] = [];
  const entries: FavoriteEntry[] = [];
  file.data.favorites.forEach((raw, index) => {
    const entry = FavoriteEntry.safeParse(raw);
    if (entry.success) entries.push(entry.data);
    else
      problems.push(
        `favorite #${index + 1}: ${entry.error.issues.map((i) => `field "${i.path.join('.')}" ${i.message}`).join('; ')}`,
      );
  });
  const notes: NotesEntry[] = [];
  (file.data.notes ?? []).forEach((raw, index) => {
    const problem = notesEntryProblem(raw);
    if (problem) problems.push(`annotated article #${index + 1}: ${problem}`);
    else notes.push(raw as NotesEntry);
  });
  const settings: SettingChanges = {};
  const feeds: FeedEntry[] = [];
  if (file.data.format === BACKUP_FILE_FORMAT) {
    const backup = file.data;
    for (const [name, value] of Object.entries(backup.settings)) {
      // A setting of a later version is left alone; one this version knows must be on or off.
      if (!SETTING_NAMES.includes(name as SettingName)) continue;
      if (typeof value === 'boolean') settings[name as SettingName] = value;
      else problems.push(`setting "${name}": must be true or false`);
    }
    backup.feeds.forEach((raw, index) => {
      const problem = feedEntryProblem(raw);
      if (problem) problems.push(`feed #${index + 1}: ${problem}`);
      else feeds.push(raw as FeedEntry);
    });
  }
  if (problems.length)
    throw new FavoritesFileError(
      t(
        'fileNothingImported',
        problems.slice(0, 3).join('. ') + (problems.length > 3 ? ` ${t('fileMoreProblems', problems.length - 3)}` : ''),
      ),
    );
  const kind = file.data.format === BACKUP_FILE_FORMAT ? 'backup' : 'favorites';
  return { kind, favorites: entries, notes, settings, feeds };
}
