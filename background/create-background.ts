/**
 * The background as a function of its browser: the catalog authority and the one writer of synced
 * data. It seeds IndexedDB from the bundled catalog on install and update, answers the content
 * scripts' brief lookups, badges tabs that show a brief, injects the panel's code after an in-app
 * move, relays the toggle shortcut, applies every view's favorites and settings intents through the
 * sync writer, and tells the panels on the blogs' pages when favorites change. The entrypoint
 * (entrypoints/background) runs it on the real browser; the tests run it on WXT's fake one.
 */
import urlIndex from 'virtual:url-index';
import type { Browser } from 'wxt/browser';
import bundledCatalog from '../data/catalog.json';
import { articleHostMatches, type BlogId } from '../utils/catalog/blogs';
import {
  type BackgroundMessage,
  isBackgroundMessage,
  type NotesTabMessage,
  type TabMessage,
} from '../utils/messaging/protocol';
import { readSettings, SETTING_KEYS } from '../utils/storage/settings';
import { type CatalogCache, createCatalogCache } from './catalog-cache';
import type { ExtensionBrowser } from './extension-browser';
import { registerFeedArticles } from './feed-articles';
import { createFeedService, type FeedService } from './feeds/feed-schedule';
import { createNewsService, type NewsService } from './news/news-service';
import { registerAnnotatedArticles } from './notes/annotated-articles';
import { createHighlightMenu, HIGHLIGHT_COMMAND, HIGHLIGHT_MENU_ID, openNotes } from './notes/notes-gestures';
import { createNotesService, type NotesService } from './notes/notes-service';
import { createPanelStars, type PanelStars } from './panel-stars';
import { createRouter, type Router } from './router';
import { createSyncWriter, type SyncWriter, type SyncWriterStorage } from './sync/sync-writer';
import { createTabControls, type TabControls } from './tab-controls';

/** Wakes the sync writer when the write rate allows its outbox again (a timer dies with the worker). */
const SYNC_RETRY_ALARM = 'sync-retry';
/** Wakes the feed service when a feed is due for a check. */
const FEED_CHECK_ALARM = 'feed-check';
/** Wakes the news service when a blog's own feed is due for a check. */
const NEWS_CHECK_ALARM = 'news-check';

export interface BackgroundOptions {
  /** The writer's batch window (tests: 0). */
  batchMs?: number;
  now?: () => number;
  fetchFn?: typeof fetch;
  /** The blogs' own feeds (tests: on 127.0.0.1); BLOG_FEEDS by default. */
  newsFeeds?: Readonly<Partial<Record<BlogId, string>>>;
  /** The feed every new install starts with (wxt.config.ts); none by default. */
  defaultFeed?: string;
}

export function createBackground(browser: ExtensionBrowser, options: BackgroundOptions = {}) {
  const now = options.now ?? Date.now;
  const writer = createSyncWriter(browser.storage as unknown as SyncWriterStorage, {
    batchMs: options.batchMs,
    now,
    wakeAt: (when) => void browser.alarms.create(SYNC_RETRY_ALARM, { when }),
  });
  const settings = () => readSettings(browser.storage, writer.latest);
  const stars = createPanelStars(
    writer,
    (message) => void tellBlogTabs(browser, message),
    async (postId) => (await catalog.lookUp(postId))?.title,
    now,
  );
  const catalog = createCatalogCache({ bundled: bundledCatalog, urlIndex, feedPosts: () => feeds.posts() });
  const feeds = createFeedService({
    connection: catalog.connection,
    bundled: catalog.parse,
    fetchFn: options.fetchFn,
    wakeAt: (when) => {
      if (when === null) void browser.alarms.clear(FEED_CHECK_ALARM);
      else void browser.alarms.create(FEED_CHECK_ALARM, { when: Math.max(when, now() + 1_000) });
    },
    onCatalogChanged: async (feedPosts) => {
      catalog.feedsChanged(feedPosts);
      await registerFeedArticles(browser.scripting, feedPosts).catch((e: unknown) => console.error('[Blog Brief]', e));
      // An annotated article a feed now holds has the panel's code from the feed's script.
      await notes.refreshRegistration().catch((e: unknown) => console.error('[Blog Brief]', e));
    },
  });
  const notes = createNotesService({
    writer,
    storage: browser.storage,
    broadcast: (message) => void tellBlogTabs(browser, message),
    annotatedChanged: (articles) =>
      registerAnnotatedArticles(
        browser.scripting,
        articles,
        async (url) => (await catalog.postIdOf(url)) !== null,
      ).catch((e: unknown) => console.error('[Blog Brief]', e)),
  });
  const news = createNewsService({
    connection: () => catalog.ready(),
    enabled: async () => (await settings()).whatsNew,
    briefOf: async (article) => catalog.lookUp((await catalog.postIdOf(article.url)) ?? article.id),
    wakeAt: (when) => {
      if (when === null) void browser.alarms.clear(NEWS_CHECK_ALARM);
      else void browser.alarms.create(NEWS_CHECK_ALARM, { when: Math.max(when, now() + 1_000) });
    },
    onUnseenChanged: (unseen) => {
      void settings().then((current) => tabs.showNewCount(current.whatsNew && current.newCountBadge ? unseen : 0));
      // An open popup reads them again (none open: nobody listens, which is not an error).
      browser.runtime.sendMessage({ type: 'news:changed' }).catch(() => undefined);
    },
    feeds: options.newsFeeds,
    fetchFn: options.fetchFn,
    now,
  });
  const tabs = createTabControls(
    browser,
    async () => (await settings()).briefInSidePanel,
    (tabId, message) => openNotes(browser, tabId, message),
  );
  const handle = createRouter({
    catalog,
    feeds,
    news,
    writer,
    stars,
    notes,
    tabs,
    settings,
    scripting: browser.scripting,
    browser,
    now,
  });

  listen(browser, { writer, stars, catalog, feeds, news, tabs, notes, handle }, options.defaultFeed);

  return {
    /** What the background answers a message from one of its views. */
    handle: (message: BackgroundMessage, sender: Browser.runtime.MessageSender = {}) => handle(message, sender),
    writer,
    catalog,
    feeds,
    news,
    notes,
    dispose() {
      writer.dispose();
      stars.dispose();
    },
  };
}

export type Background = ReturnType<typeof createBackground>;

interface Jobs {
  writer: SyncWriter;
  stars: PanelStars;
  catalog: CatalogCache;
  feeds: FeedService;
  news: NewsService;
  tabs: TabControls;
  notes: NotesService;
  handle: Router;
}

/** The browser's events, each to the job it is for. */
function listen(
  browser: ExtensionBrowser,
  { writer, stars, catalog, feeds, news, tabs, notes, handle }: Jobs,
  defaultFeed?: string,
) {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_RETRY_ALARM) writer.retry();
    if (alarm.name === FEED_CHECK_ALARM) void feeds.checkDue();
    if (alarm.name === NEWS_CHECK_ALARM) void news.checkDue();
  });
  void news.resume().catch(() => undefined);
  browser.runtime.onStartup.addListener(() => void feeds.scheduleAfterStart());
  // Every start: the menu costs nothing to make again, and the registered notes script then matches
  // what storage holds even after sync changed it while the browser was closed.
  void createHighlightMenu(browser).catch(() => undefined);
  void notes.refreshRegistration().catch(() => undefined);
  const menus = (browser as unknown as { contextMenus?: { onClicked: ExtensionBrowser['contextMenus']['onClicked'] } })
    .contextMenus;
  menus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === HIGHLIGHT_MENU_ID && tab?.id !== undefined)
      void openNotes(browser, tab.id, { type: 'notes:highlight' }, tab.url);
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void catalog.queueRefresh(true);
    // Added once, on a new install: a reader who removes it keeps it removed through updates.
    if (reason === 'install' && defaultFeed) void feeds.add(defaultFeed).catch(() => undefined);
  });
  // Answer only our own requests, so other listeners (the popup, the options page) are not pre-empted.
  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    isBackgroundMessage(message) ? handle(message, sender) : undefined,
  );
  browser.storage.onChanged.addListener((changes, area) => {
    stars.storageChanged(changes, area);
    notes.storageChanged(changes, area);
    // Changed on another profile, arriving through sync.
    if (area === 'sync' && SETTING_KEYS.briefInSidePanel in changes) void tabs.refreshSidePanelChoice();
    // Turned on or off, here (through the writer) or on another profile; or the toolbar count.
    if (area === 'sync' && (SETTING_KEYS.whatsNew in changes || SETTING_KEYS.newCountBadge in changes))
      void news.enabledChanged().catch(() => undefined);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === HIGHLIGHT_COMMAND && tab?.id !== undefined)
      void openNotes(browser, tab.id, { type: 'notes:highlight' }, tab.url);
    else void tabs.onCommand(command, tab);
  });
  void tabs.refreshSidePanelChoice();
}

/** Every tab of the blogs' hosts: a tab without a panel has no listener, which is not an error. */
async function tellBlogTabs(browser: ExtensionBrowser, message: TabMessage | NotesTabMessage) {
  for (const tab of await browser.tabs.query({ url: articleHostMatches() })) {
    if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  }
}
