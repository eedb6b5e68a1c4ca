import { render } from 'preact';
import { createFavorites } from '../../utils/favorites';
import { App } from './App';
import './options.css';

render(<App favorites={createFavorites()} />, document.getElementById('app')!);
