/**
 * The three engineering blogs Blog Brief knows, and the hosts their articles are served from: the one
 * place hosts are written. The manifest's match patterns, the URL matcher (utils/catalog/match.ts), the
 * catalog's link check, the browser tests, the bench and the screenshots all derive from here.
 * Pure data.
 */
export const BLOG_IDS = ['netflix', 'airbnb', 'pinterest'] as const;
export type BlogId = (typeof BLOG_IDS)[number];

/** How an article URL on a host is read (utils/catalog/match.ts). */
export type HostKind =
  /** A Medium publication on its own domain: /<slug>-<post id>. */
  | 'medium-domain'
  /** medium.com itself: /<publication>/<slug>-<post id>, and /p/<post id>. */
  | 'medium'
  /** Airbnb's own site: /<category>/<slug>/, no post id. */
  | 'airbnb-tech';

/**
 * Every host that serves the blogs' articles, and how its URLs are read. Apart from whose articles
 * each serves (HOST_BLOGS): the URL matcher, which every page of these hosts runs, needs only this.
 */
export const HOST_KINDS = {
  'netflixtechblog.com': 'medium-domain',
  'netflixtechblog.medium.com': 'medium-domain',
  'medium.com': 'medium',
  'airbnb.tech': 'airbnb-tech',
  'www.airbnb.tech': 'airbnb-tech',
} as const satisfies Record<string, HostKind>;
export type ArticleHost = keyof typeof HOST_KINDS;

/** Whose articles each host serves: the only hosts a catalog link of a blog may point to. */
const HOST_BLOGS: Readonly<Record<ArticleHost, readonly BlogId[]>> = {
  'netflixtechblog.com': ['netflix'],
  'netflixtechblog.medium.com': ['netflix'],
  'medium.com': BLOG_IDS,
  'airbnb.tech': ['airbnb'],
  'www.airbnb.tech': ['airbnb'],
};

export const ARTICLE_HOSTS = Object.keys(HOST_KINDS) as ArticleHost[];

/** Hosts of a kind (utils/catalog/match.ts reads each kind's URLs its own way). */
export function hostsOfKind(kind: HostKind): string[] {
  return ARTICLE_HOSTS.filter((host) => HOST_KINDS[host] === kind);
}

/** The hosts that serve a blog's articles: the only hosts a catalog link of that blog may point to. */
export function blogHosts(blog: BlogId): string[] {
  return ARTICLE_HOSTS.filter((host) => HOST_BLOGS[host].includes(blog));
}

export interface BlogInfo {
  /** How a reader names the blog. */
  name: string;
  /** Its name on a filter button. */
  shortName: string;
}

/** Each blog's publication path on medium.com. Apart from BLOGS: the URL matcher, which every page runs, needs only this. */
export const MEDIUM_PUBLICATIONS: Readonly<Record<BlogId, string>> = {
  netflix: 'netflix-techblog',
  airbnb: 'airbnb-engineering',
  pinterest: 'pinterest-engineering',
};

export const BLOGS: Record<BlogId, BlogInfo> = {
  netflix: {
    name: 'Netflix TechBlog',
    shortName: 'Netflix',
  },
  airbnb: {
    name: 'Airbnb Engineering',
    shortName: 'Airbnb',
  },
  pinterest: {
    name: 'Pinterest Engineering',
    shortName: 'Pinterest',
  },
};

/**
 * Each blog's own RSS feed, checked for new articles when the reader turns that on (background/news).
 * Apart from BLOGS, so that no page's script carries them. A blog without a feed has none here.
 */
export const BLOG_FEEDS: Readonly<Partial<Record<BlogId, string>>> = {
  netflix: 'https://netflixtechblog.com/feed',
  airbnb: 'https://medium.com/feed/airbnb-engineering',
  pinterest: 'https://medium.com/feed/pinterest-engineering',
};

/**
 * Where the content script runs: whole origins, because Medium moves between articles in-app
 * (History API), so the script must already be on the page when the path becomes an article.
 * It filters by path at run time (utils/catalog/match.ts).
 */
export function articleHostMatches(): string[] {
  return ARTICLE_HOSTS.map((host) => `https://${host}/*`);
}
