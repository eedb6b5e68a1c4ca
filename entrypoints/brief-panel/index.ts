/**
 * The panel's code: Preact, the panel and its favorites store. A second content script, injected
 * only where it is needed: by the manifest on the pages of catalog articles (patterns generated from
 * the catalog in wxt.config.ts), and by the background when Medium moves in-app from another page
 * to an article. The content script that runs on every page of the blogs' hosts
 * (entrypoints/article-detector) stays small: on the many pages that are not catalog articles, this
 * code is never parsed. Its output starts with V8's compile hint (wxt.config.ts): every function here
 * runs as soon as the panel shows, so compiling them up front is cheaper than one at a time.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishPanelCode } from '../../utils/panel-handoff';
import { createPanelHost } from './panel-host';

export default defineUnlistedScript(() => publishPanelCode({ createPanelHost }));
