/**
 * The notes' frame's state: the article it is about (from its URL's fragment, set by the page's
 * notes code), the reader's notes on it, read through the background and again whenever storage
 * changes, and what the page said (where each highlight was found, "open the editor"). Intents go to
 * the background, the one writer of synced data.
 */
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { type FromNotesFrame, type HighlightPlace, isToNotesFrame } from '../../utils/messaging/notes-frame';
import { askBackground, type NotesReceipt } from '../../utils/messaging/protocol';
import { type ArticleNotes, type ArticleRef, isArticleRef, type OwnBrief } from '../../utils/notes/own-notes';
import { isNotesKey } from '../../utils/storage/synced-data';
import { t } from '../../utils/text/i18n';
import { syncNoticeText } from '../../utils/text/sync-notice';

export function articleOfFrame(hash: string): ArticleRef | null {
  try {
    const article: unknown = JSON.parse(decodeURIComponent(hash.slice(1)));
    return isArticleRef(article) ? article : null;
  } catch {
    return null;
  }
}

export function notesOfArticle(article: ArticleRef) {
  const notes = signal<ArticleNotes | null>(null);
  const places = signal<Record<string, HighlightPlace>>({});
  const editRequest = signal(0);
  const notice = signal<string | null>(null);

  const read = async () => {
    notes.value = await askBackground('notes:get', { article: article.key }).catch(() => notes.value);
  };
  const settle = async (receipt: Promise<NotesReceipt>): Promise<boolean> => {
    const answer = await receipt.catch(() => null);
    if (!answer) notice.value = syncNoticeText({ kind: 'disconnected' });
    else if (!answer.ok)
      notice.value = answer.error === 'invalid' ? t('ownNotSaved') : syncNoticeText({ kind: 'device-full' });
    else notice.value = answer.notice;
    await read();
    return answer?.ok ?? false;
  };
  const toPage = (message: FromNotesFrame) => window.parent.postMessage(message, '*');

  browser.storage.onChanged.addListener((changes) => {
    if (Object.keys(changes).some((key) => isNotesKey(key) || key.startsWith('outbox:'))) void read();
  });
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || !isToNotesFrame(event.data)) return;
    if (event.data.type === 'bb-notes:places') places.value = event.data.places;
    else editRequest.value++;
  });
  new ResizeObserver(() => toPage({ type: 'bb-notes:height', height: document.documentElement.scrollHeight })).observe(
    document.body,
  );
  void read().then(() => toPage({ type: 'bb-notes:ready' }));

  return {
    notes,
    places,
    editRequest,
    notice,
    saveBrief: (brief: OwnBrief | null) => settle(askBackground('notes:save-brief', { article, brief })),
    removeHighlight: (id: string) => void settle(askBackground('notes:remove-highlight', { article: article.key, id })),
    saveHighlightNote(id: string, note: string) {
      const highlight = notes.value?.highlights.find((h) => h.id === id);
      if (highlight) void settle(askBackground('notes:add-highlight', { article, highlight: { ...highlight, note } }));
    },
    scrollTo: (id: string) => toPage({ type: 'bb-notes:scroll', id }),
  };
}

export type FrameNotes = ReturnType<typeof notesOfArticle>;
