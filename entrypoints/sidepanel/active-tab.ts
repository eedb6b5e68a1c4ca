/**
 * The URL of the tab the reader is looking at in this window, as a signal: the side panel follows it
 * through tab switches, loads and in-app moves (Medium's History API navigation reports a new URL
 * through tabs.onUpdated). A tab's URL is visible to Blog Brief only on the blogs' hosts (its host
 * permissions); elsewhere it reads as no URL, which is all the side panel needs to know.
 */
import { type Signal, signal } from '@preact/signals';
import { type Browser, browser } from 'wxt/browser';

export function activeTabUrl(): Signal<string | null> {
  const url = signal<string | null>(null);
  let windowId: number | undefined;
  let tabId: number | undefined;
  const take = (tab: Browser.tabs.Tab | undefined) => {
    tabId = tab?.id;
    windowId = tab?.windowId ?? windowId;
    url.value = tab?.url ?? null;
  };
  void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => take(tab));
  browser.tabs.onActivated.addListener(async (info) => {
    if (windowId !== undefined && info.windowId !== windowId) return;
    take(await browser.tabs.get(info.tabId).catch(() => undefined));
  });
  browser.tabs.onUpdated.addListener((id, change, tab) => {
    if (id === tabId && (change.url !== undefined || change.status === 'complete')) take(tab);
  });
  return url;
}
