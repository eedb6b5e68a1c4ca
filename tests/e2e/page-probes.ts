/**
 * Scripts the browser tests run in the page's own world, the same in Chromium (Playwright) and
 * Firefox (puppeteer): both drivers' evaluate() take these functions as they are.
 */

/** Starts recording when a panel is first added to the page (window.__panelAt, a performance.now() time). */
export function recordPanelInsertion(): void {
  const w = window as unknown as { __panelAt?: number };
  new MutationObserver(() => {
    if (w.__panelAt === undefined && document.querySelector('[data-blog-brief-panel]')) w.__panelAt = performance.now();
  }).observe(document.documentElement, { childList: true });
}

/** When the recorded panel was added, or undefined. */
export function panelInsertedAt(): number | undefined {
  return (window as unknown as { __panelAt?: number }).__panelAt;
}

/** Moves in-app to `url` with the History API, as Medium does, and says when. */
export function moveInApp(url: string): number {
  history.pushState({}, '', url);
  return performance.now();
}

/** What the reader sees of the panel: where it is on screen, and whether it is its tab. */
export interface PanelOnScreen {
  rect: { left: number; top: number; right: number; bottom: number } | null;
  collapsed: boolean;
  /** What of the page it covers: the data-obstacle names, and any link, button or field, with their rects. */
  covers: string[];
}

/**
 * The panel's box as drawn (null when it is not shown: no panel, hidden, or transparent), and every
 * element of the page it covers: the fixture's marked parts (tools/fixture-pages.ts, data-obstacle:
 * header, navigation, text, figures, code, tables, embeds) and every link, button and field.
 */
export function panelOnScreen(): PanelOnScreen {
  const aside = document.querySelector('[data-blog-brief-panel]')?.shadowRoot?.querySelector('aside');
  const none = { rect: null, collapsed: false, covers: [] };
  if (!aside) return none;
  const style = getComputedStyle(aside);
  const box = aside.getBoundingClientRect();
  if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) < 0.1 || box.width === 0)
    return none;
  const rect = { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
  const covers: string[] = [];
  for (const el of document.querySelectorAll('[data-obstacle], a, button, input, select, textarea, img, iframe')) {
    for (const r of el.getClientRects()) {
      if (r.width === 0 || r.height === 0) continue;
      const overlapX = Math.min(r.right, rect.right) - Math.max(r.left, rect.left);
      const overlapY = Math.min(r.bottom, rect.bottom) - Math.max(r.top, rect.top);
      if (overlapX > 0.5 && overlapY > 0.5) {
        const name =
          el.getAttribute('data-obstacle') ?? `${el.localName} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
        covers.push(
          `${name} at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`,
        );
        break;
      }
    }
  }
  return { rect, collapsed: aside.classList.contains('bb-collapsed'), covers };
}

/**
 * Everywhere a page's own script can look for a text: every node of the document and of every open
 * shadow root, every form field's value, every same-origin frame. Returns where it found `needle`
 * (empty: nowhere). Run in the page's world (page.evaluate), as a hostile page would.
 */
export function placesPageCanRead(needle: string): string[] {
  const found: string[] = [];
  const search = (root: Document | ShadowRoot | Element, where: string) => {
    const all = root.querySelectorAll('*');
    if ((root.textContent ?? '').includes(needle)) found.push(`${where} text`);
    for (const el of Array.from(all)) {
      const value = (el as HTMLInputElement).value;
      if (typeof value === 'string' && value.includes(needle)) found.push(`${where} <${el.localName}> value`);
      for (const attr of Array.from(el.attributes))
        if (attr.value.includes(needle)) found.push(`${where} @${attr.name}`);
      if (el.shadowRoot) search(el.shadowRoot, `${where} > ${el.localName} shadow`);
      if (el instanceof HTMLIFrameElement) {
        let inner: Document | null = null;
        try {
          inner = el.contentDocument;
        } catch {
          inner = null;
        }
        if (inner) search(inner, `${where} > iframe`);
      }
    }
  };
  search(document, 'document');
  return found;
}
