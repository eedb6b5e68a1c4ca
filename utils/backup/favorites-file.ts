/**
 * The favorites export file: what the options page writes and reads back. Import validates the whole
 * file before anything is saved, so a bad file changes nothing, and says what is wrong with it.
 */

import { z } from '../catalog/zod';
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
  version: z.literal(1),
  exportedAt: z.string(),
  favorites: z.array(z.unknown()),
});

export type FavoriteEntry = z.infer<typeof FavoriteEntry>;

export class FavoritesFileError extends Error {
  override name = 'FavoritesFileError';
}

export function favoritesFileText(favorites: readonly Favorite[], exportedAt = new Date()): string {
  const entries: FavoriteEntry[] = favorites.map(({ id, title, savedAt }) => ({ id, title, savedAt }));
  return `${JSON.stringify(
    { format: FAVORITES_FILE_FORMAT, version: 1, exportedAt: exportedAt.toISOString(), favorites: entries },
    null,
    2,
  )}\n`;
}

export function parseFavoritesFile(text: string): FavoriteEntry[] {
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
  if (problems.length)
    throw new FavoritesFileError(
      t(
        'fileNothingImported',
        problems.slice(0, 3).join('. ') + (problems.length > 3 ? ` ${t('fileMoreProblems', problems.length - 3)}` : ''),
      ),
    );
  return entries;
}
