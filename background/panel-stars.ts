/**
 * The favorites intents of every view, and the stars of the panels on the blogs' pages. Every view
 * (a panel's star, the popup, the side panel, the options page) sends the same intents,
 * `favorites:save` and `favorites:unsave`; they go through the one writer, and the answer carries the
 * receipt and what the reader should know about sync. A panel's star is read from what the writer
 * holds (sync's keys, the outbox, the writes on their way): the background keeps no copy of the
 * favorites of its own. So the code injected into every article carries no storage reading, no
 * storage layout and no sync wording.
 *
 * Changes made anywhere (another tab's panel, the popup, another profile through sync) reach the open
 * panels as one message to the blogs' tabs, sent once the writer is idle and only when what a star
 * shows changed: never of a change half made, never of a save the writer could not keep.
 */
import type { FavoritesChanged, FavoritesReceipt, StarState } from '../utils/messaging/protocol';
import { FAVORITE_PREFIX, favoriteKey } from '../utils/storage/synced-data';
import { type SyncNoticeProblem, syncNoticeText } from '../utils/text/sync-notice';
import type { SyncWriter } from './sync/sync-writer';
import { applyIntent, type FavoritesIntent } from './sync/write-intents';

type Changes = Record<string, unknown>;

/** While the writer is busy, the tell waits this long and looks again. */
const BUSY_RETRY_MS = 50;

export function createPanelStars(
  writer: SyncWriter,
  broadcast: (message: FavoritesChanged) => void,
  lookUpTitle: (postId: string) => Promise<string | undefined>,
  now: () => number = Date.now,
) {
  /** The last intent's failure, said until an intent succeeds: no storage holds it. */
  let failure: SyncNoticeProblem | null = null;
  /** What the tabs were last told, as a comparable key; null until the first look. */
  let told: string | null = null;
  let scheduled: ReturnType<typeof setTimeout> | undefined;

  const savedIds = () => writer.heldKeys(FAVORITE_PREFIX).map((key) => key.slice(FAVORITE_PREFIX.length));
  const notice = (): string | null => {
    if (failure) return syncNoticeText(failure);
    const { saves, status } = writer.waiting();
    if (!status) return null;
    const localOnly = saves.filter((key) => key.startsWith(FAVORITE_PREFIX)).length;
    return syncNoticeText({ kind: status.reason, localOnly });
  };
  const snapshot = (): FavoritesChanged => ({ type: 'favorites:changed', saved: savedIds(), notice: notice() });
  const keyOf = (message: FavoritesChanged) => JSON.stringify([message.saved, message.notice]);

  const tell = (delay = 0) => {
    clearTimeout(scheduled);
    scheduled = setTimeout(() => {
      scheduled = undefined;
      if (!writer.idle()) return tell(BUSY_RETRY_MS);
      const message = snapshot();
      if (keyOf(message) === told) return;
      told = keyOf(message);
      broadcast(message);
    }, delay);
  };
  // What the panels already show when they start: told to no one.
  const started = writer.ready.then(() => {
    told = keyOf(snapshot());
  });

  return {
    /** What a panel's star shows for a post. */
    async star(postId: string): Promise<StarState> {
      await started;
      return { saved: writer.holds(favoriteKey(postId)), notice: notice() };
    },
    /** A view's save or unsave, through the one writer; answered once stored or kept. */
    async apply(intent: FavoritesIntent): Promise<FavoritesReceipt> {
      await started;
      // Queued before anything else is awaited: a star asked for next already sees the save.
      const complete = lacksTitles(intent) ? await withTitles(intent, lookUpTitle) : intent;
      const receipt = await applyIntent(writer, complete, now());
      if (receipt.ok) failure = null;
      else if (receipt.error === 'local-full') failure = { kind: 'device-full' };
      tell();
      return { ...receipt, notice: notice() };
    },
    /** storage.onChanged: a favorite or the outbox changed (here, in another view, or through sync). */
    storageChanged(changes: Changes, area: string) {
      const keys = Object.keys(changes);
      if (area === 'sync' ? keys.some((key) => key.startsWith(FAVORITE_PREFIX)) : area === 'local') tell();
    },
    dispose() {
      clearTimeout(scheduled);
    },
  };
}

export type PanelStars = ReturnType<typeof createPanelStars>;

/** A save without a title gets the catalog's; a post the catalog does not know then has none, and is refused. */
async function withTitles(intent: FavoritesIntent, lookUpTitle: (postId: string) => Promise<string | undefined>) {
  if (intent.type !== 'favorites:save') return intent;
  const favorites = await Promise.all(
    intent.favorites.map(async (f) => (typeof f.title === 'string' ? f : { ...f, title: await lookUpTitle(f.id) })),
  );
  return { ...intent, favorites };
}

function lacksTitles(intent: FavoritesIntent): boolean {
  return intent.type === 'favorites:save' && intent.favorites.some((f) => typeof f.title !== 'string');
}
