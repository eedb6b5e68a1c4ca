import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../entrypoints/options/App';
import { createFavorites, favoritesViaBackground } from '../../../pages/favorites-signals';
import { backupFileText } from '../../../utils/backup/favorites-file';
import { FAVORITE_PREFIX as SYNC_PREFIX } from '../../../utils/storage/synced-data';
import { runBackground } from '../../background-harness';

async function renderOptions() {
  runBackground();
  const favorites = createFavorites(favoritesViaBackground());
  await favorites.ready;
  render(<App favorites={favorites} />);
  return favorites;
}

function chooseFile(text: string) {
  const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
  const file = new File([text], 'favorites.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('the options page', () => {
  it('imports a favorites file by merging it into the saved favorites', async () => {
    const favorites = await renderOptions();
    await favorites.save({ id: '028e9637f041', title: 'Maestro' });
    chooseFile(
      backupFileText({
        favorites: [
          { id: '028e9637f041', title: 'Maestro', savedAt: 1, localOnly: false },
          { id: 'bcb0e49c5cf8', title: 'Seamless Istio Upgrades at Scale', savedAt: 2, localOnly: false },
        ],
        notes: [],
        settings: {},
        feeds: [],
      }),
    );
    await waitFor(async () =>
      expect((await screen.findByRole('status')).textContent).toBe('Imported 1 new favorite. 1 was already saved.'),
    );
    expect(Object.keys(await fakeBrowser.storage.sync.get(null)).sort()).toEqual([
      `${SYNC_PREFIX}028e9637f041`,
      `${SYNC_PREFIX}bcb0e49c5cf8`,
    ]);
  });

  it('refuses a bad file with a clear error and changes nothing', async () => {
    const favorites = await renderOptions();
    await favorites.save({ id: '028e9637f041', title: 'Maestro' });
    const before = await fakeBrowser.storage.sync.get(null);
    chooseFile(
      '{"format":"blog-brief-favorites","version":1,"exportedAt":"x","favorites":[{"id":"127b6712359a","title":"ok","savedAt":1},{"id":"x"}]}',
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Nothing was imported\. favorite #2: field "id"/);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(before);
  });

  it('turns the panel off for one blog, in sync storage', async () => {
    await renderOptions();
    const pinterest = await screen.findByRole('checkbox', { name: 'Pinterest Engineering' });
    expect((pinterest as HTMLInputElement).checked).toBe(true);
    fireEvent.click(pinterest);
    await expect
      .poll(async () => fakeBrowser.storage.sync.get('settings:blogEnabled:pinterest'))
      .toEqual({ 'settings:blogEnabled:pinterest': false });
  });
});
