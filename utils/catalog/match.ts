/**
 * URL -> catalog post, with no DOM and no browser API, so it runs in the content script before
 * anything else and is tested with plain URL tables.
 *
 * A URL is first reduced to a *key* that is stable across the forms readers land on:
 *   - Medium posts (netflixtechblog.com, netflixtechblog.medium.com, medium.com/<publication>/):
 *     `medium:<postid>`, from the 12-hex post id that ends the slug. Slugs get edited; the id does not.
 *   - airbnb.tech copies (no post id, unstable category segment): `airbnb.tech:<slug>`.
 * The key is then looked up in a URL index built from the catalog (buildUrlIndex).
 *
 * Hand-parsed rather than `new URL()` or a regex: it runs on every page load and every in-app
 * navigation on medium.com (docs/decisions.md).
 */

import { HOST_KINDS, hostsOfKind, MEDIUM_PUBLICATIONS } from './blogs';

/** Medium publications under medium.com whose articles the catalog may hold; `p` is Medium's /p/<id> short link. */
const PUBLICATIONS = [...Object.values(MEDIUM_PUBLICATIONS), 'p'];

/**
 * What scan() found in a URL: a Medium post id or an airbnb.tech slug. One reused object rather
 * than a new one per call: scan() runs for every URL a reader visits on the blogs' hosts, and its
 * callers read the result at once.
 */
interface Identity {
  kind: 'medium' | 'airbnb-tech';
  /** The 12-hex post id, or the slug. */
  id: string;
}

/**
 * Finds the identity in a URL, or null. String scanning, no regex, few allocations: this runs for
 * every URL a reader visits on the blogs' hosts.
 */
function scan(url: string): Identity | null {
  const schemeEnd = url.startsWith('https://') ? 8 : url.startsWith('http://') ? 7 : schemeLength(url);
  if (schemeEnd < 0) return null;
  const pathStart = url.indexOf('/', schemeEnd);
  if (pathStart < 0) return null;
  let pathEnd = url.length;
  const query = url.indexOf('?', schemeEnd);
  if (query >= 0) pathEnd = query;
  const fragment = url.indexOf('#', schemeEnd);
  if (fragment >= 0 && fragment < pathEnd) pathEnd = fragment;
  if (pathEnd < pathStart) return null; // a query or fragment but no path
  const port = url.indexOf(':', schemeEnd);
  const hostEnd = port >= 0 && port < pathStart ? port : pathStart;
  for (let i = schemeEnd; i < hostEnd; i++) {
    const c = url.charCodeAt(i);
    // Browsers report hosts in lower case; anything else takes the slow path once.
    if (c >= 65 && c <= 90) return scan(lowerHost(url, schemeEnd));
  }
  const host = url.slice(schemeEnd, hostEnd);
  const hostKind = Object.hasOwn(HOST_KINDS, host) ? HOST_KINDS[host as keyof typeof HOST_KINDS] : undefined;
  if (!hostKind) return null;
  // Ignore one trailing slash; an empty path is no article.
  if (pathEnd > pathStart + 1 && url.charCodeAt(pathEnd - 1) === 47) pathEnd--;
  const lastSlash = url.lastIndexOf('/', pathEnd - 1);
  if (lastSlash + 1 >= pathEnd) return null;

  if (hostKind === 'airbnb-tech') {
    // /<category>/<slug>/ — the category is not stable, so only the slug identifies the post.
    const categorySlash = url.indexOf('/', pathStart + 1);
    if (categorySlash !== lastSlash || lastSlash === pathStart + 1) return null;
    return identified('airbnb-tech', url.slice(lastSlash + 1, pathEnd).toLowerCase());
  }
  if (hostKind === 'medium-domain') {
    if (lastSlash !== pathStart) return null; // /<slug>-<id> only
  } else if (!isKnownPublication(url, pathStart + 1, lastSlash)) return null; // /<publication>/<slug>-<id>
  const id = mediumPostId(url, lastSlash + 1, pathEnd);
  return id === null ? null : identified('medium', id);
}

const identity: Identity = { kind: 'medium', id: '' };
function identified(kind: Identity['kind'], id: string): Identity {
  identity.kind = kind;
  identity.id = id;
  return identity;
}

function isKnownPublication(url: string, start: number, end: number): boolean {
  for (let i = 0; i < PUBLICATIONS.length; i++) {
    const name = PUBLICATIONS[i]!;
    if (end - start === name.length && url.startsWith(name, start)) return true;
  }
  return false;
}

/** The URL with its host lower-cased (the rare URL typed or pasted with capitals). */
function lowerHost(url: string, hostStart: number): string {
  let end = hostStart;
  while (end < url.length && !'/:?#'.includes(url[end]!)) end++;
  return url.slice(0, hostStart) + url.slice(hostStart, end).toLowerCase() + url.slice(end);
}

/** Reduces a URL to its catalog key, or null when the URL cannot be a catalog article. */
export function urlKey(url: string): string | null {
  const found = scan(url);
  return found ? `${found.kind === 'medium' ? 'medium' : 'airbnb.tech'}:${found.id}` : null;
}

/**
 * Catalog identity -> post id, one table per kind of key. Built at build time for the content
 * script (build/catalog-plugin.ts), at run time elsewhere.
 */
export interface UrlIndex {
  readonly medium: Readonly<Record<string, string>>;
  readonly airbnbTech: Readonly<Record<string, string>>;
}

export interface UrlIndexEntry {
  id: string;
  url: string;
  aliases: readonly string[];
}

/** Indexes every known URL of every post. Throws when a catalog URL is not recognizable. */
export function buildUrlIndex(posts: readonly UrlIndexEntry[]): UrlIndex {
  const medium: Record<string, string> = {};
  const airbnbTech: Record<string, string> = {};
  for (const post of posts) {
    for (const url of [post.url, ...post.aliases]) {
      const found = scan(url);
      if (!found) throw new Error(`Post "${post.id}": URL ${url} is not a recognizable article URL`);
      (found.kind === 'medium' ? medium : airbnbTech)[found.id] = post.id;
    }
  }
  return { medium, airbnbTech };
}

/** The catalog post a URL shows, or null. */
export function findPostId(url: string, index: UrlIndex): string | null {
  const found = scan(url);
  if (!found) return null;
  const table = found.kind === 'medium' ? index.medium : index.airbnbTech;
  return Object.hasOwn(table, found.id) ? table[found.id]! : null;
}

/** The 12-hex Medium post id that ends url[start, end) (the whole segment, or after a "-"), or null. */
function mediumPostId(url: string, start: number, end: number): string | null {
  const n = end - start;
  if (n < 12 || (n > 12 && url.charCodeAt(end - 13) !== 45) /* - */) return null;
  for (let i = end - 12; i < end; i++) {
    const c = url.charCodeAt(i) | 32; // ASCII lower case
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return null;
  }
  return url.slice(end - 12, end).toLowerCase();
}

/** Length of an `http(s)://` scheme written in any case, or -1. */
function schemeLength(url: string): number {
  const head = url.slice(0, 8).toLowerCase();
  return head.startsWith('https://') ? 8 : head.startsWith('http://') ? 7 : -1;
}

/**
 * Manifest match patterns for the pages of the index's posts: every URL findPostId maps to a post,
 * as the browser reports it (https, lower-case host), matches one. A pattern's path also matches
 * the query, so tracking parameters are covered. Broader than findPostId (any path holding the id
 * or slug), which is fine: they only decide where the panel's code is injected up front, and the
 * content script still checks the URL itself.
 */
export function articleMatchPatterns(index: UrlIndex): string[] {
  const mediumHosts = [...hostsOfKind('medium-domain'), ...hostsOfKind('medium')];
  const airbnbTechHosts = hostsOfKind('airbnb-tech');
  return [
    ...Object.keys(index.medium).flatMap((id) => mediumHosts.map((host) => `https://${host}/*${id}*`)),
    ...Object.keys(index.airbnbTech).flatMap((slug) => airbnbTechHosts.map((host) => `https://${host}/*/${slug}*`)),
  ];
}
