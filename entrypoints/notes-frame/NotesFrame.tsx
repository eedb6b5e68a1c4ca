import { OwnNotes } from '../../components/OwnNotes';
import type { FrameNotes } from './frame-notes';

/** The notes' frame: the reader's notes on the article the panel shows (components/OwnNotes.tsx). */
export function NotesFrame({ notes }: { notes: FrameNotes }) {
  return (
    <OwnNotes
      notes={notes.notes.value}
      places={notes.places.value}
      editRequest={notes.editRequest.value}
      notice={notes.notice.value}
      onSaveBrief={notes.saveBrief}
      onRemoveHighlight={notes.removeHighlight}
      onSaveHighlightNote={notes.saveHighlightNote}
      onScrollTo={notes.scrollTo}
    />
  );
}
