/**
 * The reader's notes on a blog's page (content/notes/page-notes.ts): a content script of its own,
 * so that its bytes are paid only on articles the reader annotated and after their gesture, never
 * on the blogs' other pages nor with every brief. Registered by the background for annotated
 * articles (background/notes/annotated-articles.ts) and injected on a gesture
 * (background/notes/notes-gestures.ts); the panel's code is always injected before it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPageNotes } from '../../content/notes/page-notes';

export default defineUnlistedScript(() => startPageNotes());
