/**
 * The three engineering blogs Blog Brief knows, and the hosts their articles are served from.
 * Pure data: imported by the URL matcher (content script) and the catalog schema (background).
 */
export const BLOG_IDS = ['netflix', 'airbnb', 'pinterest'] as const;
export type BlogId = (typeof BLOG_IDS)[number];

export interface BlogInfo {
  /** How a reader names the blog. */
  name: string;
  /** Hosts that serve the blog's articles (also the only hosts a catalog link may point to). */
  hosts: readonly string[];
}

export const BLOGS: Record<BlogId, BlogInfo> = {
  netflix: { name: 'Netflix TechBlog', hosts: ['netflixtechblog.com', 'netflixtechblog.medium.com', 'medium.com'] },
  airbnb: { name: 'Airbnb Engineering', hosts: ['medium.com', 'airbnb.tech'] },
  pinterest: { name: 'Pinterest Engineering', hosts: ['medium.com'] },
};

/** Short names for filter buttons. */
export const BLOG_SHORT_NAMES: Record<BlogId, string> = {
  netflix: 'Netflix',
  airbnb: 'Airbnb',
  pinterest: 'Pinterest',
};

/**
 * Where the content script runs: whole origins, because Medium moves between articles in-app
 * (History API), so the script must already be on the page when the path becomes an article.
 * It filters by path at run time (utils/match.ts).
 */
export const ARTICLE_HOST_MATCHES = [
  'https://netflixtechblog.com/*',
  'https://netflixtechblog.medium.com/*',
  'https://medium.com/*',
  'https://airbnb.tech/*',
  'https://www.airbnb.tech/*',
];
