import { render } from 'preact';
import { createFavorites } from '../../utils/favorites';
import { favoritesViaBackground } from '../../utils/messaging';
import { App } from './App';
import './options.css';

render(<App favorites={createFavorites(favoritesViaBackground())} />, document.getElementById('app')!);
