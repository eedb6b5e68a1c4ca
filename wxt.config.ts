import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { catalogPlugin } from './build/catalog-plugin';
import catalogJson from './data/catalog.json';
import { ARTICLE_HOST_MATCHES } from './utils/blogs';
import { parseCatalog } from './utils/catalog';
import { articleMatchPatterns, buildUrlIndex } from './utils/match';

/** The content script's entrypoint: an unlisted script that the manifest injects into the blogs' pages. */
const CONTENT_SCRIPT = 'article-panel';
/** The panel's code, a second content script: injected up front only on catalog articles' pages. */
const PANEL_CODE = 'article-panel-ui';
/** Where the manifest injects the panel's code: every URL of every catalog post (utils/match.ts). */
const CATALOG_ARTICLE_MATCHES = articleMatchPatterns(buildUrlIndex(parseCatalog(catalogJson).posts));
/**
 * Set by `npm run bench:profile`: source maps beside the built files, to name minified code in a CPU
 * profile. Hidden (no comment pointing to them), so the scripts are byte-for-byte the shipped ones.
 */
const withSourceMaps = process.env.BLOG_BRIEF_SOURCEMAPS === '1';

/**
 * Starts `fileName` with V8's explicit compile hint (Chrome 136+; a plain comment elsewhere): every
 * function in it is compiled with the script instead of one by one on its first call. For the panel's
 * code, all of which runs as soon as the panel shows; not for the other content script, which on most
 * pages runs only its URL check (BENCHMARKS.md has both measurements). After minification, which
 * would drop the comment, and with the source map moved down its one line.
 */
function compileHintPlugin(fileName: string): Plugin {
  const HINT = '//# allFunctionsCalledOnLoad\n';
  return {
    name: 'blog-brief:compile-hint',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunk = bundle[fileName];
      if (chunk?.type !== 'chunk') return;
      chunk.code = HINT + chunk.code;
      const map = bundle[`${fileName}.map`];
      if (map?.type === 'asset') {
        const json = JSON.parse(String(map.source)) as { mappings: string };
        map.source = JSON.stringify({ ...json, mappings: `;${json.mappings}` });
      }
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader of any file sees where each name comes from.
  imports: false,
  vite: () => ({
    plugins: [catalogPlugin()],
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: { target: 'es2022', sourcemap: withSourceMaps ? 'hidden' : false },
  }),
  hooks: {
    // The polyfill (3 KiB gzip) stays out of the content scripts, which are injected into the blogs'
    // pages: Chrome MV3 and Firefox both give content scripts promise-based APIs natively, and they use
    // nothing the polyfill would add. Background, popup and options keep it. The panel's code also
    // gets the compile hint.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((entry) => entry.name === CONTENT_SCRIPT || entry.name === PANEL_CODE)) return;
      if (entrypoints.some((entry) => entry.name === PANEL_CODE)) {
        config.plugins = [...(config.plugins ?? []), compileHintPlugin(`${PANEL_CODE}.js`)];
      }
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve!.alias = alias.filter((a: { find: unknown }) => a.find !== 'wxt/browser');
      } else if (alias && 'wxt/browser' in alias) {
        delete (alias as Record<string, string>)['wxt/browser'];
      }
    },
  },
  manifest: ({ browser }) => ({
    name: 'Blog Brief',
    description:
      'Why an engineering article matters, in ten seconds: curated briefs pinned beside Netflix, Airbnb and Pinterest engineering posts.',
    // scripting and the hosts: the background injects the panel's code after an in-app move to an
    // article. The hosts are the content script's own, so they add no new warning at install.
    // alarms (no warning): wakes the sync writer when the write rate allows its outbox again.
    permissions: ['storage', 'activeTab', 'scripting', 'alarms'],
    host_permissions: ARTICLE_HOST_MATCHES,
    // Declared here rather than by WXT's defineContentScript (see entrypoints/article-panel/index.ts).
    // As early as possible: on an article, the brief is asked for while the page is still parsing.
    // The panel's code comes first, so it is there when the content script starts.
    content_scripts: [
      { matches: CATALOG_ARTICLE_MATCHES, js: [`${PANEL_CODE}.js`], run_at: 'document_start' },
      { matches: ARTICLE_HOST_MATCHES, js: [`${CONTENT_SCRIPT}.js`], run_at: 'document_start' },
    ],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Show or hide the brief beside the article',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // storage.sync needs a stable add-on id in Firefox. Blog Brief sends nothing anywhere.
            gecko: {
              id: 'blog-brief@blog-brief.dev',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
