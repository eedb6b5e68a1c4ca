/**
 * Painting highlights with the CSS Custom Highlight API: ranges registered by name, drawn by the
 * `::highlight()` rules of public/own-notes.css (which the browser adds to the page as an extension
 * stylesheet, out of reach of a page's CSP). The page's DOM is never changed. The registry is the
 * document's, so the page's scripts can see which passages are painted (README, "What Blog Brief
 * promises about your data"); never any note.
 */

/** The reader's highlights. */
const HIGHLIGHTS = 'blog-brief';
/** The one just scrolled to, for a moment. */
const FOCUSED = 'blog-brief-focus';

type HighlightCtor = new (...ranges: Range[]) => unknown;

function registry(): Map<string, unknown> | null {
  const css = globalThis.CSS as unknown as { highlights?: Map<string, unknown> } | undefined;
  return css?.highlights ?? null;
}

function highlightOf(ranges: Range[]): unknown {
  const Ctor = (globalThis as unknown as { Highlight?: HighlightCtor }).Highlight;
  return Ctor ? new Ctor(...ranges) : null;
}

/** Paints these ranges (and only these) as the reader's highlights. False where the browser cannot. */
export function paintHighlights(ranges: Range[]): boolean {
  const highlights = registry();
  if (!highlights) return false;
  if (ranges.length === 0) highlights.delete(HIGHLIGHTS);
  else highlights.set(HIGHLIGHTS, highlightOf(ranges));
  return true;
}

let unfocus: ReturnType<typeof setTimeout> | undefined;

/** Scrolls a highlight into the middle of the window and marks it for a moment. */
export function scrollToRange(range: Range): void {
  const rect = range.getBoundingClientRect();
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  window.scrollTo({
    top: Math.max(0, window.scrollY + rect.top - window.innerHeight / 3),
    behavior: reduce ? 'auto' : 'smooth',
  });
  const highlights = registry();
  if (!highlights) return;
  highlights.set(FOCUSED, highlightOf([range]));
  clearTimeout(unfocus);
  unfocus = setTimeout(() => highlights.delete(FOCUSED), 2_000);
}
