/**
 * The popup's state: filters in, results out. Signals hold the state, actions change it, and one
 * effect re-runs the query whenever a filter changes (the newest query wins). Components only read
 * `.value` and call actions. The catalog is reached through a CatalogSource, so tests can pass a
 * fake and the popup passes IndexedDB.
 */
import { batch, computed, effect, type ReadonlySignal, signal } from '@preact/signals';
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

export type BrowseView = 'all' | 'favorites';

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
    const query: PostQuery = { tags: tags.value, blog: blog.value, text: text.value, limit: limit.value };
    const saved = view.value === 'favorites' ? favorites.value : null;
    if (saved) {
      query.ids = new Set(saved.map((f) => f.id));
      // Every matching favorite is read, to sort them by saved time below; only `limit` are shown.
      delete query.limit;
    }
    const current = ++generation;
    const known = saved ? source.query({ ids: query.ids! }) : null;
    const answer = Promise.all([source.query(query), known]);
    firstAnswer ??= answer.catch(() => undefined);
    answer.then(
      ([next, inCatalog]) => {
        if (current !== generation) return;
        batch(() => {
          if (saved && inCatalog) {
            const order = new Map(saved.map((f, i) => [f.id, i]));
            const sorted = [...next.posts].sort((a, b) => order.get(a.id)! - order.get(b.id)!);
            next = { ...next, posts: sorted.slice(0, limit.value) };
            const knownIds = new Set(inCatalog.posts.map((p) => p.id));
            const queryWordsNow = queryWords(query.text ?? '');
            // Only the saved title is known of these, so only a text search can match them.
            missingFavorites.value =
              (query.tags?.length ?? 0) > 0 || query.blog
                ? []
                : saved.filter((f) => !knownIds.has(f.id) && queryWordsNow.every((w) => titleHasWord(f.title, w)));
          } else missingFavorites.value = [];
          result.value = next;
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
  void firstAnswer!
    .then(() => source.tagCounts())
    .then(
      (counts) => (tagCounts.value = counts),
      () => undefined,
    );
  source.currentPost().then(
    (post) => (currentPost.value = post),
    () => undefined,
  );

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
    toggleTag(tag: string) {
      batch(() => {
        tags.value = tags.value.includes(tag) ? tags.value.filter((t) => t !== tag) : [...tags.value, tag];
        limit.value = PAGE_SIZE;
      });
    },
    toggleBlog(next: BlogId) {
      batch(() => {
        blog.value = blog.value === next ? null : next;
        limit.value = PAGE_SIZE;
      });
    },
    setText(next: string) {
      batch(() => {
        text.value = next;
        limit.value = PAGE_SIZE;
      });
    },
    setView(next: BrowseView) {
      batch(() => {
        view.value = next;
        limit.value = PAGE_SIZE;
      });
    },
    showMore() {
      limit.value += PAGE_SIZE;
    },
    clearFilters() {
      batch(() => {
        tags.value = [];
        blog.value = null;
        text.value = '';
        limit.value = PAGE_SIZE;
      });
    },
    dispose,
  };
}

export type BrowseModel = ReturnType<typeof createBrowseModel>;

function titleHasWord(title: string, word: string): boolean {
  return wordsOf(title).some((w) => w.startsWith(word));
}
