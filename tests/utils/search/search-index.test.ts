import { describe, expect, it } from 'vitest';
import { syntheticCatalog } from '../../../tools/synthetic-catalog';
import { buildSearchIndex, matchRanks, rankPosts } from '../../../utils/search/search-index';
import { catalogPosts } from '../../fixtures';

const ranked = rankPosts(catalogPosts);
const index = buildSearchIndex(ranked);
const ids = (ranks: Uint32Array | null) => (ranks === null ? null : Array.from(ranks, (r) => index.ids[r]));

describe('the search index', () => {
  it('ranks posts newest first', () => {
    expect(ranked.map((p) => p.published)).toEqual([...ranked.map((p) => p.published)].sort().reverse());
    expect(index.ids[0]).toBe('028e9637f041');
  });

  it('matches nothing-filters as "everything"', () => {
    expect(matchRanks(index, {})).toBeNull();
    expect(matchRanks(index, { text: '  ' })).toBeNull();
  });

  it('intersects tags, blog, words and ids, keeping rank order', () => {
    expect(ids(matchRanks(index, { tags: ['service-mesh'], blog: 'airbnb', text: 'graph' }))).toEqual([
      'e66397c9e9a9',
      'da771a841344',
    ]);
    expect(ids(matchRanks(index, { ids: new Set(['da771a841344', '028e9637f041', 'ffffffffffff']) }))).toEqual([
      '028e9637f041',
      'da771a841344',
    ]);
    expect(ids(matchRanks(index, { tags: ['no-such-tag'] }))).toEqual([]);
  });

  it('unions every word a prefix covers', () => {
    // "data" alone is a word, "database" and "data-oriented" start with it.
    const prefix = matchRanks(index, { text: 'dat' })!;
    const exact = ids(matchRanks(index, { text: 'data' }))!;
    // Every post "data" finds, "dat" finds too; each once, in rank order (newest first).
    expect(ids(prefix)).toEqual(expect.arrayContaining(exact));
    expect([...prefix]).toEqual([...new Set(prefix)].sort((a, b) => a - b));
    const brute = ranked
      .filter((p) => /\bdat/.test([p.title, p.summary, ...p.bullets, ...p.tags, ...p.authors].join(' ').toLowerCase()))
      .map((p) => p.id);
    expect(ids(prefix)).toEqual(brute);
  });

  it('agrees with a brute-force filter on a synthetic catalog', () => {
    const posts = rankPosts(syntheticCatalog(3_000).posts);
    const big = buildSearchIndex(posts);
    const got = Array.from(
      matchRanks(big, { tags: ['kubernetes'], blog: 'netflix', text: 'scal casS' })!,
      (r) => big.ids[r],
    );
    const want = posts
      .filter((p) => p.tags.includes('kubernetes') && p.blog === 'netflix')
      .filter(
        (p) =>
          [p.title, p.summary, ...p.bullets, ...p.tags, ...p.authors]
            .join(' ')
            .toLowerCase()
            .match(/\bscal/) &&
          [p.title, p.summary, ...p.bullets]
            .join(' ')
            .toLowerCase()
            .match(/\bcass/),
      )
      .map((p) => p.id);
    expect(got).toEqual(want);
  });
});
