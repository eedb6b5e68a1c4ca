import { describe, expect, it, vi } from 'vitest';
import type { FavoritesChanged } from '../../background/panel-stars';
import { memoryProfile } from '../memory-storage';
import { extensionProfile, post } from '../sync-harness';

const [a, b] = [post(1, 'Alpha'), post(2, 'Beta')];
const titles = { [a.id]: a.title, [b.id]: b.title };
/** Lets the background's coalesced tell go out. */
const told = () => new Promise((resolve) => setTimeout(resolve, 5));

// The background's side of the panels' stars: the panel on a blog's page holds only what its star
// shows, asks the background for it and hears from it when it changes.
describe("the panels' stars, kept by the background", () => {
  it('answers whether a post is saved, including a save made in another view', async () => {
    const profile = extensionProfile();
    const stars = profile.panelFavorites(() => {}, titles);
    expect(await stars.get(a.id)).toEqual({ saved: false, notice: null });
    const popup = profile.view();
    await popup.ready;
    await popup.save(a);
    expect(await stars.get(a.id)).toEqual({ saved: true, notice: null });
  });

  it("saves with the catalog's title through the one writer, and answers once it is stored", async () => {
    const profile = extensionProfile();
    const stars = profile.panelFavorites(() => {}, { [a.id]: 'The catalog’s title' });
    expect(await stars.set(a.id, true)).toEqual({ saved: true, notice: null });
    expect(profile.storage.data.sync.get(`fav:${a.id}`)).toMatchObject({ t: 'The catalog’s title' });
    expect(await stars.set(a.id, false)).toEqual({ saved: false, notice: null });
    expect(profile.storage.data.sync.has(`fav:${a.id}`)).toBe(false);
  });

  it('changes nothing when asked for what already holds (a repeated click or message)', async () => {
    const profile = extensionProfile();
    const stars = profile.panelFavorites(() => {}, titles);
    await stars.set(a.id, true);
    const writes = profile.storage.syncOperations.length;
    expect(await stars.set(a.id, true)).toEqual({ saved: true, notice: null });
    expect(profile.storage.syncOperations).toHaveLength(writes);
  });

  it('saves nothing for a post it does not know', async () => {
    const profile = extensionProfile();
    const stars = profile.panelFavorites(() => {}, titles);
    expect(await stars.set(post(99).id, true)).toEqual({ saved: false, notice: null });
    expect(profile.storage.data.sync.size).toBe(0);
  });

  it('tells the tabs once per change made anywhere, with every saved id, and only when a star would change', async () => {
    const profile = extensionProfile();
    const messages: FavoritesChanged[] = [];
    const stars = profile.panelFavorites((message) => messages.push(message), titles);
    await stars.get(a.id);
    await told();
    expect(messages).toEqual([]);

    const popup = profile.view();
    await popup.ready;
    await popup.save(b);
    await told();
    expect(messages).toEqual([{ type: 'favorites:changed', saved: [b.id], notice: null }]);

    // From another profile, through sync.
    profile.storage.emit({ [`fav:${a.id}`]: { newValue: { t: a.title, s: 5 } } }, 'sync');
    await told();
    expect(messages.at(-1)).toEqual({ type: 'favorites:changed', saved: [a.id, b.id].sort(), notice: null });

    // A setting changed: no star changes, no message.
    const count = messages.length;
    await profile.setSettings({ panelCollapsed: true });
    await told();
    expect(messages).toHaveLength(count);
  });

  it("tells the tabs of a panel's own save once, when it is stored, not of the moment before", async () => {
    const profile = extensionProfile();
    const messages: FavoritesChanged[] = [];
    const stars = profile.panelFavorites((message) => messages.push(message), titles);
    await stars.set(a.id, true);
    await told();
    expect(messages).toEqual([{ type: 'favorites:changed', saved: [a.id], notice: null }]);
  });

  it('never claims a save the writer could not make, and says so in plain words', async () => {
    const storage = memoryProfile();
    const profile = extensionProfile({ storage });
    const messages: FavoritesChanged[] = [];
    const stars = profile.panelFavorites((message) => messages.push(message), titles);
    await stars.get(a.id);
    // Sync refuses everything and this device's storage is full: nothing can keep the favorite.
    vi.spyOn(storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    storage.localQuotaBytes = 10;
    const answer = await stars.set(a.id, true);
    expect(answer.saved).toBe(false);
    expect(answer.notice).toMatch(/^Your change was not saved/);
    await told();
    // The other panels learn of the problem, and never of a save.
    expect(messages.every((m) => !m.saved.includes(a.id))).toBe(true);
  });
});
