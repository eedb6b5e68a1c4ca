import { render } from 'preact';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { createBrowseModel } from '../../utils/browse-model';
import { createFavorites } from '../../utils/favorites';
import { t } from '../../utils/i18n';
import { favoritesViaBackground } from '../../utils/messaging';
import { App } from './App';
import { indexedDbCatalogSource } from './catalog-source';
import './popup.css';

const favorites = createFavorites(favoritesViaBackground());
// Listeners go before the page does (see brief-panel/panel-host.tsx: Firefox logs an error otherwise).
addEventListener('pagehide', () => favorites.dispose());
addEventListener('pageshow', (event) => event.persisted && void favorites.resume());
// The HTML says English; the messages file says what the reader gets.
document.documentElement.lang = t('languageTag');
document.title = t('extName');

render(
  <ErrorBoundary>
    <App model={createBrowseModel(indexedDbCatalogSource(), favorites.list)} favorites={favorites} />
  </ErrorBoundary>,
  document.getElementById('app')!,
);
