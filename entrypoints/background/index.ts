/**
 * The catalog authority and the one writer of synced data: seeds IndexedDB from the bundled catalog
 * on install and update, answers the content script's brief lookups, badges tabs that show a brief,
 * injects the panel's code after an in-app move to an article, relays the toggle shortcut,
 * applies every view's favorites and settings intents through the sync writer, and keeps the star of
 * the panels on the blogs' pages (background/panel-stars.ts).
 */

import urlIndex from 'virtual:url-index';
import { type Browser, browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createFeedService } from '../../background/feeds/feed-schedule';
import { createPanelFavorites } from '../../background/panel-stars';
import { createSyncWriter } from '../../background/sync/sync-writer';
import { applyIntent } from '../../background/sync/write-intents';
import bundledCatalog from '../../data/catalog.json';
import { articleHostMatches } from '../../utils/catalog/blogs';
import { type Post, parseCatalog } from '../../utils/catalog/catalog-schema';
import { articleMatchPatterns, buildUrlIndex, findPostId, type UrlIndex } from '../../utils/catalog/match';
import {
  type BackgroundMessage,
  type BriefResponse,
  isBackgroundMessage,
  type TabMessage,
} from '../../utils/messaging/protocol';
import { type BlogBriefDb, blogBriefDbConnection, ensureCatalog, getPost } from '../../utils/storage/catalog-db';
import { createFavoritesState } from '../../utils/storage/favorites-reader';
import { readSettings, SETTING_KEYS } from '../../utils/storage/settings';

/** Wakes the sync writer when the write rate allows its outbox again (a timer dies with the worker). */
const SYNC_RETRY_ALARM = 'sync-retry';
/** Wakes the feed service when a feed is due for a check. */
const FEED_CHECK_ALARM = 'feed-check';
/** The panel's code registered at run time for the feed posts' article pages. */
const FEED_ARTICLES_SCRIPT = 'feed-articles';

/** The panel's code, built from entrypoints/brief-panel. */
const PANEL_CODE_FILE = 'brief-panel.js';
const FEED_ARTICLE_HINT_FILE = 'feed-article-hint.js';
/** Feeds' article patterns registered one by one up to this many (about 6,000 Medium posts). */
const MAX_FEED_ARTICLE_PATTERNS = 20_000;

export default defineBackground(() => {
  const writer = createSyncWriter(browser.storage as unknown as Parameters<typeof createSyncWriter>[0], {
    wakeAt: (when) => void browser.alarms.create(SYNC_RETRY_ALARM, { when }),
  });
  const writeNow = (intent: Parameters<typeof applyIntent>[1]) => applyIntent(writer, intent, Date.now());
  const panelFavorites = createPanelFavorites(
    createFavoritesState({
      storage: browser.storage as unknown as Parameters<typeof createFavoritesState>[0]['storage'],
      send: {
        save: (favorites) => writeNow({ type: 'favorites:save', favorites }),
        unsave: (ids) => writeNow({ type: 'favorites:unsave', ids }),
      },
    }),
    // Every tab of the blogs' hosts: a tab without a panel has no listener, which is not an error.
    async (message) => {
      for (const tab of await browser.tabs.query({ url: articleHostMatches() })) {
        if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, message satisfies TabMessage).catch(() => undefined);
      }
    },
    async (postId) => (await lookUp(postId))?.title,
  );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_RETRY_ALARM) writer.retry();
    if (alarm.name === FEED_CHECK_ALARM) void feeds.checkDue();
  });

  const connection = blogBriefDbConnection();
  const parse = () => parseCatalog(bundledCatalog);
  /** Posts already read from IndexedDB: an article's brief is asked for on every visit and in-app move. */
  const posts = new Map<string, Post>();
  /** The connection whose cache was last checked whole: a new one (after another context deleted or upgraded the database) is checked again. */
  let checked: BlogBriefDb | null = null;
  const refresh = (force: boolean) => async () => {
    const db = await connection();
    if (await ensureCatalog(db, bundledCatalog, parse, force)) posts.clear();
    checked = db;
  };
  // Every service-worker start checks the cache (it may have been cleared); install and update force a reload.
  let catalogReady = refresh(false)();
  /** Queues a check (or, forced, a reload) of the cache after any running one, and waits for it. */
  const queueRefresh = (force: boolean) => {
    catalogReady = catalogReady.catch(() => undefined).then(refresh(force));
    return catalogReady;
  };
  const ready = async () => {
    await catalogReady.catch(() => undefined);
    if (checked !== (await connection())) await queueRefresh(false);
    return connection();
  };
  browser.runtime.onStartup.addListener(() => void feeds.scheduleAfterStart());
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void queueRefresh(true);
    // The release's default feed (wxt.config.ts), added once, on a new install: a reader who removes
    // it keeps it removed through updates.
    const defaultFeed = import.meta.env.BLOG_BRIEF_DEFAULT_FEED;
    if (reason === 'install' && defaultFeed) void feeds.add(defaultFeed).catch(() => undefined);
  });
  const bundledIds = new Set(bundledCatalog.posts.map((post) => post.id));

  /** Recognition of feed posts' URLs; the bundled ones are in the build's URL index. */
  let feedIndex: Promise<UrlIndex> | null = null;
  const feeds = createFeedService({
    connection,
    bundled: parse,
    wakeAt: (when) => {
      if (when === null) void browser.alarms.clear(FEED_CHECK_ALARM);
      else void browser.alarms.create(FEED_CHECK_ALARM, { when: Math.max(when, Date.now() + 1_000) });
    },
    onCatalogChanged: async (feedPosts) => {
      posts.clear();
      feedIndex = Promise.resolve(buildUrlIndex(feedPosts));
      await registerFeedArticles(feedPosts).catch((error: unknown) => console.error('[Blog Brief]', error));
    },
  });
  async function postIdOf(url: string) {
    feedIndex ??= feeds.posts().then(buildUrlIndex);
    return findPostId(url, urlIndex) ?? findPostId(url, await feedIndex);
  }

  /**
   * The panel's code, injected up front on feed posts' article pages as the manifest does for the
   * bundled ones (registered scripts persist across browser sessions).
   */
  async function registerFeedArticles(feedPosts: Post[]) {
    const registered = await browser.scripting.getRegisteredContentScripts({ ids: [FEED_ARTICLES_SCRIPT] });
    if (feedPosts.length === 0) {
      if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [FEED_ARTICLES_SCRIPT] });
      return;
    }
    const patterns = articleMatchPatterns(buildUrlIndex(feedPosts));
    // The browser's cost of registering patterns grows with their square (BENCHMARKS.md: 60,000 take
    // ~4 s in Chromium, 100,000 ~19 s). Past the cap, the blogs' pages get the few-byte hint instead,
    // and the detector asks about an unknown article URL by message; other pages still send nothing.
    const script =
      patterns.length <= MAX_FEED_ARTICLE_PATTERNS
        ? { id: FEED_ARTICLES_SCRIPT, matches: patterns, js: [PANEL_CODE_FILE], runAt: 'document_start' as const }
        : {
            id: FEED_ARTICLES_SCRIPT,
            matches: articleHostMatches(),
            js: [FEED_ARTICLE_HINT_FILE],
            runAt: 'document_start' as const,
          };
    // Updated in place, not removed and added: no page loads in a moment without it.
    if (registered.length) await browser.scripting.updateContentScripts([script]);
    else await browser.scripting.registerContentScripts([script]);
  }

  async function lookUp(postId: string): Promise<Post | undefined> {
    let post = posts.get(postId);
    if (post) return post;
    post = await getPost(await ready(), postId).catch(() => undefined);
    if (!post && bundledIds.has(postId)) {
      // The bundled catalog has it, the cache does not (or holds it damaged): the cache is rebuilt.
      await queueRefresh(true);
      post = await getPost(await connection(), postId);
    }
    if (post) posts.set(postId, post);
    return post;
  }

  // Firefox's MV2 build has browserAction where Chrome's MV3 has action.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

  async function handle(message: BackgroundMessage, sender: Browser.runtime.MessageSender) {
    const tabId = sender.tab?.id;
    switch (message.type) {
      case 'brief:get': {
        const postId = 'postId' in message ? message.postId : await postIdOf(message.url);
        if (postId === null) return { none: true } satisfies BriefResponse;
        const [post, settings, favorite] = await Promise.all([
          lookUp(postId),
          readSettings(browser.storage, writer.latest),
          panelFavorites.get(postId),
        ]);
        if (!post) return { error: `No brief for post ${postId}` } satisfies BriefResponse;
        if (!settings.blogEnabled[post.blog]) return { disabled: true } satisfies BriefResponse;
        if (tabId !== undefined) {
          void action.setBadgeText({ tabId, text: '✓' });
          void action.setBadgeBackgroundColor({ tabId, color: '#2f6f4f' });
        }
        // The side panel follows the tab itself (entrypoints/sidepanel); the badge still says there is a brief.
        if (settings.briefInSidePanel) return { inSidePanel: true } satisfies BriefResponse;
        return { post, collapsed: settings.panelCollapsed, favorite } satisfies BriefResponse;
      }
      case 'post:find':
        return { postId: await postIdOf(message.url) };
      case 'brief:left':
        if (tabId !== undefined) void action.setBadgeText({ tabId, text: '' });
        return undefined;
      case 'catalog:ready':
        await ready();
        return undefined;
      case 'catalog:repair':
        await queueRefresh(true);
        return undefined;
      case 'panel:load':
        // The manifest injects the panel's code with the page on catalog articles; an article
        // reached in-app (Medium's History API navigation) from another page gets it here.
        if (tabId !== undefined) {
          await browser.scripting.executeScript({
            target: { tabId, frameIds: [sender.frameId ?? 0] },
            files: [`/${PANEL_CODE_FILE}`],
          });
        }
        return undefined;
      case 'feeds:list':
        return feeds.list();
      case 'feeds:add':
        try {
          await feeds.add(message.url, message.publicKey);
          return { ok: true as const };
        } catch (error) {
          return { ok: false as const, error: error instanceof Error ? error.message : String(error) };
        }
      case 'feeds:check':
        await feeds.check(message.url);
        return undefined;
      case 'feeds:remove':
        await feeds.remove(message.url);
        return undefined;
      case 'favorite:get':
        return panelFavorites.get(message.postId);
      case 'favorite:set':
        return panelFavorites.set(message.postId, message.saved === true);
      case 'favorites:save':
      case 'favorites:unsave':
        return writeNow(message);
      case 'settings:set': {
        const receipt = await writeNow(message);
        if (SETTING_KEYS.briefInSidePanel in message.changes) void refreshSidePanelChoice();
        return receipt;
      }
    }
  }

  // Answer only our own requests, so other listeners (the popup, the options page) are not pre-empted.
  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    isBackgroundMessage(message) ? handle(message, sender) : undefined,
  );

  // Kept here, not read when the shortcut is pressed: the browser opens a side panel only in direct
  // answer to the reader's action, before any await.
  let briefInSidePanel = false;
  async function refreshSidePanelChoice() {
    briefInSidePanel = (await readSettings(browser.storage, writer.latest)).briefInSidePanel;
  }
  void refreshSidePanelChoice();
  // Changed on another profile, arriving through sync.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && SETTING_KEYS.briefInSidePanel in changes) void refreshSidePanelChoice();
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'toggle-panel') return;
    if (briefInSidePanel) return openSidePanel(tab);
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    // Tabs without an article have no listener; that is not an error.
    browser.tabs.sendMessage(tabId, { type: 'panel:toggle' } satisfies TabMessage).catch(() => undefined);
  });
});

/** Opens the browser's side panel on the reader's window: Chrome's sidePanel, Firefox's sidebar. */
function openSidePanel(tab: Browser.tabs.Tab | undefined): void {
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
