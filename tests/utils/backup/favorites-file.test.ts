import { describe, expect, it } from 'vitest';
import { backupFileText, FavoritesFileError, parseFavoritesFile } from '../../../utils/backup/favorites-file';

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
  it('round-trips a whole backup: favorites, notes, settings, feeds', () => {
    const feeds = [
      { url: 'https://team.example/briefs/index.json' },
      { url: 'http://127.0.0.1:8080/index.json', publicKey: 'k'.repeat(44) },
    ];
    const settings = { whatsNew: true, 'blogEnabled:pinterest': false } as const;
    const text = backupFileText(
      { favorites: [favorite], notes: [notes], settings, feeds },
      new Date('2026-01-02T03:04:05Z'),
    );
    expect(JSON.parse(text)).toMatchObject({
      format: 'blog-brief-backup',
      version: 1,
      exportedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(parseFavoritesFile(text)).toEqual({
      kind: 'backup',
      favorites: [{ id: favorite.id, title: 'Maestro', savedAt: favorite.savedAt }],
      notes: [{ article, brief: notes.brief, highlights: [highlight] }],
      settings,
      feeds,
    });
  });

  it('imports a favorites file of version 2, with the notes', () => {
    const text = fileWith({
      favorites: [{ id: favorite.id, title: 'Maestro', savedAt: favorite.savedAt }],
      notes: [{ article, brief: notes.brief, highlights: [highlight] }],
    });
    expect(parseFavoritesFile(text)).toEqual({
      kind: 'favorites',
      favorites: [{ id: favorite.id, title: 'Maestro', savedAt: favorite.savedAt }],
      notes: [{ article, brief: notes.brief, highlights: [highlight] }],
      settings: {},
      feeds: [],
    });
  });

  it('leaves a setting of a later version alone, and refuses a backup with a bad setting or feed, naming it', () => {
    const backup = (fields: Record<string, unknown>) =>
      JSON.stringify({
        format: 'blog-brief-backup',
        version: 1,
        exportedAt: 'x',
        favorites: [],
        notes: [],
        settings: {},
        feeds: [],
        ...fields,
      });
    expect(parseFavoritesFile(backup({ settings: { aSettingOfLater: 3, whatsNew: true } })).settings).toEqual({
      whatsNew: true,
    });
    expect(() => parseFavoritesFile(backup({ settings: { whatsNew: 'yes' } }))).toThrow(
      /setting "whatsNew": must be true or false/,
    );
    expect(() => parseFavoritesFile(backup({ feeds: [{ url: 'http://evil.example/index.json' }] }))).toThrow(
      /feed #1: field "url" \(http:\/\/evil.example\/index.json\): a feed must be served over https/,
    );
    expect(() => parseFavoritesFile(backup({ feeds: [{ url: 'javascript:alert(1)' }] }))).toThrow(/feed #1/);
  });

  it('imports a file of the first version, favorites only', () => {
    const text = JSON.stringify({
      format: 'blog-brief-favorites',
      version: 1,
      exportedAt: '2025-05-01T00:00:00.000Z',
      favorites: [{ id: favorite.id, title: 'Maestro', savedAt: favorite.savedAt }],
    });
    expect(parseFavoritesFile(text)).toEqual({
      kind: 'favorites',
      favorites: [{ id: favorite.id, title: 'Maestro', savedAt: favorite.savedAt }],
      notes: [],
      settings: {},
      feeds: [],
    });
  });

  it('keeps an article without a brief, with its highlights', () => {
    const text = fileWith({ notes: [{ article, brief: null, highlights: [highlight] }] });
    expect(parseFavoritesFile(text).notes).toEqual([{ article, brief: null, highlights: [highlight] }]);
  });

  it.each([
    ['text that is not JSON', 'not json', /This file is not JSON/],
    ['JSON of something else', '{"name":"package"}', /not a Blog Brief backup or favorites file/],
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
