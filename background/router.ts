/**
 * The background's answer to every request of the protocol (utils/messaging/protocol.ts): one line
 * or a named function per request, each handled by the module that owns it.
 */
import type { Browser } from 'wxt/browser';
import type { BackgroundMessage, BackgroundRequests, BriefResponse } from '../utils/messaging/protocol';
import type { Settings } from '../utils/storage/settings';
import type { CatalogCache } from './catalog-cache';
import type { ExtensionBrowser } from './extension-browser';
import { PANEL_CODE_FILE } from './feed-articles';
import type { FeedService } from './feeds/feed-schedule';
import type { PanelStars } from './panel-stars';
import type { SyncWriter } from './sync/sync-writer';
import { applyIntent } from './sync/write-intents';
import type { TabControls } from './tab-controls';

export interface RouterDeps {
  catalog: CatalogCache;
  feeds: FeedService;
  writer: SyncWriter;
  stars: PanelStars;
  tabs: TabControls;
  settings: () => Promise<Settings>;
  scripting: ExtensionBrowser['scripting'];
  now: () => number;
}

type Sender = Pick<Browser.runtime.MessageSender, 'tab' | 'frameId'>;
type Response = BackgroundRequests[keyof BackgroundRequests]['response'];

export function createRouter(deps: RouterDeps) {
  const { catalog, feeds, writer, stars, tabs } = deps;
  return async function handle(message: BackgroundMessage, sender: Sender): Promise<Response> {
    const tabId = sender.tab?.id;
    switch (message.type) {
      case 'brief:get':
        return briefFor(deps, 'postId' in message ? message.postId : await catalog.postIdOf(message.url), tabId);
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
      case 'settings:set': {
        const receipt = await applyIntent(writer, message, deps.now());
        if ('briefInSidePanel' in message.changes) void tabs.refreshSidePanelChoice();
        return receipt;
      }
    }
  };
}

export type Router = ReturnType<typeof createRouter>;

/** The brief of a recognized article, with what the panel needs to draw it at once; badges the tab. */
async function briefFor(
  { catalog, stars, settings, tabs }: RouterDeps,
  postId: string | null,
  tabId: number | undefined,
): Promise<BriefResponse> {
  if (postId === null) return { none: true };
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
