import { render } from 'preact';
import { createBrowseModel } from '../../utils/browse-model';
import { App } from './App';
import { indexedDbCatalogSource } from './catalog-source';
import './popup.css';

render(<App model={createBrowseModel(indexedDbCatalogSource())} />, document.getElementById('app')!);
