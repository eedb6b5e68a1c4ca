/**
 * Whether the extension that injected this content script is still there. After an update, a reload
 * or an uninstall, the copies already in open tabs stay on their pages but lose every extension API
 * ("Extension context invalidated"): they must notice, take their UI away, and claim nothing.
 */
export function extensionAlive(): boolean {
  return Boolean((globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id);
}
