import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFavorites as create, type FavoritesStorage, LOCAL_PREFIX, SYNC_PREFIX } from '../../utils/favorites';
import { SYNC_LIMITS } from '../../utils/sync-quota';
import { catalogPosts } from '../fixtures';
import { memoryProfile, replicate } from '../memory-storage';

const [maestro, wal, mussel] = catalogPosts as [
  (typeof catalogPosts)[0],
  (typeof catalogPosts)[0],
  (typeof catalogPosts)[0],
];
const fake = () => fakeBrowser.storage as unknown as FavoritesStorage;

// Every store a test makes is finished and disposed after it, so no late write lands in the next test.
const stores: ReturnType<typeof create>[] = [];
function createFavorites(...args: Parameters<typeof create>) {
  const store = create(...args);
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const store of stores.splice(0)) store.dispose();
});

describe('favorites', () => {
  it('saves one small sync key per favorite: post id in the key, title and time in the value', async () => {
    const favorites = createFavorites(fake(), { now: () => 1_700_000_000_000 });
    await favorites.ready;
    favorites.save(maestro);
    await favorites.settled();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({
      [`${SYNC_PREFIX}${maestro.id}`]: { t: maestro.title, s: 1_700_000_000_000 },
    });
    expect(favorites.isSaved(maestro.id)).toBe(true);
    expect(favorites.list.value.map((f) => f.title)).toEqual([maestro.title]);
  });

  it('lists the newest saved first', async () => {
    let clock = 1000;
    const favorites = createFavorites(fake(), { now: () => clock++ });
    await favorites.ready;
    favorites.save(maestro);
    favorites.save(wal);
    favorites.save(mussel);
    expect(favorites.list.value.map((f) => f.id)).toEqual([mussel.id, wal.id, maestro.id]);
  });

  it('unsaving removes the key', async () => {
    const favorites = createFavorites(fake());
    await favorites.ready;
    favorites.save(maestro);
    await favorites.settled();
    favorites.unsave(maestro.id);
    await favorites.settled();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(favorites.isSaved(maestro.id)).toBe(false);
  });

  it('shows a change made in another tab without a reload', async () => {
    const panel = createFavorites(fake());
    const popup = createFavorites(fake());
    await Promise.all([panel.ready, popup.ready]);
    panel.save(wal);
    await panel.settled();
    await vi.waitFor(() => expect(popup.isSaved(wal.id)).toBe(true));
    popup.unsave(wal.id);
    await popup.settled();
    await vi.waitFor(() => expect(panel.isSaved(wal.id)).toBe(false));
  });

  it('writes a burst of changes in one call', async () => {
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const favorites = createFavorites(fake(), { batchMs: 1_000 });
    await favorites.ready;
    favorites.save(maestro); // a lone change goes at once
    await vi.waitFor(() => expect(set).toHaveBeenCalledTimes(1));
    for (const post of catalogPosts.slice(1)) favorites.save(post); // the burst waits for the batch
    await favorites.settled();
    expect(set).toHaveBeenCalledTimes(2);
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toHaveLength(10);
  });

  it('keeps a favorite on this device and says so when sync is full, then syncs it once there is room', async () => {
    // Fill sync close to its 102,400 bytes with other data (settings share the quota).
    const filler = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`other:${i}`, 'x'.repeat(7_865)]));
    await fakeBrowser.storage.sync.set(filler);
    const favorites = createFavorites(fake());
    await favorites.ready;
    favorites.save(maestro);
    await favorites.settled();
    expect(await fakeBrowser.storage.sync.get(`${SYNC_PREFIX}${maestro.id}`)).toEqual({});
    expect(await fakeBrowser.storage.local.get(`${LOCAL_PREFIX}${maestro.id}`)).toEqual({
      [`${LOCAL_PREFIX}${maestro.id}`]: { t: maestro.title, s: expect.any(Number) },
    });
    expect(favorites.list.value).toEqual([expect.objectContaining({ id: maestro.id, localOnly: true })]);
    expect(favorites.problem.value).toMatch(/^Browser sync is full: 1 favorite is saved on this device only/);

    await fakeBrowser.storage.sync.remove(['other:0', 'other:1']);
    favorites.save(wal); // the next write takes the local one along
    await favorites.settled();
    expect(
      Object.keys(await fakeBrowser.storage.sync.get(null))
        .filter((k) => k.startsWith(SYNC_PREFIX))
        .sort(),
    ).toEqual([`${SYNC_PREFIX}${maestro.id}`, `${SYNC_PREFIX}${wal.id}`].sort());
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(favorites.problem.value).toBeNull();
  });

  it('never goes past 512 sync items', async () => {
    await fakeBrowser.storage.sync.set(
      Object.fromEntries(Array.from({ length: SYNC_LIMITS.maxItems }, (_, i) => [`other:${i}`, 1])),
    );
    const favorites = createFavorites(fake());
    await favorites.ready;
    favorites.save(maestro);
    await favorites.settled();
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toHaveLength(SYNC_LIMITS.maxItems);
    expect(favorites.list.value[0]).toMatchObject({ id: maestro.id, localOnly: true });
  });

  it('keeps the favorite and tells the reader when the browser refuses the write', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    const favorites = createFavorites(fake());
    await favorites.ready;
    favorites.save(mussel);
    await favorites.settled();
    expect(favorites.isSaved(mussel.id)).toBe(true);
    expect(await fakeBrowser.storage.local.get(`${LOCAL_PREFIX}${mussel.id}`)).not.toEqual({});
    expect(favorites.problem.value).toContain('Browser sync refused the change (QUOTA_BYTES_PER_ITEM quota exceeded)');
  });

  it('stays under 120 writes a minute, keeping the overflow locally until the minute is over', async () => {
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const favorites = createFavorites(fake(), { batchMs: 0, now: () => 5_000_000 });
    await favorites.ready;
    for (let i = 0; i < SYNC_LIMITS.writesPerMinute + 1; i++) {
      favorites.save({ id: i.toString(16).padStart(12, '0'), title: `Post ${i}` });
      await favorites.settled();
    }
    expect(set).toHaveBeenCalledTimes(SYNC_LIMITS.writesPerMinute);
    expect(favorites.list.value).toHaveLength(SYNC_LIMITS.writesPerMinute + 1);
    expect(favorites.problem.value).toMatch(/will sync in a minute/);
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual([`${LOCAL_PREFIX}000000000078`]);
    favorites.dispose();
  });

  it('finds favorites kept locally by an earlier session and offers them to sync again', async () => {
    await fakeBrowser.storage.local.set({ [`${LOCAL_PREFIX}${wal.id}`]: { t: wal.title, s: 5 } });
    const favorites = createFavorites(fake());
    await favorites.ready;
    expect(favorites.isSaved(wal.id)).toBe(true);
    await favorites.settled();
    await vi.waitFor(async () =>
      expect(await fakeBrowser.storage.sync.get(null)).toEqual({ [`${SYNC_PREFIX}${wal.id}`]: { t: wal.title, s: 5 } }),
    );
  });

  it('imports by merging: new favorites keep their saved time, existing ones are left alone', async () => {
    const favorites = createFavorites(fake());
    await favorites.ready;
    favorites.save(maestro, 100);
    const result = await favorites.importFavorites([
      { id: maestro.id, title: 'Renamed', savedAt: 1 },
      { id: wal.id, title: wal.title, savedAt: 50 },
    ]);
    expect(result).toEqual({ added: 1, alreadySaved: 1 });
    expect(favorites.list.value.map((f) => [f.id, f.title, f.savedAt])).toEqual([
      [maestro.id, maestro.title, 100],
      [wal.id, wal.title, 50],
    ]);
  });
});

describe('favorites across two browser profiles', () => {
  it('keeps both when two profiles save different posts before they sync', async () => {
    const laptop = memoryProfile();
    const desktop = memoryProfile();
    const onLaptop = createFavorites(laptop);
    const onDesktop = createFavorites(desktop);
    await Promise.all([onLaptop.ready, onDesktop.ready]);
    onLaptop.save(maestro);
    onDesktop.save(wal);
    await Promise.all([onLaptop.settled(), onDesktop.settled()]);

    await replicate(laptop, desktop);

    const ids = (f: typeof onLaptop) => f.list.value.map((x) => x.id).sort();
    expect(ids(onLaptop)).toEqual([maestro.id, wal.id].sort());
    expect(ids(onDesktop)).toEqual([maestro.id, wal.id].sort());
  });

  it('carries an unsave to the other profile', async () => {
    const laptop = memoryProfile();
    const desktop = memoryProfile();
    const onLaptop = createFavorites(laptop);
    const onDesktop = createFavorites(desktop);
    await Promise.all([onLaptop.ready, onDesktop.ready]);
    onLaptop.save(mussel);
    await onLaptop.settled();
    await replicate(laptop, desktop);
    expect(onDesktop.isSaved(mussel.id)).toBe(true);

    onLaptop.unsave(mussel.id);
    await onLaptop.settled();
    await replicate(laptop, desktop, { a: [`${SYNC_PREFIX}${mussel.id}`] });
    expect(onDesktop.isSaved(mussel.id)).toBe(false);
  });
});

describe('favorites at the write rate limit', () => {
  it('keeps an unsave queued, not lost, until the minute is over', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let clock = 10_000_000;
    const favorites = createFavorites(fake(), { batchMs: 0, now: () => clock });
    await favorites.ready;
    favorites.save(maestro);
    await favorites.settled();
    for (let i = 0; i < SYNC_LIMITS.writesPerMinute - 1; i++) {
      favorites.save({ id: (i + 1).toString(16).padStart(12, '0'), title: `Post ${i}` });
      await favorites.settled();
    }
    favorites.unsave(maestro.id);
    await favorites.settled();
    expect(favorites.isSaved(maestro.id)).toBe(false);
    expect(await fakeBrowser.storage.sync.get(`${SYNC_PREFIX}${maestro.id}`)).not.toEqual({}); // not yet allowed
    clock += 60_000;
    await vi.advanceTimersByTimeAsync(60_000); // the retry comes due…
    await favorites.settled(); // …and writes
    expect(await fakeBrowser.storage.sync.get(`${SYNC_PREFIX}${maestro.id}`)).toEqual({});
    vi.useRealTimers();
  });
});
