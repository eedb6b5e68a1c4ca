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
