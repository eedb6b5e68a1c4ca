/**
 * How the article detector (entrypoints/article-detector) reaches the panel's code, a second content
 * script of ours (entrypoints/brief-panel): through one property of the global object of the
 * isolated world they share. The page cannot see it; content scripts' globals are not the page's.
 */
import type { BriefResponse } from '../utils/messaging/protocol';
import type { ArticleRef } from '../utils/notes/own-notes';

/** A brief to show, as the background answered it: the post, the remembered collapsed state, the star. */
export type PanelBrief = Extract<BriefResponse, { post: unknown }>;

/** The reader's notes alone, on an article no catalog has (the background's answer, or the notes' code on a gesture). */
export type OwnPanelBrief = Extract<BriefResponse, { own: unknown }>;

/** What the panel can be asked to show: a brief (the star's state only when just answered), or notes alone. */
export type PanelShow = Omit<PanelBrief, 'favorite'> | PanelBrief | OwnPanelBrief;

/**
 * Told where the reader's notes go in the panel, and for which article, whenever that changes;
 * (null, null) once the panel is gone.
 */
export type OwnSlotListener = (slot: HTMLElement | null, article: ArticleRef | null) => void;

/**
 * The page's one panel, as the article detector and the notes' code drive it (made by
 * entrypoints/brief-panel and entrypoints/catalog-article).
 */
export interface PanelHost {
  show(brief: PanelShow): void;
  hide(): void;
  /** The article the panel shows, or null when none is up. */
  shown(): ArticleRef | null;
  /** The notes' code (content/notes) takes over the panel's slot for them. */
  onOwnSlot(listener: OwnSlotListener): void;
}

export interface PanelCode {
  createPanelHost(): PanelHost;
}

const KEY = '__blogBriefPanelCode';
const ASK_BY_URL = '__blogBriefAskByUrl';
const WAITING = '__blogBriefPanelCodeWaiting';

export function publishPanelCode(code: PanelCode): void {
  (globalThis as Record<string, unknown>)[KEY] = code;
  wakeWaiter();
}

/**
 * From entrypoints/feed-article-hint: the reader's feeds hold articles the browser does not inject
 * the panel's code for up front (too many for match patterns); an unknown article URL is worth asking about.
 */
export function publishAskByUrl(): void {
  (globalThis as Record<string, unknown>)[ASK_BY_URL] = true;
  wakeWaiter();
}

export function askByUrlHinted(): boolean {
  return (globalThis as Record<string, unknown>)[ASK_BY_URL] === true;
}

/**
 * The detector may have run first and be waiting (a feed article: the browser injects what the
 * background registered at run time after the manifest's scripts).
 */
function wakeWaiter() {
  const world = globalThis as Record<string, unknown>;
  (world[WAITING] as (() => void) | undefined)?.();
  delete world[WAITING];
}

/** Calls `then` once the panel's code, or the hint to ask by URL, arrives in this page (replacing any earlier waiter). */
export function whenPanelCodeArrives(then: () => void): void {
  (globalThis as Record<string, unknown>)[WAITING] = then;
}

/** The panel's code, if it has been injected into this page. */
export function panelCode(): PanelCode | undefined {
  return (globalThis as Record<string, unknown>)[KEY] as PanelCode | undefined;
}
