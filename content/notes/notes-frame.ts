/**
 * The notes' frame in the panel's slot: an extension page (entrypoints/notes-frame) in an <iframe>,
 * inside a shadow root of the slot, so the panel's own "Your notes" button, under it, no longer shows.
 * The page's scripts can reach the <iframe> element but not its document, and keys typed in it never
 * reach the page. utils/messaging/notes-frame.ts says what crosses between the two and why.
 */
import { browser } from 'wxt/browser';
import {
  type HighlightPlace,
  isFromNotesFrame,
  NOTES_FRAME_PAGE,
  type ToNotesFrame,
} from '../../utils/messaging/notes-frame';
import type { ArticleRef } from '../../utils/notes/own-notes';

export interface NotesFrame {
  /** Shows the frame in this slot for this article; (null) takes it away. */
  attach(slot: HTMLElement | null, article: ArticleRef | null): void;
  /** Which highlights the page found, for the frame's list. */
  places(places: Record<string, HighlightPlace>): void;
  /** Opens the editor of the reader's brief, and puts the keyboard there. */
  edit(): void;
}

export function createNotesFrame(onScrollTo: (id: string) => void): NotesFrame {
  const origin = new URL(browser.runtime.getURL('/')).origin;
  let frame: HTMLIFrameElement | null = null;
  let slot: HTMLElement | null = null;
  let articleKey: string | null = null;
  let ready = false;
  /** Sent once the frame says it is ready. */
  let lastPlaces: Record<string, HighlightPlace> = {};
  let editWanted = false;

  const post = (message: ToNotesFrame) => frame?.contentWindow?.postMessage(message, origin);
  const flush = () => {
    if (!ready) return;
    post({ type: 'bb-notes:places', places: lastPlaces });
    if (editWanted) {
      editWanted = false;
      frame?.focus();
      post({ type: 'bb-notes:edit' });
    }
  };

  window.addEventListener('message', (event) => {
    // Only our frame's own window: the page can post to this window too.
    if (!frame || event.source !== frame.contentWindow || event.origin !== origin || !isFromNotesFrame(event.data))
      return;
    const message = event.data;
    if (message.type === 'bb-notes:ready') {
      ready = true;
      flush();
    } else if (message.type === 'bb-notes:height') {
      frame.style.height = `${Math.min(4_000, Math.max(40, Math.ceil(message.height)))}px`;
    } else onScrollTo(message.id);
  });

  return {
    attach(nextSlot, article) {
      if (nextSlot === slot && article?.key === articleKey) return;
      slot = nextSlot;
      articleKey = article?.key ?? null;
      ready = false;
      frame?.remove();
      frame = null;
      if (!slot || !article) return;
      const root = slot.shadowRoot ?? slot.attachShadow({ mode: 'open' });
      frame = document.createElement('iframe');
      frame.title = 'Blog Brief';
      frame.src = `${browser.runtime.getURL(NOTES_FRAME_PAGE as '/notes-frame.html')}#${encodeURIComponent(JSON.stringify(article))}`;
      frame.style.cssText =
        'display:block;width:100%;height:120px;border:0;margin:12px 0 0;background:transparent;color-scheme:light dark';
      root.replaceChildren(frame);
    },
    places(places) {
      lastPlaces = places;
      flush();
    },
    edit() {
      editWanted = true;
      flush();
    },
  };
}
