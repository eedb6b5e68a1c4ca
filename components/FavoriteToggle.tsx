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
  onBeforeToggle = () => true,
}: {
  store: FavoritesStore;
  post: { id: string; title: string };
  class?: string;
  /** Returns false to drop the toggle (the panel, when its extension is gone). */
  onBeforeToggle?: () => boolean;
}) {
  return (
    <SaveButton
      saved={store.ids.value.has(post.id)}
      onToggle={() => {
        if (onBeforeToggle()) void store.toggle(post);
      }}
      class={className}
    />
  );
}
