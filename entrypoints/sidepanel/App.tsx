import { useSignal, useSignalEffect } from '@preact/signals';
import { BriefPanel } from '../../components/BriefPanel';
import { SyncNotice } from '../../components/SyncNotice';
import { Browse } from '../../pages/browse/Browse';
import type { BrowseModel } from '../../pages/browse/browse-model';
import { FavoriteToggle } from '../../pages/FavoriteToggle';
import type { FavoritesStore } from '../../pages/favorites-signals';
import type { Post } from '../../utils/catalog/catalog-schema';
import { t } from '../../utils/text/i18n';

/**
 * The browser's side panel: the brief of the article in the active tab, with its star, the same
 * BriefPanel as beside the article; on a tab without a brief, the popup's browse of the catalog.
 */
export function SidePanel({
  url,
  briefOf,
  model,
  favorites,
}: {
  url: { value: string | null };
  /** The catalog's brief for a URL, or null. */
  briefOf: (url: string) => Promise<Post | null>;
  model: BrowseModel;
  favorites: FavoritesStore;
}) {
  const post = useSignal<Post | null>(null);
  const looked = useSignal(false);
  useSignalEffect(() => {
    const here = url.value;
    let current = true;
    void (here ? briefOf(here) : Promise.resolve(null)).then((found) => {
      // Dropped if the reader moved on meanwhile.
      if (!current) return;
      post.value = found;
      looked.value = true;
    });
    return () => {
      current = false;
    };
  });
  if (!looked.value) return <p class="side-loading">{t('loadingBriefs')}</p>;
  const shown = post.value;
  return shown ? (
    <BriefPanel
      post={shown}
      actions={<FavoriteToggle store={favorites} post={shown} class="bb-icon" />}
      notice={<SyncNotice text={favorites.problem.value} class="bb-notice" />}
    />
  ) : (
    <Browse model={model} favorites={favorites} />
  );
}
