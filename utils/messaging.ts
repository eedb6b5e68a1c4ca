/**
 * Typed messages between the content script and the background. Each request names its response
 * type once, here; senders and the background's handler are checked against it.
 */
import { browser } from 'wxt/browser';
import type { Post } from './catalog';

export type BriefResponse =
  /** `collapsed`: the reader's remembered panel state, read here to save the content script a round trip. */
  | { post: Post; collapsed: boolean }
  /** The reader turned this blog off on the options page. */
  | { disabled: true }
  | { error: string };

/** Content script and popup -> background. */
export interface BackgroundRequests {
  /** The brief for a recognized article; the background also badges the sender's tab. */
  'brief:get': { request: { postId: string }; response: BriefResponse };
  /** The tab left the article in-app (Medium's History API navigation): drop its badge. */
  'brief:left': { request: Record<string, never>; response: undefined };
  /** Popup -> background, when it finds no catalog in IndexedDB: resolves once the background has loaded it. */
  'catalog:ready': { request: Record<string, never>; response: undefined };
  /** Content script -> background, on an article reached in-app: inject the panel's code into the sender's frame. */
  'panel:load': { request: Record<string, never>; response: undefined };
}
export type BackgroundRequestType = keyof BackgroundRequests;
export type BackgroundMessage = {
  [T in BackgroundRequestType]: { type: T } & BackgroundRequests[T]['request'];
}[BackgroundRequestType];

const BACKGROUND_REQUEST_TYPES: ReadonlySet<string> = new Set<BackgroundRequestType>([
  'brief:get',
  'brief:left',
  'catalog:ready',
  'panel:load',
]);

export function isBackgroundMessage(message: unknown): message is BackgroundMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    BACKGROUND_REQUEST_TYPES.has((message as { type?: string }).type ?? '')
  );
}

export function askBackground<T extends BackgroundRequestType>(
  type: T,
  request: BackgroundRequests[T]['request'],
): Promise<BackgroundRequests[T]['response']> {
  return browser.runtime.sendMessage({ type, ...request });
}

/** Background -> content script. */
export type TabMessage = { type: 'panel:toggle' };

export function isTabMessage(message: unknown): message is TabMessage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'panel:toggle';
}
