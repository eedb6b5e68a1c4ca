declare module 'virtual:url-index' {
  /** The catalog's URL index, generated from data/catalog.json by build/catalog-plugin.ts. */
  const index: import('../utils/catalog/match').UrlIndex;
  export default index;
}
