/**
 * The panel's star: what it shows, the reader's clicks on it, and what the background says about it
 * (background/panel-stars.ts). A click shows at once; the answer, once the writer has stored the
 * change, has the last word. A click that gets no answer (the extension was updated or removed under
 * the page) falls back to what the background last said, never to a guess.
 */

import type { PanelFavorite } from '../../background/panel-stars';
import { t } from '../../utils/text/i18n';

export function createStar(
  /** Asks the background to save (`saved`: true) or unsave the post; answered once stored. */
  ask: (postId: string, saved: boolean) => Promise<PanelFavorite>,
  /** Called whenever what the star shows changes. */
  onChange: () => void,
) {
  let shown: PanelFavorite = { saved: false, notice: null };
  let postId = '';
  /** What the background last said about the post: what a click that gets no answer falls back to. */
  let confirmed = false;
  /** Clicks on this post still waiting for their answer: until the last one's, the star shows what the reader asked. */
  let pending = 0;

  const show = (next: PanelFavorite) => {
    if (next.saved === shown.saved && next.notice === shown.notice) return;
    shown = next;
    onChange();
  };

  return {
    /** What the star shows. */
    shown: () => shown,
    /** What the background says about `id`: with its brief, after a change anywhere, on a page's return. */
    heard(id: string, answer: PanelFavorite) {
      if (id !== postId) {
        postId = id;
        pending = 0;
      }
      confirmed = answer.saved;
      if (pending === 0) show(answer);
    },
    /** The reader's click. */
    async toggle() {
      const id = postId;
      const saved = !shown.saved;
      pending++;
      show({ saved, notice: shown.notice });
      let answer: PanelFavorite | null = null;
      try {
        answer = await ask(id, saved);
      } catch {
        // The extension was updated, reloaded or removed under this page: this click saved nothing.
      }
      if (id !== postId) return;
      pending--;
      if (answer) confirmed = answer.saved;
      if (pending === 0) show(answer ?? { saved: confirmed, notice: t('disconnected') });
    },
  };
}
