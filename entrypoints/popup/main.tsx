import { render } from 'preact';
import { createBrowseModel } from '../../utils/browse-model';
import { createFavorites } from '../../utils/favorites';
import { App } from './App';
import { indexedDbCatalogSource } from './catalog-source';
import './popup.css';

const favorites = createFavorites();
render(
  <App model={createBrowseModel(indexedDbCatalogSource(), favorites.list)} favorites={favorites} />,
  document.getElementById('app')!,
);
