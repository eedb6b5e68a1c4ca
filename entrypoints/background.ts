/**
 * The catalog authority and the one writer of synced data: seeds IndexedDB from the bundled catalog
 * on install and update, answers the content script's brief lookups, badges tabs that show a brief,
 * injects the panel's code after an in-app move to an article, relays the toggle shortcut, and
 * applies every view's favorites and settings intents through the sync writer.
 */
import { type Browser, browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import bundledCatalog from '../data/catalog.json';
import { type Post, parseCatalog } from '../utils/catalog';
import { type BlogBriefDb, blogBriefDbConnection, ensureCatalog, getPost } from '../utils/db';
import { type BackgroundMessage, type BriefResponse, isBackgroundMessage, type TabMessage } from '../utils/messaging';
import { readSettings } from '../utils/settings';
import { createSyncWriter } from '../utils/sync-writer';
import { applyIntent } from '../utils/write-intents';

/** Wakes the sync writer when the write rate allows its outbox again (a timer dies with the worker). */
const SYNC_RETRY_ALARM = 'sync-retry';

/** The panel's code, built from entrypoints/brief-panel. */
const PANEL_CODE_FILE = 'brief-panel.js';

export default defineBackground(() => {
  const writer = createSyncWriter(browser.storage as unknown as Parameters<typeof createSyncWriter>[0], {
    wakeAt: (when) => void browser.alarms.create(SYNC_RETRY_ALARM, { when }),
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_RETRY_ALARM) writer.retry();
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
  browser.runtime.onInstalled.addListener(() => void queueRefresh(true));
  const bundledIds = new Set(bundledCatalog.posts.map((post) => post.id));

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
        const [post, settings] = await Promise.all([
          lookUp(message.postId),
          readSettings(browser.storage, writer.latest),
        ]);
        if (!post) return { error: `No brief for post ${message.postId}` } satisfies BriefResponse;
        if (!settings.blogEnabled[post.blog]) return { disabled: true } satisfies BriefResponse;
        if (tabId !== undefined) {
          void action.setBadgeText({ tabId, text: '✓' });
          void action.setBadgeBackgroundColor({ tabId, color: '#2f6f4f' });
        }
        return { post, collapsed: settings.panelCollapsed } satisfies BriefResponse;
      }
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
      case 'favorites:save':
      case 'favorites:unsave':
      case 'settings:set':
        return applyIntent(writer, message, Date.now());
    }
  }

  // Answer only our own requests, so other listeners (the popup, the options page) are not pre-empted.
  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    isBackgroundMessage(message) ? handle(message, sender) : undefined,
  );

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'toggle-panel') return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    // Tabs without an article have no listener; that is not an error.
    browser.tabs.sendMessage(tabId, { type: 'panel:toggle' } satisfies TabMessage).catch(() => undefined);
  });
});
