/**
 * The catalog's query index: posts numbered by rank (0 = newest), and for every tag, blog and search
 * word the sorted ranks of its posts. Pure data and pure functions; utils/storage/catalog-db.ts stores it in IndexedDB
 * as one record and reads it once, so a query is array work in memory plus reading the posts it shows.
 *
 * Why not IndexedDB indexes: every index lookup is a round trip to the browser's database process,
 * and a tag or word can match tens of thousands of posts. Intersecting typed arrays in memory answers
 * a query over 100,000 posts in a few milliseconds (BENCHMARKS.md, docs/decisions.md).
 */
import type { BlogId } from '../catalog/blogs';
import { queryWords, searchTerms } from './words';

export interface IndexablePost {
  id: string;
  blog: BlogId;
  published: string;
  title: string;
  summary: string;
  bullets: readonly string[];
  tags: readonly string[];
  authors: readonly string[];
}

export interface SearchIndex {
  /** Post ids by rank. */
  ids: string[];
  tags: Record<string, Uint32Array>;
  blogs: Record<string, Uint32Array>;
  /** Every search word, sorted, so a prefix is a contiguous range. */
  terms: string[];
  /** Ranks of term i: postingData[postingStart[i] .. postingStart[i + 1]]. One buffer, cheap to store and read. */
  postingStart: Uint32Array;
  postingData: Uint32Array;
}

/** Newest first; ties broken by id so the order is stable. */
export function rankPosts<T extends IndexablePost>(posts: readonly T[]): T[] {
  return [...posts].sort((a, b) =>
    a.published !== b.published ? (a.published < b.published ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0,
  );
}

/** Builds the index of posts already in rank order (rankPosts). */
export function buildSearchIndex(ranked: readonly IndexablePost[]): SearchIndex {
  const tags = new Map<string, number[]>();
  const blogs = new Map<string, number[]>();
  const terms = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, rank: number) => {
    const list = map.get(key);
    if (list) list.push(rank);
    else map.set(key, [rank]);
  };
  ranked.forEach((post, rank) => {
    for (const tag of post.tags) add(tags, tag, rank);
    add(blogs, post.blog, rank);
    for (const term of searchTerms(post)) add(terms, term, rank);
  });
  const sortedTerms = [...terms.keys()].sort();
  const postingStart = new Uint32Array(sortedTerms.length + 1);
  let total = 0;
  sortedTerms.forEach((term, i) => {
    postingStart[i] = total;
    total += terms.get(term)!.length;
  });
  postingStart[sortedTerms.length] = total;
  const postingData = new Uint32Array(total);
  sortedTerms.forEach((term, i) => {
    postingData.set(terms.get(term)!, postingStart[i]!);
  });
  const packed = (map: Map<string, number[]>) => Object.fromEntries([...map].map(([k, v]) => [k, Uint32Array.from(v)]));
  return {
    ids: ranked.map((p) => p.id),
    tags: packed(tags),
    blogs: packed(blogs),
    terms: sortedTerms,
    postingStart,
    postingData,
  };
}

export interface IndexQuery {
  tags?: readonly string[];
  blog?: BlogId | null;
  text?: string;
  ids?: ReadonlySet<string>;
}

/** Ranks of the posts matching every criterion, ascending (newest first); null when nothing filters. */
export function matchRanks(index: SearchIndex, query: IndexQuery): Uint32Array | null {
  const lists: Uint32Array[] = [];
  for (const tag of query.tags ?? []) lists.push(index.tags[tag] ?? EMPTY);
  if (query.blog) lists.push(index.blogs[query.blog] ?? EMPTY);
  for (const word of queryWords(query.text ?? '')) lists.push(prefixRanks(index, word));
  if (query.ids) {
    const rankOf = ranksById(index);
    const ranks: number[] = [];
    for (const id of query.ids) {
      const rank = rankOf.get(id);
      if (rank !== undefined) ranks.push(rank);
    }
    lists.push(Uint32Array.from(ranks).sort());
  }
  if (lists.length === 0) return null;
  lists.sort((a, b) => a.length - b.length);
  let result = lists[0]!;
  for (let i = 1; i < lists.length && result.length > 0; i++) result = intersect(result, lists[i]!);
  return result;
}

const EMPTY = new Uint32Array(0);

/** Ranks of posts with a word starting with `prefix`: the union of a contiguous range of terms. */
function prefixRanks(index: SearchIndex, prefix: string): Uint32Array {
  const from = lowerBound(index.terms, prefix);
  const to = lowerBound(index.terms, `${prefix}\uffff`);
  if (to - from === 1) return index.postingData.subarray(index.postingStart[from]!, index.postingStart[from + 1]!);
  if (to === from) return EMPTY;
  // Several words share the prefix: mark their posts, then read the marks in rank order.
  const marks = new Uint8Array(index.ids.length);
  let count = 0;
  for (let i = index.postingStart[from]!, end = index.postingStart[to]!; i < end; i++) {
    const rank = index.postingData[i]!;
    if (marks[rank] === 0) {
      marks[rank] = 1;
      count++;
    }
  }
  const ranks = new Uint32Array(count);
  for (let rank = 0, n = 0; n < count; rank++) if (marks[rank]) ranks[n++] = rank;
  return ranks;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Both inputs ascending; so is the output. */
function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out[n++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, n);
}

const rankMaps = new WeakMap<SearchIndex, Map<string, number>>();
function ranksById(index: SearchIndex): Map<string, number> {
  let map = rankMaps.get(index);
  if (!map) {
    map = new Map(index.ids.map((id, rank) => [id, rank]));
    rankMaps.set(index, map);
  }
  return map;
}
