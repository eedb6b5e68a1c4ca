import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { FeedList } from '../../components/FeedList';

const now = Date.UTC(2026, 10, 28, 12);
const hour = 3_600_000;

describe('FeedList', () => {
  it('says in plain words how many briefs each feed holds, and when it was checked and updated', () => {
    render(
      <FeedList
        feeds={[
          {
            url: 'https://a.example/index.json',
            signed: true,
            briefs: 2_000,
            otherBlogs: 0,
            checkedAt: now - 3 * hour,
            updatedAt: now - 25 * hour,
          },
        ]}
        busy={null}
        now={now}
        onCheck={() => {}}
        onRemove={() => {}}
      />,
    );
    expect(screen.getByText('2,000 briefs · signed · checked 3 hours ago · updated yesterday')).toBeTruthy();
  });

  it('counts the posts it refused for being of blogs Blog Brief does not cover', () => {
    render(
      <FeedList
        feeds={[{ url: 'https://a.example/index.json', signed: false, briefs: 40, otherBlogs: 12 }]}
        busy={null}
        onCheck={() => {}}
        onRemove={() => {}}
      />,
    );
    expect(screen.getByText('40 briefs · 12 posts refused: not of a blog Blog Brief covers')).toBeTruthy();
  });

  it('names the last problem, and what is kept meanwhile', () => {
    render(
      <FeedList
        feeds={[
          {
            url: 'https://a.example/index.json',
            signed: false,
            briefs: 2_000,
            otherBlogs: 0,
            checkedAt: now,
            updatedAt: now - 3 * hour,
            problem: 'Could not reach the feed: HTTP 500',
          },
        ]}
        busy={null}
        now={now}
        onCheck={() => {}}
        onRemove={() => {}}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'Could not reach the feed: HTTP 500 — keeping the 2,000 briefs from 3 hours ago',
    );
  });

  it('checks or removes a feed from its own buttons', () => {
    const onCheck = vi.fn();
    const onRemove = vi.fn();
    render(
      <FeedList
        feeds={[{ url: 'https://a.example/index.json', signed: false, briefs: 1, otherBlogs: 0 }]}
        busy={null}
        onCheck={onCheck}
        onRemove={onRemove}
      />,
    );
    expect(screen.getByText('1 brief')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Check now' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(onCheck).toHaveBeenCalledWith('https://a.example/index.json');
    expect(onRemove).toHaveBeenCalledWith('https://a.example/index.json');
  });
});
