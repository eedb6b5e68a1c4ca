import { render } from 'preact';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { Browse } from '../../pages/browse/Browse';
import { createBrowseModel } from '../../pages/browse/browse-model';
import { indexedDbCatalogSource } from '../../pages/browse/catalog-source';
import { createFavorites, favoritesViaBackground } from '../../pages/favorites-signals';
import { takeFavoriteAreas } from '../../pages/popup-early';
import { t } from '../../utils/text/i18n';
import '../../pages/browse/browse.css';

/** The longest the popup waits for its first posts before it renders without them. */
const FIRST_RENDER_WAIT_MS = 300;

const favorites = createFavorites(favoritesViaBackground(), takeFavoriteAreas());
// Listeners go before the page does (see brief-panel/panel-host.tsx: Firefox logs an error otherwise).
addEventListener('pagehide', () => favorites.dispose());
addEventListener('pageshow', (event) => event.persisted && void favorites.resume());
// The HTML says English; the messages file says what the reader gets.
document.documentElement.lang = t('languageTag');
document.title = t('extName');

const model = createBrowseModel(indexedDbCatalogSource(), favorites.list);
// Rendered once, with the first posts and their stars: an empty list rendered first would cost the
// popup a render, a layout and a paint before its posts could show (docs/decisions.md). Never held
// longer than FIRST_RENDER_WAIT_MS: a catalog still loading after install shows its loading state instead.
await Promise.race([
  Promise.all([model.firstAnswer, favorites.ready]),
  new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS)),
]);
render(
  <ErrorBoundary>
    <Browse model={model} favorites={favorites} />
  </ErrorBoundary>,
  document.getElementById('app')!,
);
