/** Synthetic catalogs for scale tests and benchmarks: deterministic, shaped like real posts. */

import { BLOG_IDS } from '../../utils/blogs';
import type { Catalog, Post, Tag } from '../../utils/catalog';

const TOPICS: Tag[] = [
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
  return {
    id: i.toString(16).padStart(12, '0'),
    blog: BLOG_IDS[i % 3]!,
    title: `Scaling ${word(0)} and ${word(1)} number ${i}`,
    url: `https://netflixtechblog.com/post-${i.toString(16).padStart(12, '0')}`,
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
