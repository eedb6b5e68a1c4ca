import { describe, expect, it } from 'vitest';
import { readSettings, SETTING_KEYS } from '../../../utils/storage/settings';
import { OUTBOX_PREFIX } from '../../../utils/storage/synced-data';
import { extensionProfile } from '../../background-harness';
import { memoryProfile } from '../../memory-storage';

describe('settings', () => {
  it('default to every blog on, the panel beside the article, expanded, and no request for new articles', async () => {
    expect(await readSettings(memoryProfile())).toEqual({
      panelCollapsed: false,
      briefInSidePanel: false,
      blogEnabled: { netflix: true, airbnb: true, pinterest: true },
      whatsNew: false,
      whatsNewAsked: false,
      newCountBadge: true,
    });
  });

  it('are written by the one writer, one sync key each', async () => {
    const profile = extensionProfile();
    expect(await profile.setSettings({ 'blogEnabled:pinterest': false })).toEqual({
      ok: true,
      synced: 1,
      kept: 0,
    });
    expect(Object.fromEntries(profile.storage.data.sync)).toEqual({ 'settings:blogEnabled:pinterest': false });
    expect((await readSettings(profile.storage)).blogEnabled.pinterest).toBe(false);
  });

  it('refuses keys that are not settings and values that are not on/off, writing nothing', async () => {
    const profile = extensionProfile();
    expect(await profile.setSettings({ 'fav:028e9637f041': true } as never)).toEqual({ ok: false, error: 'invalid' });
    expect(await profile.setSettings({ panelCollapsed: 'yes' as unknown as boolean })).toEqual({
      ok: false,
      error: 'invalid',
    });
    expect(profile.storage.data.sync.size).toBe(0);
  });

  it('read a change still waiting in the outbox as made', async () => {
    const storage = memoryProfile();
    storage.data.sync.set(SETTING_KEYS.panelCollapsed, true);
    storage.data.local.set(OUTBOX_PREFIX + SETTING_KEYS.panelCollapsed, { v: false });
    expect((await readSettings(storage)).panelCollapsed).toBe(false);
  });

  it('read, in the background, a change the writer has accepted but not yet stored', async () => {
    let release: () => void = () => {};
    const storage = memoryProfile();
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const set = storage.sync.set.bind(storage.sync);
    storage.sync.set = async (items) => {
      await gate;
      return set(items);
    };
    const profile = extensionProfile({ storage });
    await profile.writer.ready;
    const writing = profile.setSettings({ panelCollapsed: true });
    await new Promise((r) => setTimeout(r, 5));
    expect((await readSettings(storage)).panelCollapsed).toBe(false);
    expect((await readSettings(storage, profile.writer.latest)).panelCollapsed).toBe(true);
    release();
    await writing;
    expect((await readSettings(storage)).panelCollapsed).toBe(true);
  });
});
