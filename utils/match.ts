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
 * Hand-parsed rather than `new URL()`: this runs on every page load and every in-app navigation of
 * medium.com, and the regex is several times cheaper (see BENCHMARKS.md).
 */

/** Medium publications under medium.com whose articles the catalog may hold. */
const MEDIUM_PUBLICATIONS = new Set(['netflix-techblog', 'airbnb-engineering', 'pinterest-engineering']);
/** Custom domains where a Medium publication lives at the root. */
const MEDIUM_CUSTOM_HOSTS = new Set(['netflixtechblog.com', 'netflixtechblog.medium.com']);

const URL_PARTS = /^https?:\/\/([^/?#:]+)(?::\d+)?(\/[^?#]*)?/i;
const MEDIUM_POST_ID = /(?:^|-)([0-9a-f]{12})$/;

/** Reduces a URL to its catalog key, or null when the URL cannot be a catalog article. */
export function urlKey(url: string): string | null {
  const parts = URL_PARTS.exec(url);
  if (!parts) return null;
  let host = parts[1]!.toLowerCase();
  if (host.startsWith('www.')) host = host.slice(4);
  const segments = (parts[2] ?? '/').split('/').filter(Boolean);

  if (host === 'airbnb.tech') {
    // /<category>/<slug>/ — the category is not stable, so only the slug identifies the post.
    return segments.length === 2 ? `airbnb.tech:${segments[1]!.toLowerCase()}` : null;
  }
  let articleSegment: string | undefined;
  if (MEDIUM_CUSTOM_HOSTS.has(host)) {
    if (segments.length === 1) articleSegment = segments[0];
  } else if (host === 'medium.com') {
    if (segments.length === 2 && (MEDIUM_PUBLICATIONS.has(segments[0]!) || segments[0] === 'p')) {
      articleSegment = segments[1];
    }
  }
  if (!articleSegment) return null;
  const id = MEDIUM_POST_ID.exec(articleSegment.toLowerCase());
  return id ? `medium:${id[1]}` : null;
}

/** Catalog key -> post id. Built at build time for the content script, at run time elsewhere. */
export type UrlIndex = Readonly<Record<string, string>>;

export interface UrlIndexEntry {
  id: string;
  url: string;
  aliases: readonly string[];
}

/** Indexes every known URL of every post. Throws when a catalog URL is not recognizable. */
export function buildUrlIndex(posts: readonly UrlIndexEntry[]): UrlIndex {
  const index: Record<string, string> = {};
  for (const post of posts) {
    for (const url of [post.url, ...post.aliases]) {
      const key = urlKey(url);
      if (!key) throw new Error(`Post "${post.id}": URL ${url} is not a recognizable article URL`);
      index[key] = post.id;
    }
  }
  return index;
}

/** The catalog post a URL shows, or null. */
export function findPostId(url: string, index: UrlIndex): string | null {
  const key = urlKey(url);
  return key === null ? null : (index[key] ?? null);
}

