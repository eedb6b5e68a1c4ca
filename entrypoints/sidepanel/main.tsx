import { render } from 'preact';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { createBrowseModel } from '../../utils/browse-model';
import { blogBriefDbConnection, getPost } from '../../utils/db';
import { createFavorites } from '../../utils/favorites';
import { t } from '../../utils/i18n';
import { askBackground, favoritesViaBackground } from '../../utils/messaging';
import { indexedDbCatalogSource } from '../popup/catalog-source';
import { SidePanel } from './App';
import { activeTabUrl } from './active-tab';
import '../popup/popup.css';
import '../brief-panel/panel.css';
import './sidepanel.css';

const favorites = createFavorites(favoritesViaBackground());
addEventListener('pagehide', () => favorites.dispose());
addEventListener('pageshow', (event) => event.persisted && void favorites.resume());
document.documentElement.lang = t('languageTag');
document.title = t('extName');

const connection = blogBriefDbConnection();
/** Bundled or from a feed: the background knows every catalog's URLs. */
async function briefOf(url: string) {
  const { postId } = await askBackground('post:find', { url });
  return postId ? ((await getPost(await connection(), postId)) ?? null) : null;
}

render(
  <ErrorBoundary>
    <SidePanel
      url={activeTabUrl()}
      briefOf={briefOf}
      model={createBrowseModel(indexedDbCatalogSource(), favorites.list)}
      favorites={favorites}
    />
  </ErrorBoundary>,
  document.getElementById('app')!,
);
