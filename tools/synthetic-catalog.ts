/** Synthetic catalogs for scale tests and benchmarks: deterministic, shaped like real posts. */

import { BLOG_IDS, MEDIUM_PUBLICATIONS } from '../utils/catalog/blogs';
import type { Catalog, Post } from '../utils/catalog/catalog-schema';

const TOPICS = [
  'storage',
  'kubernetes',
  'migration',
  'performance',
  'graphql',
  'observability',
  'machine-learning',
  'reliability',
];
const WORDS = [
  'kafka',
  'cassandra',
  'latency',
  'throughput',
  'sharding',
  'consensus',
  'pipeline',
  'schema',
  'replica',
  'cache',
  'queue',
  'index',
  'spark',
  'flink',
  'druid',
  'envoy',
];

export function syntheticPost(i: number): Post {
  const word = (k: number) => WORDS[(i * 7 + k * 13) % WORDS.length]!;
  const day = new Date(Date.UTC(2015, 0, 1) + (i % 3650) * 86_400_000).toISOString().slice(0, 10);
  const id = i.toString(16).padStart(12, '0');
  const blog = BLOG_IDS[i % 3]!;
  return {
    id,
    blog,
    title: `Scaling ${word(0)} and ${word(1)} number ${i}`,
    // A valid post (the feed tests read these through the catalog's schema): a URL on its blog's host.
    url:
      blog === 'netflix'
        ? `https://netflixtechblog.com/post-${id}`
        : `https://medium.com/${MEDIUM_PUBLICATIONS[blog]}/post-${id}`,
    aliases: [],
    published: day,
    authors: [`Author ${i % 97}`],
    summary: `How a team tamed ${word(2)} with ${word(3)}.`,
    bullets: [`${word(4)} first`, `then ${word(5)}`],
    tags: ['dist', TOPICS[i % TOPICS.length]!, TOPICS[(i + 3) % TOPICS.length]!],
  };
}

export function syntheticCatalog(count: number): Catalog {
  return { version: 1, posts: Array.from({ length: count }, (_, i) => syntheticPost(i)) };
}
