/**
 * The reader's gestures that bring the notes to an article: the context menu's "Highlight with Blog
 * Brief" on a selection, the highlight shortcut, the panel's toggle shortcut on an article with no
 * brief, and the popup's "Add your brief for this article". Until one of them, an article that has
 * no brief and no notes runs nothing of the notes; on the gesture, the background injects the panel's
 * and the notes' code into that tab (host permission on the blogs' hosts) and tells it what to do.
 */
import { articleHostMatches } from '../../utils/catalog/blogs';
import { urlKey } from '../../utils/catalog/match';
import type { NotesTabMessage } from '../../utils/messaging/protocol';
import { t } from '../../utils/text/i18n';
import type { ExtensionBrowser } from '../extension-browser';
import { PANEL_CODE_FILE } from '../feed-articles';
import { NOTES_CODE_FILE, NOTES_CSS_FILE } from './annotated-articles';

export const HIGHLIGHT_MENU_ID = 'highlight-selection';
export const HIGHLIGHT_COMMAND = 'highlight-selection';

type Menus = {
  removeAll(): Promise<void>;
  create(properties: Record<string, unknown>): unknown;
};

/** The context menu item, on selections in the blogs' pages only. Made again at every start (it is cheap and idempotent). */
export async function createHighlightMenu(browser: ExtensionBrowser): Promise<void> {
  const menus = (browser as unknown as { contextMenus?: Menus }).contextMenus;
  if (!menus) return;
  await menus.removeAll();
  menus.create({
    id: HIGHLIGHT_MENU_ID,
    title: t('highlightMenu'),
    contexts: ['selection'],
    documentUrlPatterns: articleHostMatches(),
  });
}

/**
 * Loads the notes into a tab's article (the panel's code too, where the page has none) and sends it
 * `message`. Refused (false) on a tab that shows no article of the blogs.
 */
export async function openNotes(
  browser: ExtensionBrowser,
  tabId: number,
  message: NotesTabMessage,
  knownUrl?: string,
): Promise<boolean> {
  const url = knownUrl ?? (await browser.tabs.get(tabId).catch(() => undefined))?.url;
  if (!url || urlKey(url) === null) return false;
  const target = { tabId, frameIds: [0] };
  // A second copy of either script finds the first and does nothing (content/panel-handoff.ts).
  await browser.scripting.insertCSS({ target, files: [`/${NOTES_CSS_FILE}`] }).catch(() => undefined);
  await browser.scripting.executeScript({ target, files: [`/${PANEL_CODE_FILE}`, `/${NOTES_CODE_FILE}`] });
  await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
  return true;
}

/**
 * "Add your brief" on an article not open yet (the popup's "New" view): opens it in a new tab and,
 * once the page has loaded, the notes' editor there. The popup closes as the tab opens, so the
 * background does the waiting.
 */
export async function openNotesInNewTab(browser: ExtensionBrowser, url: string): Promise<boolean> {
  if (urlKey(url) === null) return false;
  const tab = await browser.tabs.create({ url });
  const tabId = tab.id;
  if (tabId === undefined) return false;
  const loaded = new Promise<void>((resolve) => {
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id !== tabId || change.status !== 'complete') return;
      browser.tabs.onUpdated.removeListener(onUpdated);
      resolve();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    // A page from the cache may have loaded before the listener was there.
    void browser.tabs.get(tabId).then(
      (current) => current.status === 'complete' && onUpdated(tabId, { status: 'complete' }),
      () => undefined,
    );
    setTimeout(() => {
      browser.tabs.onUpdated.removeListener(onUpdated);
      resolve();
    }, 30_000);
  });
  await loaded;
  return openNotes(browser, tabId, { type: 'notes:open' }, url);
}
