import { describe, expect, it } from 'vitest';
import { createFavoritesState } from '../../../utils/storage/favorites-reader';
import { extensionProfile, post } from '../../background-harness';

const [a, b] = [post(1, 'Alpha'), post(2, 'Beta')];

// The plain favorites state (no signals): what a view draws comes from these reads, and it redraws
// when told. The store of the extension's pages
// is the same state seen through signals (tests/pages/favorites-signals.test.ts).
describe('favorites state, without signals', () => {
  it('tells its view of a save made in another view, and the star shows it', async () => {
    const profile = extensionProfile();
    const panel = profile.plainView();
    const popup = profile.view();
    await Promise.all([panel.ready, popup.ready]);
    const seen: boolean[] = [];
    panel.subscribe(() => seen.push(panel.isSaved(b.id)));
    await popup.save(b);
    expect(panel.isSaved(b.id)).toBe(true);
    expect(seen.at(-1)).toBe(true);
  });

  it('shows its own toggle at once and keeps it once the writer answered', async () => {
    const profile = extensionProfile();
    const panel = profile.plainView();
    await panel.ready;
    const saving = panel.toggle(a);
    expect(panel.isSaved(a.id)).toBe(true);
    await saving;
    expect(panel.isSaved(a.id)).toBe(true);
    expect(panel.list().map((f) => f.id)).toEqual([a.id]);
    await panel.toggle(a);
    expect(panel.isSaved(a.id)).toBe(false);
  });

  it('says in plain words when its writer is gone, and shows no save it could not make', async () => {
    const profile = extensionProfile();
    const panel = createFavoritesState({
      storage: profile.storage,
      send: {
        save: () => Promise.reject(new Error('Extension context invalidated.')),
        unsave: () => Promise.reject(new Error('Extension context invalidated.')),
      },
    });
    await panel.ready;
    await panel.toggle(a);
    expect(panel.isSaved(a.id)).toBe(false);
    expect(panel.problem()).toBe('Blog Brief was updated or restarted. Reload this page to save favorites here.');
    panel.dispose();
  });
});
