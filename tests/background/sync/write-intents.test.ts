import { describe, expect, it } from 'vitest';
import { favoriteRemovals, favoriteSaves, settingChanges } from '../../../background/sync/write-intents';
import { SETTING_KEYS } from '../../../utils/storage/settings';

const now = 1_800_000_000_000;

describe('write intents', () => {
  it('turns favorites into one sync key each, title trimmed to its limit', () => {
    const writes = favoriteSaves([{ id: '028e9637f041', title: 'x'.repeat(400), savedAt: 5 }], now);
    expect([...writes!]).toEqual([['fav:028e9637f041', { t: 'x'.repeat(300), s: 5 }]]);
  });

  it('brings a saved time from the future back to now, so it cannot pin a favorite first for ever', () => {
    const writes = favoriteSaves([{ id: '028e9637f041', title: 'T', savedAt: now * 10 }], now);
    expect(writes!.get('fav:028e9637f041')).toEqual({ t: 'T', s: now });
  });

  it.each([
    ['not a list', { id: '028e9637f041' }],
    ['a bad id', [{ id: 'fav:../x', title: 'T', savedAt: 1 }]],
    ['no title', [{ id: '028e9637f041', savedAt: 1 }]],
    ['a time that is not one', [{ id: '028e9637f041', title: 'T', savedAt: Number.NaN }]],
  ])('refuses favorites that are %s, writing nothing', (_case, favorites) => {
    expect(favoriteSaves(favorites, now)).toBeNull();
  });

  it('removes favorites by id, and refuses a key that is not one', () => {
    expect([...favoriteRemovals(['028e9637f041'])!]).toEqual([['fav:028e9637f041', null]]);
    expect(favoriteRemovals(['settings:panelCollapsed'])).toBeNull();
  });

  it('changes only known settings, only to on or off', () => {
    expect([...settingChanges({ panelCollapsed: true })!]).toEqual([['settings:panelCollapsed', true]]);
    expect([...settingChanges({ 'blogEnabled:airbnb': false })!]).toEqual([['settings:blogEnabled:airbnb', false]]);
    expect(settingChanges({ unknown: true })).toBeNull();
    // A storage key is not a setting's name: the views name settings, the background owns their keys.
    expect(settingChanges({ [SETTING_KEYS.panelCollapsed]: true })).toBeNull();
    expect(settingChanges({ panelCollapsed: 1 })).toBeNull();
  });
});
