/**
 * Finding a highlight again in an article's text, after a reload, an in-app move or an edit of the
 * article. Pure, over plain strings: the page's notes code (content/notes/article-text.ts) turns the
 * article's DOM into one text and back.
 *
 * A highlight keeps the W3C Web Annotation selectors Hypothesis uses: the quote with ~32 characters of
 * context each side (TextQuoteSelector) and its offset (TextPositionSelector). Found again, in order:
 *   1. at its offset, when the quote is still there (the article did not change before it);
 *   2. as the quote, anywhere, choosing among repeats by how much context agrees, then by nearness;
 *   3. as an approximate match (edit distance within ~1 in 8 characters: a fixed typo, a changed
 *      word), first near its old offset, then anywhere.
 * Otherwise it is not found, and the caller lists it as such.
 */
import { NOTE_LIMITS, type QuoteSelector } from './own-notes';

export interface Located {
  start: number;
  end: number;
  /** False when found only approximately (the article's text changed under it). */
  exact: boolean;
}

/** The selectors of text[start, end). */
export function describeQuote(text: string, start: number, end: number): QuoteSelector {
  const context = NOTE_LIMITS.context;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - context), start),
    suffix: text.slice(end, end + context),
    start,
  };
}

export function locateQuote(text: string, selector: QuoteSelector): Located | null {
  const { exact, start } = selector;
  if (exact.length === 0) return null;
  if (text.startsWith(exact, start) && contextScore(text, start, start + exact.length, selector) > 0)
    return { start, end: start + exact.length, exact: true };
  const found = bestExact(text, selector);
  if (found !== null) return { start: found, end: found + exact.length, exact: true };
  return approximate(text, selector);
}

/** The occurrence of the quote whose context agrees most, the nearest to its old offset on a tie. */
function bestExact(text: string, selector: QuoteSelector): number | null {
  let best: number | null = null;
  let bestScore = -1;
  for (let at = text.indexOf(selector.exact); at >= 0; at = text.indexOf(selector.exact, at + 1)) {
    const score = contextScore(text, at, at + selector.exact.length, selector) * 1e6 - Math.abs(at - selector.start);
    if (score > bestScore) {
      bestScore = score;
      best = at;
    }
  }
  return best;
}

/** Characters of context that agree each side (1 at least when a side has none to compare). */
function contextScore(text: string, start: number, end: number, { prefix, suffix }: QuoteSelector): number {
  let before = 0;
  while (before < prefix.length && text[start - 1 - before] === prefix[prefix.length - 1 - before]) before++;
  let after = 0;
  while (after < suffix.length && text[end + after] === suffix[after]) after++;
  return before + after + (prefix.length === 0 || suffix.length === 0 ? 1 : 0);
}

/** How far around the old offset the approximate search looks first. */
const NEAR = 2_000;

function approximate(text: string, selector: QuoteSelector): Located | null {
  const pattern = selector.exact;
  const maxErrors = Math.max(1, Math.floor(pattern.length / 8));
  const from = Math.max(0, selector.start - NEAR);
  const near = closestMatch(
    text,
    pattern,
    maxErrors,
    from,
    Math.min(text.length, selector.start + pattern.length + NEAR),
  );
  const found =
    near ??
    (from > 0 || text.length > selector.start + NEAR ? closestMatch(text, pattern, maxErrors, 0, text.length) : null);
  return found ? { ...found, exact: false } : null;
}

/**
 * The substring of text[from, to) with the fewest edits from `pattern`, if within `maxErrors`
 * (Sellers' algorithm: edit distance where the match may start anywhere), then its start by the same
 * distance run backwards from its end.
 */
function closestMatch(
  text: string,
  pattern: string,
  maxErrors: number,
  from: number,
  to: number,
): Omit<Located, 'exact'> | null {
  const m = pattern.length;
  let column = new Uint32Array(m + 1);
  let next = new Uint32Array(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  let bestEnd = -1;
  let bestCost = maxErrors + 1;
  for (let j = from; j < to; j++) {
    next[0] = 0;
    const c = text.charCodeAt(j);
    for (let i = 1; i <= m; i++) {
      const substitute = column[i - 1]! + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      next[i] = Math.min(substitute, column[i]! + 1, next[i - 1]! + 1);
    }
    [column, next] = [next, column];
    if (column[m]! < bestCost) {
      bestCost = column[m]!;
      bestEnd = j + 1;
    }
  }
  if (bestEnd < 0) return null;
  return { start: matchStart(text, pattern, bestEnd, bestCost), end: bestEnd };
}

/** Where the approximate match ending at `end` starts: the fewest edits, then the length nearest the pattern's. */
function matchStart(text: string, pattern: string, end: number, cost: number): number {
  const m = pattern.length;
  // distance[i]: edits between pattern's last i characters and text[j, end), for the current j.
  let distance = new Uint32Array(m + 1);
  let next = new Uint32Array(m + 1);
  for (let i = 0; i <= m; i++) distance[i] = i;
  let start = end;
  let fewest = cost + 1;
  const lowest = Math.max(0, end - m - cost);
  for (let j = end - 1; j >= lowest; j--) {
    next[0] = end - j;
    const c = text.charCodeAt(j);
    for (let i = 1; i <= m; i++) {
      const substitute = distance[i - 1]! + (pattern.charCodeAt(m - i) === c ? 0 : 1);
      next[i] = Math.min(substitute, distance[i]! + 1, next[i - 1]! + 1);
    }
    [distance, next] = [next, distance];
    const edits = distance[m]!;
    if (edits < fewest || (edits === fewest && Math.abs(end - j - m) < Math.abs(end - start - m))) {
      fewest = edits;
      start = j;
    }
  }
  return start;
}
