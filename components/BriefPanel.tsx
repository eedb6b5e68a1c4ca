import { Component, type ComponentChildren, createRef, type RefObject } from 'preact';
import { BLOGS } from '../utils/catalog/blogs';
import type { Post } from '../utils/catalog/catalog-schema';
import type { Placement } from '../utils/layout/placement';
import { formatDate } from '../utils/text/format';
import { t } from '../utils/text/i18n';
import { TagList } from './TagList';

/** What the panel is about when no catalog has a brief of it: an article the reader annotated. */
export interface PanelArticle {
  title: string;
  blog: Post['blog'];
}

export interface BriefPanelProps {
  /** The curated brief; absent on an article only the reader's own notes are about. */
  post?: Post;
  /** The article, where there is no `post`: its title and blog as the page shows them. */
  article?: PanelArticle;
  /**
   * Beside the article: where the reader's notes go, below the brief (content/notes). What the panel
   * draws in it (the "Your notes" button) shows until the notes' code takes the slot over.
   */
  ownSlot?: (slot: HTMLElement | null) => void;
  /** The "Your notes" button: loads the notes' editor on this article. */
  onOwnNotes?: () => void;
  /** Beside the article (utils/layout/placement.ts); absent in the browser's side panel, which is all the brief's. */
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
 *
 * A class, not a function with hooks: its focus moves need only the lifecycle that Preact's core
 * has, and the panel injected into the blogs' pages then carries no hooks module.
 */
export class BriefPanel extends Component<BriefPanelProps> {
  private tab = createRef<HTMLButtonElement>();
  private title = createRef<HTMLHeadingElement>();
  /**
   * Focus moves only after a change the reader made with the panel focused, or on the shortcut;
   * never on first render: the panel must not steal focus from the page.
   */
  private focusAfterRender = false;

  private focusIn() {
    (this.props.collapsed ? this.tab.current : this.title.current)?.focus();
  }

  override componentDidMount() {
    // The keyboard shortcut showing a closed panel: the panel is last in the page's Tab order.
    if ((this.props.focusRequest ?? 0) > 0) this.focusIn();
  }

  override componentDidUpdate(previous: BriefPanelProps) {
    const { collapsed = false, focusRequest = 0 } = this.props;
    if (collapsed !== (previous.collapsed ?? false) && this.focusAfterRender) {
      this.focusAfterRender = false;
      this.focusIn();
    } else if (focusRequest !== (previous.focusRequest ?? 0) && focusRequest > 0) {
      this.focusIn();
    }
  }

  override render() {
    const {
      post,
      article = post as PanelArticle,
      ownSlot,
      onOwnNotes,
      placement,
      collapsed = false,
      onCollapsedChange = () => {},
      onClose = () => {},
      actions,
      notice,
    } = this.props;
    const setCollapsed = (next: boolean) => {
      this.focusAfterRender = true;
      onCollapsedChange(next);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !collapsed && placement) {
        event.stopPropagation();
        setCollapsed(true);
      }
    };
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
        {/* Both the tab and the brief stay in the DOM, one of them hidden: collapsing, which the
            panel does whenever it makes way as the reader scrolls, changes attributes, not nodes. */}
        {placement && (
          <button
            ref={this.tab}
            type="button"
            class="bb-tab"
            hidden={!collapsed}
            aria-expanded="false"
            onClick={() => setCollapsed(false)}
            title={article.title}
          >
            <span aria-hidden="true" class="bb-tab-mark">
              ❯
            </span>
            {t('panelTab')}
          </button>
        )}
        <div class="bb-bar" hidden={collapsed}>
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
        <div class="bb-body" hidden={collapsed}>
          {notice}
          <BriefText post={post} article={article} titleRef={this.title} />
          {ownSlot && (
            <div class="bb-own" ref={ownSlot}>
              <button type="button" class="bb-own-open" onClick={onOwnNotes}>
                {t('ownNotesOpen')}
              </button>
            </div>
          )}
        </div>
      </aside>
    );
  }
}

/**
 * The brief's text. Drawn again only for another post: the panel is drawn again each time it
 * collapses or steps aside as the reader scrolls past what it must not cover, and the text, most of
 * its nodes, is then left as it is (`npm run bench:profile -- --scroll`).
 */
class BriefText extends Component<{
  post: Post | undefined;
  article: PanelArticle;
  titleRef: RefObject<HTMLHeadingElement>;
}> {
  override shouldComponentUpdate(next: { post: Post | undefined; article: PanelArticle }) {
    return next.post !== this.props.post || next.article !== this.props.article;
  }

  override render() {
    const { post, article, titleRef } = this.props;
    if (!post)
      return (
        <>
          <p class="bb-meta">{BLOGS[article.blog].name}</p>
          <h2 class="bb-title" ref={titleRef} tabIndex={-1}>
            {article.title}
          </h2>
        </>
      );
    return (
      <>
        <p class="bb-meta">
          {BLOGS[post.blog].name} · <time dateTime={post.published}>{formatDate(post.published)}</time>
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
      </>
    );
  }
}
