/**
 * What the panel's host draws, decided from its state alone: pure, so the decisions are unit-tested
 * (tests/content/panel/panel-frame.test.ts) and the host only writes what they say.
 */
import { type Obstruction, type Placement, visibleState } from '../../utils/layout/placement';

/**
 * What shows in the lane, as a record of named values (a labeled tuple: the names are in the type,
 * none in the script injected into every article).
 */
export type Frame = [
  /** Drawn open and unseen, to learn the open panel's height before it shows as it should. */
  measuring: boolean,
  collapsed: boolean,
  /** Out of sight: even the tab would cover something. */
  away: boolean,
  /** From the placement's anchor down (px). */
  laneHeight: number,
];

/**
 * @param chosenCollapsed the reader's choice: collapsed or open
 * @param insisted the reader opened or called the panel while it was making way
 * @param panelHeight the open panel's height as last drawn; 0 until it was first measured
 */
export function frameOf(
  placement: Placement,
  page: { documentHeight: number; viewportHeight: number },
  chosenCollapsed: boolean,
  obstruction: Obstruction,
  insisted: boolean,
  panelHeight: number,
): Frame {
  const wanted = visibleState(chosenCollapsed, obstruction, insisted);
  // When it is to show open anyway, it shows at once: what shows would not change once measured,
  // and the page is spared a second style and layout pass.
  const measuring = panelHeight === 0 && (wanted.collapsed || wanted.away);
  return [
    measuring,
    !measuring && wanted.collapsed,
    !measuring && wanted.away,
    // Down to the page's end, and at least to the window's bottom (a short or hidden page would
    // otherwise leave the sticky panel no room): never past both, so the page gets no extra scroll.
    Math.max(page.documentHeight, page.viewportHeight) - placement.anchor,
  ];
}

/**
 * Whether two records of named values (labeled tuples: names in the type, none in the injected
 * script) hold the same values: draws are skipped when what they would write is unchanged.
 */
export function sameValues<T extends readonly unknown[]>(a: T | null, b: T): boolean {
  return a?.every((value, i) => value === b[i]) ?? false;
}
