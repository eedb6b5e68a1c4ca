/** Catalog posts for component tests. */
import catalogJson from '../data/catalog.json';
import { type Post, parseCatalog } from '../utils/catalog';

export const catalogPosts = parseCatalog(catalogJson).posts;
export const maestro = catalogPosts[0]!;

/** A post whose text is markup: it must show as these characters, never become elements. */
export const hostilePost: Post = {
  ...maestro,
  title: '<img src=x onerror="window.__pwned=1"> Title',
  summary: '<b>bold</b> & <script>window.__pwned=1</script>',
  bullets: ['<a href="javascript:alert(1)">click</a>'],
};
