import { describe, expect, it, vi } from 'vitest';
import { createFavorites } from '../../pages/favorites-signals';
import { favoriteKey } from '../../utils/storage/synced-data';
import { extensionProfile, post } from '../background-harness';
import { memoryProfile, replicate } from '../memory-storage';

const [a, b, c] = [post(1, 'Alpha'), post(2, 'Beta'), post(3, 'Gamma')];
const syncKeys = (profile: { data: { sync: Map<string, unknown> } }) => [...profile.data.sync.keys()].sort();

describe('favorites', () => {
  it('saves one small sync key per favorite: post id in the key, title and time in the value', async () => {
    const profile = extensionProfile();
    const view = profile.view();
    await view.ready;
    const receipt = await view.save(a, 1_700_000_000_000);
    expect(receipt).toMatchObject({ ok: true, synced: 1, kept: 0 });
    expect(Object.fromEntries(profile.storage.data.sync)).toEqual({
      [favoriteKey(a.id)]: { t: a.title, s: 1_700_000_000_000 },
    });
    expect(view.isSaved(a.id)).toBe(true);
    expect(view.list.value.map((f) => f.title)).toEqual([a.title]);
  });

  it('shows a save at once, before the writer has answered', async () => {
    const profile = extensionProfile();
    const view = profile.view();
    await view.ready;
    const saving = view.save(a);
    expect(view.isSaved(a.id)).toBe(true);
    await saving;
    expect(view.isSaved(a.id)).toBe(true);
  });

  it('lists the newest saved first, and unsaving removes the key', async () => {
    const profile = extensionProfile();
    const view = profile.view();
    await view.ready;
    await view.save(a, 1);
    await view.save(b, 3);
    await view.save(c, 2);
    expect(view.list.value.map((f) => f.id)).toEqual([b.id, c.id, a.id]);
    await view.unsave(b.id);
    expect(syncKeys(profile.storage)).toEqual([favoriteKey(a.id), favoriteKey(c.id)]);
    expect(view.isSaved(b.id)).toBe(false);
  });

  it('shows a change made in another view (tab, popup) without a reload', async () => {
    const profile = extensionProfile();
    const panel = profile.view();
    const popup = profile.view();
    await Promise.all([panel.ready, popup.ready]);
    await panel.save(b);
    expect(popup.isSaved(b.id)).toBe(true);
    await popup.unsave(b.id);
    expect(panel.isSaved(b.id)).toBe(false);
  });

  it('writes a burst of changes from several views in one call', async () => {
    let clock = 1_000_000;
    const profile = extensionProfile({ batchMs: 1_000, now: () => clock });
    const views = [profile.view(), profile.view(), profile.view()];
    await Promise.all(views.map((v) => v.ready));
    await views[0]!.save(post(100)); // a lone change goes at once
    expect(profile.storage.syncOperations).toHaveLength(1);
    clock += 10;
    const burst = Array.from({ length: 30 }, (_, i) => views[i % 3]!.save(post(i)));
    await Promise.all(burst);
    expect(profile.storage.syncOperations).toHaveLength(2);
    expect(profile.storage.data.sync.size).toBe(31);
  });

  it('never claims a save the writer did not make: the star goes back and the reader is told', async () => {
    const storage = memoryProfile();
    const profile = extensionProfile({ storage });
    const view = profile.view();
    await view.ready;
    // Sync refuses everything and this device's storage is full: nothing can keep the favorite.
    vi.spyOn(storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    storage.localQuotaBytes = 10;
    const receipt = await view.save(a);
    expect(receipt).toMatchObject({ ok: false, error: 'local-full' });
    expect(view.isSaved(a.id)).toBe(false);
    expect(view.problem.value).toMatch(/^Your change was not saved/);
  });

  it('says to reload, and shows nothing saved, when the extension is gone from under the page', async () => {
    const storage = memoryProfile();
    const store = createFavorites({
      storage,
      send: {
        save: () => Promise.reject(new Error('Extension context invalidated.')),
        unsave: () => Promise.reject(new Error('Extension context invalidated.')),
      },
    });
    await store.ready;
    await store.save(a);
    expect(store.isSaved(a.id)).toBe(false);
    expect(store.problem.value).toBe('Blog Brief was updated or restarted. Reload this page to save favorites here.');
    store.dispose();
  });
});

describe('importing favorites', () => {
  it('merges: new favorites keep their saved time, existing ones are left alone', async () => {
    const view = extensionProfile().view();
    await view.ready;
    await view.save(a, 100);
    const result = await view.importFavorites([
      { id: a.id, title: 'Renamed', savedAt: 1 },
      { id: b.id, title: b.title, savedAt: 50 },
    ]);
    expect(result).toEqual({ added: 1, alreadySaved: 1, keptOnDevice: 0, notStored: 0 });
    expect(view.list.value.map((f) => [f.id, f.title, f.savedAt])).toEqual([
      [a.id, a.title, 100],
      [b.id, b.title, 50],
    ]);
  });

  it('imports 10,000 favorites in time linear in their number, reporting progress and a true count', async () => {
    const profile = extensionProfile();
    const view = profile.view();
    await view.ready;
    const many = Array.from({ length: 10_000 }, (_, i) => ({ ...post(i), savedAt: i }));
    const progress: number[] = [];
    const started = performance.now();
    const result = await view.importFavorites(many, (done) => progress.push(done));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.added).toBe(10_000);
    expect(progress.at(-1)).toBe(10_000);
    expect(progress.length).toBeGreaterThan(1);
    // Stored for real: a fresh view (a reload) sees every one.
    const reloaded = profile.view();
    await reloaded.ready;
    expect(reloaded.list.value).toHaveLength(10_000);
  });

  it('says how many could not be stored when this device runs out of room, and keeps the rest', async () => {
    const storage = memoryProfile();
    const profile = extensionProfile({ storage });
    const view = profile.view();
    await view.ready;
    storage.localQuotaBytes = 150_000;
    const many = Array.from({ length: 5_000 }, (_, i) => ({ ...post(i), savedAt: i }));
    const result = await view.importFavorites(many);
    expect(result.notStored).toBeGreaterThan(0);
    expect(result.added + result.notStored).toBe(5_000);
    const reloaded = profile.view();
    await reloaded.ready;
    expect(reloaded.list.value).toHaveLength(result.added);
  });
});

describe('favorites across two browser profiles', () => {
  it('keeps both when two profiles save different posts before they sync', async () => {
    const laptop = extensionProfile();
    const desktop = extensionProfile();
    const onLaptop = laptop.view();
    const onDesktop = desktop.view();
    await Promise.all([onLaptop.ready, onDesktop.ready]);
    await onLaptop.save(a);
    await onDesktop.save(b);

    await replicate(laptop.storage, desktop.storage);

    const ids = (f: typeof onLaptop) => f.list.value.map((x) => x.id).sort();
    expect(ids(onLaptop)).toEqual([a.id, b.id].sort());
    expect(ids(onDesktop)).toEqual([a.id, b.id].sort());
  });

  it('carries an unsave to the other profile', async () => {
    const laptop = extensionProfile();
    const desktop = extensionProfile();
    const onLaptop = laptop.view();
    const onDesktop = desktop.view();
    await Promise.all([onLaptop.ready, onDesktop.ready]);
    await onLaptop.save(c);
    await replicate(laptop.storage, desktop.storage);
    expect(onDesktop.isSaved(c.id)).toBe(true);

    await onLaptop.unsave(c.id);
    await replicate(laptop.storage, desktop.storage, { a: [favoriteKey(c.id)] });
    expect(onDesktop.isSaved(c.id)).toBe(false);
  });
});
