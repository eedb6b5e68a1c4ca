/**
 * What the popup needs for its first render, started by a small classic script in its <head>
 * (entrypoints/popup-first-page) while the browser is still fetching and compiling the popup's
 * modules: the first page of posts from IndexedDB, and the favorites from storage (the stars of
 * those posts). Handed over through properties of the page's global object, each taken once by the
 * code that would otherwise have read it (pages/browse/catalog-source.ts, utils/storage/favorites-reader.ts).
 * Measured: the popup's first render waited for these reads, not for its own code.
 */
import { browser } from 'wxt/browser';
import { type FirstPageRows, openIfCurrent, PAGE_SIZE, readFirstPage } from '../utils/storage/catalog-db-first-page';
import { type FavoriteAreas, readFavoriteAreas } from '../utils/storage/favorites-reader';

export interface EarlyFirstPage {
  db: IDBDatabase;
  /** Null when the read failed: the popup reads again, the usual way, and handles what went wrong. */
  page: FirstPageRows | null;
}

const FIRST_PAGE = '__blogBriefFirstPage';
const FAVORITE_AREAS = '__blogBriefFavoriteAreas';

/** Run by the popup's head script. */
export function startPopupReads(): void {
  const world = globalThis as Record<string, unknown>;
  world[FIRST_PAGE] = openIfCurrent().then(
    async (db): Promise<EarlyFirstPage | null> =>
      db && { db, page: await readFirstPage(db, PAGE_SIZE).catch(() => null) },
  );
  // Storage may change between this read and the moment the popup's favorites start listening:
  // a change in that gap is noticed here, and the areas are then read again (takeFavoriteAreas).
  let changed = false;
  const noteChange = () => {
    changed = true;
  };
  browser.storage.onChanged.addListener(noteChange);
  const early: EarlyFavoriteAreas = {
    areas: readFavoriteAreas(storage()),
    changedSince: () => {
      browser.storage.onChanged.removeListener(noteChange);
      return changed;
    },
  };
  world[FAVORITE_AREAS] = early;
}

interface EarlyFavoriteAreas {
  areas: Promise<FavoriteAreas>;
  /** Stops watching, and says whether storage changed since the read began. */
  changedSince(): boolean;
}

const storage = () => browser.storage as unknown as Parameters<typeof readFavoriteAreas>[0];

function take<T>(key: string): T | undefined {
  const world = globalThis as Record<string, unknown>;
  const value = world[key] as T | undefined;
  delete world[key];
  return value;
}

/** The database and first page the head script read; undefined on pages without it. */
export const takeFirstPage = () => take<Promise<EarlyFirstPage | null>>(FIRST_PAGE);
/**
 * The storage areas the head script read, or read again if they changed meanwhile; undefined on
 * pages without it. Called before the favorites start listening, so the watch overlaps theirs.
 */
export function takeFavoriteAreas(): Promise<FavoriteAreas> | undefined {
  const early = take<EarlyFavoriteAreas>(FAVORITE_AREAS);
  return early?.areas.then(
    (areas) => (early.changedSince() ? readFavoriteAreas(storage()) : areas),
    () => {
      early.changedSince();
      return readFavoriteAreas(storage());
    },
  );
}
