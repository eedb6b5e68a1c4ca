/**
 * The reader's notes on a blog's page (entrypoints/own-notes): loaded only on an article they
 * annotated (a script the background registers for exactly those, background/notes/annotated-articles.ts)
 * or on their gesture (the context menu, a shortcut, the popup, the panel's "Your notes"). It finds
 * the highlights again in the article's text and paints them, offers "Highlight" on a selection in
 * the article, and puts the notes' frame (./notes-frame.ts) in the panel. The notes' text is never in
 * this page's DOM: only the frame shows it.
 */
import { browser } from 'wxt/browser';
import { urlKey } from '../../utils/catalog/match';
import type { HighlightPlace } from '../../utils/messaging/notes-frame';
import { askBackground, isNotesTabMessage } from '../../utils/messaging/protocol';
import { describeQuote } from '../../utils/notes/anchoring';
import {
  type ArticleNotes,
  type ArticleRef,
  blogOfUrl,
  type Highlight,
  NOTE_LIMITS,
  newHighlightId,
} from '../../utils/notes/own-notes';
import { watchUrl } from '../detector/watch-url';
import { domContentLoaded } from '../dom-ready';
import { extensionAlive } from '../extension-context';
import { type PanelHost, panelCode } from '../panel-handoff';
import { type ArticleText, articleRoot, offsetsOf, readArticleText } from './article-text';
import { findHighlights } from './find-highlights';
import { createNotesFrame } from './notes-frame';
import { paintHighlights, scrollToRange } from './paint';
import { watchSelection } from './selection-control';

/** How long an article's text may keep arriving (Medium renders in-app moves late) while highlights are missing. */
const SETTLE_MS = 10_000;

export function startPageNotes(): void {
  const world = globalThis as { __blogBriefNotes?: true };
  // A second copy (the gesture's injection on a page that has the registered one) leaves it to the first.
  if (world.__blogBriefNotes) return;
  world.__blogBriefNotes = true;
  const panel: PanelHost | undefined = panelCode()?.createPanelHost();
  if (!panel) return;

  let key = urlKey(location.href);
  let notes: ArticleNotes | null = null;
  /** Each highlight's range on the page, where found. */
  let ranges = new Map<string, Range>();
  let places: Record<string, HighlightPlace> = {};
  let generation = 0;
  let settleUntil = 0;
  let observer: MutationObserver | null = null;

  const frame = createNotesFrame((id) => {
    const range = ranges.get(id);
    if (range) scrollToRange(range);
  });
  panel.onOwnSlot((slot, article) => frame.attach(slot, article));

  /** Finds every highlight in the article's text as it is now, and paints those found. */
  const locate = () => {
    ({ ranges, places } = findHighlights(notes?.highlights ?? []));
    paintHighlights([...ranges.values()]);
    frame.places(places);
    const missing = Object.values(places).includes('missing');
    if (missing && Date.now() < settleUntil) watchForText();
    else stopWatching();
  };

  /** While some highlights are missing and the page may still be rendering the article, look again as it changes. */
  const watchForText = () => {
    if (observer) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(locate, 200);
    });
    observer.observe(document.body ?? document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  };
  const stopWatching = () => {
    observer?.disconnect();
    observer = null;
  };

  const load = async () => {
    const current = ++generation;
    const article = key;
    const answer = article ? await askBackground('notes:get', { article }).catch(() => null) : null;
    if (current !== generation) return;
    notes = answer;
    await domContentLoaded();
    if (current === generation) locate();
  };

  /** The panel up for this article, with the reader's notes alone if it shows nothing. */
  const ensurePanel = async (): Promise<ArticleRef | null> => {
    await domContentLoaded();
    const shown = panel.shown();
    if (shown && shown.key === key) return shown;
    const article = articleOnPage();
    if (article) panel.show({ own: article, collapsed: false });
    return article;
  };

  const highlight = async (range: Range) => {
    const root = articleRoot();
    if (!root || !extensionAlive()) return;
    const text = readArticleText(root);
    const offsets = offsetsOf(text, range);
    if (!offsets) return;
    const article = await ensurePanel();
    if (!article) return;
    const now = Date.now();
    const selection = trimmed(text, offsets.start, offsets.end);
    const created: Highlight = {
      id: newHighlightId(now),
      ...describeQuote(text.text, selection.start, selection.end),
      note: '',
      createdAt: now,
    };
    document.getSelection()?.removeAllRanges();
    // Painted at once; the background's answer and the frame's list follow.
    notes = notes ?? { article, brief: null, highlights: [], changedAt: now };
    notes = { ...notes, highlights: [...notes.highlights, created] };
    locate();
    await askBackground('notes:add-highlight', { article, highlight: created }).catch(() => undefined);
    await load();
  };

  const selection = watchSelection(
    (range) => offered(range),
    (range) => void highlight(range),
  );

  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isNotesTabMessage(message)) return;
    if (message.type === 'notes:changed') {
      if (message.article === key) void load();
    } else if (message.type === 'notes:open') {
      void ensurePanel().then((article) => article && frame.edit());
    } else {
      const current = document.getSelection();
      if (current && current.rangeCount > 0 && !current.isCollapsed) void highlight(current.getRangeAt(0));
      else void ensurePanel();
    }
  });

  const stopUrl = watchUrl((url) => {
    if (!extensionAlive()) {
      stopUrl();
      selection.dispose();
      return;
    }
    const next = urlKey(url);
    if (next === key) return;
    key = next;
    notes = null;
    paintHighlights([]);
    settleUntil = Date.now() + SETTLE_MS;
    void load();
  });

  settleUntil = Date.now() + SETTLE_MS;
  void load();
}

/** Offered only inside the article's text, and not longer than a highlight may be. */
function offered(range: Range): boolean {
  const root = articleRoot();
  if (!root?.contains(range.commonAncestorContainer)) return false;
  const text = range.toString().trim();
  return text.length > 0 && text.length <= NOTE_LIMITS.exact && urlKey(location.href) !== null;
}

/** A selection without the white space at its ends (a double-click selects the space after a word). */
function trimmed(article: ArticleText, start: number, end: number) {
  while (start < end && /\s/.test(article.text[start]!)) start++;
  while (end > start && /\s/.test(article.text[end - 1]!)) end--;
  return { start, end };
}

/** The article this page shows, as the reader's notes name it; null where its blog cannot be told. */
export function articleOnPage(): ArticleRef | null {
  const key = urlKey(location.href);
  if (!key) return null;
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  const url = canonical && urlKey(canonical) === key ? canonical : location.origin + location.pathname;
  const blog = blogOfUrl(url) ?? blogOfUrl(location.href);
  if (!blog || !url.startsWith('https://')) return null;
  const heading = document.querySelector('article h1') ?? document.querySelector('h1');
  const title = (heading?.textContent ?? document.title).trim().slice(0, 300) || url;
  return { key, url, title, blog };
}
