/**
 * Where the panel goes, from a few measurements of the page. Pure, so the rules are tested without a
 * browser; the content script does the measuring.
 */
export const PANEL_WIDTH = { min: 260, max: 340 };
/** Space kept between the article's text and the panel, and between the panel and the window edge. */
export const GAP = 24;

export interface PageMetrics {
  viewportWidth: number;
  viewportHeight: number;
  /** Right edge of the article's text column, in viewport px; null when no article column was found. */
  columnRight: number | null;
  /** Bottom of the site's fixed or sticky header, 0 when there is none. */
  headerBottom: number;
}

export interface Placement {
  /** `margin`: beside the text column, open. `overlay`: no room beside it; opens over the page, starts collapsed. */
  mode: 'margin' | 'overlay';
  top: number;
  width: number;
  maxHeight: number;
}

export function placePanel(page: PageMetrics): Placement {
  const top = Math.max(page.headerBottom, 0) + 16;
  const maxHeight = Math.max(page.viewportHeight - top - 16, 120);
  // Without a known column, assume Medium's centred 680 px text column.
  const columnRight = page.columnRight ?? (page.viewportWidth + 680) / 2;
  const room = page.viewportWidth - columnRight - 2 * GAP;
  if (room >= PANEL_WIDTH.min) {
    return { mode: 'margin', top, width: Math.min(room, PANEL_WIDTH.max), maxHeight };
  }
  return { mode: 'overlay', top, width: Math.min(PANEL_WIDTH.max, page.viewportWidth - 2 * 12), maxHeight };
}
