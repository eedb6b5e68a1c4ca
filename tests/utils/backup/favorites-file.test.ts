import { describe, expect, it } from 'vitest';
import { FavoritesFileError, favoritesFileText, parseFavoritesFile } from '../../../utils/backup/favorites-file';

const favorite = { id: '028e9637f041', title: 'Maestro', savedAt: 1_700_000_000_000, localOnly: false };
const article = {
  key: 'medium:0123456789ab',
  url: 'https://netflixtechblog.com/an-article-0123456789ab',
  title: 'An article',
  blog: 'netflix' as const,
};
const highlight = {
  id: 'abc123',
  exact: 'a passage',
  prefix: 'before ',
  suffix: ' after',
  start: 120,
  note: 'my note',
  createdAt: 1_700_000_000_500,
};
const notes = {
  article,
  brief: { why: 'Because.', points: ['One'], tags: ['dist'], updatedAt: 1_700_000_000_100 },
  highlights: [highlight],
  changedAt: 1_700_000_000_500,
};
const fileWith = (fields: Record<string, unknown>) =>
  JSON.stringify({ format: 'blog-brief-favorites', version: 2, exportedAt: 'x', favorites: [], ...fields });

describe('the favorites file', () => {
  it('round-trips what it exports', () => {
    const text = favoritesFileText([favorite], [notes], new Date('2026-01-02T03:04:05Z'));
    expect(JSON.parse(text)).toMatchObject({
      format: 'blog-brief-favorites',
      version: 2,
      exportedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(parseFavoritesFile(text)).toEqual({
      favorites: [{ id: favorite.id, title: 'Maestro', savedAt: favorite.savedAt }],
      notes: [{ article, brief: notes.brief, highlights: [highlight] }],
    });
  });

  it('imports a file of the first version, favorites only', () => {
    const text = JSON.stringify({
      format: 'blog-brief-favorites',
      version: 1,
      exportedAt: '2025-05-01T00:00:00.000Z',
      favorites: [{ id: favorite.id, title: 'Maestro', savedAt: favorite.savedAt }],
    });
    expect(parseFavoritesFile(text)).toEqual({
      favorites: [{ id: favorite.id, title: 'Maestro', savedAt: favorite.savedAt }],
      notes: [],
    });
  });

  it('keeps an article without a brief, with its highlights', () => {
    const text = fileWith({ notes: [{ article, brief: null, highlights: [highlight] }] });
    expect(parseFavoritesFile(text).notes).toEqual([{ article, brief: null, highlights: [highlight] }]);
  });

  it.each([
    ['text that is not JSON', 'not json', /This file is not JSON/],
    ['JSON of something else', '{"name":"package"}', /not a Blog Brief favorites file/],
    [
      'a bad post id',
      JSON.stringify({
        format: 'blog-brief-favorites',
        version: 1,
        exportedAt: 'x',
        favorites: [{ id: 'nope', title: 'T', savedAt: 1 }],
      }),
      /Nothing was imported\. favorite #1: field "id" must be a 12-character post id/,
    ],
    [
      'a missing title',
      JSON.stringify({
        format: 'blog-brief-favorites',
        version: 1,
        exportedAt: 'x',
        favorites: [{ ...favorite }, { id: '127b6712359a', savedAt: 1 }],
      }),
      /favorite #2: field "title"/,
    ],
    [
      'favorites that are not a list',
      JSON.stringify({ format: 'blog-brief-favorites', version: 1, exportedAt: 'x', favorites: {} }),
      /damaged: field "favorites"/,
    ],
    [
      'an article on another host',
      fileWith({ notes: [{ ...notes, article: { ...article, url: 'https://evil.example/a-0123456789ab' } }] }),
      /annotated article #1: field "article"/,
    ],
    [
      'a brief over its limit',
      fileWith({ notes: [{ ...notes, brief: { ...notes.brief, why: 'x'.repeat(601) } }] }),
      /annotated article #1: field "brief" \(An article\)/,
    ],
    [
      'a damaged highlight',
      fileWith({ notes: [{ ...notes, highlights: [highlight, { ...highlight, exact: '' }] }] }),
      /annotated article #1: field "highlights.1" \(An article\)/,
    ],
    ['a version from the future', fileWith({ version: 3 }), /damaged: field "version"/],
  ])('refuses %s with a message that says what is wrong', (_case, text, message) => {
    expect(() => parseFavoritesFile(text)).toThrow(FavoritesFileError);
    expect(() => parseFavoritesFile(text)).toThrow(message);
  });
});
