import { render } from 'preact';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { createBrowseModel } from '../../pages/browse/browse-model';
import { indexedDbCatalogSource } from '../../pages/browse/catalog-source';
import { createFavorites, favoritesViaBackground } from '../../pages/favorites-signals';
import { t } from '../../utils/text/i18n';
import { SidePanel } from './App';
import { activeTabUrl } from './active-tab';
// Its stylesheet @imports the browse view's and the brief panel's, in that order: one stylesheet, so no build
// can put them in another order (build/pages-chunks.ts).
import './sidepanel.css';

const favorites = createFavorites(favoritesViaBackground());
addEventListener('pagehide', () => favorites.dispose());
addEventListener('pageshow', (event) => event.persisted && void favorites.resume());
document.documentElement.lang = t('languageTag');
document.title = t('extName');

const catalog = indexedDbCatalogSource();

render(
  <ErrorBoundary>
    <SidePanel
      url={activeTabUrl()}
      briefOf={catalog.postAt}
      model={createBrowseModel(catalog, favorites.list)}
      favorites={favorites}
    />
  </ErrorBoundary>,
  document.getElementById('app')!,
);
