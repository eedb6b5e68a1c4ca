import { useEffect, useRef } from 'preact/hooks';
import { CopyButton } from '../../components/CopyButton';
import { focusFirstRow, PostList } from '../../components/PostList';
import { PostRow } from '../../components/PostRow';
import { SearchBox } from '../../components/SearchBox';
import { SyncNotice } from '../../components/SyncNotice';
import { TagBar } from '../../components/TagBar';
import { ToggleGroup } from '../../components/ToggleGroup';
import { BLOG_IDS, BLOGS, type BlogId } from '../../utils/catalog/blogs';
import type { TagCount } from '../../utils/catalog/catalog-query';
import type { Post } from '../../utils/catalog/catalog-schema';
import { urlKey } from '../../utils/catalog/match';
import { askBackground } from '../../utils/messaging/protocol';
import type { NewArticle } from '../../utils/news/new-article';
import { matchNews, newsTagCounts } from '../../utils/news/news-search';
import { matchNotes } from '../../utils/notes/notes-search';
import { formatDay } from '../../utils/text/format';
import { plural, t } from '../../utils/text/i18n';
import { FavoriteToggle } from '../FavoriteToggle';
import type { Favorite, FavoritesStore } from '../favorites-signals';
import type { NewsList } from '../news-signals';
import type { NotesList } from '../notes-signals';
import type { BrowseModel } from './browse-model';
import { NewArticleRow, NewsView } from './NewsView';
import { NotesView } from './NotesView';

/** What the popup knows of the reader's tab: where "Add your brief for this article" applies. */
export interface ArticleTab {
  tabId: number;
  /** The tab's article URL key (utils/catalog/match.ts). */
  key: string;
}

/**
 * The popup's browse of every brief (also the side panel's on a tab without one): views, search,
 * filters, results. With `notes`, the reader's annotated articles are a view of their own, and the
 * rows of annotated articles say so; with `articleTab`, the popup offers the notes' editor there;
 * with `news`, the blogs' new articles are a view of their own, offered once until turned on.
 */
export function Browse({
  model,
  favorites,
  notes,
  news,
  articleTab,
  onAddBrief,
  postAt,
}: {
  model: BrowseModel;
  favorites: FavoritesStore;
  notes?: NotesList;
  news?: NewsList;
  articleTab?: ArticleTab | null;
  onAddBrief?: (tab: ArticleTab) => void;
  /** The catalog's brief of an article URL: what "Copy as Markdown" on an annotated article adds. */
  postAt?: (url: string) => Promise<Post | null>;
}) {
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashFocus(searchRef);

  const result = model.result.value;
  const inNotes = notes !== undefined && model.view.value === 'notes';
  const inNews = news?.enabled.value === true && model.view.value === 'new';
  const inFavorites = model.view.value === 'favorites';
  const annotated = notes?.keys() ?? new Set<string>();
  const hasNotes = (post: { url: string }) => annotated.has(urlKey(post.url) ?? '');
  const current = model.filtering.value || inFavorites ? null : model.currentPost.value;
  const missing = inFavorites ? model.missingFavorites.value : [];
  const total = (result?.total ?? 0) + missing.length;
  const saveButton = (post: { id: string; title: string }) => (
    <FavoriteToggle store={favorites} post={post} class="row-save" />
  );
  const posts = (result?.posts ?? []).filter((post) => post.id !== current?.id);
  /** One article as Markdown (utils/export/markdown.ts): its brief, the reader's notes, when saved. */
  const markdownOf = async (article: { title: string; url: string; blog: Post['blog'] }, post: Post | null) => {
    const key = urlKey(article.url);
    const own = notes?.all.value.find((n) => n.article.key === key) ?? null;
    const catalogPost = post ?? (postAt ? await postAt(article.url).catch(() => null) : null);
    const saved = catalogPost ? favorites.list.value.find((f) => f.id === catalogPost.id) : undefined;
    // Loaded on the click: the Markdown writer (and its YAML library) is no part of the popup's opening.
    const { articleMarkdown } = await import('../../utils/export/markdown');
    return articleMarkdown({ ...article, post: catalogPost, notes: own, savedAt: saved?.savedAt ?? null });
  };
  const words = model.words.value;

  return (
    <main class="popup">
      <BrowseHeader model={model} favorites={favorites} notes={notes} news={news} />
      {news && news.enabled.value === false && !news.asked.value && <NewsOffer news={news} />}
      <SyncNotice text={favorites.problem.value} class="notice" />
      <SearchBox
        value={model.text.value}
        onInput={model.setText}
        inputRef={searchRef}
        onArrowDown={() => focusFirstRow()}
      />
      <Filters model={model} tagCounts={inNews ? newsTagCounts(news.rows.value) : undefined} />
      {articleTab && onAddBrief && !annotated.has(articleTab.key) && (
        <button type="button" class="button add-brief" onClick={() => onAddBrief(articleTab)}>
          {t('addBriefForArticle')}
        </button>
      )}
      {inNews ? (
        <NewsView
          rows={matchNews(news.rows.value, { words, blog: model.blog.value, tags: model.tags.value })}
          unseen={news.unseen.value}
          words={words}
          filtering={model.filtering.value}
          hasNotes={hasNotes}
          actions={saveButton}
          onMarkAllSeen={() => void news.markAllSeen()}
          onAddBrief={addBriefInNewTab}
        />
      ) : inNotes ? (
        <NotesView
          notes={matchNotes(notes.all.value, { words, blog: model.blog.value, tags: model.tags.value })}
          words={words}
          filtering={model.filtering.value}
          markdownOf={(article) => markdownOf(article, null)}
        />
      ) : (
        <>
          {current && (
            <section class="on-page" aria-labelledby="on-page-heading">
              <h2 id="on-page-heading" class="section-heading">
                {t('onThisPage')}
              </h2>
              <PostRow
                post={current}
                words={words}
                initiallyExpanded
                hasNotes={hasNotes(current)}
                actions={saveButton(current)}
              />
              <CopyButton text={() => markdownOf(current, current)} />
            </section>
          )}
          <section class="results" aria-labelledby="results-heading" aria-busy={model.loading.value}>
            <h2 id="results-heading" class="section-heading">
              {model.loading.value ? t('loadingBriefs') : resultHeading(total, model.filtering.value, inFavorites)}
            </h2>
            {model.error.value && (
              <p class="notice error" role="alert">
                {model.error.value}
              </p>
            )}
            {model.loading.value && <RowPlaceholders />}
            {result && total === 0 && <EmptyResults model={model} inFavorites={inFavorites} />}
            <PostList
              label={t('briefsList')}
              posts={posts}
              renderRow={(post) => (
                <PostRow post={post} words={words} hasNotes={hasNotes(post)} actions={saveButton(post)} />
              )}
            />
            {missing.length > 0 && (
              <ul class="posts missing" aria-label={t('missingFavoritesList')}>
                {missing.map((favorite) => {
                  // Saved from the "New" view: an article of the blogs' feeds, not of the catalog.
                  const announced = news?.rows.value.find((row) => row.article.id === favorite.id)?.article;
                  return (
                    <li key={favorite.id}>
                      {announced ? (
                        <NewArticleRow
                          article={{ ...announced, seen: true }}
                          words={words}
                          hasNotes={hasNotes(announced)}
                          actions={saveButton(announced)}
                          onAddBrief={addBriefInNewTab}
                        />
                      ) : (
                        <MissingFavoriteRow favorite={favorite} favorites={favorites} />
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            {result && result.posts.length < result.total && (
              <button type="button" class="button more" onClick={model.showMore}>
                {t('showMore', result.total - result.posts.length)}
              </button>
            )}
          </section>
        </>
      )}
    </main>
  );
}

/** "Add your brief" on an article not open: the background opens it, with the editor; the popup closes. */
async function addBriefInNewTab(article: NewArticle) {
  await askBackground('news:add-brief', { url: article.url }).catch(() => undefined);
  window.close();
}

/** Offered once: the blogs' own feeds are fetched only once the reader says so. */
function NewsOffer({ news }: { news: NewsList }) {
  return (
    <section class="offer" aria-labelledby="news-offer-heading">
      <h2 id="news-offer-heading" class="offer-heading">
        {t('newOfferHeading')}
      </h2>
      <p class="offer-text">{t('newOfferText')}</p>
      <div class="offer-actions">
        <button type="button" class="button primary" onClick={() => void news.turnOn()}>
          {t('newOfferYes')}
        </button>
        <button type="button" class="button" onClick={() => void news.decline()}>
          {t('newOfferNo')}
        </button>
      </div>
    </section>
  );
}

/** "/" jumps to search from anywhere in the popup, as on GitHub and the blogs themselves. */
function useSlashFocus(searchRef: { current: HTMLInputElement | null }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        searchRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

function BrowseHeader({
  model,
  favorites,
  notes,
  news,
}: {
  model: BrowseModel;
  favorites: FavoritesStore;
  notes?: NotesList;
  news?: NewsList;
}) {
  const shown = model.view.value;
  const view = (shown === 'notes' && !notes) || (shown === 'new' && !news?.enabled.value) ? 'all' : shown;
  return (
    <header class="top">
      <h1 class="brand">{t('extName')}</h1>
      <div class="views" role="group" aria-label={t('viewGroup')}>
        <button type="button" class="view" aria-pressed={view === 'all'} onClick={() => model.setView('all')}>
          {t('viewAll')}
        </button>
        <button
          type="button"
          class="view"
          aria-pressed={view === 'favorites'}
          onClick={() => model.setView('favorites')}
        >
          {t('viewFavorites')} <FavoriteCount store={favorites} />
        </button>
        {notes && (
          <button type="button" class="view" aria-pressed={view === 'notes'} onClick={() => model.setView('notes')}>
            {t('viewNotes')} <span class="view-count">{notes.all.value.length}</span>
          </button>
        )}
        {news?.enabled.value && (
          <button type="button" class="view" aria-pressed={view === 'new'} onClick={() => model.setView('new')}>
            {t('viewNew')} <span class="view-count">{news.unseen.value}</span>
          </button>
        )}
      </div>
    </header>
  );
}

/** `tagCounts`: the tags of the view's own rows, where they are not the catalog's (the "New" view). */
function Filters({ model, tagCounts }: { model: BrowseModel; tagCounts?: readonly TagCount[] }) {
  return (
    <div class="filters">
      <ToggleGroup
        label={t('blogGroup')}
        options={BLOG_IDS.map((blog) => ({ value: blog, label: BLOGS[blog].shortName }))}
        isPressed={(blog) => model.blog.value === blog}
        onToggle={(blog) => model.toggleBlog(blog as BlogId)}
      />
      <TagBar counts={tagCounts ?? model.tagCounts.value} selected={model.tags.value} onToggle={model.toggleTag} />
    </div>
  );
}

/** Why nothing shows, and what to do about it. */
function EmptyResults({ model, inFavorites }: { model: BrowseModel; inFavorites: boolean }) {
  return (
    <div class="empty">
      {inFavorites && !model.filtering.value ? (
        <>
          <p>{t('noFavoritesYet')}</p>
          <p>{t('noFavoritesHint')}</p>
        </>
      ) : model.filtering.value ? (
        <>
          <p>{t('noMatch', describeFilters(model))}</p>
          <p>{t('noMatchHint')}</p>
          <button type="button" class="button" onClick={model.clearFilters}>
            {t('clearFilters')}
          </button>
        </>
      ) : (
        <p>{t('catalogEmpty')}</p>
      )}
    </div>
  );
}

/**
 * How many favorites there are. Its own component so that favorites loading or changing re-renders
 * this count, not the whole popup: reading a signal subscribes the component that reads it, and the
 * popup's first post used to wait behind a whole re-render when favorites arrived.
 */
function FavoriteCount({ store }: { store: FavoritesStore }) {
  return <span class="view-count">{store.list.value.length}</span>;
}

function resultHeading(total: number, filtering: boolean, inFavorites: boolean): string {
  if (inFavorites) return plural(filtering ? 'favoritesFound' : 'allFavorites', total);
  return plural(filtering ? 'briefsFound' : 'allBriefs', total);
}

/** A favorite whose post left the catalog: its saved title, said plainly, and a way to remove it. */
function MissingFavoriteRow({ favorite, favorites }: { favorite: Favorite; favorites: FavoritesStore }) {
  return (
    <article class="row" aria-label={favorite.title}>
      <div class="row-head">
        <h3 class="row-title">{favorite.title}</h3>
        <FavoriteToggle store={favorites} post={favorite} class="row-save" />
      </div>
      <p class="row-meta">{t('missingFavoriteMeta', formatDay(favorite.savedAt))}</p>
    </article>
  );
}

function describeFilters(model: BrowseModel): string {
  const parts: string[] = [];
  if (model.text.value.trim()) parts.push(t('filterText', model.text.value.trim()));
  if (model.blog.value) parts.push(t('filterBlog', BLOGS[model.blog.value].shortName));
  if (model.tags.value.length) parts.push(t('filterTags', model.tags.value.join(' + ')));
  return parts.join(' ');
}

/** Grey rows of the same height as real ones, so nothing jumps when the briefs arrive. */
function RowPlaceholders() {
  return (
    <ul class="posts placeholder" aria-hidden="true">
      {[0, 1, 2].map((i) => (
        <li key={i}>
          <div class="row">
            <div class="ph ph-title" />
            <div class="ph ph-meta" />
            <div class="ph ph-line" />
            <div class="ph ph-line short" />
          </div>
        </li>
      ))}
    </ul>
  );
}
