/**
 * The blogs' new articles as the popup shows them (its "New" view), read through the background,
 * which alone fetches and stores them (background/news), and read again when it says a check
 * changed them. Whether the reader turned the feature on is a setting, changed through the writer.
 */
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { askBackground, changeSettings, type NewsRow } from '../utils/messaging/protocol';
import { readSettings, SETTING_KEYS } from '../utils/storage/settings';

export function createNewsList() {
  const rows = signal<readonly NewsRow[]>([]);
  const unseen = signal(0);
  /** Whether the reader turned it on; null until read. */
  const enabled = signal<boolean | null>(null);
  /** Whether the popup already offered it once. */
  const asked = signal(true);

  const read = async () => {
    const settings = await readSettings().catch(() => null);
    if (settings) {
      enabled.value = settings.whatsNew;
      asked.value = settings.whatsNewAsked;
    }
    if (!settings?.whatsNew) return;
    const list = await askBackground('news:list', {}).catch(() => null);
    if (!list) return;
    rows.value = list.rows;
    unseen.value = list.unseen;
  };
  const onMessage = (message: unknown) => {
    if ((message as { type?: string } | null)?.type === 'news:changed') void read();
  };
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'sync' && (SETTING_KEYS.whatsNew in changes || SETTING_KEYS.whatsNewAsked in changes)) void read();
  };
  browser.runtime.onMessage.addListener(onMessage);
  browser.storage.onChanged.addListener(onStorage);

  return {
    rows,
    unseen,
    enabled,
    asked,
    /**
     * Reads the switch and the articles: called once the popup's first posts are on screen, so that
     * its first render waits for nothing of this (BENCHMARKS.md, the popup's first post).
     */
    start: read,
    /** "Show new articles from the three blogs": on, and not offered again. */
    async turnOn() {
      enabled.value = true;
      asked.value = true;
      const receipt = await changeSettings({ whatsNew: true, whatsNewAsked: true }).catch(() => null);
      if (!receipt?.ok) enabled.value = false;
    },
    /** "No thanks": not offered again (the options page has the switch). */
    async decline() {
      asked.value = true;
      await changeSettings({ whatsNewAsked: true }).catch(() => null);
    },
    async markAllSeen() {
      await askBackground('news:seen', {}).catch(() => undefined);
      await read();
    },
    dispose() {
      browser.runtime.onMessage.removeListener(onMessage);
      browser.storage.onChanged.removeListener(onStorage);
    },
  };
}

export type NewsList = ReturnType<typeof createNewsList>;
