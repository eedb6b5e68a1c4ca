/**
 * The plain words a reader gets when a change to their favorites or settings is not (yet) where
 * they expect it. Never the browser's own error text: that goes to the console.
 */
export type SyncNoticeProblem =
  /** The outbox holds changes sync has not taken; `localOnly` favorites wait there. */
  | { kind: 'sync-full' | 'rate-limited' | 'write-failed'; localOnly: number }
  /** Not even this device could store the change: nothing was saved. */
  | { kind: 'device-full' }
  /** The extension was updated or restarted under this page: its writer cannot be reached. */
  | { kind: 'disconnected' };

export function syncNoticeText(problem: SyncNoticeProblem): string {
  switch (problem.kind) {
    case 'sync-full':
      return problem.localOnly
        ? `Browser sync is full: ${favoritesAre(problem.localOnly)} saved on this device only. Remove some favorites to sync them to your other browsers.`
        : 'Browser sync is full: your latest changes are kept on this device only.';
    case 'rate-limited':
      return problem.localOnly
        ? `Many changes at once: ${favoritesAre(problem.localOnly)} saved on this device and will sync in a minute.`
        : 'Many changes at once: your latest changes are kept on this device and will sync in a minute.';
    case 'write-failed':
      return problem.localOnly
        ? `Browser sync refused the change: ${favoritesAre(problem.localOnly)} saved on this device only for now.`
        : 'Browser sync refused the change: it is kept on this device only for now.';
    case 'device-full':
      return 'Your change was not saved: this browser refused to store it. Free some space, then try again.';
    case 'disconnected':
      return 'Blog Brief was updated or restarted. Reload this page to save favorites here.';
  }
}

function favoritesAre(count: number): string {
  return count === 1 ? '1 favorite is' : `${count} favorites are`;
}
