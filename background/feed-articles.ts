/**
 * The panel's code, injected up front on feed posts' article pages as the manifest does for the
 * bundled ones: a content script registered at run time (registered scripts persist across browser
 * sessions), updated in place when feeds change, so no page loads in a moment without it.
 */

import { articleHostMatches } from '../utils/catalog/blogs';
import type { Post } from '../utils/catalog/catalog-schema';
import { articleMatchPatterns, buildUrlIndex } from '../utils/catalog/match';
import type { ExtensionBrowser } from './extension-browser';

/** The panel's code registered at run time for the feed posts' article pages. */
const FEED_ARTICLES_SCRIPT = 'feed-articles';
/** The panel's code, built from entrypoints/brief-panel. */
export const PANEL_CODE_FILE = 'brief-panel.js';
const FEED_ARTICLE_HINT_FILE = 'feed-article-hint.js';
/**
 * Feeds' article patterns registered one by one up to this many; past it, the blogs' pages get the
 * few-byte hint instead and the detector asks about an unknown article URL by message. The browser's
 * cost of registering patterns grows with their square (docs/decisions.md, "Registering feed articles does not scale").
 */
const MAX_FEED_ARTICLE_PATTERNS = 20_000;

export async function registerFeedArticles(scripting: ExtensionBrowser['scripting'], feedPosts: Post[]): Promise<void> {
  const registered = await scripting.getRegisteredContentScripts({ ids: [FEED_ARTICLES_SCRIPT] });
  if (feedPosts.length === 0) {
    if (registered.length) await scripting.unregisterContentScripts({ ids: [FEED_ARTICLES_SCRIPT] });
    return;
  }
  const patterns = articleMatchPatterns(buildUrlIndex(feedPosts));
  const perArticle = patterns.length <= MAX_FEED_ARTICLE_PATTERNS;
  const script = {
    id: FEED_ARTICLES_SCRIPT,
    matches: perArticle ? patterns : articleHostMatches(),
    js: [perArticle ? PANEL_CODE_FILE : FEED_ARTICLE_HINT_FILE],
    runAt: 'document_start' as const,
  };
  if (registered.length) await scripting.updateContentScripts([script]);
  else await scripting.registerContentScripts([script]);
}
