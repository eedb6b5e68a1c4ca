import type { FavoritesStore } from '../utils/favorites';

/** The favorites store's plain-words sync problem, if there is one. */
export function SyncNotice({ store, class: className = '' }: { store: FavoritesStore; class?: string }) {
  const problem = store.problem.value;
  return problem ? (
    <p role="status" class={`sync-notice ${className}`.trim()}>
      {problem}
    </p>
  ) : null;
}
