import { describe, expect, it, vi } from 'vitest';
import { SETTINGS_RESERVE, SYNC_LIMITS } from '../../background/sync/sync-quota';
import { createFavorites } from '../../pages/favorites-signals';
import { SETTING_KEYS } from '../../utils/storage/settings';
import { favoriteKey, OUTBOX_PREFIX } from '../../utils/storage/synced-data';
import { memoryProfile, replicate } from '../memory-storage';
import { extensionProfile, post } from '../sync-harness';

const [a, b, c] = [post(1, 'Alpha'), post(2, 'Beta'), post(3, 'Gamma')];
const syncKeys = (profile: { data: { sync: Map<string, unknown> } }) => [...profile.data.sync.keys()].sort();

describe('favorites', () => {
  it('saves one small sync key per favorite: post id in the key, title and time in the value', async () => {
    const profile = extensionProfile();
    const view = profile.view();
    await view.ready;
    const receipt = await view.save(a, 1_700_000_000_000);
    expect(receipt).toEqual({ ok: true, synced: 1, kept: 0 });
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

describe('the one writer at sync quotas', () => {
  it('keeps a favorite on this device and says so when sync is full, then syncs it once there is room', async () => {
    const storage = memoryProfile();
    // Other data close to the 102,400 bytes (settings share the quota).
    for (let i = 0; i < 13; i++) storage.data.sync.set(`other:${i}`, 'x'.repeat(7_800));
    const profile = extensionProfile({ storage });
    const view = profile.view();
    await view.ready;
    expect(await view.save(a)).toEqual({ ok: true, synced: 0, kept: 1 });
    expect(storage.data.sync.has(favoriteKey(a.id))).toBe(false);
    expect(storage.data.local.get(OUTBOX_PREFIX + favoriteKey(a.id))).toEqual({
      v: { t: a.title, s: expect.any(Number) },
    });
    expect(view.list.value).toEqual([expect.objectContaining({ id: a.id, localOnly: true })]);
    expect(view.problem.value).toMatch(/^Browser sync is full: 1 favorite is saved on this device only/);

    // Room is made (here: by another profile, through sync): the writer moves it on its own.
    await storage.sync.remove(['other:0', 'other:1']);
    await vi.waitFor(() => expect(storage.data.sync.has(favoriteKey(a.id))).toBe(true));
    await profile.writer.settled();
    expect([...storage.data.local.keys()]).toEqual([]);
    expect(view.list.value).toEqual([expect.objectContaining({ id: a.id, localOnly: false })]);
    expect(view.problem.value).toBeNull();
  });

  it('leaves room for settings when favorites fill sync, so turning a blog off still syncs', async () => {
    const profile = extensionProfile();
    const view = profile.view();
    await view.ready;
    const many = Array.from({ length: SYNC_LIMITS.maxItems + 20 }, (_, i) => ({ ...post(i), savedAt: i }));
    const result = await view.importFavorites(many);
    expect(result.added).toBe(many.length);
    const favoritesInSync = syncKeys(profile.storage).filter((k) => k.startsWith('fav:')).length;
    expect(favoritesInSync).toBe(SYNC_LIMITS.maxItems - SETTINGS_RESERVE.items);
    expect(result.keptOnDevice).toBe(many.length - favoritesInSync);

    const receipt = await profile.setSettings({ [SETTING_KEYS.blogEnabled('airbnb')]: false });
    expect(receipt).toEqual({ ok: true, synced: 1, kept: 0 });
    expect(profile.storage.data.sync.get(SETTING_KEYS.blogEnabled('airbnb'))).toBe(false);
  });

  it('near the byte quota, is never refused by a browser that counts items a few bytes larger', async () => {
    const profile = extensionProfile();
    const view = profile.view();
    await view.ready;
    const long = Array.from({ length: 400 }, (_, i) => ({ ...post(i, `${'Long title '.repeat(27)}${i}`), savedAt: i }));
    await view.importFavorites(long);
    // Everything is in sync or waiting in the outbox; nothing was refused by "the browser".
    const inSync = syncKeys(profile.storage).length;
    expect(inSync).toBeGreaterThan(250);
    expect(view.list.value).toHaveLength(400);
    expect(view.problem.value).toMatch(/^Browser sync is full/);
  });

  it('stays under 120 writes a minute across every view, keeping the overflow until the minute is over', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let clock = 5_000_000;
    const wakes: number[] = [];
    const profile = extensionProfile({ now: () => clock, wakeAt: (when) => wakes.push(when) });
    // Five article tabs, a popup and the options page, each changing favorites and settings.
    const views = Array.from({ length: 7 }, () => profile.view());
    await Promise.all(views.map((v) => v.ready));
    for (let i = 0; i < 200; i++) {
      const view = views[i % views.length]!;
      const change =
        i % 4 === 3 ? profile.setSettings({ [SETTING_KEYS.panelCollapsed]: i % 8 === 3 }) : view.save(post(i), clock);
      clock += 50;
      await vi.advanceTimersByTimeAsync(0);
      await change;
    }
    const ops = profile.storage.syncOperations;
    expect(ops.filter((at) => clock - at < 60_000).length).toBeLessThanOrEqual(SYNC_LIMITS.writesPerMinute);
    // What could not go yet waits in the outbox, shown as saved, and the writer asked to be woken.
    expect(views[0]!.list.value).toHaveLength(150);
    expect(views[0]!.problem.value).toMatch(/will sync in a minute/);
    expect(wakes.length).toBeGreaterThan(0);

    clock += 61_000;
    profile.writer.retry();
    await vi.advanceTimersByTimeAsync(0);
    await profile.writer.settled();
    expect(syncKeys(profile.storage).filter((k) => k.startsWith('fav:'))).toHaveLength(150);
    expect(views[3]!.problem.value).toBeNull();
    vi.useRealTimers();
  });

  it('keeps an unsave waiting, not lost and not undone on screen, while the write rate forbids it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let clock = 10_000_000;
    const profile = extensionProfile({ now: () => clock });
    const view = profile.view();
    await view.ready;
    for (let i = 0; i < SYNC_LIMITS.writesPerMinute; i++) {
      const saving = view.save(post(i));
      await vi.advanceTimersByTimeAsync(0);
      await saving;
    }
    const unsaving = view.unsave(post(0).id);
    await vi.advanceTimersByTimeAsync(0);
    expect(await unsaving).toEqual({ ok: true, synced: 0, kept: 1 });
    expect(profile.storage.data.sync.has(favoriteKey(post(0).id))).toBe(true);
    expect(view.isSaved(post(0).id)).toBe(false);

    clock += 60_000;
    profile.writer.retry();
    await vi.advanceTimersByTimeAsync(0);
    await profile.writer.settled();
    expect(profile.storage.data.sync.has(favoriteKey(post(0).id))).toBe(false);
    expect(view.isSaved(post(0).id)).toBe(false);
    vi.useRealTimers();
  });

  it('moves favorites an older version kept locally into the outbox, and on to sync', async () => {
    const storage = memoryProfile();
    storage.data.local.set(`fav-local:${b.id}`, { t: b.title, s: 5 });
    const profile = extensionProfile({ storage });
    await profile.writer.ready;
    await vi.waitFor(() =>
      expect(Object.fromEntries(storage.data.sync)).toEqual({ [favoriteKey(b.id)]: { t: b.title, s: 5 } }),
    );
    await profile.writer.settled();
    expect([...storage.data.local.keys()]).toEqual([]);
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
