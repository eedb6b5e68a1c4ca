/**
 * What the content script does on the blogs' pages (entrypoints/article-detector, and with the
 * panel's code in entrypoints/catalog-article): on pages that are not catalog articles, a URL check
 * against the bundled URL index and nothing else: no DOM, no message. On an article it asks the
 * background for the brief and shows the panel once the DOM is ready. Medium changes articles
 * in-app, so it follows URL changes.
 */

import { findPostId, type UrlIndex, urlKey } from '../../utils/catalog/match';
import { askBackground, type BriefResponse } from '../../utils/messaging/protocol';
import { domContentLoaded } from '../dom-ready';
import { extensionAlive } from '../extension-context';
import {
  askByUrlHinted,
  type PanelCode,
  type PanelHost,
  panelCode as publishedPanelCode,
  whenPanelCodeArrives,
} from '../panel-handoff';
import { watchUrl } from './watch-url';

/**
 * Follows the page's URL, asks for the brief of a catalog article, and shows it in the panel.
 * @param index the bundled catalog's URL index (virtual:url-index), so that the blogs' other pages
 *   cost no message; null where the panel's code is at hand, on a catalog article's page, which asks
 *   the background by URL: the index would only save it a lookup there, and the bytes of a script
 *   injected into every such page would grow with the catalog.
 * @param atHand the panel's code, when it is in this very script (entrypoints/catalog-article);
 *   otherwise it is looked for where the panel's own script publishes it (content/panel-handoff.ts).
 *
 * A little over 60 lines: this is the script on every page of the blogs' hosts, and its one closure is its smallest form.
 */
export function followArticles(index: UrlIndex | null, atHand?: PanelCode): void {
  const panelCode = atHand ? () => atHand : publishedPanelCode;
  const known = (url: string) => (index ? findPostId(url, index) : null);
  let host: PanelHost | null = null;
  /** The post whose brief is up (or was closed) on this page. */
  let shownId: string | null = null;
  /** Bumped on every URL change, so a slow answer for an article the reader already left is dropped. */
  let generation = 0;

  /**
   * @param mayAskByUrl whether a URL the build's index does not know may be asked about (it may be a
   *   feed's article): after an in-app move, or once the browser injected the panel's code, which it
   *   does only on feed articles' pages, or the hint that the feeds are too large for that
   *   (entrypoints/feed-article-hint). Never on a plain page load: other pages cost no message.
   */
  async function follow(url: string, mayAskByUrl: boolean) {
    if (!extensionAlive()) {
      // The extension was updated, reloaded or removed under this page: this copy can no longer ask
      // for a brief or save a favorite, so its panel goes rather than show a stale brief. The new
      // copy takes over at the next page load.
      host?.hide();
      stopWatching();
      return;
    }
    const postId = known(url);
    const identity = postId ?? urlKey(url);
    // Every URL change counts, even back to the post on screen: an answer still on its way for the
    // post the reader just passed through must not land (A -> B -> A).
    const current = ++generation;
    if (identity === shownId) return;
    const leave = () => {
      if (shownId !== null) {
        host?.hide();
        void askBackground('brief:left', {}).catch(() => undefined);
      }
      shownId = null;
    };
    if (identity === null) return leave();
    if (postId === null && !mayAskByUrl && !panelCode() && !askByUrlHinted()) {
      leave();
      whenPanelCodeArrives(() => {
        if (current === generation) void follow(location.href, true);
      });
      return;
    }
    // Created now when the panel's code is here, so its favorites load while the brief is fetched.
    if (!host) host = panelCode()?.createPanelHost() ?? null;
    // Fails once the extension was updated or removed under this page: then there is nothing to show.
    const response: BriefResponse = await askWithRetry(postId ? { postId } : { url }).catch((error: unknown) => ({
      error: String(error),
    }));
    // Tied to the URL it was asked for: dropped if the reader moved on meanwhile.
    const here = known(location.href) ?? urlKey(location.href);
    if (current !== generation || here !== identity) return;
    // A brief, or the reader's own notes on an article no catalog has.
    if (!('post' in response) && !('own' in response)) {
      leave();
      if ('error' in response) warn(response.error);
      return;
    }
    if (!host) {
      // Arrived in-app from a page without the panel's code: load it, now that there is a brief to show.
      const code = panelCode() ?? (await loadPanelCode().catch((error: unknown) => void warn(error)));
      if (current !== generation || !code) return;
      host ??= code.createPanelHost();
    }
    shownId = identity;
    // Placement measures the article, so the panel waits for the DOM.
    await domContentLoaded();
    if (current !== generation) return;
    host.show(response);
  }

  let stopWatching = () => {};
  void follow(location.href, false);
  stopWatching = watchUrl((url) => void follow(url, true));
}

/** What went wrong, in the page's console, marked as ours. */
function warn(problem: unknown): void {
  console.warn(`[Blog Brief] ${String(problem)}`);
}

/**
 * Asks the background, once more if the service worker stopped while the first request was on its way
 * ("Receiving end does not exist", "message port closed"): the browser starts it again for the retry.
 */
async function askWithRetry(request: { postId: string } | { url: string }): Promise<BriefResponse> {
  try {
    return await askBackground('brief:get', request);
  } catch (error) {
    if (!extensionAlive()) throw error;
    return askBackground('brief:get', request);
  }
}

/** The panel's code, asking the background to inject it: this page did not get it up front. */
async function loadPanelCode(): Promise<PanelCode> {
  await askBackground('panel:load', {});
  const loaded = publishedPanelCode();
  if (!loaded) throw new Error('the panel did not load');
  return loaded;
}
