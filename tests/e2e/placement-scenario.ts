/**
 * The placement check of the browser tests, the same in Chromium and Firefox: on a page shaped like a
 * real Medium article (tools/fixture-pages.ts, mediumArticlePage), at a window width, the panel covers
 * nothing of the page (header, account buttons, publication navigation, title, text and its links,
 * hero, wide figures, code, table, embed) at the top and at scroll positions down the article and back
 * up (where the site pins its top bar), expanded and collapsed. And it is there for the reader: shown
 * at the top, and open beside the text wherever the margin is free.
 */
import { expect } from 'vitest';
import { type PanelOnScreen, panelOnScreen } from './page-probes';

export interface PlacementDriver {
  /** Opens the article in a fresh tab of this width (900 px high), and waits for the panel's host. */
  open(width: number): Promise<void>;
  evaluate<T, A>(fn: (arg: A) => T, arg: A): Promise<T>;
  /** A real (trusted) click on the panel's control matching `selector`. */
  clickInPanel(selector: string): Promise<void>;
  close(): Promise<void>;
}

/** Down the article, then back up (Medium pins its bar then), then further down. */
export const SCROLL_POSITIONS = [
  0, 250, 600, 1000, 1500, 2100, 2800, 3500, 4200, 3700, 3100, 5000, 6000, 7000, 8000, 9000, 10000,
];

export interface PlacementRecord {
  y: number;
  shown: boolean;
  collapsed: boolean;
  covers: string[];
}

/**
 * Waits (up to 3 s) for the panel to settle: the same on two reads 100 ms apart, covering nothing.
 * Gives back what it last saw.
 */
async function settle(driver: PlacementDriver): Promise<PanelOnScreen> {
  const deadline = Date.now() + 3_000;
  const frames = () =>
    driver.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))), null);
  let before = JSON.stringify(await driver.evaluate(panelOnScreen, null));
  for (;;) {
    await frames();
    await new Promise((r) => setTimeout(r, 100));
    const seen = await driver.evaluate(panelOnScreen, null);
    const now = JSON.stringify(seen);
    if ((now === before && seen.covers.length === 0) || Date.now() > deadline) return seen;
    before = now;
  }
}

/** Scrolls through SCROLL_POSITIONS; for each, whether the panel showed, collapsed or not, and what it covered. */
export async function scrollThrough(driver: PlacementDriver): Promise<PlacementRecord[]> {
  const records: PlacementRecord[] = [];
  for (const y of SCROLL_POSITIONS) {
    await driver.evaluate((top) => window.scrollTo(0, top), y);
    const seen = await settle(driver);
    records.push({ y, shown: seen.rect !== null, collapsed: seen.collapsed, covers: seen.covers });
  }
  await driver.evaluate(() => window.scrollTo(0, 0), null);
  await settle(driver);
  return records;
}

export const coverings = (records: PlacementRecord[]) =>
  records.filter((r) => r.covers.length > 0).map((r) => `at scroll ${r.y}: ${r.covers.join('; ')}`);

/**
 * Where the margin holds the open panel (1280 px and up): scrolled through open, then collapsed by
 * the reader at a place where it was open, then through again; opened again at the end, so the
 * remembered choice does not carry into the next test.
 */
export async function checkOpenThenCollapsed(driver: PlacementDriver, width: number): Promise<void> {
  await driver.open(width);
  const open = await scrollThrough(driver);
  expect(coverings(open)).toEqual([]);
  expect(open[0]!.shown).toBe(true);
  const openAt = open.find((r) => r.shown && !r.collapsed);
  expect(openAt, 'open beside the text somewhere down the article').toBeDefined();

  await driver.evaluate((top) => window.scrollTo(0, top), openAt!.y);
  await driver.clickInPanel('button[aria-label="Collapse brief"]');
  const collapsed = await scrollThrough(driver);
  expect(coverings(collapsed)).toEqual([]);
  expect(collapsed.every((r) => !r.shown || r.collapsed)).toBe(true);
  expect(collapsed[0]!.shown).toBe(true);
  await driver.clickInPanel('button.bb-tab');
  await driver.close();
}

/** Where the window has no margin (1024 px): the tab, from the top, covering nothing. */
export async function checkTabOnly(driver: PlacementDriver): Promise<void> {
  await driver.open(1024);
  const records = await scrollThrough(driver);
  expect(coverings(records)).toEqual([]);
  expect(records[0]).toMatchObject({ shown: true, collapsed: true });
  await driver.close();
}
