/**
 * The catalog the build under test holds, and samples of it the browser tests need. Browser tests
 * derive every expectation from here, whatever the catalog contains, so curating data/catalog.json
 * breaks no test.
 */
import shippedCatalog from '../../data/catalog.json';
import { type BlogId, hostsOfKind } from '../../utils/catalog/blogs';
import { type Post, parseCatalog } from '../../utils/catalog/catalog-schema';
import { rankPosts } from '../../utils/search/search-index';

/** Newest first, as the popup lists them. */
export const posts: readonly Post[] = rankPosts(parseCatalog(shippedCatalog).posts);

const origin = (url: string) => new URL(url).origin;

/** Two posts served from the same origin: Medium moves between them in-app. */
export const [inAppFrom, inAppTo] = (() => {
  for (const a of posts) {
    const b = posts.find((p) => p !== a && origin(p.url) === origin(a.url));
    if (b) return [a, b] as const;
  }
  throw new Error('the catalog has no two posts on one origin');
})();

/** A post of another blog than `blog`. */
export const postNotOf = (blog: BlogId) => posts.find((p) => p.blog !== blog)!;

/** A post with a copy on airbnb.tech, and that copy's URL, if the catalog has one. */
export const airbnbTechCopy = (() => {
  const hosts = hostsOfKind('airbnb-tech');
  for (const post of posts) {
    const alias = post.aliases.find((url) => hosts.includes(new URL(url).hostname));
    if (alias) return { post, url: alias };
  }
  return null;
})();

/** A Medium article URL of the blogs that no post of the catalog has. */
export const articleNotInCatalog = (() => {
  const ids = new Set(posts.map((p) => p.id));
  let n = 0xabc000000000;
  while (ids.has(n.toString(16))) n++;
  return `https://medium.com/pinterest-engineering/an-article-not-in-the-catalog-${n.toString(16)}`;
})();

/** The tag (other than the one every post has) that the most posts carry. */
export const busiestTag: Post['tags'][number] = (() => {
  const counts = new Map<Post['tags'][number], number>();
  for (const post of posts) for (const tag of post.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const everyPost = [...counts].filter(([, n]) => n === posts.length).map(([tag]) => tag);
  return [...counts].filter(([tag]) => !everyPost.includes(tag)).sort((a, b) => b[1] - a[1])[0]![0];
})();
