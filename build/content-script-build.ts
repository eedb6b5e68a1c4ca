import type { InlineConfig, Plugin } from 'vite';
import { compileHintPlugin } from './compile-hint-plugin';

const UNLISTED_ENTRY = '\0virtual:wxt-unlisted-script-entrypoint?';

/**
 * The content scripts' entry without WXT's wrapper: it runs no plugins here (Blog Brief registers
 * none), and its error messages stay in the bytes of every page even though production builds never
 * print them. The script's own main() runs as is.
 */
function bareUnlistedEntry(): Plugin {
  return {
    name: 'blog-brief:bare-unlisted-entry',
    enforce: 'pre',
    load(id) {
      if (!id.startsWith(UNLISTED_ENTRY)) return null;
      const input = id.slice(UNLISTED_ENTRY.length);
      return `import definition from ${JSON.stringify(input)};\nexport default definition.main();\n`;
    },
  };
}

/**
 * WXT's `vite:build:extendConfig` hook for the small unlisted scripts: the content scripts, injected
 * into the blogs' pages, and the popup's head script (entrypoints/popup-first-page), all of which
 * must stay small:
 * - WXT's wrapper around an unlisted script's main() is left out (bareUnlistedEntry);
 * - the webextension polyfill (kilobytes, docs/decisions.md) stays out: Chrome MV3 and Firefox both give content
 *   scripts promise-based APIs natively, and they use nothing the polyfill would add (only the
 *   background keeps it: polyfillForBackgroundOnly);
 * - `compileHinted` (the scripts with the panel's code, all of which runs as soon as the panel
 *   shows) get V8's compile hint;
 * - Terser minifies them rather than esbuild: its several compression passes take more off the gzip
 *   (docs/decisions.md), bytes every article page pays.
 */
export function contentScriptBuild({
  scripts,
  compileHinted,
}: {
  scripts: readonly string[];
  compileHinted: readonly string[];
}) {
  return (entrypoints: readonly { name: string }[], config: InlineConfig) => {
    if (!entrypoints.every((entry) => scripts.includes(entry.name))) return;
    config.plugins = [bareUnlistedEntry(), ...(config.plugins ?? [])];
    for (const entry of entrypoints) {
      if (compileHinted.includes(entry.name)) {
        config.plugins = [...(config.plugins ?? []), compileHintPlugin(`${entry.name}.js`)];
      }
    }
    config.build = {
      ...config.build,
      minify: 'terser',
      terserOptions: { ecma: 2020, compress: { passes: 3 }, format: { comments: false } },
    };
    // Preact's classic `h`, which the page's script carries anyway (render uses it), rather than its
    // JSX runtime as well: one element factory in the bytes, not two.
    config.esbuild = {
      ...(config.esbuild || {}),
      jsx: 'transform',
      jsxFactory: 'h',
      jsxFragment: 'Fragment',
      jsxInject: "import { h, Fragment } from 'preact'",
    };
    withoutPolyfill(config);
  };
}

/**
 * WXT's `vite:build:extendConfig` hook: the webextension polyfill only in the background's build.
 * Chrome MV3 and Firefox give every extension context promise-based APIs natively; what the
 * polyfill adds that Blog Brief uses is a promise returned from a `runtime.onMessage` listener as
 * its answer, which only the background does. The extension pages then skip its set-up on their way
 * to a first render (docs/decisions.md).
 */
export function polyfillForBackgroundOnly(background: string) {
  return (entrypoints: readonly { name: string }[], config: InlineConfig) => {
    if (!entrypoints.some((entry) => entry.name === background)) withoutPolyfill(config);
  };
}

/** `wxt/browser` as WXT has it without @wxt-dev/webextension-polyfill: the browser's own `browser` or `chrome`. */
function withoutPolyfill(config: InlineConfig) {
  const alias = config.resolve?.alias;
  if (Array.isArray(alias)) {
    config.resolve!.alias = alias.filter((a: { find: unknown }) => a.find !== 'wxt/browser');
  } else if (alias && 'wxt/browser' in alias) {
    delete (alias as Record<string, string>)['wxt/browser'];
  }
}
