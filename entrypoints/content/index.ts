/**
 * Runs on every page of the blogs' hosts. On pages that are not catalog articles it does nothing but
 * a URL check against the bundled URL index: no DOM, no message. On an article it asks the background
 * for the brief and hands it to the panel host. Medium changes articles in-app, so it follows URL
 * changes too.
 */
import urlIndex from 'virtual:url-index';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ARTICLE_HOST_MATCHES } from '../../utils/blogs';
import { findPostId } from '../../utils/match';
import { askBackground, type BriefResponse } from '../../utils/messaging';
import { createPanelHost, type PanelHost } from './panel-host';

export default defineContentScript({
  matches: ARTICLE_HOST_MATCHES,
  runAt: 'document_end',
  // The panel's CSS is passed to the shadow root as a string: no stylesheet in the page, no fetch.
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
      host ??= createPanelHost(ctx);
      host.show(response.post, response.collapsed);
    }

    void follow(location.href);
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => void follow(newUrl.href));
  },
});
