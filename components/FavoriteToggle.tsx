import type { FavoritesStore } from '../utils/favorites';
import { SaveButton } from './SaveButton';

/**
 * The save button wired to the favorites store. In the popup, Preact's signal integration re-renders
 * it on any change; the panel, which does without that integration, redraws on changes itself.
 */
export function FavoriteToggle({
  store,
  post,
  class: className,
}: {
  store: FavoritesStore;
  post: { id: string; title: string };
  class?: string;
}) {
  return <SaveButton saved={store.ids.value.has(post.id)} onToggle={() => store.toggle(post)} class={className} />;
}

/** The favorites store's plain-words sync problem, if there is one. */
export function SyncNotice({ store, class: className = '' }: { store: FavoritesStore; class?: string }) {
  const problem = store.problem.value;
  return problem ? (
    <p role="status" class={`sync-notice ${className}`.trim()}>
      {problem}
    </p>
  ) : null;
}
