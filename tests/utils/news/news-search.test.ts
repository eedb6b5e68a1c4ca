import { describe, expect, it } from 'vitest';
import type { Post } from '../../../utils/catalog/catalog-schema';
import type { NewsRow } from '../../../utils/messaging/protocol';
import type { NewArticle } from '../../../utils/news/new-article';
import { matchNews, newsTagCounts } from '../../../utils/news/news-search';

const article = (id: string, fields: Partial<NewArticle> = {}): NewArticle => ({
  id,
  blog: 'netflix',
  title: `Article ${id}`,
  url: `https://netflixtechblog.com/article-${id}`,
  author: 'Ada',
  published: 1,
  tags: [],
  lede: '',
  readingMinutes: 3,
  fetchedAt: 1,
  seen: false,
  ...fields,
});
const brief = {
  title: 'Kafka at scale',
  summary: 'Why it matters',
  bullets: ['Partitions'],
  tags: ['streaming'],
  authors: ['Grace'],
} as Post;

describe("the 'New' view's search and filters", () => {
  const rows: NewsRow[] = [
    { article: article('a', { title: 'Dubbing at Netflix', tags: ['localization'] }), post: null },
    {
      article: article('b', { blog: 'airbnb', lede: 'Our dubbing pipeline', tags: ['localization', 'ml'] }),
      post: null,
    },
    { article: article('c', { title: 'The feed’s own title', tags: ['kafka'] }), post: brief },
  ];
  const ids = (found: NewsRow[]) => found.map((r) => r.article.id);

  it('searches by word prefix over what the feed said, and over the brief where there is one', () => {
    expect(ids(matchNews(rows, { words: ['dub'], blog: null, tags: [] }))).toEqual(['a', 'b']);
    expect(ids(matchNews(rows, { words: ['partition'], blog: null, tags: [] }))).toEqual(['c']);
    // A row with a brief is searched as the brief: the feed's title is not what the reader sees.
    expect(ids(matchNews(rows, { words: ['own'], blog: null, tags: [] }))).toEqual([]);
  });

  it('filters by blog and by tags of the feed or the brief', () => {
    expect(ids(matchNews(rows, { words: [], blog: 'airbnb', tags: [] }))).toEqual(['b']);
    expect(ids(matchNews(rows, { words: [], blog: null, tags: ['localization', 'ml'] }))).toEqual(['b']);
    expect(ids(matchNews(rows, { words: [], blog: null, tags: ['streaming'] }))).toEqual(['c']);
  });

  it('counts the rows’ tags, most used first', () => {
    expect(newsTagCounts(rows)).toEqual([
      { tag: 'localization', count: 2 },
      { tag: 'kafka', count: 1 },
      { tag: 'ml', count: 1 },
      { tag: 'streaming', count: 1 },
    ]);
  });
});
