/**
 * The notes' code on the articles the reader annotated, up front on every later visit, as feeds'
 * articles get the panel's (background/feed-articles.ts): a content script registered at run time
 * with one match pattern per annotated article, so the blogs' other pages still get nothing and send
 * nothing. Articles no catalog knows get the panel's code with it; catalog articles have it already.
 */

import { articleMatchPatterns, buildUrlIndex } from '../../utils/catalog/match';
import type { ArticleRef } from '../../utils/notes/own-notes';
import type { ExtensionBrowser } from '../extension-browser';
import { PANEL_CODE_FILE } from '../feed-articles';

/** The notes' code, built from entrypoints/own-notes. */
export const NOTES_CODE_FILE = 'own-notes.js';
/** The ::highlight() rule: a stylesheet the browser adds to the page, which no page CSP can block. */
export const NOTES_CSS_FILE = 'own-notes.css';
const ANNOTATED_SCRIPT = 'annotated-articles';
const ANNOTATED_CATALOG_SCRIPT = 'annotated-catalog-articles';

/**
 * @param knownToCatalog whether a catalog (bundled or a feed's) has the article: its page then gets
 *   the panel's code already.
 */
export async function registerAnnotatedArticles(
  scripting: ExtensionBrowser['scripting'],
  articles: readonly ArticleRef[],
  knownToCatalog: (url: string) => Promise<boolean>,
): Promise<void> {
  const known = await Promise.all(articles.map((article) => knownToCatalog(article.url)));
  await register(
    scripting,
    ANNOTATED_SCRIPT,
    articles.filter((_, i) => !known[i]),
    [PANEL_CODE_FILE, NOTES_CODE_FILE],
  );
  await register(
    scripting,
    ANNOTATED_CATALOG_SCRIPT,
    articles.filter((_, i) => known[i]),
    [NOTES_CODE_FILE],
  );
}

async function register(
  scripting: ExtensionBrowser['scripting'],
  id: string,
  articles: readonly ArticleRef[],
  js: string[],
) {
  const registered = await scripting.getRegisteredContentScripts({ ids: [id] });
  if (articles.length === 0) {
    if (registered.length) await scripting.unregisterContentScripts({ ids: [id] });
    return;
  }
  const matches = articleMatchPatterns(buildUrlIndex(articles.map(({ key, url }) => ({ id: key, url, aliases: [] }))));
  const script = { id, matches, js, css: [NOTES_CSS_FILE], runAt: 'document_start' as const };
  if (registered.length) await scripting.updateContentScripts([script]);
  else await scripting.registerContentScripts([script]);
}
