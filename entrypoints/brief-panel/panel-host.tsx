/**
 * Owns the one panel of a page: its shadow-root host, its placement beside the article, its
 * collapsed/closed state, and the favorites store behind its star. Created on the first recognized
 * article, so pages that are not articles never get any DOM from us.
 */
import { effect } from '@preact/signals-core';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { BriefPanel } from '../../components/BriefPanel';
import { FavoriteToggle } from '../../components/FavoriteToggle';
import { SyncNotice } from '../../components/SyncNotice';
import type { Post } from '../../utils/catalog';
import { extensionAlive } from '../../utils/extension-context';
import { createFavorites, type FavoritesStore } from '../../utils/favorites';
import { changeSettings, favoritesViaBackground, isTabMessage } from '../../utils/messaging';
import type { PanelHost } from '../../utils/panel-handoff';
import { type PageMetrics, type Placement, placePanel } from '../../utils/placement';
import { SETTING_KEYS } from '../../utils/settings';
import panelCss from './panel.css?inline';

export function createPanelHost(): PanelHost {
  let ui: ShadowHost | null = null;
  let post: Post | null = null;
  let collapsed = false;
  let placement: Placement | null = null;
  let frame = 0;
  let focusRequest = 0;
  // Created with the host, on recognizing an article: its storage reads run while the brief is
  // being fetched, so the first render already knows whether the post is saved.
  const favorites: FavoritesStore = createFavorites(favoritesViaBackground());
  // Extension listeners go when the page is hidden, even into the back/forward cache, and come back
  // with it: Firefox otherwise removes them itself when it finally drops the page, after their
  // channel has closed, and logs an error for each ("sendRemoveListener on closed conduit").
  let listening = true;
  window.addEventListener('pagehide', () => {
    if (!listening) return;
    listening = false;
    favorites.dispose();
    if (ui) browser.runtime.onMessage.removeListener(onTabMessage);
  });
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted || listening || !extensionAlive()) return;
    listening = true;
    void favorites.resume();
    if (ui) browser.runtime.onMessage.addListener(onTabMessage);
  });

  /** False, with the panel taken away, once the extension is gone from under the page. */
  const stillConnected = () => {
    if (extensionAlive()) return true;
    hide();
    return false;
  };

  const draw = () => {
    if (!ui?.host.isConnected || !post || !placement) return;
    // An orphaned copy (the extension was updated under the page) cannot even read its own texts:
    // it takes the panel away rather than show a star it cannot keep.
    if (!stillConnected()) return;
    render(
      <BriefPanel
        post={post}
        placement={placement}
        collapsed={collapsed}
        focusRequest={focusRequest}
        actions={<FavoriteToggle store={favorites} post={post} class="bb-icon" onBeforeToggle={stillConnected} />}
        notice={<SyncNotice store={favorites} class="bb-notice" />}
        onCollapsedChange={(next) => {
          collapsed = next;
          draw();
          // Remembered only where the reader had the room to choose: overlay mode always starts collapsed.
          if (placement?.mode === 'margin') {
            changeSettings({ [SETTING_KEYS.panelCollapsed]: next }).catch(() => undefined);
          }
        }}
        onClose={hide}
      />,
      ui.wrapper,
    );
  };

  const onResize = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      placement = placePanel(measurePage());
      draw();
    });
  };

  /**
   * The shortcut (Alt+Shift+B): shows the panel if it was closed, and brings keyboard focus into it;
   * pressed again with focus inside, it collapses; once more, it expands.
   */
  const onTabMessage = (message: unknown) => {
    if (!isTabMessage(message)) return;
    if (!ui?.host.isConnected) {
      if (!post) return;
      show(post, false);
    } else if (ui.host.shadowRoot?.activeElement) {
      collapsed = !collapsed;
    } else if (collapsed) {
      collapsed = false;
    }
    focusRequest++;
    draw();
  };

  // Redraw on any change to favorites, made here, in another tab or on another profile.
  effect(() => {
    void favorites.ids.value;
    void favorites.problem.value;
    draw();
  });

  function show(next: Post, rememberedCollapsed: boolean) {
    post = next;
    placement = placePanel(measurePage());
    collapsed = placement.mode === 'overlay' || rememberedCollapsed;
    if (!ui) {
      ui = createShadowHost();
      window.addEventListener('resize', onResize);
      browser.runtime.onMessage.addListener(onTabMessage);
    }
    if (!ui.host.isConnected) {
      // A panel left by an older copy of this script (the extension was updated under the page) goes:
      // never two panels. Panels live only on <html>, so its few children are all there is to check,
      // not the whole of a long article's DOM.
      for (const stale of [...document.documentElement.children]) if (isPanelHost(stale)) stale.remove();
      // On <html>, not <body>: a transformed or filtered body would otherwise capture position: fixed.
      document.documentElement.append(ui.host);
    }
    draw();
  }

  function hide() {
    if (!ui?.host.isConnected) return;
    render(null, ui.wrapper);
    ui.host.remove();
  }

  return { show, hide };
}

/**
 * The panel's host is a <div> marked by this attribute, not a custom-element-like tag: a page can
 * define a custom element of any such name before we create it, and then its constructor runs on our
 * host (it learns the extension is there, and can break the panel). A <div> is never upgraded; the
 * page's CSS cannot restyle it either (panel.css, :host).
 */
export const PANEL_HOST_ATTRIBUTE = 'data-blog-brief-panel';
/** What versions before the <div> host used. */
const OLD_PANEL_TAG = 'blog-brief-panel';

function isPanelHost(element: Element): boolean {
  return element.hasAttribute(PANEL_HOST_ATTRIBUTE) || element.localName === OLD_PANEL_TAG;
}

interface ShadowHost {
  host: HTMLElement;
  wrapper: HTMLElement;
}

/**
 * The panel's isolated home: an element with an open shadow root holding our stylesheet and the
 * Preact root. Hand-written rather than WXT's createShadowRootUi, which adds kilobytes to every page
 * for features (anchoring, auto-mount, CSS fetching) the panel does not use.
 */
function createShadowHost(): ShadowHost {
  const host = document.createElement('div');
  host.setAttribute(PANEL_HOST_ATTRIBUTE, '');
  // Inline and !important as well as in :host (panel.css): Firefox lets a page's `* { display: none
  // !important }` win over :host's !important; nothing in a stylesheet wins over an important inline style.
  for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');
  const shadow = host.attachShadow({ mode: 'open' });
  const wrapper = document.createElement('div');
  try {
    // A constructed stylesheet is not inline <style>, so a page's strict style-src CSP cannot block it.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(panelCss);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = panelCss;
    shadow.append(style);
  }
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
  return { host, wrapper };
}

/** What keeps the host in place and visible (the panel inside is fixed to the viewport). */
const HOST_STYLE = [
  ['display', 'block'],
  ['position', 'static'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['width', '0'],
  ['height', '0'],
  ['overflow', 'visible'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['clip-path', 'none'],
  // Both schemes: the browser uses the reader's, for scrollbars and form controls too.
  ['color-scheme', 'light dark'],
] as const;

/** Events the panel's controls act on. */
const UNTRUSTED_BLOCKED = ['click', 'keydown', 'keyup', 'input', 'change', 'submit', 'pointerdown', 'pointerup'];

/** The few measurements placement needs; called only when a panel is shown or the window resizes. */
function measurePage(): PageMetrics {
  const column = document.querySelector('article p') ?? document.querySelector('article h1, h1');
  const viewportWidth = document.documentElement.clientWidth;
  return {
    viewportWidth,
    viewportHeight: window.innerHeight,
    columnRight: column ? column.getBoundingClientRect().right : null,
    headerBottom: fixedHeaderBottom(viewportWidth),
  };
}

/**
 * The bottom of whatever the site pins to the top of the window, found by what is there rather than
 * by markup (Medium's bar is not always a <header>): the fixed or sticky ancestors of the elements at
 * the top edge, where the panel would go and in the middle.
 */
function fixedHeaderBottom(viewportWidth: number): number {
  let bottom = 0;
  const seen = new Set<Element>();
  for (const x of [viewportWidth - 40, viewportWidth / 2]) {
    for (
      let el: Element | null = document.elementFromPoint(x, 1);
      el && el !== document.documentElement;
      el = el.parentElement
    ) {
      if (seen.has(el)) break;
      seen.add(el);
      const { position } = getComputedStyle(el);
      if (position !== 'fixed' && position !== 'sticky') continue;
      const rect = el.getBoundingClientRect();
      if (rect.top <= 1 && rect.bottom > 0 && rect.bottom < window.innerHeight / 3)
        bottom = Math.max(bottom, rect.bottom);
    }
  }
  return bottom;
}
