/**
 * What the background does to the reader's tabs and windows: the ✓ badge on a tab that shows a
 * brief, the toggle shortcut (to the tab's panel, or the browser's side panel when the reader reads
 * briefs there), and the side panel's opening.
 */
import type { Browser } from 'wxt/browser';
import type { NotesTabMessage, TabMessage } from '../utils/messaging/protocol';
import type { ExtensionBrowser } from './extension-browser';

const BADGE_TEXT = '✓';
const BADGE_COLOR = '#2f6f4f';
/** The count of new articles, on every tab without a ✓ (the tab's own badge wins over the global one). */
const COUNT_COLOR = '#8a3ffc';
const TOGGLE_COMMAND = 'toggle-panel';

/**
 * @param openNotes on a tab whose page shows no panel to toggle: the notes' editor instead (an
 *   article with no brief, background/notes/notes-gestures.ts).
 */
export function createTabControls(
  browser: ExtensionBrowser,
  briefInSidePanel: () => Promise<boolean>,
  openNotes: (tabId: number, message: NotesTabMessage) => Promise<boolean> = async () => false,
) {
  // Firefox's MV2 build has browserAction where Chrome's MV3 has action.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  // Kept here, not read when the shortcut is pressed: the browser opens a side panel only in direct
  // answer to the reader's action, before any await.
  let sidePanelChosen = false;

  return {
    markBrief(tabId: number) {
      void action.setBadgeText({ tabId, text: BADGE_TEXT });
      void action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
    },
    clearBrief(tabId: number) {
      // null, not '': the tab then shows the global badge again (the count of new articles).
      void action.setBadgeText({ tabId, text: null as unknown as string });
    },
    /** The count of new articles on the toolbar icon (0: none). */
    showNewCount(count: number) {
      void action.setBadgeText({ text: count > 0 ? (count > 99 ? '99+' : String(count)) : '' });
      void action.setBadgeBackgroundColor({ color: COUNT_COLOR });
    },
    /** Reads again where the reader reads briefs (after a change here or through sync). */
    async refreshSidePanelChoice() {
      sidePanelChosen = await briefInSidePanel();
    },
    async onCommand(command: string, tab: Browser.tabs.Tab | undefined) {
      if (command !== TOGGLE_COMMAND) return;
      if (sidePanelChosen) return openSidePanel(browser, tab);
      const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (tabId === undefined) return;
      // A tab without a panel has no listener: on an article, the shortcut opens the notes' editor.
      await browser.tabs
        .sendMessage(tabId, { type: 'panel:toggle' } satisfies TabMessage)
        .catch(() => openNotes(tabId, { type: 'notes:open' }).catch(() => false));
    },
  };
}

export type TabControls = ReturnType<typeof createTabControls>;

/** Opens the browser's side panel on the reader's window: Chrome's sidePanel, Firefox's sidebar. */
function openSidePanel(browser: ExtensionBrowser, tab: Browser.tabs.Tab | undefined): void {
  const firefox = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  if (firefox) {
    void firefox.open().catch(() => undefined);
    return;
  }
  const chromeSidePanel = (browser as unknown as { sidePanel?: { open(o: { windowId: number }): Promise<void> } })
    .sidePanel;
  if (chromeSidePanel && tab?.windowId !== undefined) {
    void chromeSidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
  }
}
