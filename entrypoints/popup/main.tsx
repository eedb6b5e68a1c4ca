import { render } from 'preact';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { type ArticleTab, Browse } from '../../pages/browse/Browse';
import { createBrowseModel } from '../../pages/browse/browse-model';
import { indexedDbCatalogSource } from '../../pages/browse/catalog-source';
import { createFavorites, favoritesViaBackground } from '../../pages/favorites-signals';
import { createNewsList } from '../../pages/news-signals';
import { createNotesList } from '../../pages/notes-signals';
import { takeFavoriteAreas } from '../../pages/popup-early';
import { urlKey } from '../../utils/catalog/match';
import { askBackground } from '../../utils/messaging/protocol';
import { t } from '../../utils/text/i18n';
import '../../pages/browse/browse.css';
import { browser } from 'wxt/browser';

/** The longest the popup waits for its first posts before it renders without them. */
const FIRST_RENDER_WAIT_MS = 300;

const favorites = createFavorites(favoritesViaBackground(), takeFavoriteAreas());
// Listeners go before the page does (see brief-panel/panel-host.tsx: Firefox logs an error otherwise).
addEventListener('pagehide', () => favorites.dispose());
addEventListener('pageshow', (event) => event.persisted && void favorites.resume());
// The HTML says English; the messages file says what the reader gets.
document.documentElement.lang = t('languageTag');
document.title = t('extName');

const source = indexedDbCatalogSource();
const model = createBrowseModel(source, favorites.list);
const notes = createNotesList();
addEventListener('pagehide', () => notes.dispose());
const news = createNewsList();
addEventListener('pagehide', () => news.dispose());
// The tab the popup opened over, when it shows an article of the blogs: its URL is visible because
// opening the popup grants activeTab (and the blogs' hosts are Blog Brief's).
const articleTab: Promise<ArticleTab | null> = browser.tabs
  .query({ active: true, currentWindow: true })
  .then(([tab]) => {
    const key = tab?.url ? urlKey(tab.url) : null;
    return key && tab?.id !== undefined ? { tabId: tab.id, key } : null;
  })
  .catch(() => null);
const addBrief = async (tab: ArticleTab) => {
  await askBackground('notes:open', { tabId: tab.tabId }).catch(() => undefined);
  window.close();
};
// Rendered once, with the first posts and their stars: an empty list rendered first would cost the
// popup a render, a layout and a paint before its posts could show (docs/decisions.md). Never held
// longer than FIRST_RENDER_WAIT_MS: a catalog still loading after install shows its loading state instead.
await Promise.race([
  Promise.all([model.firstAnswer, favorites.ready]),
  new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS)),
]);
const render_ = (tab: ArticleTab | null) =>
  render(
    <ErrorBoundary>
      <Browse model={model} favorites={favorites} notes={notes} news={news} articleTab={tab} onAddBrief={addBrief} />
    </ErrorBoundary>,
    document.getElementById('app')!,
  );
render_(null);
void articleTab.then((tab) => tab && render_(tab));
requestAnimationFrame(() => setTimeout(() => void news.start()));
