import { describe, expect, it } from 'vitest';
import { FavoritesFileError, favoritesFileText, parseFavoritesFile } from '../../../utils/backup/favorites-file';

const favorite = { id: '028e9637f041', title: 'Maestro', savedAt: 1_700_000_000_000, localOnly: false };

describe('the favorites file', () => {
  it('round-trips what it exports', () => {
    const text = favoritesFileText([favorite], new Date('2026-01-02T03:04:05Z'));
    expect(JSON.parse(text)).toMatchObject({
      format: 'blog-brief-favorites',
      version: 1,
      exportedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(parseFavoritesFile(text)).toEqual([{ id: favorite.id, title: 'Maestro', savedAt: favorite.savedAt }]);
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
  ])('refuses %s with a message that says what is wrong', (_case, text, message) => {
    expect(() => parseFavoritesFile(text)).toThrow(FavoritesFileError);
    expect(() => parseFavoritesFile(text)).toThrow(message);
  });
});
