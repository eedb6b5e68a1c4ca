/**
 * Plain text out of a feed item's HTML (RSS `content:encoded`), without a DOM: a Chrome MV3 service
 * worker has no DOMParser, and the feed's HTML must never be parsed into a document that could load
 * its images or its tracking pixel. Tags are dropped, entities decoded (the `entities` package: the
 * HTML5 table), whitespace collapsed. Pure.
 */
import { decodeHTML } from 'entities';

/** Elements whose content is not prose. */
const DROPPED = /<(script|style|noscript|template|svg|iframe|object)\b[\s\S]*?<\/\1\s*>/gi;
const TAG = /<[^>]*>/g;

/** The text of an HTML fragment, tags dropped, entities decoded, whitespace collapsed. */
export function htmlText(html: string): string {
  return decodeHTML(html.replace(DROPPED, ' ').replace(TAG, ' '))
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:!?])/g, '$1')
    .trim();
}

/** The text of each paragraph (`<p>`), in order. */
export function htmlParagraphs(html: string): string[] {
  const found: string[] = [];
  for (const match of html.replace(DROPPED, ' ').matchAll(/<p\b[^>]*>([\s\S]*?)<\/p\s*>/gi)) {
    const text = htmlText(match[1]!);
    if (text) found.push(text);
  }
  return found;
}

/** Under this, a paragraph is a caption, a credit or a line of its own, not the article's opening. */
const MIN_LEDE = 80;

/**
 * The article's opening: its first paragraph of prose (not a byline such as "By Ada Lovelace, …"),
 * cut at the last sentence end within `max` characters, or at a word with an ellipsis.
 */
export function ledeOf(paragraphs: readonly string[], max = 280): string {
  const first = paragraphs.find((p) => p.length >= MIN_LEDE && !/^by\s/i.test(p)) ?? paragraphs[0] ?? '';
  if (first.length <= max) return first;
  const within = first.slice(0, max + 1);
  const sentenceEnd = Math.max(...['. ', '? ', '! ', '.” ', '.) '].map((end) => within.lastIndexOf(end)));
  if (sentenceEnd >= max / 3) return within.slice(0, sentenceEnd + 1).trim();
  const space = within.lastIndexOf(' ');
  return `${within.slice(0, space > 0 ? space : max).trim()}…`;
}

/** Words a minute, as Medium counts its reading times. */
const WORDS_PER_MINUTE = 265;

export function readingMinutes(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
