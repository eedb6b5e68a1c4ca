import type { ComponentChildren } from 'preact';
import type { Post } from '../utils/catalog/catalog-schema';

interface PostListProps {
  posts: readonly Post[];
  renderRow: (post: Post) => ComponentChildren;
  /** Accessible name of the list. */
  label: string;
}

/** A list of rows where Up/Down move between the rows' title links (Enter then opens one). */
export function PostList({ posts, renderRow, label }: PostListProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const list = event.currentTarget as HTMLElement;
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a.row-link')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
    if (at === -1 || next < 0 || next >= links.length) return;
    event.preventDefault();
    links[next]!.focus();
    links[next]!.scrollIntoView({ block: 'nearest' });
  };
  return (
    <ul class="posts" aria-label={label} onKeyDown={onKeyDown}>
      {posts.map((post) => (
        <li key={post.id}>{renderRow(post)}</li>
      ))}
    </ul>
  );
}

/** Focuses the first row link of the results (from the search box's arrow down). */
export function focusFirstRow(root: ParentNode = document) {
  root.querySelector<HTMLAnchorElement>('.posts a.row-link')?.focus();
}
