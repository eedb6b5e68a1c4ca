/**
 * The reader's own notes on an article: their brief ("why it matters to you", key points, tags, in the
 * shape of a curated brief so that it can become one) and their highlights. Pure: the shapes, their
 * limits and their checks, shared by the page's notes code, the background and the extension's pages.
 *
 * An article is named by its URL key (utils/catalog/match.ts: `medium:<post id>`, `airbnb.tech:<slug>`),
 * not by a catalog post id: most articles readers annotate are in no catalog.
 */
import { BLOG_IDS, type BlogId, MEDIUM_PUBLICATIONS } from '../catalog/blogs';
import { urlKey } from '../catalog/match';

/** The article a note is about, as the page showed it when the reader wrote it. */
export interface ArticleRef {
  /** utils/catalog/match.ts urlKey(). */
  key: string;
  url: string;
  title: string;
  blog: BlogId;
}

export interface OwnBrief {
  /** Why it matters (to you). */
  why: string;
  points: string[];
  tags: string[];
  /** When it was last saved, ms since the epoch. */
  updatedAt: number;
}

/** Where a highlight is: the W3C Web Annotation selectors, over the article's text (content/notes/article-text.ts). */
export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
  /** TextPositionSelector start, a hint: tried first, and used to choose among repeats. */
  start: number;
}

export interface Highlight extends QuoteSelector {
  /** Unique on its article, made where it was highlighted (two profiles never clash). */
  id: string;
  /** A note on the passage (optional). */
  note: string;
  createdAt: number;
}

/** Everything the reader wrote on one article. */
export interface ArticleNotes {
  article: ArticleRef;
  brief: OwnBrief | null;
  /** In page order (by start). */
  highlights: Highlight[];
  /** The latest change to any of it, ms since the epoch: the popup lists the newest first. */
  changedAt: number;
}

/**
 * Limits, chosen so that one article's brief is one storage.sync item well under its 8,192 bytes
 * (3 bytes per character at worst), and the editor can say them before anything is saved.
 */
export const NOTE_LIMITS = {
  why: 600,
  point: 280,
  points: 8,
  tag: 30,
  tags: 6,
  /** A passage of a few paragraphs; longer selections are refused rather than cut. */
  exact: 1_500,
  note: 500,
  /** Characters of context each side of a quote (Hypothesis uses 32). */
  context: 32,
  /** Highlights on one article. */
  highlights: 100,
} as const;

export type BriefProblem =
  | { field: 'why' | 'point' | 'tag'; limit: number }
  | { field: 'points' | 'tags'; limit: number }
  | { field: 'empty' };

/** The editor's text -> a brief, trimmed, or what is over its limit (nothing is cut silently). */
export function briefFromText(
  text: { why: string; points: string; tags: string },
  now: number,
): OwnBrief | BriefProblem | null {
  const why = text.why.trim();
  const points = text.points
    .split('\n')
    .map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
    .filter(Boolean);
  const tags = [
    ...new Set(
      text.tags
        .split(',')
        .map((tag) => tag.trim().toLowerCase().replace(/\s+/g, '-'))
        .filter(Boolean),
    ),
  ];
  if (!why && points.length === 0 && tags.length === 0) return null;
  return checkBrief({ why, points, tags, updatedAt: now });
}

/** A brief within its limits, or the first limit it passes. */
export function checkBrief(brief: OwnBrief): OwnBrief | BriefProblem {
  if (brief.why.length > NOTE_LIMITS.why) return { field: 'why', limit: NOTE_LIMITS.why };
  if (brief.points.length > NOTE_LIMITS.points) return { field: 'points', limit: NOTE_LIMITS.points };
  if (brief.points.some((p) => p.length > NOTE_LIMITS.point)) return { field: 'point', limit: NOTE_LIMITS.point };
  if (brief.tags.length > NOTE_LIMITS.tags) return { field: 'tags', limit: NOTE_LIMITS.tags };
  if (brief.tags.some((tag) => tag.length > NOTE_LIMITS.tag)) return { field: 'tag', limit: NOTE_LIMITS.tag };
  return brief;
}

export function isBriefProblem(value: OwnBrief | BriefProblem): value is BriefProblem {
  return 'field' in value;
}

/** An id for a new highlight: time and randomness, so two profiles highlighting at once never clash. */
export function newHighlightId(now: number, random: () => number = Math.random): string {
  return (
    now.toString(36) +
    Math.floor(random() * 36 ** 4)
      .toString(36)
      .padStart(4, '0')
  );
}

/** Highlights in page order. */
export function inPageOrder<T extends { start: number }>(highlights: readonly T[]): T[] {
  return [...highlights].sort((a, b) => a.start - b.start);
}

const HIGHLIGHT_ID = /^[0-9a-z]{1,24}$/;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/**
 * An article reference as a view sent it, checked: an https URL of the blogs' hosts whose key is the
 * one given, a title and a known blog. The page's notes code is ours, but it runs beside a page.
 */
export function isArticleRef(value: unknown): value is ArticleRef {
  const { key, url, title, blog } = (value ?? {}) as Partial<ArticleRef>;
  return (
    typeof key === 'string' &&
    typeof url === 'string' &&
    url.startsWith('https://') &&
    urlKey(url) === key &&
    isText(title, 1_000) &&
    (BLOG_IDS as readonly string[]).includes(blog as string)
  );
}

export function isOwnBrief(value: unknown): value is OwnBrief {
  const { why, points, tags, updatedAt } = (value ?? {}) as Partial<OwnBrief>;
  return (
    typeof why === 'string' &&
    Array.isArray(points) &&
    points.every((p) => typeof p === 'string') &&
    Array.isArray(tags) &&
    tags.every((p) => typeof p === 'string') &&
    isTime(updatedAt) &&
    !isBriefProblem(checkBrief({ why, points, tags, updatedAt }))
  );
}

export function isHighlight(value: unknown): value is Highlight {
  const { id, exact, prefix, suffix, start, note, createdAt } = (value ?? {}) as Partial<Highlight>;
  return (
    typeof id === 'string' &&
    HIGHLIGHT_ID.test(id) &&
    isText(exact, NOTE_LIMITS.exact) &&
    exact.trim().length > 0 &&
    isText(prefix, NOTE_LIMITS.context) &&
    isText(suffix, NOTE_LIMITS.context) &&
    Number.isInteger(start) &&
    isTime(start) &&
    isText(note, NOTE_LIMITS.note) &&
    isTime(createdAt)
  );
}

/** The blog an article URL belongs to, or null when its URL does not say (medium.com/p/<id>). */
export function blogOfUrl(url: string): BlogId | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname;
  if (host === 'netflixtechblog.com' || host === 'netflixtechblog.medium.com') return 'netflix';
  if (host === 'airbnb.tech' || host === 'www.airbnb.tech') return 'airbnb';
  if (host !== 'medium.com') return null;
  const publication = parsed.pathname.split('/')[1];
  return BLOG_IDS.find((blog) => MEDIUM_PUBLICATIONS[blog] === publication) ?? null;
}
