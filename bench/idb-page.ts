/**
 * Runs in a Chromium page (bundled by bench/run.ts): IndexedDB at scale through the real db module.
 * Exposes window.runIdbBench(count, runs).
 */
import { effect } from '@preact/signals-core';
import { deleteDB } from 'idb';
import { createBrowseModel } from '../pages/browse/browse-model';
import { syntheticCatalog } from '../tools/synthetic-catalog';
import { loadCatalog, openBlogBriefDb, queryPosts, tagCounts } from '../utils/storage/catalog-db';

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function runIdbBench(count: number, runs: number) {
  const name = `bench-${count}`;
  await deleteDB(name);
  const catalog = syntheticCatalog(count);
  const db = await openBlogBriefDb(name);
  const load = await time(() => loadCatalog(db, catalog));
  const samples = {
    tag: [] as number[],
    tagAndBlog: [] as number[],
    search: [] as number[],
    searchTwoWords: [] as number[],
    all: [] as number[],
    popupFirstPage: [] as number[],
  };
  for (let i = 0; i < runs; i++) {
    // What the popup asks: one page of rows (50) plus the total.
    samples.tag.push(await time(() => queryPosts(db, { tags: ['storage'], limit: 50 })));
    samples.tagAndBlog.push(await time(() => queryPosts(db, { tags: ['storage'], blog: 'airbnb', limit: 50 })));
    samples.search.push(await time(() => queryPosts(db, { text: 'kafka', limit: 50 })));
    samples.searchTwoWords.push(await time(() => queryPosts(db, { text: 'scaling cass', limit: 50 })));
    samples.all.push(await time(() => queryPosts(db, { limit: 50 })));
  }
  db.close();
  for (let i = 0; i < runs; i++) samples.popupFirstPage.push(await popupFirstPage(name));
  await deleteDB(name);
  return { count, load, samples };
}

/**
 * The popup's opening, without its page: a fresh connection, the browse model over IndexedDB, until
 * the first page is in. Nothing is cached yet, so the query index (and the tag counts it holds) is
 * read as in a popup that just opened.
 */
async function popupFirstPage(name: string): Promise<number> {
  const start = performance.now();
  const db = await openBlogBriefDb(name);
  const model = createBrowseModel({
    query: (q) => queryPosts(db, q),
    tagCounts: () => tagCounts(db),
    currentPost: async () => null,
  });
  await new Promise<void>((resolve) => {
    const stop = effect(() => {
      if (model.result.value === null) return;
      queueMicrotask(() => stop());
      resolve();
    });
  });
  const elapsed = performance.now() - start;
  // Let the rest of the opening (the tag counts) finish before the connection closes.
  await new Promise((resolve) => setTimeout(resolve, 200));
  model.dispose();
  db.close();
  return elapsed;
}

(window as unknown as { runIdbBench: typeof runIdbBench }).runIdbBench = runIdbBench;
