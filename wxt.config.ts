import { defineConfig } from 'wxt';
import { catalogPlugin } from './build/catalog-plugin';
import { ARTICLE_HOST_MATCHES } from './utils/blogs';

/** The content script's entrypoint: an unlisted script that the manifest injects into the blogs' pages. */
const CONTENT_SCRIPT = 'article-panel';
/** Set by `npm run bench:profile`: source maps beside the built files (no comment in them, so the code is byte-for-byte the shipped one), to name minified code in a CPU profile. */
const withSourceMaps = process.env.BLOG_BRIEF_SOURCEMAPS === '1';

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
    // The polyfill (3 KiB gzip) stays out of the content script, which is injected into every page of
    // the blogs: Chrome MV3 and Firefox both give content scripts promise-based APIs natively, and the
    // content script uses nothing the polyfill would add. Background, popup and options keep it.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((entry) => entry.name === CONTENT_SCRIPT)) return;
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
    permissions: ['storage', 'activeTab'],
    // Declared here rather than by WXT's defineContentScript (see entrypoints/article-panel/index.ts).
    // As early as possible: on an article, the brief is asked for while the page is still parsing.
    content_scripts: [{ matches: ARTICLE_HOST_MATCHES, js: [`${CONTENT_SCRIPT}.js`], run_at: 'document_start' }],
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
            gecko: { id: 'blog-brief@blog-brief.dev', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
