/**
 * The popup's state: filters in, results out. Signals hold the state, actions change it, and one
 * effect re-runs the query whenever a filter changes (the newest query wins). Components only read
 * `.value` and call actions. The catalog is reached through a CatalogSource, so tests can pass a
 * fake and the popup passes IndexedDB.
 */
import { batch, computed, effect, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { BlogId } from '../../utils/catalog/blogs';
import type { PostQuery, QueryResult, TagCount } from '../../utils/catalog/catalog-query';
import type { Post } from '../../utils/catalog/catalog-schema';
import { queryWords, words as wordsOf } from '../../utils/search/words';
import { PAGE_SIZE } from '../../utils/storage/catalog-db-first-page';
import { t } from '../../utils/text/i18n';
import type { Favorite } from '../favorites-signals';

export interface CatalogSource {
  query(query: PostQuery): Promise<QueryResult>;
  tagCounts(): Promise<TagCount[]>;
  /** The post the reader's current tab shows, if any. */
  currentPost(): Promise<Post | null>;
}

export { PAGE_SIZE } from '../../utils/storage/catalog-db-first-page';

/** `notes`: the reader's annotated articles (pages/browse/NotesView.tsx); `new`: the blogs' new articles (pages/browse/NewsView.tsx). */
export type BrowseView = 'all' | 'favorites' | 'notes' | 'new';

/**
 * @param favorites the reader's favorites, newest saved first (the favorites store's `list`); the
 *   favorites view shows these posts in this order.
 */
export function createBrowseModel(source: CatalogSource, favorites: ReadonlySignal<readonly Favorite[]> = signal([])) {
  const view = signal<BrowseView>('all');
  const tags = signal<readonly string[]>([]);
  const blog = signal<BlogId | null>(null);
  const text = signal('');
  const limit = signal(PAGE_SIZE);
  /** Favorites whose post the catalog no longer has (shown from their saved title). */
  const missingFavorites = signal<readonly Favorite[]>([]);

  const result = signal<QueryResult | null>(null);
  const tagCounts = signal<TagCount[]>([]);
  const currentPost = signal<Post | null>(null);
  const error = signal<string | null>(null);

  const words = computed(() => queryWords(text.value));
  const filtering = computed(() => tags.value.length > 0 || blog.value !== null || words.value.length > 0);
  const loading = computed(() => result.value === null && error.value === null);

  let generation = 0;
  /** The first query's answer (or failure): the tag counts wait for it. Set by the effect's first run, which is immediate. */
  let firstAnswer: Promise<unknown> | null = null;
  const dispose = effect(() => {
    const saved = view.value === 'favorites' ? favorites.value : null;
    const query = askedQuery(tags.value, blog.value, text.value, limit.value, saved);
    const current = ++generation;
    const known = saved ? source.query({ ids: query.ids! }) : null;
    const answer = Promise.all([source.query(query), known]);
    firstAnswer ??= answer.catch(() => undefined);
    answer.then(
      ([next, inCatalog]) => {
        if (current !== generation) return;
        batch(() => {
          const shown = saved && inCatalog ? inSavedOrder(next, saved, inCatalog, query, limit.value) : null;
          missingFavorites.value = shown?.missing ?? [];
          result.value = shown?.result ?? next;
          error.value = null;
        });
      },
      (cause: unknown) => {
        if (current === generation)
          error.value = t('catalogReadFailed', cause instanceof Error ? cause.message : String(cause));
      },
    );
  });
  // Asked for once the first page is in: the counts come from the whole query index (a large record
  // for a large catalog), and reading it must not hold up the first posts.
  void firstAnswer!.then(() => source.tagCounts()).then((counts) => (tagCounts.value = counts), ignore);
  source.currentPost().then((post) => (currentPost.value = post), ignore);

  return {
    /** Settled once the first query's answer (or failure) is in the signals: the popup renders then. */
    firstAnswer: firstAnswer!.then(() => undefined),
    view,
    tags,
    blog,
    text,
    words,
    missingFavorites,
    result,
    tagCounts,
    currentPost,
    error,
    loading,
    filtering,
    ...browseActions({ tags, blog, text, view, limit }),
    dispose,
  };
}

export type BrowseModel = ReturnType<typeof createBrowseModel>;

const ignore = () => undefined;

/** The query the reader's choices ask; in the favorites view, of the saved posts. */
function askedQuery(
  tags: readonly string[],
  blog: BlogId | null,
  text: string,
  limit: number,
  saved: readonly Favorite[] | null,
): PostQuery {
  // Every matching favorite is read, to sort them by saved time; only `limit` are shown.
  return saved ? { tags, blog, text, ids: new Set(saved.map((f) => f.id)) } : { tags, blog, text, limit };
}

/**
 * The favorites view's page: the matching favorites in saved order, `limit` of them, and those the
 * catalog no longer has. Only the saved title is known of these, so only a text search can match them.
 */
function inSavedOrder(
  matching: QueryResult,
  saved: readonly Favorite[],
  inCatalog: QueryResult,
  query: PostQuery,
  limit: number,
): { result: QueryResult; missing: readonly Favorite[] } {
  const order = new Map(saved.map((f, i) => [f.id, i]));
  const sorted = [...matching.posts].sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const knownIds = new Set(inCatalog.posts.map((p) => p.id));
  const words = queryWords(query.text ?? '');
  const filtered = (query.tags?.length ?? 0) > 0 || query.blog;
  const missing = filtered
    ? []
    : saved.filter((f) => !knownIds.has(f.id) && words.every((w) => titleHasWord(f.title, w)));
  return { result: { ...matching, posts: sorted.slice(0, limit) }, missing };
}

/** What the reader does in the browse view; each change of what is asked starts again at the first page. */
function browseActions({
  tags,
  blog,
  text,
  view,
  limit,
}: {
  tags: Signal<readonly string[]>;
  blog: Signal<BlogId | null>;
  text: Signal<string>;
  view: Signal<BrowseView>;
  limit: Signal<number>;
}) {
  const fromFirstPage = (change: () => void) =>
    batch(() => {
      change();
      limit.value = PAGE_SIZE;
    });
  return {
    toggleTag(tag: string) {
      fromFirstPage(() => {
        tags.value = tags.value.includes(tag) ? tags.value.filter((t) => t !== tag) : [...tags.value, tag];
      });
    },
    toggleBlog(next: BlogId) {
      fromFirstPage(() => {
        blog.value = blog.value === next ? null : next;
      });
    },
    setText(next: string) {
      fromFirstPage(() => {
        text.value = next;
      });
    },
    setView(next: BrowseView) {
      fromFirstPage(() => {
        view.value = next;
      });
    },
    showMore() {
      limit.value += PAGE_SIZE;
    },
    clearFilters() {
      fromFirstPage(() => {
        tags.value = [];
        blog.value = null;
        text.value = '';
      });
    },
  };
}

function titleHasWord(title: string, word: string): boolean {
  return wordsOf(title).some((w) => w.startsWith(word));
}
