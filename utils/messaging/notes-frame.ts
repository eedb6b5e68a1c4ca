/**
 * Messages between the notes' code on a page (content/notes) and the notes' frame inside the panel
 * (entrypoints/notes-frame, an extension page). The frame is where the reader's brief and highlight
 * notes are shown and typed: its document is the extension's, out of the page's reach, and keys
 * typed there never reach the page's listeners.
 *
 * What crosses: to the frame, which highlights were found on the page and the request to open the
 * editor (window.postMessage to the frame's own origin: only it receives them); from the frame, its
 * height and "scroll to this highlight" (the page can see these: ids and numbers, never text). Either
 * side checks where a message comes from; a page that forges one can at most scroll itself or make
 * the frame redraw.
 */
export type HighlightPlace = 'found' | 'approximate' | 'missing';

export type ToNotesFrame =
  | { type: 'bb-notes:places'; places: Record<string, HighlightPlace> }
  | { type: 'bb-notes:edit' };

export type FromNotesFrame =
  | { type: 'bb-notes:ready' }
  | { type: 'bb-notes:height'; height: number }
  | { type: 'bb-notes:scroll'; id: string };

export function isFromNotesFrame(data: unknown): data is FromNotesFrame {
  const type = (data as { type?: unknown } | null)?.type;
  return type === 'bb-notes:ready' || type === 'bb-notes:height' || type === 'bb-notes:scroll';
}

export function isToNotesFrame(data: unknown): data is ToNotesFrame {
  const type = (data as { type?: unknown } | null)?.type;
  return type === 'bb-notes:places' || type === 'bb-notes:edit';
}

/** The frame's page, with the article it is about in its fragment (the page's own URL and title: nothing private). */
export const NOTES_FRAME_PAGE = '/notes-frame.html';
