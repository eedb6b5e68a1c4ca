import type { Plugin } from 'vite';

/**
 * The extension pages' stylesheets written into their HTML as <style>, instead of a <link> each:
 * one request fewer on the popup's path to its first post, where every request costs the page's
 * main thread and delays the head script's own (docs/decisions.md, "The popup's stylesheet inline").
 * Extension pages' CSP
 * restricts scripts, not styles, in Chrome and Firefox alike. A stylesheet no page links to any more
 * is dropped from the build.
 */
export function inlinePageCss(): Plugin {
  return {
    name: 'blog-brief:inline-page-css',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const inlined = new Set<string>();
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
        file.source = String(file.source).replace(
          /<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g,
          (link, path: string) => {
            const css = bundle[path];
            if (css?.type !== 'asset') return link;
            inlined.add(path);
            // `</style` inside the CSS would end the element early; a stylesheet has no reason to hold it.
            return `<style>${String(css.source).replaceAll('</style', '<\\/style')}</style>`;
          },
        );
      }
      for (const path of inlined) delete bundle[path];
    },
  };
}
