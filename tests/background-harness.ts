/**
 * The real background (background/create-background.ts) running on WXT's fake browser, as one
 * browser profile: its storage (WXT's, or an in-memory one with Chrome's quotas), its sync writer,
 * and any number of views (panels, popup, options) whose messages reach it copied, as runtime
 * messages are. The fake browser lacks the few APIs the background also uses (commands, scripting,
 * tabs.sendMessage, tabs.query by URL pattern); they are completed here and record what they are asked.
 */
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Background, createBackground } from '../background/create-background';
import type { ExtensionBrowser } from '../background/extension-browser';
import { createFavorites, type FavoritesStore } from '../pages/favorites-signals';
import type {
  BackgroundMessage,
  BackgroundRequests,
  FavoritesReceipt,
  NotesTabMessage,
  SettingChanges,
  TabMessage,
  WriteReceipt,
} from '../utils/messaging/protocol';
import { createFavoritesState, type FavoritesDeps, type FavoritesState } from '../utils/storage/favorites-reader';
import { type MemoryProfile, memoryProfile } from './memory-storage';

/** The one tab of a blog the fake browser holds open: where the background's tellings land. */
export const BLOG_TAB_ID = 41;

export interface BackgroundBrowser {
  browser: ExtensionBrowser;
  /** Every message the background sent to a tab. */
  tabMessages: { tabId: number; message: TabMessage | NotesTabMessage }[];
  /** Every script the background injected. */
  injected: unknown[];
  /** The content scripts the background registered, by id. */
  registered: Map<string, unknown>;
  /** The context menu items the background made, by id. */
  menus: Map<string, Record<string, unknown>>;
  /** Presses a keyboard command, as the browser would. */
  command(name: string): Promise<void>;
  /** Chooses a context menu item on the blog tab, as the reader would. */
  clickMenu(id: string): Promise<void>;
}

/** The URL the fake blog tab shows: an article no catalog holds. */
export const BLOG_TAB_URL = 'https://netflixtechblog.com/an-article-of-no-catalog-0123456789ab';

/** WXT's fake browser completed with what it lacks, optionally with storage of the test's own. */
export function backgroundBrowser(storage?: MemoryProfile): BackgroundBrowser {
  const tabMessages: BackgroundBrowser['tabMessages'] = [];
  const injected: unknown[] = [];
  const commandListeners = new Set<(command: string, tab?: unknown) => unknown>();
  const registered = new Map<string, unknown>();
  const menus = new Map<string, Record<string, unknown>>();
  const menuListeners = new Set<(info: { menuItemId: string }, tab?: unknown) => unknown>();
  const blogTab = { id: BLOG_TAB_ID, windowId: 1, url: BLOG_TAB_URL };
  const browser = {
    ...fakeBrowser,
    storage: storage ?? fakeBrowser.storage,
    contextMenus: {
      removeAll: async () => menus.clear(),
      create: (properties: Record<string, unknown>) => menus.set(properties.id as string, properties),
      onClicked: {
        addListener: (listener: (info: { menuItemId: string }) => unknown) => menuListeners.add(listener),
        removeListener: (listener: (info: { menuItemId: string }) => unknown) => menuListeners.delete(listener),
      },
    },
    commands: {
      onCommand: {
        addListener: (listener: (command: string) => unknown) => commandListeners.add(listener),
        removeListener: (listener: (command: string) => unknown) => commandListeners.delete(listener),
      },
    },
    tabs: {
      ...fakeBrowser.tabs,
      query: async (info: { url?: unknown }) =>
        info.url ? [{ id: BLOG_TAB_ID, url: 'https://netflixtechblog.com/' }] : fakeBrowser.tabs.query(info as never),
      get: async (tabId: number) => (tabId === BLOG_TAB_ID ? blogTab : fakeBrowser.tabs.get(tabId)),
      sendMessage: async (tabId: number, message: TabMessage) => {
        tabMessages.push({ tabId, message });
      },
    },
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) =>
        ids.filter((id) => registered.has(id)).map((id) => registered.get(id)),
      registerContentScripts: async (scripts: { id: string }[]) => {
        for (const script of scripts) registered.set(script.id, script);
      },
      updateContentScripts: async (scripts: { id: string }[]) => {
        for (const script of scripts) registered.set(script.id, script);
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        for (const id of ids) registered.delete(id);
      },
      executeScript: async (injection: unknown) => {
        injected.push(injection);
        return [];
      },
      insertCSS: async (injection: unknown) => {
        injected.push(injection);
      },
    },
  } as unknown as ExtensionBrowser;
  return {
    browser,
    tabMessages,
    injected,
    registered,
    menus,
    async command(name) {
      for (const listener of commandListeners) await listener(name, blogTab);
    },
    async clickMenu(id) {
      for (const listener of menuListeners) await listener({ menuItemId: id }, blogTab);
    },
  };
}

const running: Background[] = [];
afterEach(() => {
  for (const background of running.splice(0)) background.dispose();
});

/** The real background on the fake browser, disposed after the test. */
export function runBackground(
  options: { storage?: MemoryProfile; now?: () => number; batchMs?: number; fetchFn?: typeof fetch } = {},
) {
  const fake = backgroundBrowser(options.storage);
  const background = createBackground(fake.browser, { batchMs: 0, ...options });
  running.push(background);
  return { ...fake, background };
}

export interface ExtensionProfile {
  storage: MemoryProfile;
  background: Background;
  writer: Background['writer'];
  tabMessages: BackgroundBrowser['tabMessages'];
  registered: BackgroundBrowser['registered'];
  /** Sends the background a message as a view would: copied, answered with the background's answer. */
  send<T extends BackgroundMessage>(message: T): Promise<BackgroundRequests[T['type']]['response']>;
  /** A new view of the extension's pages (popup, options, side panel) with its own favorites store. */
  view(): FavoritesStore;
  /** A new view of the plain state, without signals. */
  plainView(): FavoritesState;
  setSettings(changes: SettingChanges): Promise<WriteReceipt>;
}

const made: { dispose(): void }[] = [];
afterEach(() => {
  for (const thing of made.splice(0)) thing.dispose();
});

/** One browser profile: storage with Chrome's quotas and the real background on it. */
export function extensionProfile(
  options: { storage?: MemoryProfile; now?: () => number; batchMs?: number } = {},
): ExtensionProfile {
  const now = options.now ?? Date.now;
  const storage = options.storage ?? memoryProfile({ now });
  const { background, tabMessages, registered } = runBackground({ ...options, storage, now });
  const send = (message: BackgroundMessage) => background.handle(structuredClone(message));
  const deps: FavoritesDeps = {
    storage,
    now,
    send: {
      save: async (favorites) => (await send({ type: 'favorites:save', favorites })) as FavoritesReceipt,
      unsave: async (ids) => (await send({ type: 'favorites:unsave', ids })) as FavoritesReceipt,
    },
  };
  return {
    storage,
    background,
    writer: background.writer,
    tabMessages,
    registered,
    send: send as ExtensionProfile['send'],
    view() {
      const store = createFavorites(deps);
      made.push(store);
      return store;
    },
    plainView() {
      const state = createFavoritesState(deps);
      made.push(state);
      return state;
    },
    setSettings: async (changes) => (await send({ type: 'settings:set', changes })) as WriteReceipt,
  };
}

/** A post-like value with a valid Medium post id. */
export function post(i: number, title = `Post ${i}`): { id: string; title: string } {
  return { id: i.toString(16).padStart(12, '0'), title };
}
