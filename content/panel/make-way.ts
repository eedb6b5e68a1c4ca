/**
 * Watches what of the page would be under the panel, with observers only: no work per scrolled frame
 * and no layout read in a scroll handler. The rules are in utils/layout/placement.ts.
 *
 * - The page's elements that reach into the panel's stretch of the window (wide figures, code,
 *   tables, embeds, and any text, link or control there) are found once per layout change and
 *   watched by two IntersectionObservers whose root is cut down to the rows the open panel and its
 *   tab take while they stay in view: the browser reports when one enters or leaves.
 * - Before the panel starts to stay in view (it sits level with the title until the page scrolls
 *   past), it does not move on the page, so what is under it is read from the elements' page rows.
 *   A sentinel at the panel's anchor tells which of the two holds.
 * - The site's header: it may be pinned only later (Medium pins its bar when the reader scrolls back
 *   up), so the header's elements are watched for where they are (leaving or re-entering the
 *   window), and the page's size for layout changes; either re-places the panel.
 */
import {
  type Band,
  type Obstruction,
  overlapsAtAnchor,
  type Placement,
  panelBand,
  reaches,
  tabBand,
} from '../../utils/layout/placement';

/**
 * What the tab makes way for: what is wider than the text column, and controls. Not text: text
 * reaches the window's edge only in windows too narrow for any margin (below about 830 px for
 * Medium's column); there the tab stays, over the edge of the text, rather than leave the reader no
 * way to the brief.
 */
const TAB_OBSTACLES =
  'img,picture,video,iframe,embed,object,canvas,svg,figure,pre,table,[role="img"],a,button,input,select,textarea';
/** What the open panel must not cover: the same, and text. */
const PANEL_OBSTACLES = `${TAB_OBSTACLES},p,li,blockquote,h1,h2,h3,h4,h5,h6,hr`;

interface Watched {
  element: Element;
  /** Page rows (document px). */
  top: number;
  bottom: number;
}

export interface WayWatcher {
  /** The panel's place or size changed: re-find and re-watch what could be under it. */
  update(placement: Placement, panel: { height: number }, tab: { height: number; width: number }): void;
  dispose(): void;
}

/**
 * One closure, long, for the same reason as the panel's host (content/panel/panel-host.tsx): its
 * observers share the watch's state, and closure variables are what minifies smallest in the script
 * every article carries; the geometry it judges by is pure (utils/layout/placement.ts).
 */
export function watchTheWay(
  sentinel: Element,
  /** What is in the way changed. */
  onChange: (obstruction: Obstruction) => void,
  /** The page's layout changed: measure and place again (then update() follows). */
  onPageChange: () => void,
  /** The header moved in or out of the window: the host checks whether what the site pins moved, and only then places again. */
  onHeaderChange: () => void,
): WayWatcher {
  let placement: Placement | null = null;
  let panelHeight = 0;
  let tabHeight = 0;
  let tabWidth = 0;
  let panelWatched: Watched[] = [];
  let tabWatched: Watched[] = [];
  const underPanel = new Set<Element>();
  const underTab = new Set<Element>();
  let stuck = false;
  let last: Obstruction | null = null;
  let observers: IntersectionObserver[] = [];
  /** Bumped when the page's layout changed: the rows found before are stale. */
  let layoutVersion = 0;
  /** What the elements were found for, and what the observers were cut for: unchanged, nothing is redone. */
  let foundFor = '';
  let cutFor = '';

  /** Observers just made that have not given their first report: until then the sets are not whole. */
  let awaitingFirst = 0;
  const report = () => {
    if (!placement || awaitingFirst > 0) return;
    const next: Obstruction = stuck
      ? { panel: underPanel.size > 0, tab: underTab.size > 0 }
      : {
          panel: panelWatched.some((w) => overlapsAtAnchor(w, placement!.anchor, panelHeight)),
          tab: tabWatched.some((w) => overlapsAtAnchor(w, placement!.anchor, tabHeight)),
        };
    if (last && last.panel === next.panel && last.tab === next.tab) return;
    last = next;
    onChange(next);
  };

  /** An observer whose root is the window's rows [top, top + height). */
  /** Calls `react` on each report; counts the first one toward awaitingFirst. */
  const firstCounted = <T>(react: (entries: T) => void) => {
    let first = true;
    awaitingFirst++;
    return (entries: T) => {
      if (first) {
        first = false;
        awaitingFirst--;
      }
      react(entries);
      report();
    };
  };

  const rowsObserver = (top: number, height: number, under: Set<Element>, targets: Watched[]) => {
    const bottomCut = Math.max(window.innerHeight - top - height, 0);
    const observer = new IntersectionObserver(
      firstCounted((entries: IntersectionObserverEntry[]) => {
        for (const entry of entries) {
          if (entry.isIntersecting) under.add(entry.target);
          else under.delete(entry.target);
        }
      }),
      { rootMargin: `${-top}px 0px ${-bottomCut}px 0px` },
    );
    // With nothing to watch there is no first report to wait for.
    if (targets.length === 0) awaitingFirst--;
    for (const { element } of targets) observer.observe(element);
    return observer;
  };

  function watch() {
    if (!placement) return;
    const width = document.documentElement.clientWidth;
    const findKey = `${placement.mode}|${placement.anchor}|${placement.width}|${width}|${tabWidth}|${layoutVersion}`;
    const cutKey = `${findKey}|${placement.top}|${panelHeight}|${tabHeight}|${window.innerHeight}`;
    if (cutKey === cutFor) return;
    cutFor = cutKey;
    for (const observer of observers) observer.disconnect();
    observers = [];
    awaitingFirst = 0;
    underPanel.clear();
    underTab.clear();
    if (findKey !== foundFor) {
      foundFor = findKey;
      // The overlay panel opens over the text by the reader's own choice: only its tab makes way.
      panelWatched =
        placement.mode === 'margin' ? find(PANEL_OBSTACLES, panelBand(placement, width), placement.anchor) : [];
      tabWatched = find(TAB_OBSTACLES, tabBand(width, tabWidth || undefined), placement.anchor);
    }
    const p = placement;
    const stuckObserver = new IntersectionObserver(
      firstCounted((entries: IntersectionObserverEntry[]) => {
        // Above the rows where the panel stays: the panel has left its anchor and stays in view.
        stuck = entries.at(-1)!.boundingClientRect.top < p.top;
      }),
      { rootMargin: `${-p.top}px 0px 0px 0px` },
    );
    stuckObserver.observe(sentinel);
    observers.push(
      stuckObserver,
      rowsObserver(p.top, panelHeight, underPanel, panelWatched),
      rowsObserver(p.top, tabHeight, underTab, tabWatched),
    );
  }

  // The page's layout moved (images loaded, text reflowed): rows change, so find and watch again.
  let pending = 0;
  const later = (then: () => void) => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(then);
  };
  let observedOnce = false;
  const sizes = new ResizeObserver(() => {
    // The first report is the size at observe(): nothing changed yet.
    if (!observedOnce) {
      observedOnce = true;
      return;
    }
    layoutVersion++;
    later(onPageChange);
  });
  sizes.observe(document.body);
  // The header's own moves: scrolled away, pinned back to the window's top, slid out or in. Watched by
  // where it is, not by its attributes: a site may set its header's class on every scroll event
  // (Medium does), and a MutationObserver on it makes each such set, and the layout the site's
  // scroll handler then reads, cost the page (docs/decisions.md). Checked at the next frame and once
  // a transition is likely over.
  let settle = 0;
  let headerSeen = false;
  const header = new IntersectionObserver(
    () => {
      // The first report is where the header is now, which the panel was just placed for.
      if (!headerSeen) {
        headerSeen = true;
        return;
      }
      later(onHeaderChange);
      clearTimeout(settle);
      settle = window.setTimeout(onHeaderChange, 350);
    },
    { threshold: [0, 1] },
  );
  for (const element of headerCandidates()) header.observe(element);

  return {
    update(nextPlacement, panel, tab) {
      placement = nextPlacement;
      panelHeight = panel.height;
      tabHeight = tab.height;
      tabWidth = tab.width;
      watch();
    },
    dispose() {
      for (const observer of observers) observer.disconnect();
      sizes.disconnect();
      header.disconnect();
      cancelAnimationFrame(pending);
      clearTimeout(settle);
    },
  };
}

/** The page's `selector` elements below the anchor that reach into `band` across the window, with their page rows. */
function find(selector: string, band: Band, anchor: number): Watched[] {
  const found: Watched[] = [];
  const scrollTop = window.scrollY;
  for (const element of document.body.querySelectorAll(selector)) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || !reaches(rect, band)) continue;
    const top = rect.top + scrollTop;
    const bottom = rect.bottom + scrollTop;
    // Above the anchor, the panel never is (it only moves down the page from there).
    if (bottom <= anchor) continue;
    found.push({ element, top, bottom });
  }
  return found;
}

/** The elements at the window's top edge at each of `xs`, with their ancestors up to <body>, each once. */
export function atTopEdge(xs: readonly number[]): Set<Element> {
  const found = new Set<Element>();
  for (const x of xs) {
    for (
      let element = document.elementFromPoint(x, 1);
      element && element !== document.body && element !== document.documentElement && !found.has(element);
      element = element.parentElement
    ) {
      found.add(element);
    }
  }
  return found;
}

/** What a site's header is made of: what is at the window's top edge (no taller than a bar), and its landmarks. */
function headerCandidates(): Element[] {
  const width = document.documentElement.clientWidth;
  return [
    ...[...atTopEdge([40, width / 2, width - 40])].filter(
      (element) => element.getBoundingClientRect().height < window.innerHeight / 3,
    ),
    ...document.querySelectorAll('header, [role="banner"]'),
  ];
}
