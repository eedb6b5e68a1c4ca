/**
 * Finding the reader's highlights in the article as it is now: each one's quote located in the
 * article's text (utils/notes/anchoring.ts) and turned into a DOM range. Shared by the page's notes
 * (./page-notes.ts) and the bench's 50-highlight figure (bench/notes-page.ts), so the bench times
 * exactly the code readers run.
 */
import type { HighlightPlace } from '../../utils/messaging/notes-frame';
import { locateQuote } from '../../utils/notes/anchoring';
import type { Highlight } from '../../utils/notes/own-notes';
import { articleRoot, rangeOf, readArticleText } from './article-text';

export interface FoundHighlights {
  /** Each found highlight's range, by highlight id. */
  ranges: Map<string, Range>;
  /** Every highlight's place: found as it was, found approximately (the text was edited), or missing. */
  places: Record<string, HighlightPlace>;
}

export function findHighlights(highlights: readonly Highlight[]): FoundHighlights {
  const root = articleRoot();
  const text = root ? readArticleText(root) : null;
  const ranges = new Map<string, Range>();
  const places: Record<string, HighlightPlace> = {};
  for (const highlight of highlights) {
    const found = text ? locateQuote(text.text, highlight) : null;
    const range = found && text ? rangeOf(text, found.start, found.end) : null;
    if (range) ranges.set(highlight.id, range);
    places[highlight.id] = !range ? 'missing' : found!.exact ? 'found' : 'approximate';
  }
  return { ranges, places };
}
