import { describe, expect, it } from 'vitest';
import {
  blogOfUrl,
  briefFromText,
  isArticleRef,
  isHighlight,
  NOTE_LIMITS,
  newHighlightId,
} from '../../../utils/notes/own-notes';
import { notesFromItems } from '../../../utils/storage/notes-reader';

describe('briefFromText', () => {
  it('reads one key point per line, bullets and blank lines dropped, tags as lower-case words', () => {
    expect(
      briefFromText(
        { why: '  We run it too. ', points: '- One\n\n• Two\n* Three', tags: 'Service Mesh, atlas, atlas' },
        5,
      ),
    ).toEqual({
      why: 'We run it too.',
      points: ['One', 'Two', 'Three'],
      tags: ['service-mesh', 'atlas'],
      updatedAt: 5,
    });
  });

  it('is nothing when every field is empty (a removal, not an empty brief)', () => {
    expect(briefFromText({ why: ' ', points: '\n', tags: '' }, 1)).toBeNull();
  });

  it('names the limit a brief passes instead of cutting it', () => {
    expect(briefFromText({ why: 'x'.repeat(NOTE_LIMITS.why + 1), points: '', tags: '' }, 1)).toEqual({
      field: 'why',
      limit: NOTE_LIMITS.why,
    });
    const points = Array.from({ length: NOTE_LIMITS.points + 1 }, (_, i) => `P${i}`).join('\n');
    expect(briefFromText({ why: 'w', points, tags: '' }, 1)).toEqual({ field: 'points', limit: NOTE_LIMITS.points });
  });
});

describe('what a view may send', () => {
  it('takes an article only at an https URL of the blogs whose key is the one named', () => {
    const ok = {
      key: 'medium:0123456789ab',
      url: 'https://medium.com/pinterest-engineering/x-0123456789ab',
      title: 'X',
      blog: 'pinterest',
    };
    expect(isArticleRef(ok)).toBe(true);
    expect(isArticleRef({ ...ok, key: 'medium:ffffffffffff' })).toBe(false);
    expect(isArticleRef({ ...ok, url: 'http://medium.com/pinterest-engineering/x-0123456789ab' })).toBe(false);
    expect(isArticleRef({ ...ok, url: 'https://evil.example/x-0123456789ab' })).toBe(false);
    expect(isArticleRef({ ...ok, blog: 'google' })).toBe(false);
  });

  it('takes a highlight within its limits only', () => {
    const ok = {
      id: newHighlightId(1_700_000_000_000),
      exact: 'a quote',
      prefix: 'p',
      suffix: 's',
      start: 3,
      note: '',
      createdAt: 1,
    };
    expect(isHighlight(ok)).toBe(true);
    expect(isHighlight({ ...ok, exact: '   ' })).toBe(false);
    expect(isHighlight({ ...ok, exact: 'x'.repeat(NOTE_LIMITS.exact + 1) })).toBe(false);
    expect(isHighlight({ ...ok, note: 'x'.repeat(NOTE_LIMITS.note + 1) })).toBe(false);
    expect(isHighlight({ ...ok, id: '../fav:x' })).toBe(false);
  });
});

describe('blogOfUrl', () => {
  it.each([
    ['https://netflixtechblog.com/some-post-0123456789ab', 'netflix'],
    ['https://medium.com/airbnb-engineering/some-post-0123456789ab', 'airbnb'],
    ['https://medium.com/pinterest-engineering/some-post-0123456789ab', 'pinterest'],
    ['https://airbnb.tech/infrastructure/some-post/', 'airbnb'],
    ['https://medium.com/p/0123456789ab', null],
    ['not a url', null],
  ])('%s is %s', (url, blog) => expect(blogOfUrl(url)).toBe(blog));
});

describe('notesFromItems', () => {
  it('groups keys by article, newest change first, and skips damaged values', () => {
    const items = new Map<string, unknown>([
      ['art:medium:aaaaaaaaaaaa', { t: 'Old', u: 'https://netflixtechblog.com/a-aaaaaaaaaaaa', b: 'netflix' }],
      ['hl:medium:aaaaaaaaaaaa:x1', { x: 'quote', p: '', s: '', o: 4, n: '', a: 10 }],
      ['hl:medium:aaaaaaaaaaaa:x2', { x: 42 }],
      ['art:medium:bbbbbbbbbbbb', { t: 'New', u: 'https://netflixtechblog.com/b-bbbbbbbbbbbb', b: 'netflix' }],
      ['note:medium:bbbbbbbbbbbb', { w: 'why', k: [], g: [], m: 20 }],
      ['art:medium:cccccccccccc', { t: 'Empty', u: 'https://netflixtechblog.com/c-cccccccccccc', b: 'netflix' }],
    ]);
    const notes = notesFromItems(items);
    expect(notes.map((n) => n.article.title)).toEqual(['New', 'Old']);
    expect(notes[1]!.highlights.map((h) => h.id)).toEqual(['x1']);
  });
});
