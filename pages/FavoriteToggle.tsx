import { SaveButton } from '../components/SaveButton';
import type { FavoritesStore } from './favorites-signals';

/**
 * The save button wired to the favorites store of the extension's own pages: Preact's signal
 * integration re-renders it on any change. (The panel on the blogs' pages wires SaveButton to its
 * star, content/panel/star.ts.)
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
  return <SaveButton saved={store.ids.value.has(post.id)} onToggle={() => void store.toggle(post)} class={className} />;
}
