/**
 * The popup's state: filters in, results out. Signals hold the state, actions change it, and one
 * effect re-runs the query whenever a filter changes (the newest query wins). Components only read
 * `.value` and call actions. The catalog is reached through a CatalogSource, so tests can pass a
 * fake and the popup passes IndexedDB.
 */
import { batch, computed, effect, signal } from '@preact/signals';
import type { BlogId } from './blogs';
import type { Post } from './catalog';
import type { PostQuery, QueryResult, TagCount } from './db';
import { queryWords } from './search';

export interface CatalogSource {
  query(query: PostQuery): Promise<QueryResult>;
  tagCounts(): Promise<TagCount[]>;
  /** The post the reader's current tab shows, if any. */
  currentPost(): Promise<Post | null>;
}

/** Rows rendered at first; "Show more" adds this many again. Keeps the first paint small at any catalog size. */
export const PAGE_SIZE = 50;

export type BrowseView = 'all' | 'favorites';

export function createBrowseModel(source: CatalogSource) {
  const tags = signal<readonly string[]>([]);
  const blog = signal<BlogId | null>(null);
  const text = signal('');
  const limit = signal(PAGE_SIZE);
  /** Post ids to restrict to (the favorites view); null for the whole catalog. */
  const onlyIds = signal<ReadonlySet<string> | null>(null);

  const result = signal<QueryResult | null>(null);
  const tagCounts = signal<TagCount[]>([]);
  const currentPost = signal<Post | null>(null);
  const error = signal<string | null>(null);

  const words = computed(() => queryWords(text.value));
  const filtering = computed(() => tags.value.length > 0 || blog.value !== null || words.value.length > 0);
  const loading = computed(() => result.value === null && error.value === null);

  let generation = 0;
  const dispose = effect(() => {
    const query: PostQuery = { tags: tags.value, blog: blog.value, text: text.value, limit: limit.value };
    if (onlyIds.value) query.ids = onlyIds.value;
    const current = ++generation;
    source.query(query).then(
      (next) => {
        if (current !== generation) return;
        batch(() => {
          result.value = next;
          error.value = null;
        });
      },
      (cause: unknown) => {
        if (current === generation) error.value = `Could not read the catalog: ${cause instanceof Error ? cause.message : String(cause)}`;
      },
    );
  });
  source.tagCounts().then((counts) => (tagCounts.value = counts), () => undefined);
  source.currentPost().then((post) => (currentPost.value = post), () => undefined);

  return {
    tags,
    blog,
    text,
    words,
    onlyIds,
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
    setOnlyIds(ids: ReadonlySet<string> | null) {
      onlyIds.value = ids;
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
