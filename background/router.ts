/**
 * The background's answer to every request of the protocol (utils/messaging/protocol.ts): one line
 * or a named function per request, each handled by the module that owns it.
 */
import type { Browser } from 'wxt/browser';
import { urlKey } from '../utils/catalog/match';
import type { BackgroundMessage, BackgroundRequests, BriefResponse } from '../utils/messaging/protocol';
import { type Settings, settingsByName } from '../utils/storage/settings';
import type { CatalogCache } from './catalog-cache';
import type { ExtensionBrowser } from './extension-browser';
import { PANEL_CODE_FILE } from './feed-articles';
import type { FeedService } from './feeds/feed-schedule';
import type { NewsService } from './news/news-service';
import { openNotes, openNotesInNewTab } from './notes/notes-gestures';
import type { NotesService } from './notes/notes-service';
import type { PanelStars } from './panel-stars';
import type { SyncWriter } from './sync/sync-writer';
import { applyIntent } from './sync/write-intents';
import type { TabControls } from './tab-controls';

export interface RouterDeps {
  catalog: CatalogCache;
  feeds: FeedService;
  news: NewsService;
  writer: SyncWriter;
  stars: PanelStars;
  notes: NotesService;
  tabs: TabControls;
  /** What notes:open needs: the tabs, scripting and the notes' files (background/notes/notes-gestures.ts). */
  browser: ExtensionBrowser;
  settings: () => Promise<Settings>;
  scripting: ExtensionBrowser['scripting'];
  now: () => number;
}

type Sender = Pick<Browser.runtime.MessageSender, 'tab' | 'frameId'>;
type Response = BackgroundRequests[keyof BackgroundRequests]['response'];

export function createRouter(deps: RouterDeps) {
  const { catalog, feeds, news, writer, stars, tabs, notes } = deps;
  return async function handle(message: BackgroundMessage, sender: Sender): Promise<Response> {
    const tabId = sender.tab?.id;
    switch (message.type) {
      case 'brief:get':
        if ('postId' in message) return briefFor(deps, message.postId, tabId);
        return briefFor(deps, await catalog.postIdOf(message.url), tabId, message.url);
      case 'post:find':
        return { postId: await catalog.postIdOf(message.url) };
      case 'brief:left':
        if (tabId !== undefined) tabs.clearBrief(tabId);
        return undefined;
      case 'catalog:ready':
        await catalog.ready();
        return undefined;
      case 'catalog:repair':
        await catalog.queueRefresh(true);
        return undefined;
      case 'panel:load':
        return injectPanel(deps.scripting, tabId, sender.frameId);
      case 'feeds:list':
        return feeds.list();
      case 'feeds:add':
        return addFeed(feeds, message.url, message.publicKey);
      case 'feeds:check':
        await feeds.check(message.url);
        return undefined;
      case 'feeds:remove':
        await feeds.remove(message.url);
        return undefined;
      case 'star:get':
        return stars.star(message.postId);
      case 'favorites:save':
      case 'favorites:unsave':
        return stars.apply(message);
      case 'notes:get':
        return notes.get(message.article);
      case 'notes:list':
        return notes.all();
      case 'notes:save-brief':
        return notes.saveBrief(message.article, message.brief);
      case 'notes:add-highlight':
        return notes.addHighlight(message.article, message.highlight);
      case 'notes:remove-highlight':
        return notes.removeHighlight(message.article, message.id);
      case 'notes:import':
        return notes.importNotes(message.notes);
      case 'notes:open': {
        const target = message.tabId ?? tabId;
        if (target === undefined) return { ok: false };
        const url = message.tabId === undefined ? sender.tab?.url : undefined;
        return { ok: await openNotes(deps.browser, target, { type: 'notes:open' }, url) };
      }
      case 'settings:set': {
        const receipt = await applyIntent(writer, message, deps.now());
        if ('briefInSidePanel' in message.changes) void tabs.refreshSidePanelChoice();
        // The writer's outbox may hold the change a while: read through it, at once.
        if ('whatsNew' in message.changes || 'newCountBadge' in message.changes) void news.enabledChanged();
        return receipt;
      }
      case 'settings:get':
        return settingsByName(await deps.settings());
      case 'news:list':
        return news.list();
      case 'news:seen':
        await news.markAllSeen();
        return undefined;
      case 'news:status':
        return news.status();
      case 'news:check':
        await news.checkNow();
        return undefined;
      case 'news:add-brief':
        return { ok: await openNotesInNewTab(deps.browser, message.url) };
    }
  };
}

export type Router = ReturnType<typeof createRouter>;

/**
 * The brief of a recognized article, with what the panel needs to draw it at once; badges the tab.
 * An article of no catalog that the reader annotated (asked by `url`) gets their notes' panel.
 */
async function briefFor(
  { catalog, stars, settings, tabs, notes }: RouterDeps,
  postId: string | null,
  tabId: number | undefined,
  url?: string,
): Promise<BriefResponse> {
  if (postId === null) {
    const key = url ? urlKey(url) : null;
    const own = key ? await notes.get(key) : null;
    if (!own) return { none: true };
    const current = await settings();
    if (!current.blogEnabled[own.article.blog]) return { disabled: true };
    if (tabId !== undefined) tabs.markBrief(tabId);
    return { own: own.article, collapsed: current.panelCollapsed };
  }
  const [post, current, favorite] = await Promise.all([catalog.lookUp(postId), settings(), stars.star(postId)]);
  if (!post) return { error: `No brief for post ${postId}` };
  if (!current.blogEnabled[post.blog]) return { disabled: true };
  if (tabId !== undefined) tabs.markBrief(tabId);
  // The side panel follows the tab itself (entrypoints/sidepanel); the badge still says there is a brief.
  if (current.briefInSidePanel) return { inSidePanel: true };
  return { post, collapsed: current.panelCollapsed, favorite };
}

/**
 * The manifest injects the panel's code with the page on catalog articles; an article reached in-app
 * (Medium's History API navigation) from another page gets it here.
 */
async function injectPanel(
  scripting: ExtensionBrowser['scripting'],
  tabId: number | undefined,
  frameId: number | undefined,
) {
  if (tabId === undefined) return undefined;
  await scripting.executeScript({ target: { tabId, frameIds: [frameId ?? 0] }, files: [`/${PANEL_CODE_FILE}`] });
  return undefined;
}

async function addFeed(feeds: FeedService, url: string, publicKey: string | undefined) {
  try {
    await feeds.add(url, publicKey);
    return { ok: true as const };
  } catch (error) {
    return { ok: false as const, error: error instanceof Error ? error.message : String(error) };
  }
}
