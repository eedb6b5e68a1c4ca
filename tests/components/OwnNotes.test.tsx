import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { OwnNotes, type OwnNotesProps } from '../../components/OwnNotes';
import type { ArticleNotes } from '../../utils/notes/own-notes';

const notes: ArticleNotes = {
  article: {
    key: 'medium:0123456789ab',
    url: 'https://netflixtechblog.com/x-0123456789ab',
    title: 'X',
    blog: 'netflix',
  },
  brief: null,
  highlights: [
    { id: 'a', exact: 'first <b>passage</b>', prefix: '', suffix: '', start: 5, note: '', createdAt: 1 },
    { id: 'b', exact: 'second passage', prefix: '', suffix: '', start: 90, note: 'why I kept it', createdAt: 2 },
  ],
  changedAt: 2,
};

function renderNotes(props: Partial<OwnNotesProps> = {}) {
  const handlers = {
    onSaveBrief: vi.fn(async () => true),
    onRemoveHighlight: vi.fn(),
    onSaveHighlightNote: vi.fn(),
    onScrollTo: vi.fn(),
  };
  render(<OwnNotes notes={notes} places={{}} editRequest={0} notice={null} now={() => 7} {...handlers} {...props} />);
  return handlers;
}

describe('OwnNotes', () => {
  it('saves the brief the reader writes, in the shape of a curated one', async () => {
    const { onSaveBrief } = renderNotes();
    fireEvent.click(screen.getByRole('button', { name: 'Add your brief' }));
    fireEvent.input(screen.getByLabelText(/Why it matters/), { target: { value: 'We run this too' } });
    fireEvent.input(screen.getByLabelText(/key points/), { target: { value: 'One\nTwo' } });
    fireEvent.input(screen.getByLabelText(/Tags/), { target: { value: 'Service Mesh' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(onSaveBrief).toHaveBeenCalledWith({
        why: 'We run this too',
        points: ['One', 'Two'],
        tags: ['service-mesh'],
        updatedAt: 7,
      }),
    );
  });

  it('refuses a brief over its limit before saving, and says the limit', () => {
    const { onSaveBrief } = renderNotes({ editRequest: 1 });
    fireEvent.input(screen.getByLabelText(/Why it matters/), { target: { value: 'x'.repeat(601) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toContain('600 characters');
    expect(onSaveBrief).not.toHaveBeenCalled();
  });

  it('lists highlights as text, in the order given, with the ones the page lost marked', () => {
    const { onScrollTo, onRemoveHighlight } = renderNotes({ places: { a: 'found', b: 'missing' } });
    const quotes = screen.getAllByRole('listitem');
    expect(quotes.map((q) => q.querySelector('q')?.textContent)).toEqual(['first <b>passage</b>', 'second passage']);
    expect(document.querySelector('b')).toBeNull();
    expect(quotes[1]!.textContent).toContain('Not found in the article any more');
    expect((screen.getByRole('button', { name: 'second passage' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'first <b>passage</b>' }));
    expect(onScrollTo).toHaveBeenCalledWith('a');
    fireEvent.click(screen.getByRole('button', { name: 'Remove highlight “second passage”' }));
    expect(onRemoveHighlight).toHaveBeenCalledWith('b');
  });
});
