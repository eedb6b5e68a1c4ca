import type { InlineConfig } from 'vite';

type ModuleInfo = { importedIds: readonly string[] } | null;

/**
 * WXT's `vite:build:extendConfig` hook for the extension's pages: every module the popup's entry
 * reaches, but the entry itself, goes into one chunk, so the popup loads its entry and one shared
 * file rather than two shared chunks Rollup would otherwise cut by which pages share what (the side
 * panel shares the popup's browse view, the options page less): the popup's first post comes sooner
 * (docs/decisions.md). The options page then loads a few modules it does not use. The entry stays
 * out: a chunk runs all its modules when loaded, and the side panel, which loads the shared chunk
 * too, must not run the popup's start-up.
 */
export function popupChunk(entry: string) {
  return (entrypoints: readonly { name: string }[], config: InlineConfig) => {
    if (!entrypoints.some((e) => e.name === 'popup')) return;
    const reached = new Set<string>();
    config.build = {
      ...config.build,
      // Chrome and Firefox both know modulepreload: no polyfill script.
      modulePreload: { polyfill: false },
      rollupOptions: {
        ...config.build?.rollupOptions,
        output: {
          ...(config.build?.rollupOptions?.output as object | undefined),
          manualChunks(id, { getModuleIds, getModuleInfo }) {
            if (reached.size === 0) {
              const walk = (module: string) => {
                if (reached.has(module)) return;
                reached.add(module);
                for (const imported of (getModuleInfo(module) as ModuleInfo)?.importedIds ?? []) walk(imported);
              };
              const root = [...getModuleIds()].find((module) => module.endsWith(entry));
              if (root) walk(root);
            }
            // WXT's module for every page's HTML goes along: otherwise a chunk of its own, one more request.
            if (id.includes('wxt-html-plugins')) return 'pages';
            // Stylesheets stay with the pages that import them: a chunk's CSS goes to every page that
            // loads the chunk, and the popup's (a 400 px body) would land on the options page.
            if (/\.css($|\?)/.test(id)) return undefined;
            return reached.has(id) && !id.endsWith(entry) ? 'pages' : undefined;
          },
        },
      },
    };
  };
}
