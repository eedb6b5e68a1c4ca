import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startPopupReads, takeFavoriteAreas } from '../../pages/popup-early';
import { createFavoritesState, type FavoritesDeps } from '../../utils/storage/favorites-reader';
import { favoriteKey } from '../../utils/storage/synced-data';

const send: FavoritesDeps['send'] = {
  save: async () => ({ ok: true, synced: 1, kept: 0 }),
  unsave: async () => ({ ok: true, synced: 1, kept: 0 }),
};
const storage = fakeBrowser.storage as unknown as FavoritesDeps['storage'];

// The popup's head script reads the favorites before the popup's own code, and so before its
// favorites listen to storage.onChanged (pages/popup-early.ts).
describe("the popup's early read of favorites", () => {
  it('is what the popup starts with when nothing changed meanwhile: one read, not two', async () => {
    await fakeBrowser.storage.sync.set({ [favoriteKey('000000000001')]: { t: 'Alpha', s: 1 } });
    const get = vi.spyOn(fakeBrowser.storage.sync, 'get');
    startPopupReads();
    const favorites = createFavoritesState({ storage, send }, takeFavoriteAreas());
    await favorites.ready;
    expect(favorites.isSaved('000000000001')).toBe(true);
    expect(get).toHaveBeenCalledTimes(1);
    favorites.dispose();
  });

  it('loses no change that lands between that read and the popup listening', async () => {
    startPopupReads();
    // Saved on another device, synced in while the popup's modules were still loading.
    await fakeBrowser.storage.sync.set({ [favoriteKey('000000000002')]: { t: 'Beta', s: 2 } });
    const favorites = createFavoritesState({ storage, send }, takeFavoriteAreas());
    await favorites.ready;
    expect(favorites.isSaved('000000000002')).toBe(true);
    favorites.dispose();
  });
});
