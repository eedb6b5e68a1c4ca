import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COMMAND, HIGHLIGHT_MENU_ID } from '../../../background/notes/notes-gestures';
import { NOTES_BUDGET } from '../../../background/sync/sync-quota';
import type { NotesReceipt } from '../../../utils/messaging/protocol';
import type { ArticleRef, Highlight, OwnBrief } from '../../../utils/notes/own-notes';
import { briefKey, highlightKey } from '../../../utils/storage/synced-data';
import { BLOG_TAB_ID, BLOG_TAB_URL, extensionProfile, runBackground } from '../../background-harness';
import { replicate } from '../../memory-storage';

const article: ArticleRef = {
  key: 'medium:0123456789ab',
  url: BLOG_TAB_URL,
  title: 'An article of no catalog',
  blog: 'netflix',
};

const brief = (why: string, updatedAt = 1_000): OwnBrief => ({
  why,
  points: ['One', 'Two'],
  tags: ['atlas'],
  updatedAt,
});
const highlight = (id: string, exact: string, start = 0): Highlight => ({
  id,
  exact,
  prefix: '',
  suffix: '',
  start,
  note: '',
  createdAt: 2_000,
});

describe('the notes service', () => {
  it('keeps a brief and highlights, in page order, and answers the panel of an article no catalog holds', async () => {
    const profile = extensionProfile();
    expect(await profile.send({ type: 'brief:get', url: BLOG_TAB_URL })).toEqual({ none: true });
    await profile.send({ type: 'notes:save-brief', article, brief: brief('We run Atlas too') });
    await profile.send({ type: 'notes:add-highlight', article, highlight: highlight('b', 'later passage', 500) });
    await profile.send({ type: 'notes:add-highlight', article, highlight: highlight('a', 'early passage', 10) });

    const notes = await profile.send({ type: 'notes:get', article: article.key });
    expect(notes?.brief?.why).toBe('We run Atlas too');
    expect(notes?.highlights.map((h) => h.exact)).toEqual(['early passage', 'later passage']);
    expect(await profile.send({ type: 'brief:get', url: BLOG_TAB_URL })).toMatchObject({ own: article });
    expect(profile.tabMessages).toContainEqual({
      tabId: BLOG_TAB_ID,
      message: { type: 'notes:changed', article: article.key },
    });
  });

  it('registers the panel and notes code for annotated articles only, and unregisters when the last note goes', async () => {
    const profile = extensionProfile();
    await profile.send({ type: 'notes:add-highlight', article, highlight: highlight('a', 'a passage') });
    const script = profile.registered.get('annotated-articles') as { matches: string[]; js: string[]; css: string[] };
    expect(script.matches).toContain('https://netflixtechblog.com/*0123456789ab*');
    expect(script.matches.every((pattern) => pattern.includes('0123456789ab'))).toBe(true);
    expect(script.js).toEqual(['brief-panel.js', 'own-notes.js']);
    expect(script.css).toEqual(['own-notes.css']);

    await profile.send({ type: 'notes:remove-highlight', article: article.key, id: 'a' });
    expect(profile.registered.has('annotated-articles')).toBe(false);
    expect(await profile.send({ type: 'notes:list' })).toEqual([]);
  });

  it('refuses a brief over its limits and a highlight of another host, writing nothing', async () => {
    const profile = extensionProfile();
    const long = await profile.send({ type: 'notes:save-brief', article, brief: brief('x'.repeat(601)) });
    expect(long).toMatchObject({ ok: false, error: 'invalid' });
    const elsewhere = { ...article, url: 'https://example.com/an-article-0123456789ab' };
    const foreign = await profile.send({
      type: 'notes:add-highlight',
      article: elsewhere,
      highlight: highlight('a', 'x'),
    });
    expect(foreign).toMatchObject({ ok: false, error: 'invalid' });
    expect([...profile.storage.data.sync.keys()]).toEqual([]);
  });

  it('keeps notes that do not fit their sync budget on this device, with the notice', async () => {
    const profile = extensionProfile();
    const passage = 'p'.repeat(1_400);
    let last: NotesReceipt | undefined;
    for (let i = 0; i < NOTE_COUNT; i++)
      last = await profile.send({
        type: 'notes:add-highlight',
        article: articleN(i),
        highlight: highlight('a', passage),
      });
    expect(last).toMatchObject({ ok: true, kept: expect.any(Number) });
    expect(last?.notice).toMatch(/kept on this device/);
    const synced = [...profile.storage.data.sync.keys()].filter((key) => key.startsWith('hl:'));
    expect(synced.length).toBeLessThan(NOTE_COUNT);
    // Nothing lost: every article still lists its highlight.
    expect(await profile.send({ type: 'notes:list' })).toHaveLength(NOTE_COUNT);
    // And settings still sync.
    expect(await profile.setSettings({ panelCollapsed: true })).toMatchObject({ ok: true, synced: 1 });
  });
});

const NOTE_COUNT = Math.ceil(NOTES_BUDGET.bytes / 1_400) + 5;
function articleN(i: number): ArticleRef {
  const id = (0xa00000000000 + i).toString(16);
  return {
    key: `medium:${id}`,
    url: `https://netflixtechblog.com/article-${id}`,
    title: `Article ${i}`,
    blog: 'netflix',
  };
}

describe('importing the notes of a favorites file', () => {
  it('adds what is new, keeps a later brief and what is already here, and says each count', async () => {
    const profile = extensionProfile();
    await profile.send({ type: 'notes:save-brief', article, brief: brief('Edited here later', 5_000) });
    await profile.send({ type: 'notes:add-highlight', article, highlight: highlight('a', 'a passage', 10) });
    const other: ArticleRef = {
      ...article,
      key: 'medium:ba9876543210',
      url: `${article.url.slice(0, -12)}ba9876543210`,
    };

    const result = await profile.send({
      type: 'notes:import',
      notes: [
        {
          article,
          brief: brief('From the file, older', 1_000),
          highlights: [highlight('a', 'a passage', 10), highlight('b', 'new passage', 90)],
        },
        { article: other, brief: brief('Another article'), highlights: [] },
      ],
    });

    expect(result).toMatchObject({ ok: true, added: 2, alreadyThere: 2, refused: 0, notice: null });
    const here = await profile.send({ type: 'notes:get', article: article.key });
    expect(here?.brief?.why).toBe('Edited here later');
    expect(here?.highlights.map((h) => h.id)).toEqual(['a', 'b']);
    expect((await profile.send({ type: 'notes:get', article: other.key }))?.brief?.why).toBe('Another article');
    const script = profile.registered.get('annotated-articles') as { matches: string[] };
    expect(script.matches.some((pattern) => pattern.includes('ba9876543210'))).toBe(true);
  });

  it('replaces a brief with the later one of the file, and refuses what the background would refuse', async () => {
    const profile = extensionProfile();
    await profile.send({ type: 'notes:save-brief', article, brief: brief('Older here', 1_000) });
    const result = await profile.send({
      type: 'notes:import',
      notes: [
        { article, brief: brief('Later in the file', 9_000), highlights: [{ ...highlight('c', 'x'), start: -1 }] },
        { article: { ...article, url: 'https://evil.example/x-0123456789ab' }, brief: null, highlights: [] },
      ],
    });
    expect(result).toMatchObject({ ok: true, added: 1, refused: 2 });
    expect((await profile.send({ type: 'notes:get', article: article.key }))?.brief?.why).toBe('Later in the file');
  });
});

describe('notes across two browser profiles', () => {
  it('keeps the highlights both profiles made before they synced', async () => {
    const laptop = extensionProfile();
    const desktop = extensionProfile();
    await laptop.send({ type: 'notes:add-highlight', article, highlight: highlight('laptop1', 'on the laptop') });
    await desktop.send({ type: 'notes:add-highlight', article, highlight: highlight('desktop1', 'on the desktop') });
    await replicate(laptop.storage, desktop.storage);
    for (const profile of [laptop, desktop]) {
      const notes = await profile.send({ type: 'notes:get', article: article.key });
      expect(notes?.highlights.map((h) => h.id).sort()).toEqual(['desktop1', 'laptop1']);
    }
  });

  it('keeps the later edit of a brief edited on both, and loses no highlight', async () => {
    const laptop = extensionProfile();
    const desktop = extensionProfile();
    await laptop.send({ type: 'notes:save-brief', article, brief: brief('laptop words', 1_000) });
    await laptop.send({ type: 'notes:add-highlight', article, highlight: highlight('l', 'laptop passage') });
    await desktop.send({ type: 'notes:save-brief', article, brief: brief('desktop words', 2_000) });
    await desktop.send({ type: 'notes:add-highlight', article, highlight: highlight('d', 'desktop passage') });
    await replicate(laptop.storage, desktop.storage, {}, { b: [briefKey(article.key)] });
    const onLaptop = await laptop.send({ type: 'notes:get', article: article.key });
    expect(onLaptop?.brief?.why).toBe('desktop words');
    expect(onLaptop?.highlights.map((h) => h.id).sort()).toEqual(['d', 'l']);
    expect(laptop.storage.data.sync.has(highlightKey(article.key, 'd'))).toBe(true);
    // The laptop's panel is told, so it redraws what sync brought.
    expect(laptop.tabMessages.at(-1)?.message).toEqual({ type: 'notes:changed', article: article.key });
  });
});

describe('the gestures that bring the notes to an article', () => {
  it('offers "Highlight with Blog Brief" on selections in the blogs\' pages only', async () => {
    const { menus } = runBackground();
    await expect
      .poll(() => menus.get(HIGHLIGHT_MENU_ID))
      .toMatchObject({
        contexts: ['selection'],
        documentUrlPatterns: expect.arrayContaining(['https://medium.com/*', 'https://netflixtechblog.com/*']),
      });
  });

  it('injects the panel and notes code on the menu and the shortcut, then asks the page to highlight', async () => {
    const { injected, tabMessages, clickMenu, command } = runBackground();
    await clickMenu(HIGHLIGHT_MENU_ID);
    await command(HIGHLIGHT_COMMAND);
    await expect.poll(() => tabMessages.filter((m) => m.message.type === 'notes:highlight')).toHaveLength(2);
    const files = injected.flatMap((i) => (i as { files: string[] }).files);
    expect(files).toEqual(expect.arrayContaining(['/own-notes.css', '/brief-panel.js', '/own-notes.js']));
  });

  it('opens the editor on the tab the popup names', async () => {
    const { background, tabMessages } = runBackground();
    expect(await background.handle({ type: 'notes:open', tabId: BLOG_TAB_ID })).toEqual({ ok: true });
    expect(tabMessages.at(-1)).toEqual({ tabId: BLOG_TAB_ID, message: { type: 'notes:open' } });
  });
});
