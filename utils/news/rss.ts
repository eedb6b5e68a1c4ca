/**
 * Reading a blog's RSS 2.0 feed (Medium's: CDATA, entities, `content:encoded`, `dc:creator`) into
 * new articles, in the background, where a Chrome MV3 service worker has no DOMParser: a strict XML
 * parser from the npm registry (@rgrove/parse-xml: small, no dependencies, refuses malformed XML)
 * and plain text out of the items' HTML (./html-text.ts). Nothing of the feed's HTML is kept or
 * rendered: Medium's carries a tracking pixel and remote images. Pure.
 *
 * The whole feed is refused (NewsFeedError) when it is not an RSS feed at all: an HTML page (Medium's
 * bot challenge answers 403/503 with one, but a 200 happens too), malformed XML, another format. An
 * item is refused alone, its reason counted, when it has no post id, no title, no date, or a link
 * that is not https on the blog's own hosts.
 */
import { parseXml, XmlElement } from '@rgrove/parse-xml';
import { type BlogId, blogHosts } from '../catalog/blogs';
import { htmlParagraphs, htmlText, ledeOf, readingMinutes } from './html-text';
import { NEW_ARTICLE_LIMITS, type NewArticle } from './new-article';

export class NewsFeedError extends Error {
  override name = 'NewsFeedError';
}

/** Why an item was left out, in the words the options page shows beside the count. */
export type RefusedReason = 'no-id' | 'bad-link' | 'no-title' | 'no-date';

export interface ParsedFeed {
  articles: Omit<NewArticle, 'fetchedAt' | 'seen'>[];
  refused: Partial<Record<RefusedReason, number>>;
}

/** A Medium post id: 8 to 16 hex digits (12 today), at the end of a slug or in /p/<id>. */
const POST_ID = /^[0-9a-f]{8,16}$/;

export function parseRss(xml: string, blog: BlogId): ParsedFeed {
  const start = xml
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 200)
    .toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) {
    throw new NewsFeedError('the feed answered with an HTML page (a bot check or an error page), not RSS');
  }
  let root: XmlElement | null;
  try {
    root = parseXml(xml).root;
  } catch (error) {
    // The parser's message ends with an excerpt of the feed on lines of its own: the first line says it.
    const why = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
    throw new NewsFeedError(`the feed is not well-formed XML (${why})`);
  }
  const channel = root?.name === 'rss' ? child(root, 'channel') : null;
  if (!channel) throw new NewsFeedError(`the feed is not RSS 2.0 (its root is <${root?.name ?? '?'}>)`);
  const hosts = new Set(blogHosts(blog));
  const parsed: ParsedFeed = { articles: [], refused: {} };
  const ids = new Set<string>();
  for (const item of children(channel, 'item')) {
    const read = readItem(item, blog, hosts);
    if (typeof read === 'string') parsed.refused[read] = (parsed.refused[read] ?? 0) + 1;
    else if (!ids.has(read.id)) {
      ids.add(read.id);
      parsed.articles.push(read);
    }
  }
  return parsed;
}

function readItem(item: XmlElement, blog: BlogId, hosts: Set<string>): ParsedFeed['articles'][number] | RefusedReason {
  const url = canonicalLink(textOf(item, 'link'), hosts);
  if (!url) return 'bad-link';
  const id = postIdOf(textOf(item, 'guid')) ?? postIdOf(url);
  if (!id) return 'no-id';
  const title = clip(oneLine(textOf(item, 'title')), NEW_ARTICLE_LIMITS.title);
  if (!title) return 'no-title';
  const published = Date.parse(textOf(item, 'pubDate'));
  if (!Number.isFinite(published)) return 'no-date';
  const html = textOf(item, 'content:encoded') || textOf(item, 'description');
  const tags = [
    ...new Set(
      children(item, 'category')
        .map((c) => clip(oneLine(c.text).toLowerCase(), NEW_ARTICLE_LIMITS.tag))
        .filter(Boolean),
    ),
  ].slice(0, NEW_ARTICLE_LIMITS.tags);
  return {
    id,
    blog,
    title,
    url,
    author: clip(oneLine(textOf(item, 'dc:creator')), NEW_ARTICLE_LIMITS.author),
    published,
    tags,
    lede: ledeOf(htmlParagraphs(html), NEW_ARTICLE_LIMITS.lede),
    readingMinutes: readingMinutes(htmlText(html)),
  };
}

/** The link without query or fragment, if it is https on one of the blog's hosts. */
function canonicalLink(link: string, hosts: Set<string>): string | null {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || !hosts.has(url.hostname) || url.username || url.password || url.port) return null;
  return `${url.origin}${url.pathname}`;
}

/** The post id of `https://medium.com/p/<id>` or of a slug ending in `-<id>`. */
function postIdOf(value: string): string | null {
  let path: string;
  try {
    path = new URL(value.trim()).pathname;
  } catch {
    return null;
  }
  const last = path.replace(/\/+$/, '').split('/').pop() ?? '';
  const id = last.includes('-') ? last.slice(last.lastIndexOf('-') + 1) : last;
  return POST_ID.test(id) ? id : null;
}

function child(parent: XmlElement, name: string): XmlElement | null {
  return parent.children.find((c): c is XmlElement => c instanceof XmlElement && c.name === name) ?? null;
}

function children(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((c): c is XmlElement => c instanceof XmlElement && c.name === name);
}

function textOf(parent: XmlElement, name: string): string {
  return child(parent, name)?.text ?? '';
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);
