import { render } from 'preact';
import { createFavorites, favoritesViaBackground } from '../../pages/favorites-signals';
import { t } from '../../utils/text/i18n';
import { App } from './App';
import './options.css';

// The HTML says English; the messages file says what the reader gets.
document.documentElement.lang = t('languageTag');
document.title = t('optionsTitle');

const favorites = createFavorites(favoritesViaBackground());
// Listeners go before the page does (see brief-panel/panel-host.tsx: Firefox logs an error otherwise).
addEventListener('pagehide', () => favorites.dispose());
addEventListener('pageshow', (event) => event.persisted && void favorites.resume());

render(<App favorites={favorites} />, document.getElementById('app')!);
