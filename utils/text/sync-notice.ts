/**
 * The plain words a reader gets when a change to their favorites or settings is not (yet) where
 * they expect it. Never the browser's own error text: that goes to the console.
 */
import { plural, t } from './i18n';

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
      return problem.localOnly ? plural('syncFull', problem.localOnly) : t('syncFullNoFavorites');
    case 'rate-limited':
      return problem.localOnly ? plural('rateLimited', problem.localOnly) : t('rateLimitedNoFavorites');
    case 'write-failed':
      return problem.localOnly ? plural('writeFailed', problem.localOnly) : t('writeFailedNoFavorites');
    case 'device-full':
      return t('deviceFull');
    case 'disconnected':
      return t('disconnected');
  }
}
