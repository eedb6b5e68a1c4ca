/**
 * Owns the one panel of a page: its shadow-root host, its placement beside the article, its
 * collapsed/closed state, and its star. Created on the first recognized article, so pages that are
 * not articles never get any DOM from us. The star's state comes from the background, with the brief
 * and after every change (background/panel-stars.ts): the page reads no storage itself.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { BriefPanel } from '../../components/BriefPanel';
import panelCss from '../../components/brief-panel.css?inline';
import { SaveButton } from '../../components/SaveButton';
import { SyncNotice } from '../../components/SyncNotice';
import type { Post } from '../../utils/catalog/catalog-schema';
import { urlKey } from '../../utils/catalog/match';
import { type Obstruction, type PageMetrics, type Placement, placePanel } from '../../utils/layout/placement';
import { askBackground, changeSettings, isTabMessage } from '../../utils/messaging/protocol';
import type { ArticleRef } from '../../utils/notes/own-notes';
import { extensionAlive } from '../extension-context';
import type { OwnSlotListener, PanelHost, PanelShow } from '../panel-handoff';
import { adoptStyle } from '../shadow-style';
import { atTopEdge, type WayWatcher, watchTheWay } from './make-way';
import { frameOf, sameValues } from './panel-frame';
import { createStar } from './star';

/**
 * The page's one panel. One closure, longer than the code's other functions, for the bytes of the
 * script injected into every article: its state is the panel's (what the reader chose, where it
 * goes, what is in the way), closure variables minify to a letter where a state object's fields or a
 * class's would not, and splitting it would pass that state between parts. What needs none of it is
 * in the functions below; what shows is decided by pure code (content/panel/panel-frame.ts).
 */
export function createPanelHost(): PanelHost {
  // One panel per page, whichever of our scripts asks first (the notes' code drives the same one).
  const world = globalThis as { __blogBriefPanelHost?: PanelHost };
  world.__blogBriefPanelHost ??= makePanelHost();
  return world.__blogBriefPanelHost;
}

function makePanelHost(): PanelHost {
  let ui: ShadowHost | null = null;
  let post: Post | null = null;
  /** What the panel is about: the post's article, or one only the reader's notes are about. */
  let article: ArticleRef | null = null;
  let ownSlot: HTMLElement | null = null;
  let slotListener: OwnSlotListener | null = null;
  /** What the slot listener was last told. */
  let toldSlot: [HTMLElement | null, string | null] = [null, null];
  const tellSlot = () => {
    const slot: [HTMLElement | null, string | null] = [ownSlot, ownSlot ? (article?.key ?? null) : null];
    if (sameValues(toldSlot, slot)) return;
    toldSlot = slot;
    slotListener?.(slot[0], slot[0] ? article : null);
  };
  const onSlot = (element: HTMLElement | null) => {
    ownSlot = element;
    tellSlot();
  };
  const openNotes = () => {
    if (stillConnected()) void askBackground('notes:open', {}).catch(noop);
  };
  /** The reader's choice: open or collapsed. What shows also depends on what is in the way. */
  let collapsed = false;
  let placement: Placement | null = null;
  let page: (PageMetrics & { documentHeight: number }) | null = null;
  let frame = 0;
  let focusRequest = 0;
  let obstruction: Obstruction = { panel: false, tab: false };
  /** The reader opened the panel while it was making way: it stays as asked until the way changes. */
  let insisted = false;
  /** The open panel's and the tab's heights, as last drawn; 0 until the open panel was first measured. */
  let panelHeight = 0;
  let tab = { height: 40, width: 0 };
  let way: WayWatcher | null = null;
  let drawnLane: LaneStyle | null = null;
  let drawnPanel: PanelView | null = null;
  /** Bumped on every change of what the star and the sync notice show. */
  let starVersion = 0;
  const star = createStar(
    (postId, saved) =>
      saved
        ? askBackground('favorites:save', { favorites: [{ id: postId }] })
        : askBackground('favorites:unsave', { ids: [postId] }),
    () => {
      starVersion++;
      draw();
    },
  );
  // The panel's and tab's heights, once drawn (after layout, before paint: the first frame the
  // reader sees already shows the panel where it goes).
  let measured: Element | null = null;
  const sizes = new ResizeObserver(([entry]) => {
    const aside = entry!.target;
    const height = Math.round(entry!.borderBoxSize[0]?.blockSize ?? 0);
    const width = Math.round(entry!.borderBoxSize[0]?.inlineSize ?? 0);
    if (height === 0 || !placement) return;
    if (aside.classList.contains('bb-collapsed')) {
      if (height === tab.height && width === tab.width) return;
      tab = { height, width };
    } else {
      if (height === panelHeight) return;
      panelHeight = height;
    }
    way?.update(placement, { height: panelHeight }, tab);
    draw();
  });
  // The extension's listener goes when the page is hidden, even into the back/forward cache, and
  // comes back with it: Firefox otherwise removes it itself when it finally drops the page, after
  // its channel has closed, and logs an error ("sendRemoveListener on closed conduit").
  let listening = true;
  window.addEventListener('pagehide', () => {
    if (!listening) return;
    listening = false;
    if (ui) browser.runtime.onMessage.removeListener(onTabMessage);
  });
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted || listening || !extensionAlive()) return;
    listening = true;
    if (!ui) return;
    browser.runtime.onMessage.addListener(onTabMessage);
    // Changes made while the page was away were told to no one here: the star is asked for again.
    const id = post?.id;
    if (id) void askBackground('star:get', { postId: id }).then((answer) => star.heard(id, answer), noop);
  });

  /** False, with the panel taken away, once the extension is gone from under the page. */
  const stillConnected = () => {
    if (extensionAlive()) return true;
    hide();
    return false;
  };

  const draw = () => {
    if (!ui?.host.isConnected || !article || !placement || !page) return;
    // An orphaned copy (the extension was updated under the page) cannot even read its own texts:
    // it takes the panel away rather than show a star it cannot keep.
    if (!stillConnected()) return;
    const [measuring, shownCollapsed, away, laneHeight] = frameOf(
      placement,
      page,
      collapsed,
      obstruction,
      insisted,
      panelHeight,
    );
    // Written only when changed: draws come with every change of what is in the way, while scrolling.
    const lane: LaneStyle = [measuring, away, placement.anchor, laneHeight];
    if (!sameValues(drawnLane, lane)) {
      drawnLane = lane;
      ui.lane.className = `bb-lane${measuring ? ' bb-measuring' : ''}${away ? ' bb-away' : ''}`;
      ui.lane.style.top = `${placement.anchor}px`;
      ui.lane.style.height = `${laneHeight}px`;
    }
    // Nor the panel, when only the lane changed (stepping away and back while the reader scrolls).
    const { mode, top, width, maxHeight } = placement;
    const panel: PanelView = [article.key, mode, top, width, maxHeight, shownCollapsed, focusRequest, starVersion];
    if (sameValues(drawnPanel, panel) && ui.root.firstElementChild) return;
    drawnPanel = panel;
    render(
      <BriefPanel
        post={post ?? undefined}
        article={article}
        ownSlot={onSlot}
        onOwnNotes={openNotes}
        placement={placement}
        collapsed={shownCollapsed}
        focusRequest={focusRequest}
        actions={
          post && (
            <SaveButton
              saved={star.shown().saved}
              onToggle={() => {
                if (stillConnected()) void star.toggle();
              }}
              class="bb-icon"
            />
          )
        }
        notice={<SyncNotice text={star.shown().notice} class="bb-notice" />}
        onCollapsedChange={(next) => {
          // Opening the tab while the panel makes way is the reader insisting: shown as asked.
          insisted = !next && obstruction.panel;
          collapsed = next;
          draw();
          // Remembered only where the reader had the room to choose: overlay mode always starts collapsed.
          if (placement?.mode === 'margin') {
            changeSettings({ panelCollapsed: next }).catch(noop);
          }
        }}
        onClose={hide}
      />,
      ui.root,
    );
    const aside = ui.root.firstElementChild;
    if (aside && aside !== measured) {
      sizes.disconnect();
      sizes.observe(aside);
      measured = aside;
    }
  };

  /** The page's layout, window or header changed: measure and place again, and re-watch the way. */
  const replace = () => {
    if (!ui?.host.isConnected || !article) return;
    page = measurePage();
    placement = placePanel(page);
    way?.update(placement, { height: panelHeight || placement.maxHeight }, tab);
    draw();
  };

  const onResize = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(replace);
  };

  /**
   * The shortcut (Alt+Shift+B): shows the panel if it was closed, and brings keyboard focus into it;
   * pressed again with focus inside, it collapses; once more, it expands.
   */
  function onTabMessage(message: unknown) {
    if (!isTabMessage(message)) return;
    if (message.type === 'favorites:changed') {
      if (post) star.heard(post.id, { saved: message.saved.includes(post.id), notice: message.notice });
      return;
    }
    if (!ui?.host.isConnected) {
      if (!article) return;
      show(post ? { post, collapsed: false } : { own: article, collapsed: false });
    } else if (ui.host.shadowRoot?.activeElement) {
      collapsed = !collapsed;
    } else if (collapsed) {
      collapsed = false;
    }
    // Called by the reader: shown even where it was making way.
    insisted = obstruction.panel || obstruction.tab;
    focusRequest++;
    draw();
  }

  /**
   * Shows a brief, or the reader's notes alone (`own`); with the star's state when the background
   * just answered it (not on the shortcut's return).
   */
  function show(brief: PanelShow) {
    if ('post' in brief) {
      post = brief.post;
      article = { key: urlKey(post.url) ?? post.id, url: post.url, title: post.title, blog: post.blog };
    } else {
      post = null;
      article = brief.own;
    }
    page = measurePage();
    placement = placePanel(page);
    collapsed = placement.mode === 'overlay' || brief.collapsed;
    insisted = false;
    // After the page's layout was read: the star's change draws at once, and a draw before the read
    // would make the browser lay the page out again for it.
    if (post && 'favorite' in brief && brief.favorite) star.heard(post.id, brief.favorite);
    if (!ui) {
      ui = createShadowHost();
      window.addEventListener('resize', onResize);
      browser.runtime.onMessage.addListener(onTabMessage);
    }
    const attaching = !ui.host.isConnected;
    if (attaching) {
      removeStalePanels();
      way = watchTheWay(
        ui.sentinel,
        (next) => {
          obstruction = next;
          insisted = false;
          draw();
        },
        replace,
        () => {
          // Only when what the site pins moved: the site may touch its header on every scroll.
          if (page && fixedHeaderBottom(page.viewportWidth) !== page.headerBottom) replace();
        },
      );
    }
    // Until the open panel was measured once, the way is judged for the tallest it can be.
    way?.update(placement, { height: panelHeight || placement.maxHeight }, tab);
    // Attached only after every read of the page's layout above: adding our host invalidates the
    // page's style, and a read after it would make the browser compute style and layout once more.
    // On <html>, not <body>: a transformed or filtered body would otherwise capture position: fixed.
    if (attaching) document.documentElement.append(ui.host);
    draw();
  }

  function hide() {
    if (!ui?.host.isConnected) return;
    onSlot(null);
    way?.dispose();
    way = null;
    render(null, ui.root);
    drawnPanel = null;
    drawnLane = null;
    sizes.disconnect();
    measured = null;
    ui.host.remove();
  }

  return {
    show,
    hide,
    shown: () => (ui?.host.isConnected ? article : null),
    onOwnSlot(listener) {
      slotListener = listener;
      toldSlot = [null, null];
      tellSlot();
    },
  };
}

const noop = () => undefined;

/**
 * A panel left by an older copy of this script (the extension was updated under the page) goes:
 * never two panels. Panels live only on <html>, so its few children are all there is to check, not
 * the whole of a long article's DOM.
 */
function removeStalePanels() {
  for (const stale of [...document.documentElement.children]) if (isPanelHost(stale)) stale.remove();
}

/** What the panel was last drawn with: drawn again only when one of these changed. */
type PanelView = [
  articleKey: string,
  mode: Placement['mode'],
  top: number,
  width: number,
  maxHeight: number,
  collapsed: boolean,
  focusRequest: number,
  starVersion: number,
];

/** What the lane was last written with. */
type LaneStyle = [measuring: boolean, away: boolean, top: number, height: number];

/**
 * The panel's host is a <div> marked by this attribute, not a custom-element-like tag: a page can
 * define a custom element of any such name before we create it, and then its constructor runs on our
 * host (it learns the extension is there, and can break the panel). A <div> is never upgraded; the
 * page's CSS cannot restyle it either (components/brief-panel.css, :host).
 */
export const PANEL_HOST_ATTRIBUTE = 'data-blog-brief-panel';
/** What versions before the <div> host used. */
const OLD_PANEL_TAG = 'blog-brief-panel';

function isPanelHost(element: Element): boolean {
  return element.hasAttribute(PANEL_HOST_ATTRIBUTE) || element.localName === OLD_PANEL_TAG;
}

interface ShadowHost {
  host: HTMLElement;
  /** Where the panel runs down the page, from its anchor (utils/layout/placement.ts). */
  lane: HTMLElement;
  /** At the lane's top: tells the panel has left its anchor (content/panel/make-way.ts). */
  sentinel: HTMLElement;
  /** The Preact root. */
  root: HTMLElement;
}

/**
 * The panel's isolated home: an element with an open shadow root holding our stylesheet and the
 * Preact root. Hand-written rather than WXT's createShadowRootUi, which adds kilobytes to every page
 * for features (anchoring, auto-mount, CSS fetching) the panel does not use.
 */
function createShadowHost(): ShadowHost {
  const host = document.createElement('div');
  host.setAttribute(PANEL_HOST_ATTRIBUTE, '');
  // Inline and !important as well as in :host (components/brief-panel.css): Firefox lets a page's `* { display: none
  // !important }` win over :host's !important; nothing in a stylesheet wins over an important inline style.
  host.style.cssText = HOST_STYLE;
  const shadow = host.attachShadow({ mode: 'open' });
  const wrapper = document.createElement('div');
  adoptStyle(shadow, panelCss);
  const sentinel = document.createElement('div');
  sentinel.className = 'bb-sentinel';
  wrapper.append(sentinel);
  const root = document.createElement('div');
  root.className = 'bb-root';
  wrapper.append(root);
  shadow.append(wrapper);
  // The page shares the DOM with the panel and can reach into its open shadow root (kept open so
  // screen readers and the browser tests read it by role; its text is the public brief). What it must
  // not do is act as the reader: a click or key it dispatches (element.click(), dispatchEvent) is
  // untrusted, and is stopped here, on the way down, before any control of the panel sees it.
  for (const type of UNTRUSTED_BLOCKED) {
    wrapper.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) return;
        event.stopImmediatePropagation();
        event.preventDefault();
      },
      { capture: true },
    );
  }
  return { host, lane: wrapper, sentinel, root };
}

/**
 * What keeps the host in place and visible (the panel inside is fixed to the viewport), each
 * `!important`. color-scheme: both schemes, and the browser uses the reader's, for scrollbars too.
 */
const HOST_STYLE =
  'display:block!important;position:static!important;visibility:visible!important;opacity:1!important;' +
  'width:0!important;height:0!important;overflow:visible!important;transform:none!important;' +
  'filter:none!important;clip-path:none!important;color-scheme:light dark!important';

/** Events the panel's controls act on. */
const UNTRUSTED_BLOCKED = ['click', 'keydown', 'keyup', 'input', 'change', 'submit', 'pointerdown', 'pointerup'];

/** The few measurements placement needs; taken when a panel is shown, and when the page's layout changes. */
function measurePage(): PageMetrics & { documentHeight: number } {
  const column = document.querySelector('article p') ?? document.querySelector('article h1, h1');
  const title = document.querySelector('article h1') ?? document.querySelector('h1');
  const viewportWidth = document.documentElement.clientWidth;
  return {
    viewportWidth,
    viewportHeight: window.innerHeight,
    columnRight: column ? column.getBoundingClientRect().right : null,
    headerBottom: fixedHeaderBottom(viewportWidth),
    articleTop: title ? title.getBoundingClientRect().top + window.scrollY : null,
    // The page's own height (the panel's lane is not in <body>, so it does not count itself).
    documentHeight: Math.max(document.body.scrollHeight, document.body.offsetHeight),
  };
}

/**
 * The bottom of whatever the site pins to the top of the window, found by what is there rather than
 * by markup (Medium's bar is not always a <header>): the fixed or sticky ancestors of the elements at
 * the top edge, where the panel would go and in the middle.
 */
function fixedHeaderBottom(viewportWidth: number): number {
  let bottom = 0;
  for (const el of atTopEdge([viewportWidth - 40, viewportWidth / 2])) {
    const { position } = getComputedStyle(el);
    if (position !== 'fixed' && position !== 'sticky') continue;
    const rect = el.getBoundingClientRect();
    if (rect.top <= 1 && rect.bottom > 0 && rect.bottom < window.innerHeight / 3)
      bottom = Math.max(bottom, rect.bottom);
  }
  return bottom;
}
