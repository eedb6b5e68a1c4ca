declare module 'virtual:url-index' {
  /** Catalog key -> post id, generated from data/catalog.json by build/catalog-plugin.ts. */
  const index: Readonly<Record<string, string>>;
  export default index;
}
