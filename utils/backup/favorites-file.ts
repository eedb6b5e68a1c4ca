/**
 * The favorites export file: what the options page writes and reads back, the reader's favorites and
 * (since version 2) their notes: briefs and highlights. Import validates the whole file before
 * anything is saved, so a bad file changes nothing, and says what is wrong with it. Version 1 files
 * (favorites only) still import.
 */

import { z } from '../catalog/zod';
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
import { type Favorite, MAX_TITLE_LENGTH } from '../storage/synced-data';
import { t } from '../text/i18n';

export const FAVORITES_FILE_FORMAT = 'blog-brief-favorites';

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

/** One annotated article in the file: its reference, its brief (or null) and its highlights. */
export interface NotesEntry {
  article: ArticleRef;
  brief: OwnBrief | null;
  highlights: Highlight[];
}

export interface FileContents {
  favorites: FavoriteEntry[];
  notes: NotesEntry[];
}

export type FavoriteEntry = z.infer<typeof FavoriteEntry>;

export class FavoritesFileError extends Error {
  override name = 'FavoritesFileError';
}

export function favoritesFileText(
  favorites: readonly Favorite[],
  notes: readonly ArticleNotes[] = [],
  exportedAt = new Date(),
): string {
  const entries: FavoriteEntry[] = favorites.map(({ id, title, savedAt }) => ({ id, title, savedAt }));
  const notesEntries: NotesEntry[] = notes.map(({ article, brief, highlights }) => ({ article, brief, highlights }));
  return `${JSON.stringify(
    {
      format: FAVORITES_FILE_FORMAT,
      version: 2,
      exportedAt: exportedAt.toISOString(),
      favorites: entries,
      notes: notesEntries,
    },
    null,
    2,
  )}\n`;
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
  const file = FavoritesFile.safeParse(json);
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
  if (problems.length)
    throw new FavoritesFileError(
      t(
        'fileNothingImported',
        problems.slice(0, 3).join('. ') + (problems.length > 3 ? ` ${t('fileMoreProblems', problems.length - 3)}` : ''),
      ),
    );
  return { favorites: entries, notes };
}
