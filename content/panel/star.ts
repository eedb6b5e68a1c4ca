/**
 * The panel's star: what it shows, the reader's clicks on it, and what the background says about it
 * (background/panel-stars.ts). A click shows at once and sends the intent every view sends; its
 * receipt, once the writer has stored the change, has the last word: stored, the star shows what the
 * reader asked; refused, what the background last said. A click that gets no answer (the extension
 * was updated or removed under the page) falls back to what the background last said, never to a guess.
 */

import type { FavoritesReceipt, StarState } from '../../utils/messaging/protocol';
import { t } from '../../utils/text/i18n';

export function createStar(
  /** Sends the background the intent to save (`saved`: true) or unsave the post; answered once stored. */
  send: (postId: string, saved: boolean) => Promise<FavoritesReceipt>,
  /** Called whenever what the star shows changes. */
  onChange: () => void,
) {
  let shown: StarState = { saved: false, notice: null };
  let postId = '';
  /** What the background last said about the post: what a click that gets no answer falls back to. */
  let confirmed = false;
  /** Clicks on this post still waiting for their answer: until the last one's, the star shows what the reader asked. */
  let pending = 0;

  const show = (next: StarState) => {
    if (next.saved === shown.saved && next.notice === shown.notice) return;
    shown = next;
    onChange();
  };

  return {
    /** What the star shows. */
    shown: () => shown,
    /** What the background says about `id`: with its brief, after a change anywhere, on a page's return. */
    heard(id: string, answer: StarState) {
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
      let answer: StarState | null = null;
      try {
        const receipt = await send(id, saved);
        answer = { saved: receipt.ok ? saved : confirmed, notice: receipt.notice };
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
