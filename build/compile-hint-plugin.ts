import type { Plugin } from 'vite';

/**
 * Starts `fileName` with V8's explicit compile hint (Chrome 136+; a plain comment elsewhere): every
 * function in it is compiled with the script instead of one by one on its first call. For the panel's
 * code, all of which runs as soon as the panel shows; not for the other content script, which on most
 * pages runs only its URL check (docs/decisions.md has both measurements). After minification, which
 * would drop the comment, and with the source map moved down its one line.
 */
export function compileHintPlugin(fileName: string): Plugin {
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
