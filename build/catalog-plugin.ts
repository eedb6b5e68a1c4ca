/**
 * Vite plugin: validates data/catalog.json when the extension is built (an invalid catalog fails the
 * build with the post and field named) and serves `virtual:url-index`, the few hundred bytes of
 * catalog the content script needs to recognize an article without asking anyone.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { parseCatalog } from '../utils/catalog/catalog-schema';
import { buildUrlIndex, type UrlIndex } from '../utils/catalog/match';

const VIRTUAL_ID = 'virtual:url-index';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

const SHIPPED_CATALOG = fileURLToPath(new URL('../data/catalog.json', import.meta.url));

/** @param catalogPath the catalog to build from; the tests pass their own. */
export function catalogPlugin(catalogPath = SHIPPED_CATALOG): Plugin {
  return {
    name: 'blog-brief:catalog',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    async buildStart() {
      this.addWatchFile(catalogPath);
      parseCatalog(JSON.parse(await readFile(catalogPath, 'utf8')));
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      this.addWatchFile(catalogPath);
      const catalog = parseCatalog(JSON.parse(await readFile(catalogPath, 'utf8')));
      return urlIndexModule(buildUrlIndex(catalog.posts));
    },
  };
}

/**
 * The index as a module, in the fewest bytes (it ships on every page of the blogs): a Medium post's
 * id is, nearly always, the id its URLs carry, so those entries are a list of ids, not id: id pairs.
 */
export function urlIndexModule(index: UrlIndex): string {
  const same = Object.keys(index.medium).filter((id) => index.medium[id] === id);
  const other = Object.fromEntries(Object.entries(index.medium).filter(([id, post]) => post !== id));
  const others = Object.keys(other).length ? `Object.assign(medium, ${JSON.stringify(other)});\n` : '';
  return `const medium = Object.fromEntries(${JSON.stringify(same)}.map((id) => [id, id]));
${others}export default { medium, airbnbTech: ${JSON.stringify(index.airbnbTech)} };
`;
}
