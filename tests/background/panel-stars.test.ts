import { describe, expect, it, vi } from 'vitest';
import type { FavoritesChanged } from '../../utils/messaging/protocol';
import { BLOG_TAB_ID, extensionProfile, post } from '../background-harness';
import { memoryProfile } from '../memory-storage';
import testCatalog from '../test-catalog.json';

const [a, b] = [post(1, 'Alpha'), post(2, 'Beta')];
/** Lets the background's coalesced tell go out. */
const told = () => new Promise((resolve) => setTimeout(resolve, 80));
const save = (p: { id: string; title: string }, savedAt = 1_000) => ({
  type: 'favorites:save' as const,
  favorites: [{ id: p.id, title: p.title, savedAt }],
});
const tellings = (profile: ReturnType<typeof extensionProfile>) =>
  profile.tabMessages.filter(({ tabId }) => tabId === BLOG_TAB_ID).map(({ message }) => message as FavoritesChanged);

// The real background's side of the panels' stars: the panel on a blog's page holds only what its
// star shows, sends the intents every view sends, and hears from the background when favorites change.
describe("the panels' stars, answered by the background from its writer", () => {
  it('answers whether a post is saved, including a save made in another view', async () => {
    const profile = extensionProfile();
    expect(await profile.send({ type: 'star:get', postId: a.id })).toEqual({ saved: false, notice: null });
    const popup = profile.view();
    await popup.ready;
    await popup.save(a);
    expect(await profile.send({ type: 'star:get', postId: a.id })).toEqual({ saved: true, notice: null });
  });

  it("saves a panel's click through the one writer, and answers once it is stored", async () => {
    const profile = extensionProfile();
    expect(await profile.send(save({ id: a.id, title: 'The catalog’s title' }))).toEqual({
      ok: true,
      synced: 1,
      kept: 0,
      notice: null,
    });
    expect(profile.storage.data.sync.get(`fav:${a.id}`)).toMatchObject({ t: 'The catalog’s title' });
    expect(await profile.send({ type: 'favorites:unsave', ids: [a.id] })).toMatchObject({ ok: true });
    expect(profile.storage.data.sync.has(`fav:${a.id}`)).toBe(false);
    expect(await profile.send({ type: 'star:get', postId: a.id })).toEqual({ saved: false, notice: null });
  });

  it("saves a panel's click with the catalog's title, the page having no say in it, and refuses a post it does not know", async () => {
    const profile = extensionProfile();
    const [known] = testCatalog.posts;
    expect(await profile.send({ type: 'favorites:save', favorites: [{ id: known!.id }] })).toMatchObject({ ok: true });
    expect(profile.storage.data.sync.get(`fav:${known!.id}`)).toMatchObject({ t: known!.title });
    expect(await profile.send({ type: 'favorites:save', favorites: [{ id: post(99).id }] })).toMatchObject({
      ok: false,
      error: 'invalid',
    });
    expect(profile.storage.data.sync.has(`fav:${post(99).id}`)).toBe(false);
  });

  it('answers from what the writer holds, before storage has it: a save on its way is saved', async () => {
    const profile = extensionProfile({ batchMs: 60_000 });
    await profile.send(save(b));
    const saving = profile.send(save(a));
    expect(await profile.send({ type: 'star:get', postId: a.id })).toEqual({ saved: true, notice: null });
    await profile.writer.settled();
    await saving;
  });

  it('keeps a post saved when the same save arrives twice (a double click cannot undo itself)', async () => {
    const profile = extensionProfile();
    await profile.send(save(a));
    await profile.send(save(a));
    expect(await profile.send({ type: 'star:get', postId: a.id })).toEqual({ saved: true, notice: null });
  });

  it('tells the tabs once per change made anywhere, with every saved id, and only when a star would change', async () => {
    const profile = extensionProfile();
    await profile.send({ type: 'star:get', postId: a.id });
    await told();
    expect(tellings(profile)).toEqual([]);

    const popup = profile.view();
    await popup.ready;
    await popup.save(b);
    await told();
    expect(tellings(profile)).toEqual([{ type: 'favorites:changed', saved: [b.id], notice: null }]);

    // From another profile, through sync.
    profile.storage.emit({ [`fav:${a.id}`]: { newValue: { t: a.title, s: 5 } } }, 'sync');
    profile.storage.data.sync.set(`fav:${a.id}`, { t: a.title, s: 5 });
    await told();
    expect(tellings(profile).at(-1)).toEqual({ type: 'favorites:changed', saved: [a.id, b.id].sort(), notice: null });

    // A setting changed: no star changes, no message.
    const count = tellings(profile).length;
    expect(await profile.setSettings({ panelCollapsed: true })).toMatchObject({ ok: true });
    await told();
    expect(tellings(profile)).toHaveLength(count);
  });

  it("tells the tabs of a panel's own save once, when it is stored, not of the moment before", async () => {
    const profile = extensionProfile();
    await profile.send(save(a));
    await told();
    expect(tellings(profile)).toEqual([{ type: 'favorites:changed', saved: [a.id], notice: null }]);
  });

  it('never claims a save the writer could not make, and says so in plain words', async () => {
    const storage = memoryProfile();
    const profile = extensionProfile({ storage });
    await profile.send({ type: 'star:get', postId: a.id });
    // Sync refuses everything and this device's storage is full: nothing can keep the favorite.
    vi.spyOn(storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    storage.localQuotaBytes = 10;
    const receipt = await profile.send(save(a));
    expect(receipt.ok).toBe(false);
    expect(receipt.notice).toMatch(/^Your change was not saved/);
    expect(await profile.send({ type: 'star:get', postId: a.id })).toMatchObject({ saved: false });
    await told();
    // The other panels learn of the problem, and never of a save.
    expect(tellings(profile).every((m) => !m.saved.includes(a.id))).toBe(true);
    expect(tellings(profile).at(-1)?.notice).toMatch(/^Your change was not saved/);
  });
});
