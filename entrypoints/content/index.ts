/**
 * Runs on every page of the blogs' hosts, so it is kept tiny: a URL check against the bundled URL
 * index, and nothing else on pages that are not catalog articles (no DOM, no message). On an article
 * it asks the background for the brief and, at the same time, loads the panel's code
 * (entrypoints/brief-panel), then shows the panel once the DOM is ready. Medium changes articles in-app, so it follows URL
 * changes too.
 */
import urlIndex from 'virtual:url-index';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ARTICLE_HOST_MATCHES } from '../../utils/blogs';
import { findPostId } from '../../utils/match';
import { askBackground, type BriefResponse } from '../../utils/messaging';
import { PANEL_GLOBAL, type PanelHost, type PanelModule } from '../brief-panel/contract';

export default defineContentScript({
  matches: ARTICLE_HOST_MATCHES,
  // As early as possible: on an article, the brief request and the panel's code load while the page
  // is still parsing, so the panel can show right at DOMContentLoaded.
  runAt: 'document_start',
  // The panel's CSS travels inside the panel's code and is adopted by its shadow root.
  cssInjectionMode: 'manual',
  main(ctx) {
    let host: Promise<PanelHost> | null = null;
    /** The post whose brief is up (or was closed) on this page. */
    let shownId: string | null = null;
    /** Bumped on every URL change, so a slow answer for an article the reader already left is dropped. */
    let generation = 0;

    async function follow(url: string) {
      const postId = findPostId(url, urlIndex);
      if (postId === shownId) return;
      const current = ++generation;
      if (postId === null) {
        if (shownId !== null) {
          void host?.then((h) => h.hide());
          void askBackground('brief:left', {}).catch(() => undefined);
        }
        shownId = null;
        return;
      }
      host ??= loadPanel(ctx); // in parallel with the brief request
      const response: BriefResponse = await askBackground('brief:get', { postId }).catch((error: unknown) => ({
        error: String(error),
      }));
      if (current !== generation) return;
      if (!('post' in response)) {
        void host.then((h) => h.hide());
        shownId = null;
        if ('error' in response) console.warn(`[Blog Brief] ${response.error}`);
        return;
      }
      shownId = postId;
      const [panel] = await Promise.all([host, domContentLoaded()]);
      if (current === generation) panel.show(response.post, response.collapsed);
    }

    void follow(location.href);
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => void follow(newUrl.href));
  },
});

/** Placement measures the article, so the panel waits for the DOM. */
function domContentLoaded(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

async function loadPanel(ctx: ContentScriptContext): Promise<PanelHost> {
  await import(/* @vite-ignore */ browser.runtime.getURL('/brief-panel.js'));
  const panel = (globalThis as unknown as Record<string, PanelModule | undefined>)[PANEL_GLOBAL];
  if (!panel) throw new Error('Blog Brief: the panel script did not load');
  return panel.createPanelHost(ctx);
}
