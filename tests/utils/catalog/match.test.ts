import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../../utils/catalog/catalog-schema';
import { articleMatchPatterns, buildUrlIndex, findPostId, urlKey } from '../../../utils/catalog/match';
import catalogJson from '../../test-catalog.json';

const index = buildUrlIndex(parseCatalog(catalogJson).posts);

/** Every URL form of ../shared/reference/articles.md, each with the post it must show. */
const RECOGNIZED: [form: string, url: string, postId: string][] = [
  [
    'the Netflix custom domain',
    'https://netflixtechblog.com/100x-faster-how-we-supercharged-netflix-maestros-workflow-engine-028e9637f041',
    '028e9637f041',
  ],
  [
    'netflixtechblog.medium.com',
    'https://netflixtechblog.medium.com/building-a-resilient-data-platform-with-write-ahead-log-at-netflix-127b6712359a',
    '127b6712359a',
  ],
  [
    'an older medium.com/netflix-techblog link',
    'https://medium.com/netflix-techblog/scaling-muse-how-netflix-powers-data-driven-creative-insights-at-trillion-row-scale-aa9ad326fd77',
    'aa9ad326fd77',
  ],
  [
    'a Netflix RSS tracking query',
    'https://netflixtechblog.com/from-facts-metrics-to-media-machine-learning-evolving-the-data-engineering-function-at-netflix-6dcc91058d8d?source=rss----2615bd06b42e---4',
    '6dcc91058d8d',
  ],
  [
    'medium.com/airbnb-engineering',
    'https://medium.com/airbnb-engineering/building-a-next-generation-key-value-store-at-airbnb-0de8465ba354',
    '0de8465ba354',
  ],
  [
    'an Airbnb RSS tracking query',
    'https://medium.com/airbnb-engineering/seamless-istio-upgrades-at-scale-bcb0e49c5cf8?source=rss----53c7c27702d5---4',
    'bcb0e49c5cf8',
  ],
  [
    'the 2020 Airbnb article',
    'https://medium.com/airbnb-engineering/taming-service-oriented-architecture-using-a-data-oriented-service-mesh-da771a841344',
    'da771a841344',
  ],
  [
    'airbnb.tech with its category and trailing slash',
    'https://airbnb.tech/infrastructure/viaduct-five-years-on-modernizing-the-data-oriented-service-mesh/',
    'e66397c9e9a9',
  ],
  [
    'airbnb.tech without the trailing slash',
    'https://airbnb.tech/infrastructure/migrating-airbnbs-jvm-monorepo-to-bazel',
    '33f90eda51ec',
  ],
  ['airbnb.tech under another category', 'https://airbnb.tech/data/seamless-istio-upgrades-at-scale/', 'bcb0e49c5cf8'],
  [
    'airbnb.tech with www and a query',
    'https://www.airbnb.tech/infrastructure/building-a-next-generation-key-value-store-at-airbnb/?utm_source=newsletter',
    '0de8465ba354',
  ],
  [
    'medium.com/pinterest-engineering',
    'https://medium.com/pinterest-engineering/next-gen-data-processing-at-massive-scale-at-pinterest-with-moka-part-2-of-2-d0210ded34e0',
    'd0210ded34e0',
  ],
  [
    'a Pinterest RSS tracking query',
    'https://medium.com/pinterest-engineering/next-gen-data-processing-at-massive-scale-at-pinterest-with-moka-part-2-of-2-d0210ded34e0?source=rss----4c5a5f6279b6---4',
    'd0210ded34e0',
  ],
  [
    'a #fragment into a section',
    'https://medium.com/airbnb-engineering/migrating-airbnbs-jvm-monorepo-to-bazel-33f90eda51ec#3f2a',
    '33f90eda51ec',
  ],
  [
    'an edited slug that keeps the post id',
    'https://netflixtechblog.com/maestro-100x-faster-028e9637f041',
    '028e9637f041',
  ],
  ['a bare medium.com/p/<id> link', 'https://medium.com/p/127b6712359a', '127b6712359a'],
  [
    'upper-case host and http',
    'http://NetflixTechBlog.com/100x-faster-how-we-supercharged-netflix-maestros-workflow-engine-028e9637f041',
    '028e9637f041',
  ],
  [
    'a trailing slash on a Medium article',
    'https://medium.com/airbnb-engineering/seamless-istio-upgrades-at-scale-bcb0e49c5cf8/',
    'bcb0e49c5cf8',
  ],
];

describe('findPostId', () => {
  it.each(RECOGNIZED)('recognizes %s', (_form, url, id) => {
    expect(findPostId(url, index)).toBe(id);
  });

  it.each([
    ['the Netflix home page', 'https://netflixtechblog.com/'],
    ['a Netflix tag page', 'https://netflixtechblog.com/tagged/data-engineering'],
    ['Netflix latest', 'https://netflixtechblog.com/latest'],
    ['an author page', 'https://netflixtechblog.medium.com/@netflixtechblog'],
    ['the Airbnb publication home', 'https://medium.com/airbnb-engineering'],
    ['an Airbnb tag page', 'https://medium.com/airbnb-engineering/tagged/infrastructure'],
    ['a Medium list page', 'https://medium.com/@someone/list/reading-list-9f1c2a3b4d5e'],
    [
      'Pinterest Part 1, not in the catalog',
      'https://medium.com/pinterest-engineering/next-gen-data-processing-at-massive-scale-at-pinterest-with-moka-part-1-of-2-39a36d5e82c4',
    ],
    ['a catalog post id under an unknown publication', 'https://medium.com/some-other-blog/a-copied-post-028e9637f041'],
    ['an airbnb.tech category page', 'https://airbnb.tech/infrastructure/'],
    ['the airbnb.tech home page', 'https://airbnb.tech/'],
    ['an airbnb.tech article not in the catalog', 'https://airbnb.tech/infrastructure/some-other-article/'],
    [
      'another site with a matching path',
      'https://example.com/100x-faster-how-we-supercharged-netflix-maestros-workflow-engine-028e9637f041',
    ],
    ['a look-alike host', 'https://netflixtechblog.com.evil.example/100x-faster-028e9637f041'],
    ['the post id only in the query', 'https://netflixtechblog.com/?p=028e9637f041'],
    ['a post id that is not 12 hex characters', 'https://netflixtechblog.com/a-post-028e9637f04'],
    ['not a URL', 'netflixtechblog.com/100x-faster-028e9637f041'],
    ['an empty string', ''],
  ])('ignores %s', (_form, url) => {
    expect(findPostId(url, index)).toBeNull();
  });
});

describe('urlKey', () => {
  it('gives every URL form of one Medium post the same key', () => {
    const keys = new Set(
      [
        'https://netflixtechblog.com/x-028e9637f041',
        'https://netflixtechblog.medium.com/y-028e9637f041?source=rss',
        'https://medium.com/netflix-techblog/z-028e9637f041#section',
      ].map(urlKey),
    );
    expect([...keys]).toEqual(['medium:028e9637f041']);
  });
});

describe('buildUrlIndex', () => {
  it('indexes every URL and alias of every catalog post', () => {
    for (const post of parseCatalog(catalogJson).posts) {
      for (const url of [post.url, ...post.aliases]) expect(findPostId(url, index), url).toBe(post.id);
    }
  });

  it('refuses a catalog URL it could never recognize', () => {
    expect(() =>
      buildUrlIndex([{ id: '028e9637f041', url: 'https://netflixtechblog.com/tagged/x', aliases: [] }]),
    ).toThrow(/Post "028e9637f041": URL https:\/\/netflixtechblog.com\/tagged\/x/);
  });
});

describe('articleMatchPatterns', () => {
  /** A manifest match pattern as Chromium applies it: scheme and host exact, `*` anywhere in path + query. */
  const matches = (pattern: string, url: string) => {
    const [, scheme, host, path] = /^(\w+):\/\/([^/]+)(\/.*)$/.exec(pattern)!;
    const page = new URL(url);
    const body = path!
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    return (
      page.protocol === `${scheme}:` && page.host === host && new RegExp(`^${body}$`).test(page.pathname + page.search)
    );
  };
  const patterns = articleMatchPatterns(index);

  it.each(RECOGNIZED.filter(([, url]) => url.startsWith('https:')))('covers %s', (_form, url) => {
    expect(patterns.some((pattern) => matches(pattern, url))).toBe(true);
  });

  it("leaves out the blogs' other pages", () => {
    for (const url of [
      'https://netflixtechblog.com/',
      'https://medium.com/airbnb-engineering',
      'https://medium.com/airbnb-engineering/tagged/infrastructure',
      'https://airbnb.tech/infrastructure/',
    ]) {
      expect(patterns.filter((pattern) => matches(pattern, url))).toEqual([]);
    }
  });
});
