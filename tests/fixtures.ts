/**
 * The test catalog (tests/test-catalog.json): unit and component tests run on it, never on the shipped
 * data/catalog.json, so curating the shipped catalog breaks no test. A frozen copy of the first ten
 * briefs; change it only together with the tests that read it.
 */

import { type Post, parseCatalog } from '../utils/catalog/catalog-schema';
import catalogJson from './test-catalog.json';

export const catalogPosts = parseCatalog(catalogJson).posts;
export const maestro = catalogPosts[0]!;

/** A post whose text is markup: it must show as these characters, never become elements. */
export const hostilePost: Post = {
  ...maestro,
  title: '<img src=x onerror="window.__pwned=1"> Title',
  summary: '<b>bold</b> & <script>window.__pwned=1</script>',
  bullets: ['<a href="javascript:alert(1)">click</a>'],
};
