import { describe, expect, it, vi } from 'vitest';
import { type CatalogSource, createBrowseModel, PAGE_SIZE } from '../../../pages/browse/browse-model';
import type { QueryResult } from '../../../utils/storage/catalog-db';
import { catalogPosts } from '../../fixtures';
import { testCatalogSource } from '../../popup-source';

const settle = () => vi.waitFor(() => undefined);

describe('the browse model', () => {
  it('starts on every post and narrows as filters are added', async () => {
    const model = createBrowseModel(await testCatalogSource());
    await vi.waitFor(() => expect(model.result.value?.total).toBe(10));
    model.toggleBlog('airbnb');
    await vi.waitFor(() => expect(model.result.value?.total).toBe(5));
    model.toggleTag('service-mesh');
    await vi.waitFor(() => expect(model.result.value?.total).toBe(3));
    model.setText('istio');
    await vi.waitFor(() => expect(model.result.value?.posts.map((p) => p.id)).toEqual(['bcb0e49c5cf8']));
    expect(model.filtering.value).toBe(true);
    model.clearFilters();
    await vi.waitFor(() => expect(model.result.value?.total).toBe(10));
    expect(model.filtering.value).toBe(false);
  });

  it('pressing the selected blog again clears the blog filter', async () => {
    const model = createBrowseModel(await testCatalogSource());
    model.toggleBlog('pinterest');
    model.toggleBlog('pinterest');
    expect(model.blog.value).toBeNull();
  });

  it('keeps the answer to the newest query when an older one arrives late', async () => {
    let release: (r: QueryResult) => void = () => {};
    const slow = new Promise<QueryResult>((resolve) => (release = resolve));
    const source: CatalogSource = {
      query: vi.fn((q) => (q.text === 'slow' ? slow : Promise.resolve({ posts: [catalogPosts[0]!], total: 1 }))),
      tagCounts: async () => [],
      currentPost: async () => null,
    };
    const model = createBrowseModel(source);
    model.setText('slow');
    model.setText('fast');
    await vi.waitFor(() => expect(model.result.value?.total).toBe(1));
    release({ posts: [], total: 0 });
    await settle();
    expect(model.result.value?.total).toBe(1);
  });

  it('asks for one page of rows and more on request', async () => {
    const query = vi.fn(async () => ({ posts: [], total: 0 }));
    const model = createBrowseModel({ query, tagCounts: async () => [], currentPost: async () => null });
    expect(query).toHaveBeenLastCalledWith(expect.objectContaining({ limit: PAGE_SIZE }));
    model.showMore();
    expect(query).toHaveBeenLastCalledWith(expect.objectContaining({ limit: 2 * PAGE_SIZE }));
  });

  it('reads the tag counts only once the first page is in, and still when that read failed', async () => {
    for (const outcome of ['answered', 'failed'] as const) {
      let answer: (r: QueryResult) => void = () => {};
      let fail: (e: Error) => void = () => {};
      const first = new Promise<QueryResult>((resolve, reject) => {
        answer = resolve;
        fail = reject;
      });
      const tagCounts = vi.fn(async () => [{ tag: 'dist', count: 10 }]);
      const model = createBrowseModel({ query: () => first, tagCounts, currentPost: async () => null });
      await settle();
      expect(tagCounts).not.toHaveBeenCalled();
      if (outcome === 'answered') answer({ posts: [catalogPosts[0]!], total: 1 });
      else fail(new Error('IndexedDB is unavailable'));
      await vi.waitFor(() => expect(model.tagCounts.value).toEqual([{ tag: 'dist', count: 10 }]));
    }
  });

  it('reports a catalog that cannot be read instead of loading forever', async () => {
    const model = createBrowseModel({
      query: () => Promise.reject(new Error('IndexedDB is unavailable')),
      tagCounts: async () => [],
      currentPost: async () => null,
    });
    await vi.waitFor(() => expect(model.error.value).toBe('Could not read the catalog: IndexedDB is unavailable'));
    expect(model.loading.value).toBe(false);
  });
});

describe('the favorites view', () => {
  it('shows the first page of many favorites, newest saved first, with the rest behind "Show more"', async () => {
    const { openBlogBriefDb, loadCatalog, queryPosts, tagCounts } = await import('../../../utils/storage/catalog-db');
    const { syntheticCatalog } = await import('../../../tools/synthetic-catalog');
    const { signal } = await import('@preact/signals');
    const catalog = syntheticCatalog(3 * PAGE_SIZE);
    const db = await openBlogBriefDb(`favorites-view-${Math.random()}`);
    await loadCatalog(db, catalog);
    // Saved in catalog order: the last saved is the last post.
    const saved = catalog.posts.map((p, i) => ({ id: p.id, title: p.title, savedAt: i, localOnly: false }));
    const favorites = signal([...saved].reverse());
    const model = createBrowseModel(
      { query: (q) => queryPosts(db, q), tagCounts: () => tagCounts(db), currentPost: async () => null },
      favorites,
    );
    model.setView('favorites');
    await vi.waitFor(() => expect(model.result.value?.total).toBe(saved.length));
    expect(model.result.value?.posts.map((p) => p.id)).toEqual(
      [...saved]
        .reverse()
        .slice(0, PAGE_SIZE)
        .map((f) => f.id),
    );
    model.showMore();
    await vi.waitFor(() => expect(model.result.value?.posts).toHaveLength(2 * PAGE_SIZE));
    db.close();
  });
});
