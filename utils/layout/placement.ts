/**
 * Where the panel goes, and when it makes way, from a few measurements of the page. Pure, so the
 * rules are tested without a browser; the content script measures (entrypoints/brief-panel).
 *
 * The panel sits in the margin beside the text column, its top level with the article's title (below
 * the site's header and the publication's navigation, wherever they are), and stays in view as the
 * reader scrolls, below whatever the site pins to the top of the window at that moment. When
 * something wider than the text column (a full-bleed image, an outset figure, a wide code block or
 * table, an embed) is under it, it shrinks to its tab; when even the tab would cover it, it steps out
 * of view; it comes back when the way is clear. docs/decisions.md says why this design.
 */
export const PANEL_WIDTH = { min: 240, max: 340 };
/** Space kept between the article's text and the panel, and between the panel and the window edge. */
export const GAP = 24;
/** Space kept below the window's top edge or the site's pinned header. */
export const EDGE = 16;
/** The collapsed panel's tab, at the window's right edge: its width until it was first drawn. */
export const TAB_WIDTH = 120;

export interface PageMetrics {
  viewportWidth: number;
  viewportHeight: number;
  /** Right edge of the article's text column, in viewport px; null when no article column was found. */
  columnRight: number | null;
  /** Bottom of what the site pins to the top of the window now (fixed or stuck), 0 when nothing. */
  headerBottom: number;
  /** Top of the article's title in document px (scroll-independent); null when there is none. */
  articleTop: number | null;
}

export interface Placement {
  /** `margin`: beside the text column, open. `overlay`: no room beside it; opens over the page, starts collapsed. */
  mode: 'margin' | 'overlay';
  /** Where the panel stays while the reader scrolls: px from the window's top (below a pinned header). */
  top: number;
  /** Where it sits on the page before it starts to stay: document px, level with the title. */
  anchor: number;
  width: number;
  maxHeight: number;
}

export function placePanel(page: PageMetrics): Placement {
  const top = Math.max(page.headerBottom, 0) + EDGE;
  const anchor = Math.max(page.articleTop ?? top, top);
  // At most 60% of the window (its body scrolls): a companion beside the text, with room left below
  // it for the article's figures to pass without the panel making way.
  const maxHeight = Math.max(Math.min(page.viewportHeight - top - EDGE, Math.round(page.viewportHeight * 0.6)), 120);
  // Without a known column, assume Medium's centred 680 px text column.
  const columnRight = page.columnRight ?? (page.viewportWidth + 680) / 2;
  const room = page.viewportWidth - columnRight - 2 * GAP;
  if (room >= PANEL_WIDTH.min) {
    return { mode: 'margin', top, anchor, width: Math.min(room, PANEL_WIDTH.max), maxHeight };
  }
  return { mode: 'overlay', top, anchor, width: Math.min(PANEL_WIDTH.max, page.viewportWidth - 2 * 12), maxHeight };
}

/** A horizontal stretch of the window, in px. */
export interface Band {
  left: number;
  right: number;
}

/** Where the open panel is, across the window (a wide element reaching into it may pass under it). */
export function panelBand(placement: Placement, viewportWidth: number): Band {
  const right = viewportWidth - (placement.mode === 'margin' ? GAP : 12);
  return { left: right - placement.width, right };
}

/** Where the tab is, across the window. */
export function tabBand(viewportWidth: number, tabWidth = TAB_WIDTH): Band {
  return { left: viewportWidth - tabWidth, right: viewportWidth };
}

/** Whether an element spanning [left, right] reaches into the band (a few px of shadow count as clear). */
export function reaches(element: Band, band: Band): boolean {
  return element.right > band.left + 2 && element.left < band.right - 2;
}

/**
 * Whether an element at document rows [top, bottom) is under the panel of `height` while the panel
 * still sits at its anchor, i.e. while the page is scrolled less than `anchor - placement.top`.
 */
export function overlapsAtAnchor(element: { top: number; bottom: number }, anchor: number, height: number): boolean {
  return element.bottom > anchor + 1 && element.top < anchor + height - 1;
}

/** What is under the open panel and under its tab, where they are now. */
export interface Obstruction {
  panel: boolean;
  tab: boolean;
}

/**
 * What the reader sees: their own choice (collapsed or open) unless something is in the way, then
 * the tab, or nothing. `insisted`: the reader opened or called the panel (tab click, shortcut) while
 * it was making way: it shows as asked until what is in the way changes.
 */
export function visibleState(
  chosenCollapsed: boolean,
  obstruction: Obstruction,
  insisted: boolean,
): { collapsed: boolean; away: boolean } {
  if (insisted) return { collapsed: chosenCollapsed, away: false };
  if (chosenCollapsed || obstruction.panel) return { collapsed: true, away: obstruction.tab };
  return { collapsed: false, away: false };
}
