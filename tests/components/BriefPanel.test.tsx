import { fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { BriefPanel } from '../../components/BriefPanel';
import type { Post } from '../../utils/catalog/catalog-schema';
import type { Placement } from '../../utils/layout/placement';
import { hostilePost, maestro } from '../fixtures';

const margin: Placement = { mode: 'margin', anchor: 120, top: 80, width: 320, maxHeight: 700 };

function Stateful({
  post = maestro,
  startCollapsed = false,
  onClose = () => {},
}: {
  post?: Post;
  startCollapsed?: boolean;
  onClose?: () => void;
}) {
  const [collapsed, setCollapsed] = useState(startCollapsed);
  return (
    <BriefPanel
      post={post}
      placement={margin}
      collapsed={collapsed}
      onCollapsedChange={setCollapsed}
      onClose={onClose}
    />
  );
}

describe('BriefPanel', () => {
  it('is an aside landmark named "Blog Brief" with the whole brief', () => {
    render(<Stateful />);
    const panel = screen.getByRole('complementary', { name: 'Blog Brief' });
    expect(panel.tagName).toBe('ASIDE');
    expect(screen.getByRole('heading', { name: maestro.title })).toBeTruthy();
    expect(panel.textContent).toContain('Netflix TechBlog');
    expect(panel.textContent).toContain('Sep 29, 2025');
    expect(panel.textContent).toContain('Jun He, Yingyi Zhang, Ely Spears');
    expect(screen.getByRole('heading', { name: 'Why it matters' })).toBeTruthy();
    expect(panel.textContent).toContain(maestro.summary);
    const bullets = screen.getAllByRole('listitem').filter((li) => !li.classList.contains('bb-tag'));
    expect(bullets.map((li) => li.textContent)).toEqual(maestro.bullets);
    expect(screen.getByRole('list', { name: 'Tags' }).textContent).toBe('distworkflowperformancearchitecture');
  });

  it('renders catalog text as text, never as HTML', () => {
    const { container } = render(<Stateful post={hostilePost} />);
    expect(container.querySelector('img, script, b, a')).toBeNull();
    expect(screen.getByRole('heading', { name: hostilePost.title })).toBeTruthy();
    expect(container.textContent).toContain('<b>bold</b> & <script>window.__pwned=1</script>');
  });

  it('shows the new post whole when the reader moves to another article, collapsed meanwhile or not', () => {
    const { rerender } = render(<BriefPanel post={maestro} placement={margin} collapsed />);
    rerender(<BriefPanel post={hostilePost} placement={margin} collapsed={false} />);
    expect(screen.getByRole('heading', { name: hostilePost.title })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: maestro.title })).toBeNull();
    const text = screen.getByRole('complementary', { name: 'Blog Brief' }).textContent;
    expect(text).toContain(hostilePost.summary);
    for (const bullet of hostilePost.bullets) expect(text).toContain(bullet);
    expect(text).not.toContain(maestro.summary);
  });

  it('collapses to a small tab and expands again', () => {
    render(<Stateful />);
    fireEvent.click(screen.getByRole('button', { name: 'Collapse brief' }));
    // Kept in the DOM, hidden: out of the accessibility tree, and not drawn (display: none).
    expect(screen.queryByRole('heading', { name: 'Why it matters' })).toBeNull();
    expect(screen.getByText('Why it matters').closest('[hidden]')).not.toBeNull();
    const tab = screen.getByRole('button', { name: 'Brief' });
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(tab);
    expect(screen.getByRole('heading', { name: 'Why it matters' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Brief' })).toBeNull();
  });

  it('collapses on Esc and puts focus on the tab, so the keyboard reader is not lost', () => {
    render(<Stateful />);
    const collapse = screen.getByRole('button', { name: 'Collapse brief' });
    collapse.focus();
    fireEvent.keyDown(collapse, { key: 'Escape' });
    const tab = screen.getByRole('button', { name: 'Brief' });
    expect(document.activeElement).toBe(tab);
  });

  it('does not take focus from the page when it first appears', () => {
    const before = document.activeElement;
    render(<Stateful />);
    expect(document.activeElement).toBe(before);
  });

  it('closes for this page from its close button', () => {
    const onClose = vi.fn();
    render(<Stateful onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Close brief on this page' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('starts as a tab when told to start collapsed', () => {
    render(<Stateful startCollapsed />);
    const tab = screen.getByRole('button', { name: 'Brief' });
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('heading', { name: maestro.title })).toBeNull();
    expect(screen.getByText(maestro.summary).closest('[hidden]')).not.toBeNull();
  });
});
