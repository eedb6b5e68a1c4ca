/**
 * The content script of the blogs' pages that are not catalog articles (the manifest entry is in
 * wxt.config.ts; what it does is in ./follow-articles.ts). Catalog articles get
 * entrypoints/catalog-article instead: the same code with the panel's.
 *
 * The panel's code stays out of this script, so it stays a few KiB on the many pages that are not
 * catalog articles. After an in-app move from such a page to an article, the background injects the
 * panel's code (entrypoints/brief-panel) on request; a feed's article gets it from a script the
 * background registers.
 *
 * An unlisted script rather than WXT's defineContentScript: WXT's content-script context announces
 * every start to the page with window.postMessage (the page's own message listeners run, and it
 * learns the extension is there) and costs time on every page (docs/decisions.md); nothing here needs it.
 */
import urlIndex from 'virtual:url-index';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { followArticles } from '../../content/detector/follow-articles';

export default defineUnlistedScript(() => followArticles(urlIndex));
