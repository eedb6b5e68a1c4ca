import { defineConfig } from 'wxt';
import { catalogPlugin } from './build/catalog-plugin';
import { contentScriptBuild, polyfillForBackgroundOnly } from './build/content-script-build';
import { inlinePageCss } from './build/inline-page-css';
import { popupChunk } from './build/pages-chunks';
import catalogJson from './data/catalog.json';
import { articleHostMatches } from './utils/catalog/blogs';
import { parseCatalog } from './utils/catalog/catalog-schema';
import { articleMatchPatterns, buildUrlIndex } from './utils/catalog/match';

/** The content script of the blogs' pages that are not catalog articles: an unlisted script the manifest injects. */
const CONTENT_SCRIPT = 'article-detector';
/** The panel's code alone: injected by the background after an in-app move, and on feeds' articles. */
const PANEL_CODE = 'brief-panel';
/** The content script and the panel's code in one file: what the manifest injects into catalog articles. */
const CATALOG_ARTICLE_SCRIPT = 'catalog-article';
/** Registered by the background on the blogs' pages when feeds are too large for per-article patterns. */
const FEED_ARTICLE_HINT = 'feed-article-hint';
/** The reader's notes on a page: injected only on annotated articles and on the reader's gesture (content/notes). */
const OWN_NOTES = 'own-notes';
/** A classic script in the popup's <head> (Vite says it "can't be bundled": it is built on its own, as here). */
const POPUP_FIRST_PAGE = 'popup-first-page';
/** Where the manifest injects the panel's code: every URL of every catalog post (utils/catalog/match.ts). */
const CATALOG_ARTICLE_MATCHES = articleMatchPatterns(buildUrlIndex(parseCatalog(catalogJson).posts));
/**
 * Set by `npm run bench:profile`: source maps beside the built files, to name minified code in a CPU
 * profile. Hidden (no comment pointing to them), so the scripts are byte-for-byte the shipped ones.
 */
const withSourceMaps = process.env.BLOG_BRIEF_SOURCEMAPS === '1';
/**
 * A release may name a feed that every new install starts with (README, "Publishing briefs as a
 * feed"): BLOG_BRIEF_DEFAULT_FEED=https://…/index.json npm run build. The default build names none,
 * so it makes no request at all.
 */
const defaultFeed = process.env.BLOG_BRIEF_DEFAULT_FEED ?? '';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader of any file sees where each name comes from.
  imports: false,
  vite: () => ({
    plugins: [catalogPlugin(), inlinePageCss()],
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: { target: 'es2022', sourcemap: withSourceMaps ? 'hidden' : false },
    define: { 'import.meta.env.BLOG_BRIEF_DEFAULT_FEED': JSON.stringify(defaultFeed) },
  }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      polyfillForBackgroundOnly('background')(entrypoints, config);
      contentScriptBuild({
        scripts: [CONTENT_SCRIPT, PANEL_CODE, CATALOG_ARTICLE_SCRIPT, FEED_ARTICLE_HINT, OWN_NOTES, POPUP_FIRST_PAGE],
        compileHinted: [PANEL_CODE, CATALOG_ARTICLE_SCRIPT],
      })(entrypoints, config);
      popupChunk('/entrypoints/popup/main.tsx')(entrypoints, config);
    },
  },
  manifest: ({ browser }) => ({
    // Reader-facing text lives in public/_locales (utils/text/i18n.ts).
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // scripting and the hosts: the background injects the panel's code after an in-app move to an
    // article. The hosts are the content script's own, so they add no new warning at install.
    // alarms (no warning): wakes the sync writer when the write rate allows its outbox again.
    // contextMenus (no warning): "Highlight with Blog Brief" on a selection in the blogs' pages.
    permissions: ['storage', 'activeTab', 'scripting', 'alarms', 'contextMenus'],
    host_permissions: articleHostMatches(),
    // Declared here rather than by WXT's defineContentScript (see entrypoints/article-detector/index.ts).
    // As early as possible: on an article, the brief is asked for while the page is still parsing.
    // Exactly one of the two on any page: catalog articles get the detector inside their own script.
    content_scripts: [
      { matches: CATALOG_ARTICLE_MATCHES, js: [`${CATALOG_ARTICLE_SCRIPT}.js`], run_at: 'document_start' },
      {
        matches: articleHostMatches(),
        exclude_matches: CATALOG_ARTICLE_MATCHES,
        js: [`${CONTENT_SCRIPT}.js`],
        run_at: 'document_start',
      },
    ],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: '__MSG_commandTogglePanel__',
      },
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandHighlight__',
      },
    },
    // The notes' frame in the panel (content/notes/notes-frame.ts), on the blogs' pages only. Chrome's
    // dynamic URL changes with every session, so the page cannot use it to tell Blog Brief is installed.
    web_accessible_resources:
      browser === 'firefox'
        ? ['notes-frame.html']
        : [{ resources: ['notes-frame.html'], matches: articleHostMatches(), use_dynamic_url: true }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // storage.sync needs a stable add-on id in Firefox. Blog Brief sends nothing anywhere.
            // 140: the ESR most organisations run. Android declares data_collection_permissions from
            // 142 on, so it needs that version there.
            gecko: {
              id: 'blog-brief@blog-brief.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
