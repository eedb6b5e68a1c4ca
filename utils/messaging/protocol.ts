/**
 * Typed messages between the views (content script, panel, popup, options) and the background. Each
 * request names its response type once, here; senders and the background's router are checked
 * against it. The protocol owns the types that cross the boundary and imports no implementation
 * (scripts/lint-boundaries.ts), so both sides depend on it and it on neither.
 */
import { browser } from 'wxt/browser';
import type { BlogId } from '../catalog/blogs';
import type { Post } from '../catalog/catalog-schema';
import type { NewArticle } from '../news/new-article';
import type { RefusedReason } from '../news/rss';
import type { ArticleNotes, ArticleRef, Highlight, OwnBrief } from '../notes/own-notes';

/** The answer to one write intent. `synced` and `kept` count its keys now in sync and in the outbox. */
export type WriteReceipt =
  | { ok: true; synced: number; kept: number }
  /**
   * This device's storage refused what sync could not take: of the intent's keys, only `synced` were
   * stored (in sync); the rest were not stored anywhere, and the view must not show them as done.
   */
  | { ok: false; error: 'local-full'; detail: string; synced: number }
  /** The intent was malformed (background/sync/write-intents.ts); nothing was written. */
  | { ok: false; error: 'invalid' };

/** A favorites intent's answer: its receipt, and what the reader should know about sync now (null: nothing). */
export type FavoritesReceipt = WriteReceipt & { notice: string | null };

/** What a panel's star shows. */
export interface StarState {
  saved: boolean;
  /** A sync problem in plain words (utils/text/sync-notice.ts); null when all is well. */
  notice: string | null;
}

/** Background -> the blogs' tabs, after favorites changed anywhere: every saved id, and the notice. */
export interface FavoritesChanged {
  type: 'favorites:changed';
  saved: string[];
  notice: string | null;
}

/** The reader's settings by name; each is on/off, stored under its own key (utils/storage/settings.ts). */
export type SettingName =
  | 'panelCollapsed'
  | 'briefInSidePanel'
  | `blogEnabled:${BlogId}`
  // The blogs' own RSS feeds checked for new articles (off until the reader turns it on).
  | 'whatsNew'
  // The popup asked once whether to turn whatsNew on; it does not ask again.
  | 'whatsNewAsked'
  // The count of new articles on the toolbar icon.
  | 'newCountBadge';
export type SettingChanges = Partial<Record<SettingName, boolean>>;

/** A feed as the options page shows it. */
export interface FeedSummary {
  url: string;
  signed: boolean;
  /** The key it was added with (public: readers paste it), for a backup to add it again. */
  publicKey?: string;
  briefs: number;
  /** Posts the feed holds for blogs Blog Brief does not cover, refused. */
  otherBlogs: number;
  checkedAt?: number;
  updatedAt?: number;
  problem?: string;
}

/** One row of the popup's "New" view: the article as its blog announced it, and its brief where one exists. */
export interface NewsRow {
  article: NewArticle;
  post: Post | null;
}

export interface NewsList {
  rows: NewsRow[];
  unseen: number;
}

/** A blog's own feed as the options page shows it. */
export interface NewsFeedSummary {
  blog: BlogId;
  url: string;
  /** Articles kept from it. */
  articles: number;
  checkedAt?: number;
  updatedAt?: number;
  problem?: string;
  refused: Partial<Record<RefusedReason, number>>;
}

export type BriefResponse =
  /**
   * `collapsed`: the reader's remembered panel state; `favorite`: what the panel's star shows. Both
   * read here, so the page makes no round trip and no storage call of its own.
   */
  | { post: Post; collapsed: boolean; favorite: StarState }
  /**
   * An article of no catalog that the reader annotated (utils/notes/own-notes.ts): the panel shows
   * their notes alone. The notes themselves come from the notes' own code (content/notes), not here.
   */
  | { own: ArticleRef; collapsed: boolean }
  /** The reader turned this blog off on the options page. */
  | { disabled: true }
  /** The reader reads briefs in the browser's side panel: none beside the article. */
  | { inSidePanel: true }
  /** Not an article of the catalog (a URL the content script could not check itself, asked in-app). */
  | { none: true }
  | { error: string };

/** Content script and popup -> background. */
export interface BackgroundRequests {
  /** The brief for a recognized article; the background also badges the sender's tab. */
  'brief:get': { request: { postId: string } | { url: string }; response: BriefResponse };
  /** Popup -> background: which catalog post, bundled or from a feed, an article URL is (null: none). */
  'post:find': { request: { url: string }; response: { postId: string | null } };
  /** The tab left the article in-app (Medium's History API navigation): drop its badge. */
  'brief:left': { request: Record<never, never>; response: undefined };
  /** Popup -> background, when it finds no catalog in IndexedDB: resolves once the background has loaded it. */
  'catalog:ready': { request: Record<never, never>; response: undefined };
  /** Popup -> background, when a read found the cache damaged: rebuild it, and resolve once done. */
  'catalog:repair': { request: Record<never, never>; response: undefined };
  /** Content script -> background, on an article reached in-app: inject the panel's code into the sender's frame. */
  'panel:load': { request: Record<never, never>; response: undefined };
  /** The panel -> background: its star, read again (a page back from the back/forward cache). */
  'star:get': { request: { postId: string }; response: StarState };
  /**
   * Intents for the one writer of synced data (background/sync/sync-writer.ts), from every view: the
   * panels' stars, the popup, the side panel, the options page. Answered once stored or kept.
   */
  'favorites:save': {
    /**
     * `title`: without one, the catalog's (a panel sends none: the page has no say in it); `savedAt`:
     * without one, now.
     */
    request: { favorites: { id: string; title?: string; savedAt?: number }[] };
    response: FavoritesReceipt;
  };
  'favorites:unsave': { request: { ids: string[] }; response: FavoritesReceipt };
  /** Options page -> background: the reader's feeds (background/feeds/feed-apply.ts). */
  'feeds:list': { request: Record<never, never>; response: FeedSummary[] };
  /** `publicKey`: the feed's Ed25519 key (base64), when it is signed (utils/feeds/feed-signing.ts). */
  'feeds:add': { request: { url: string; publicKey?: string }; response: { ok: true } | { ok: false; error: string } };
  'feeds:check': { request: { url: string }; response: undefined };
  'feeds:remove': { request: { url: string }; response: undefined };
  'settings:set': { request: { changes: SettingChanges }; response: WriteReceipt };
  /** Every setting by name, as the writer holds them (a change just made included): what a backup keeps. */
  'settings:get': { request: Record<never, never>; response: SettingChanges };
  /** The reader's notes on one article (by its URL key), or null: none. */
  'notes:get': { request: { article: string }; response: ArticleNotes | null };
  /** Every annotated article, newest change first (the popup's "Your notes"). */
  'notes:list': { request: Record<never, never>; response: ArticleNotes[] };
  /** The reader's brief of an article; null removes it. Refused when over its limits. */
  'notes:save-brief': { request: { article: ArticleRef; brief: OwnBrief | null }; response: NotesReceipt };
  'notes:add-highlight': { request: { article: ArticleRef; highlight: Highlight }; response: NotesReceipt };
  'notes:remove-highlight': { request: { article: string; id: string }; response: NotesReceipt };
  /** Options page -> background: the notes of a favorites file, merged into the reader's. */
  'notes:import': {
    request: { notes: Pick<ArticleNotes, 'article' | 'brief' | 'highlights'>[] };
    response: NotesImportResult;
  };
  /**
   * Opens the notes editor on a tab's article, loading the notes' code there: the popup names the
   * tab; the panel's "Your notes" button asks for its own tab.
   */
  'notes:open': { request: { tabId?: number }; response: { ok: boolean } };
  /** The popup's "New" view. */
  'news:list': { request: Record<never, never>; response: NewsList };
  /** "Mark all as seen". */
  'news:seen': { request: Record<never, never>; response: undefined };
  /** The options page's status of the blogs' feeds. */
  'news:status': { request: Record<never, never>; response: NewsFeedSummary[] };
  /** "Check now" on the options page. */
  'news:check': { request: Record<never, never>; response: undefined };
  /** "Add your brief" on a new article: opened in a new tab, with the notes' editor. */
  'news:add-brief': { request: { url: string }; response: { ok: boolean } };
}

/**
 * What an import of notes did, counted per brief and per highlight: added (in sync, or kept on this
 * device with `notice` saying so), already there (or older than this profile's), refused (invalid or
 * over the limit of highlights on an article).
 */
export interface NotesImportResult {
  ok: boolean;
  added: number;
  alreadyThere: number;
  refused: number;
  notice: string | null;
}

/** A notes intent's answer: its receipt, and what the reader should know about sync now (null: nothing). */
export type NotesReceipt = WriteReceipt & { notice: string | null };
export type BackgroundRequestType = keyof BackgroundRequests;
export type BackgroundMessage = {
  [T in BackgroundRequestType]: { type: T } & BackgroundRequests[T]['request'];
}[BackgroundRequestType];

// A record, not a list: the type checker then refuses a request type added above but not here.
const BACKGROUND_REQUEST_TYPES: Record<BackgroundRequestType, true> = {
  'brief:get': true,
  'post:find': true,
  'brief:left': true,
  'catalog:ready': true,
  'catalog:repair': true,
  'panel:load': true,
  'star:get': true,
  'favorites:save': true,
  'favorites:unsave': true,
  'settings:set': true,
  'settings:get': true,
  'feeds:list': true,
  'feeds:add': true,
  'feeds:check': true,
  'feeds:remove': true,
  'notes:get': true,
  'notes:list': true,
  'notes:save-brief': true,
  'notes:add-highlight': true,
  'notes:remove-highlight': true,
  'notes:open': true,
  'notes:import': true,
  'news:list': true,
  'news:seen': true,
  'news:status': true,
  'news:check': true,
  'news:add-brief': true,
};

export function isBackgroundMessage(message: unknown): message is BackgroundMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    Object.hasOwn(BACKGROUND_REQUEST_TYPES, (message as { type?: unknown }).type as string)
  );
}

export function askBackground<T extends BackgroundRequestType>(
  type: T,
  request: BackgroundRequests[T]['request'],
): Promise<BackgroundRequests[T]['response']> {
  return browser.runtime.sendMessage({ type, ...request });
}

/** Background -> content script: the toggle shortcut, and favorites changed (background/panel-stars.ts). */
export type TabMessage = { type: 'panel:toggle' } | FavoritesChanged;

export function isTabMessage(message: unknown): message is TabMessage {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return type === 'panel:toggle' || type === 'favorites:changed';
}

/**
 * Background -> the notes' code on a page (content/notes): open the editor, highlight the selection
 * (the context menu, the shortcut), or an article's notes changed (here, in another view, or
 * through sync).
 */
export type NotesTabMessage =
  | { type: 'notes:open' }
  | { type: 'notes:highlight' }
  | { type: 'notes:changed'; article: string };

export function isNotesTabMessage(message: unknown): message is NotesTabMessage {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return type === 'notes:open' || type === 'notes:highlight' || type === 'notes:changed';
}

/** Asks the writer to change settings; the receipt says whether they were stored. */
export function changeSettings(changes: SettingChanges): Promise<WriteReceipt> {
  return askBackground('settings:set', { changes });
}
