import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { BLOGS } from '../utils/blogs';
import type { Post } from '../utils/catalog';
import { formatDate } from '../utils/format';
import { t } from '../utils/i18n';
import type { Placement } from '../utils/placement';
import { TagList } from './TagList';

export interface BriefPanelProps {
  post: Post;
  /** Beside the article (utils/placement.ts); absent in the browser's side panel, which is all the brief's. */
  placement?: Placement;
  collapsed?: boolean;
  /** Beside the article only: collapse to the tab and back. */
  onCollapsedChange?: (collapsed: boolean) => void;
  /** Beside the article only: closes the panel on this page; it comes back on the next article. */
  onClose?: () => void;
  /** Extra controls in the header (the save button). */
  actions?: ComponentChildren;
  /** A message for the reader above the brief (e.g. a favorite kept on this device only). */
  notice?: ComponentChildren;
  /** Changed (counted up) to move keyboard focus into the panel: its title, or its tab when collapsed. */
  focusRequest?: number;
}

/**
 * The brief: an <aside> landmark named "Blog Brief". Beside an article, it collapses to a small tab
 * at the window's edge, and Esc anywhere inside collapses it and returns focus to that tab; in the
 * browser's side panel, it is the brief alone.
 */
export function BriefPanel({
  post,
  placement,
  collapsed = false,
  onCollapsedChange = () => {},
  onClose = () => {},
  actions,
  notice,
  focusRequest = 0,
}: BriefPanelProps) {
  const tabRef = useRef<HTMLButtonElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  // Move focus only after a change the reader made with the panel focused, never on first render:
  // the panel must not steal focus from the page.
  const focusAfterRender = useRef(false);
  useEffect(() => {
    if (!focusAfterRender.current) return;
    focusAfterRender.current = false;
    (collapsed ? tabRef.current : titleRef.current)?.focus();
  }, [collapsed]);

  // The keyboard shortcut: the panel is last in the page's Tab order, so the shortcut brings focus in.
  useEffect(() => {
    if (focusRequest > 0) (collapsed ? tabRef.current : titleRef.current)?.focus();
  }, [focusRequest]);

  const setCollapsed = (next: boolean) => {
    focusAfterRender.current = true;
    onCollapsedChange(next);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !collapsed && placement) {
      event.stopPropagation();
      setCollapsed(true);
    }
  };
  const blogName = BLOGS[post.blog].name;
  const style = placement && {
    top: `${placement.top}px`,
    ...(collapsed ? {} : { width: `${placement.width}px`, maxHeight: `${placement.maxHeight}px` }),
  };

  return (
    <aside
      aria-label={t('extName')}
      class={`bb-panel bb-${placement?.mode ?? 'side-panel'}${collapsed ? ' bb-collapsed' : ''}`}
      style={style}
      onKeyDown={onKeyDown}
    >
      {collapsed ? (
        <button
          ref={tabRef}
          type="button"
          class="bb-tab"
          aria-expanded="false"
          onClick={() => setCollapsed(false)}
          title={post.title}
        >
          <span aria-hidden="true" class="bb-tab-mark">
            ❯
          </span>
          {t('panelTab')}
        </button>
      ) : (
        <>
          <div class="bb-bar">
            <span class="bb-brand">{t('extName')}</span>
            <div class="bb-controls">
              {actions}
              {placement && (
                <>
                  <button
                    type="button"
                    class="bb-icon"
                    aria-expanded="true"
                    aria-label={t('panelCollapse')}
                    title={t('panelCollapseHint')}
                    onClick={() => setCollapsed(true)}
                  >
                    <span aria-hidden="true">–</span>
                  </button>
                  <button
                    type="button"
                    class="bb-icon"
                    aria-label={t('panelClose')}
                    title={t('panelCloseHint')}
                    onClick={onClose}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </>
              )}
            </div>
          </div>
          <div class="bb-body">
            {notice}
            <p class="bb-meta">
              {blogName} · <time dateTime={post.published}>{formatDate(post.published)}</time>
            </p>
            <h2 class="bb-title" ref={titleRef} tabIndex={-1}>
              {post.title}
            </h2>
            <p class="bb-authors">{t('panelBy', post.authors.join(', '))}</p>
            <h3 class="bb-heading">{t('whyItMatters')}</h3>
            <p class="bb-summary">{post.summary}</p>
            <h3 class="bb-heading">{t('keyPoints')}</h3>
            <ul class="bb-bullets">
              {post.bullets.map((bullet, i) => (
                <li key={i}>{bullet}</li>
              ))}
            </ul>
            <TagList tags={post.tags} />
          </div>
        </>
      )}
    </aside>
  );
}
