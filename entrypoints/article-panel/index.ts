/**
 * The content script: runs on every page of the blogs' hosts (the manifest entry is in
 * wxt.config.ts). On pages that are not catalog articles it does a URL check against the bundled URL
 * index and nothing else: no DOM, no message. On an article it asks the background for the brief and
 * shows the panel once the DOM is ready. Medium changes articles in-app, so it follows URL changes.
 *
 * An unlisted script rather than WXT's defineContentScript: WXT's content-script context announces
 * every start to the page with window.postMessage (the page's own message listeners run, and it
 * learns the extension is there) and costs ~2 ms on every page; nothing here needs it.
 */
import urlIndex from 'virtual:url-index';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { findPostId } from '../../utils/match';
import { askBackground, type BriefResponse } from '../../utils/messaging';
import { createPanelHost, type PanelHost } from './panel-host';
import { watchUrl } from './watch-url';

export default defineUnlistedScript(() => {
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
    host ??= createPanelHost(); // its favorites load while the brief is fetched
    // Fails once the extension was updated or removed under this page: then there is nothing to show.
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
    host.show(response.post, response.collapsed);
  }

  void follow(location.href);
  watchUrl((url) => void follow(url));
});

/** Placement measures the article, so the panel waits for the DOM. */
function domContentLoaded(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}
