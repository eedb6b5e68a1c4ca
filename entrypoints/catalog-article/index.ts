/**
 * The one content script of a catalog article's page: the panel's code and the article detector in a
 * single file, rather than the two the blogs' other pages may end up with (entrypoints/brief-panel,
 * entrypoints/article-detector). One script for the browser to inject, parse and compile, and the
 * code both share carried once (docs/decisions.md). The
 * manifest keeps the detector off these pages
 * (wxt.config.ts), so the detector never runs twice.
 *
 * The detector gets the panel's code from its hand, not through the handoff between two scripts, and
 * carries no URL index: it asks the background by URL (follow-articles.ts says why), so this script's
 * size does not grow with the catalog. The output starts with V8's compile hint, as the panel's does:
 * all of it runs as soon as the panel shows.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { followArticles } from '../../content/detector/follow-articles';
import { createPanelHost } from '../../content/panel/panel-host';
import { publishPanelCode } from '../../content/panel-handoff';

export default defineUnlistedScript(() => {
  // Published too, for the reader's notes (content/notes), which come in a script of their own.
  publishPanelCode({ createPanelHost });
  followArticles(null, { createPanelHost });
});
