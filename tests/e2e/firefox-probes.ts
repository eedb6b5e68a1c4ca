/** What the reader sees of the panel in Firefox, read through its open shadow root (tools/firefox.ts). */
import type { ElementHandle, Page } from 'puppeteer-core';

export interface PanelState {
  title: string | null;
  collapsed: boolean;
  saved: boolean;
  notice: string | null;
  visible: boolean;
}

/** What the reader sees of the panel, read through its open shadow root; null when there is none. */
export function panelState(page: Page): Promise<PanelState | null> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-blog-brief-panel]')?.shadowRoot;
    const aside = root?.querySelector('aside');
    if (!root || !aside) return null;
    const rect = aside.getBoundingClientRect();
    return {
      title: root.querySelector('h2')?.textContent ?? null,
      collapsed: aside.classList.contains('bb-collapsed'),
      saved: root.querySelector('button[aria-pressed]')?.getAttribute('aria-pressed') === 'true',
      notice: root.querySelector('[role=status]')?.textContent ?? null,
      visible:
        getComputedStyle(aside).display !== 'none' &&
        getComputedStyle(aside).visibility === 'visible' &&
        rect.width > 0 &&
        rect.height > 0,
    };
  });
}

/**
 * A control of the panel, for a real (trusted) click: once a reader could click it, i.e. the panel
 * is drawn where it goes (it is unseen while first measured) and the control is what is at its centre.
 */
export async function panelControl(page: Page, selector: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (s) => {
      const host = document.querySelector('[data-blog-brief-panel]');
      const control = host?.shadowRoot?.querySelector(s);
      if (!control || getComputedStyle(control).visibility !== 'visible') return null;
      const box = control.getBoundingClientRect();
      const atCentre = host!.shadowRoot!.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return atCentre && control.contains(atCentre) ? control : null;
    },
    { polling: 50, timeout: 10_000 },
    selector,
  );
  return handle as ElementHandle<Element>;
}

export async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits for the brief of `title` to be drawn where the reader sees it (not its unseen first measure). */
export const titleIs = (page: Page, title: string) =>
  until(
    () => panelState(page),
    (s) => s?.title === title && s.visible,
    `the brief "${title}"`,
  );
