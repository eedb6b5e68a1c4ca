/**
 * Runs in a Chromium page (bundled by bench/run.ts): IndexedDB at scale through the real db module.
 * Exposes window.runIdbBench(count, runs).
 */
import { deleteDB } from 'idb';
import { loadCatalog, openBlogBriefDb, queryPosts } from '../utils/db';
import { syntheticCatalog } from '../tests/utils/synthetic';

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
  const samples = { tag: [] as number[], tagAndBlog: [] as number[], search: [] as number[], searchTwoWords: [] as number[], all: [] as number[] };
  for (let i = 0; i < runs; i++) {
    // What the popup asks: one page of rows (50) plus the total.
    samples.tag.push(await time(() => queryPosts(db, { tags: ['storage'], limit: 50 })));
    samples.tagAndBlog.push(await time(() => queryPosts(db, { tags: ['storage'], blog: 'airbnb', limit: 50 })));
    samples.search.push(await time(() => queryPosts(db, { text: 'kafka', limit: 50 })));
    samples.searchTwoWords.push(await time(() => queryPosts(db, { text: 'scaling cass', limit: 50 })));
    samples.all.push(await time(() => queryPosts(db, { limit: 50 })));
  }
  db.close();
  await deleteDB(name);
  return { count, load, samples };
}

(window as unknown as { runIdbBench: typeof runIdbBench }).runIdbBench = runIdbBench;
