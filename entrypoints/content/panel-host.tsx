/**
 * Owns the one panel of a page: its shadow-root host, its placement beside the article, and its
 * collapsed/closed state. Created lazily, on the first recognized article, so pages that are not
 * articles never get any DOM from us.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { BriefPanel } from '../../components/BriefPanel';
import { FavoriteToggle, SyncNotice } from '../../components/FavoriteToggle';
import type { Post } from '../../utils/catalog';
import { createFavorites, type FavoritesStore } from '../../utils/favorites';
import { isTabMessage } from '../../utils/messaging';
import { placePanel, type PageMetrics, type Placement } from '../../utils/placement';
import { setPanelCollapsed } from '../../utils/settings';
import panelCss from './panel.css?inline';

export interface PanelHost {
  show(post: Post, rememberedCollapsed: boolean): Promise<void>;
  hide(): void;
}

export function createPanelHost(ctx: ContentScriptContext): PanelHost {
  let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  let post: Post | null = null;
  let collapsed = false;
  let placement: Placement | null = null;
  let frame = 0;
  let favorites: FavoritesStore | null = null;

  const draw = () => {
    if (!ui?.mounted || !post || !placement || !favorites) return;
    render(
      <BriefPanel
        post={post}
        placement={placement}
        collapsed={collapsed}
        actions={<FavoriteToggle store={favorites} post={post} class="bb-icon" />}
        notice={<SyncNotice store={favorites} class="bb-notice" />}
        onCollapsedChange={(next) => {
          collapsed = next;
          draw();
          // Remembered only where the reader had the room to choose: overlay mode always starts collapsed.
          if (placement?.mode === 'margin') void setPanelCollapsed(next);
        }}
        onClose={hide}
      />,
      ui.mounted,
    );
  };

  const onResize = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      placement = placePanel(measurePage());
      draw();
    });
  };

  const onTabMessage = (message: unknown) => {
    if (!isTabMessage(message)) return;
    if (!ui?.mounted && post) void show(post, false);
    else {
      collapsed = !collapsed;
      draw();
    }
  };

  async function show(next: Post, rememberedCollapsed: boolean) {
    post = next;
    placement = placePanel(measurePage());
    collapsed = placement.mode === 'overlay' || rememberedCollapsed;
    // Favorites follow changes from other tabs and profiles live, for as long as the panel is up.
    favorites ??= createFavorites();
    if (!ui) {
      ui = await createShadowRootUi<HTMLElement>(ctx, {
        name: 'blog-brief-panel',
        position: 'inline',
        // On <html>, not <body>: a transformed or filtered body would otherwise capture position: fixed.
        anchor: 'html',
        css: panelCss,
        onMount: (container) => {
          const wrapper = document.createElement('div');
          container.append(wrapper);
          return wrapper;
        },
        onRemove: (wrapper) => {
          if (wrapper) render(null, wrapper);
        },
      });
      window.addEventListener('resize', onResize);
      browser.runtime.onMessage.addListener(onTabMessage);
    }
    if (!ui.mounted) ui.mount();
    draw();
  }

  function hide() {
    ui?.remove();
  }

  ctx.onInvalidated(() => {
    favorites?.dispose();
    window.removeEventListener('resize', onResize);
    browser.runtime.onMessage.removeListener(onTabMessage);
  });

  return { show, hide };
}

/** The few measurements placement needs; called only when a panel is shown or the window resizes. */
function measurePage(): PageMetrics {
  const column = document.querySelector('article p') ?? document.querySelector('article h1, h1');
  let headerBottom = 0;
  for (const el of document.querySelectorAll('header, [role="banner"], nav')) {
    const { position } = getComputedStyle(el);
    if (position !== 'fixed' && position !== 'sticky') continue;
    const rect = el.getBoundingClientRect();
    if (rect.top <= 1 && rect.bottom > 0 && rect.bottom < window.innerHeight / 3) headerBottom = Math.max(headerBottom, rect.bottom);
  }
  return {
    viewportWidth: document.documentElement.clientWidth,
    viewportHeight: window.innerHeight,
    columnRight: column ? column.getBoundingClientRect().right : null,
    headerBottom,
  };
}
