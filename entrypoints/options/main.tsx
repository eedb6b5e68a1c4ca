import { render } from 'preact';
import { createFavorites } from '../../utils/favorites';
import { t } from '../../utils/i18n';
import { favoritesViaBackground } from '../../utils/messaging';
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
