/**
 * The panel's code alone: Preact and the panel. A second content script, injected only where the
 * page did not get it with the detector: by the background when Medium moves in-app from another
 * page to an article, and on feeds' articles by a script the background registers. (A catalog
 * article's page gets entrypoints/catalog-article, which holds this code and the detector in one.)
 * The content script that runs on the blogs' other pages (entrypoints/article-detector) stays small:
 * on the many pages that are not articles, this code is never parsed. Its output starts with V8's
 * compile hint (wxt.config.ts): every function here runs as soon as the panel shows, so compiling
 * them up front is cheaper than one at a time.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createPanelHost } from '../../content/panel/panel-host';
import { publishPanelCode } from '../../content/panel-handoff';

export default defineUnlistedScript(() => publishPanelCode({ createPanelHost }));
