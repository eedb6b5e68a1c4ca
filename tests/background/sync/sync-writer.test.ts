import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_RESERVE, SYNC_LIMITS } from '../../../background/sync/sync-quota';
import { createSyncWriter } from '../../../background/sync/sync-writer';
import { SETTING_KEYS } from '../../../utils/storage/settings';
import { favoriteKey, OUTBOX_PREFIX, OUTBOX_STATUS_KEY } from '../../../utils/storage/synced-data';
import { extensionProfile, post } from '../../background-harness';
import { memoryProfile } from '../../memory-storage';

const [a, b, c] = [post(1, 'Alpha'), post(2, 'Beta'), post(3, 'Gamma')];
const syncKeys = (profile: { data: { sync: Map<string, unknown> } }) => [...profile.data.sync.keys()].sort();
const stored = (p: { title: string }) => ({ t: p.title, s: 1 });

// The writer on its own: what it holds, and what it answers.
describe('the sync writer', () => {
  it('answers each write once its keys are in sync, writing a burst in one call', async () => {
    const storage = memoryProfile();
    const writer = createSyncWriter(storage, { batchMs: 0 });
    const receipts = await Promise.all([
      writer.write(new Map([[favoriteKey(a.id), stored(a)]])),
      writer.write(new Map([[favoriteKey(b.id), stored(b)]])),
    ]);
    expect(receipts).toEqual([
      { ok: true, synced: 1, kept: 0 },
      { ok: true, synced: 1, kept: 0 },
    ]);
    expect(syncKeys(storage)).toEqual([favoriteKey(a.id), favoriteKey(b.id)].sort());
    writer.dispose();
  });

  it('holds what storage will hold once it is done: sync, the outbox and the writes on their way', async () => {
    const storage = memoryProfile();
    storage.data.sync.set(favoriteKey(a.id), stored(a));
    storage.data.local.set(OUTBOX_PREFIX + favoriteKey(b.id), { v: stored(b) });
    storage.data.local.set(OUTBOX_STATUS_KEY, { reason: 'sync-full' });
    const writer = createSyncWriter(storage, { batchMs: 60_000 });
    await writer.ready;
    await writer.settled();
    // At its start the writer offers the outbox to sync again, and b goes there.
    expect(writer.heldKeys('fav:')).toEqual([favoriteKey(a.id), favoriteKey(b.id)].sort());
    void writer.write(new Map([[favoriteKey(c.id), stored(c)]]));
    void writer.write(new Map([[favoriteKey(a.id), null]]));
    expect(writer.idle()).toBe(false);
    expect(writer.holds(favoriteKey(c.id))).toBe(true);
    expect(writer.holds(favoriteKey(a.id))).toBe(false);
    expect(writer.heldKeys('fav:')).toEqual([favoriteKey(b.id), favoriteKey(c.id)].sort());
    await writer.settled();
    expect(writer.idle()).toBe(true);
    expect(syncKeys(storage)).toEqual([favoriteKey(b.id), favoriteKey(c.id)].sort());
    writer.dispose();
  });

  it('says what waits in the outbox and why, and nothing once sync has taken it', async () => {
    const storage = memoryProfile();
    const writer = createSyncWriter(storage, { batchMs: 0 });
    vi.spyOn(storage.sync, 'set').mockRejectedValueOnce(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE'));
    expect(await writer.write(new Map([[favoriteKey(a.id), stored(a)]]))).toEqual({ ok: true, synced: 0, kept: 1 });
    expect(writer.waiting()).toEqual({
      saves: [favoriteKey(a.id)],
      status: { reason: 'write-failed', detail: 'MAX_WRITE_OPERATIONS_PER_MINUTE' },
    });
    expect(writer.holds(favoriteKey(a.id))).toBe(true);
    writer.retry();
    await vi.waitFor(() => expect(syncKeys(storage)).toEqual([favoriteKey(a.id)]));
    await writer.settled();
    expect(writer.waiting()).toEqual({ saves: [], status: null });
    writer.dispose();
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
    expect(await view.save(a)).toMatchObject({ ok: true, synced: 0, kept: 1 });
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

    const receipt = await profile.setSettings({ 'blogEnabled:airbnb': false });
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
    const profile = extensionProfile({ now: () => clock });
    // Five article tabs, a popup and the options page, each changing favorites and settings.
    const views = Array.from({ length: 7 }, () => profile.view());
    await Promise.all(views.map((v) => v.ready));
    for (let i = 0; i < 200; i++) {
      const view = views[i % views.length]!;
      const change = i % 4 === 3 ? profile.setSettings({ panelCollapsed: i % 8 === 3 }) : view.save(post(i), clock);
      clock += 50;
      await vi.advanceTimersByTimeAsync(0);
      await change;
    }
    const ops = profile.storage.syncOperations;
    expect(ops.filter((at) => clock - at < 60_000).length).toBeLessThanOrEqual(SYNC_LIMITS.writesPerMinute);
    // What could not go yet waits in the outbox, shown as saved, and the writer asked to be woken.
    expect(views[0]!.list.value).toHaveLength(150);
    expect(views[0]!.problem.value).toMatch(/will sync in a minute/);
    expect((await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name)).toContain('sync-retry');

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
    expect(await unsaving).toMatchObject({ ok: true, synced: 0, kept: 1 });
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
