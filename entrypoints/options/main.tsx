import { render } from 'preact';
import { createFavorites } from '../../utils/favorites';
import { t } from '../../utils/i18n';
import { favoritesViaBackground } from '../../utils/messaging';
import { App } from './App';
import './options.css';

// The HTML says English; the messages file says what the reader gets.
document.documentElement.lang = t('languageTag');
document.title = t('optionsTitle');

render(<App favorites={createFavorites(favoritesViaBackground())} />, document.getElementById('app')!);
