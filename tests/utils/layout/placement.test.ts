import { describe, expect, it } from 'vitest';
import {
  overlapsAtAnchor,
  panelBand,
  placePanel,
  reaches,
  tabBand,
  visibleState,
} from '../../../utils/layout/placement';

const page = { viewportWidth: 1440, viewportHeight: 900, columnRight: 1060, headerBottom: 57, articleTop: 180 };

describe('placePanel', () => {
  it('sits in the margin beside the text column when the window leaves room', () => {
    const placement = placePanel(page);
    expect(placement).toMatchObject({ mode: 'margin', top: 73 });
    expect(placement.width).toBeGreaterThanOrEqual(240);
    expect(1440 - 24 - placement.width).toBeGreaterThanOrEqual(1060 + 24); // never over the text
  });

  it('starts level with the article’s title, below the header and the publication’s navigation', () => {
    expect(placePanel({ ...page, headerBottom: 0, articleTop: 260 })).toMatchObject({ anchor: 260, top: 16 });
    // Never above the pinned header, even with no title found.
    expect(placePanel({ ...page, articleTop: null }).anchor).toBe(73);
  });

  it('opens beside a 680 px column at 1280 px, and over the page, starting collapsed, below that', () => {
    expect(placePanel({ ...page, viewportWidth: 1280, columnRight: 980 }).mode).toBe('margin');
    expect(placePanel({ ...page, viewportWidth: 1024, columnRight: 852 }).mode).toBe('overlay');
  });

  it('assumes a centred 680 px column when none was found', () => {
    expect(placePanel({ ...page, viewportWidth: 1600, columnRight: null }).mode).toBe('margin');
    expect(placePanel({ ...page, viewportWidth: 1100, columnRight: null }).mode).toBe('overlay');
  });

  it('keeps the panel inside the window below the header, and to at most 60% of its height', () => {
    const placement = placePanel({ ...page, viewportHeight: 600, headerBottom: 100 });
    expect(placement.top + placement.maxHeight).toBeLessThanOrEqual(600);
    expect(placePanel(page).maxHeight).toBe(540);
  });
});

describe('what is in the panel’s way', () => {
  const placement = placePanel(page);

  it('is what reaches across the window into the open panel or into its tab', () => {
    const panel = panelBand(placement, 1440);
    expect(panel.right).toBe(1416);
    expect(reaches({ left: 124, right: 1316 }, panel)).toBe(true); // an outset figure
    expect(reaches({ left: 380, right: 1060 }, panel)).toBe(false); // the text column
    expect(reaches({ left: 124, right: 1316 }, tabBand(1440))).toBe(false); // the tab is at the edge
    expect(reaches({ left: 0, right: 1440 }, tabBand(1440))).toBe(true); // a full-bleed image
  });

  it('before the panel moves, is what is on the page beside its rows', () => {
    expect(overlapsAtAnchor({ top: 400, bottom: 860 }, 180, 500)).toBe(true);
    expect(overlapsAtAnchor({ top: 700, bottom: 900 }, 180, 500)).toBe(false);
    expect(overlapsAtAnchor({ top: 0, bottom: 180 }, 180, 500)).toBe(false);
  });
});

describe('visibleState', () => {
  it('shows the reader’s choice when the way is clear', () => {
    expect(visibleState(false, { panel: false, tab: false }, false)).toEqual({ collapsed: false, away: false });
    expect(visibleState(true, { panel: false, tab: false }, false)).toEqual({ collapsed: true, away: false });
  });

  it('shrinks to the tab when something is under the open panel, and steps away when even the tab is in the way', () => {
    expect(visibleState(false, { panel: true, tab: false }, false)).toEqual({ collapsed: true, away: false });
    expect(visibleState(false, { panel: true, tab: true }, false)).toEqual({ collapsed: true, away: true });
    expect(visibleState(true, { panel: false, tab: true }, false)).toEqual({ collapsed: true, away: true });
  });

  it('shows what the reader asked for while it was making way', () => {
    expect(visibleState(false, { panel: true, tab: true }, true)).toEqual({ collapsed: false, away: false });
  });
});
