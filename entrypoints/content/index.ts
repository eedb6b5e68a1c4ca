/**
 * Runs on every page of the blogs' hosts. On pages that are not catalog articles it does a URL check
 * against the bundled URL index and nothing else: no DOM, no message. On an article it asks the
 * background for the brief and shows the panel once the DOM is ready. Medium changes articles
 * in-app, so it follows URL changes too.
 */
import urlIndex from 'virtual:url-index';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ARTICLE_HOST_MATCHES } from '../../utils/blogs';
import { findPostId } from '../../utils/match';
import { askBackground, type BriefResponse } from '../../utils/messaging';
import { createPanelHost, type PanelHost } from './panel-host';

export default defineContentScript({
  matches: ARTICLE_HOST_MATCHES,
  // As early as possible: on an article, the brief is asked for while the page is still parsing, so
  // the panel can show right at DOMContentLoaded.
  runAt: 'document_start',
  // The panel's CSS is a string in the script, adopted by its shadow root: no stylesheet in the page.
  cssInjectionMode: 'manual',
  main(ctx) {
    let host: PanelHost | null = null;
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
          host?.hide();
          void askBackground('brief:left', {}).catch(() => undefined);
        }
        shownId = null;
        return;
      }
      const response: BriefResponse = await askBackground('brief:get', { postId }).catch((error: unknown) => ({
        error: String(error),
      }));
      if (current !== generation) return;
      if (!('post' in response)) {
        host?.hide();
        shownId = null;
        if ('error' in response) console.warn(`[Blog Brief] ${response.error}`);
        return;
      }
      shownId = postId;
      await domContentLoaded();
      if (current !== generation) return;
      host ??= createPanelHost(ctx);
      host.show(response.post, response.collapsed);
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
