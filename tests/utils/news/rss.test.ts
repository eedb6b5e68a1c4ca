// @vitest-environment node
/** The blogs' RSS, read as the background reads it: a real Netflix TechBlog feed, and hostile variants. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NewsFeedError, parseRss } from '../../../utils/news/rss';

const realFeed = readFileSync(
  resolve(import.meta.dirname, '../../../../shared/reference/real-pages/rss-netflix-techblog-2021.xml'),
  'utf8',
);

/** A feed of one blog with these items. */
const feed = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>${items}</channel></rss>`;
const item = ({
  title = '<![CDATA[A title]]>',
  link = 'https://netflixtechblog.com/a-title-0123456789ab?source=rss----2615bd06b42e---4',
  guid = 'https://medium.com/p/0123456789ab',
  date = 'Mon, 26 Jul 2021 18:00:56 GMT',
  content = '<![CDATA[<p>Short.</p>]]>',
} = {}) =>
  `<item><title>${title}</title><link>${link}</link><guid isPermaLink="false">${guid}</guid><dc:creator><![CDATA[Ada]]></dc:creator><pubDate>${date}</pubDate><content:encoded>${content}</content:encoded></item>`;

describe('reading a blog’s RSS feed', () => {
  it('reads the 10 articles of a real Netflix TechBlog feed: canonical links, ids, authors, dates, tags', () => {
    const { articles, refused } = parseRss(realFeed, 'netflix');
    expect(articles).toHaveLength(10);
    expect(refused).toEqual({});
    const first = articles[0]!;
    expect(first).toMatchObject({
      id: '3fddcceb1059',
      blog: 'netflix',
      title: 'Data Movement in Netflix Studio via Data Mesh',
      url: 'https://netflixtechblog.com/data-movement-in-netflix-studio-via-data-mesh-3fddcceb1059',
      author: 'Netflix Technology Blog',
      published: Date.parse('2021-07-26T18:00:56Z'),
      tags: ['data-mesh', 'data-streaming', 'data-movement', 'data-pipeline', 'stream-processing'],
    });
    for (const article of articles) {
      expect(article.url).not.toContain('?');
      expect(article.id).toMatch(/^[0-9a-f]{12}$/);
      expect(article.readingMinutes).toBeGreaterThan(0);
    }
  });

  it('takes the first paragraph of prose as the lede, past the byline, as plain text cut at a sentence', () => {
    const first = parseRss(realFeed, 'netflix').articles[0]!;
    expect(
      first.lede.startsWith('Over the next few years, most content on Netflix will come from Netflix’s own Studio.'),
    ).toBe(true);
    expect(first.lede.length).toBeLessThanOrEqual(280);
    expect(first.lede).toMatch(/[.!?]$/);
    expect(first.lede).not.toMatch(/<|&[a-z]+;/);
    // A 20-minute article by Medium's count.
    expect(first.readingMinutes).toBeGreaterThan(5);
  });

  it('keeps nothing of the feed’s HTML: no tag, no tracking pixel, no image URL', () => {
    const text = JSON.stringify(parseRss(realFeed, 'netflix'));
    expect(realFeed).toContain('medium.com/_/stat?event=post.clientViewed');
    expect(text).not.toContain('_/stat');
    expect(text).not.toContain('<img');
    expect(text).not.toContain('cdn-images');
  });

  it('decodes entities and CDATA, and reads titles as text', () => {
    const { articles } = parseRss(
      feed(
        item({
          title: 'Kafka &amp; &lt;b&gt;friends&lt;/b&gt;',
          content:
            '<![CDATA[<p>Ships &amp; docks: it&#8217;s a long opening paragraph that is well over eighty characters, with a sentence.</p>]]>',
        }),
      ),
      'netflix',
    );
    expect(articles[0]!.title).toBe('Kafka & <b>friends</b>');
    expect(articles[0]!.lede).toBe(
      'Ships & docks: it’s a long opening paragraph that is well over eighty characters, with a sentence.',
    );
  });

  it.each([
    ['a link on another host', { link: 'https://evil.example/a-title-0123456789ab' }, 'bad-link'],
    ['a link that is not https', { link: 'http://netflixtechblog.com/a-title-0123456789ab' }, 'bad-link'],
    ['a javascript: link', { link: 'javascript:alert(1)' }, 'bad-link'],
    ['no id in the guid nor the link', { link: 'https://netflixtechblog.com/about', guid: 'x' }, 'no-id'],
    ['no title', { title: '' }, 'no-title'],
    ['no date', { date: 'soon' }, 'no-date'],
  ])('refuses an item with %s, counted, keeping the others', (_case, fields, reason) => {
    const { articles, refused } = parseRss(
      feed(
        item(fields) +
          item({ guid: 'https://medium.com/p/aaaaaaaaaaaa', link: 'https://netflixtechblog.com/b-aaaaaaaaaaaa' }),
      ),
      'netflix',
    );
    expect(articles.map((a) => a.id)).toEqual(['aaaaaaaaaaaa']);
    expect(refused).toEqual({ [reason]: 1 });
  });

  it('refuses an HTML page, malformed XML, and another format, saying which', () => {
    expect(() => parseRss('<!DOCTYPE html><html><title>Just a moment...</title></html>', 'netflix')).toThrow(
      /an HTML page/,
    );
    expect(() => parseRss(realFeed.slice(0, 5_000), 'netflix')).toThrow(NewsFeedError);
    expect(() => parseRss(realFeed.slice(0, 5_000), 'netflix')).toThrow(/not well-formed XML/);
    expect(() => parseRss('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'netflix')).toThrow(
      /not RSS 2.0 \(its root is <feed>\)/,
    );
  });

  it('lists an article once when the feed repeats it', () => {
    expect(parseRss(feed(item() + item()), 'netflix').articles).toHaveLength(1);
  });
});
