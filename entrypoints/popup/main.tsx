import { render } from 'preact';
import { createBrowseModel } from '../../utils/browse-model';
import { createFavorites } from '../../utils/favorites';
import { favoritesViaBackground } from '../../utils/messaging';
import { App } from './App';
import { indexedDbCatalogSource } from './catalog-source';
import './popup.css';

const favorites = createFavorites(favoritesViaBackground());
render(
  <App model={createBrowseModel(indexedDbCatalogSource(), favorites.list)} favorites={favorites} />,
  document.getElementById('app')!,
);
