/**
 * The first page of posts with IndexedDB's own API, no `idb`: small enough for the classic script
 * in the popup's <head> (pages/popup-early.ts), which reads it before the popup's modules have
 * loaded. utils/storage/catalog-db.ts owns the database and reads a first page with the same function.
 */
import { type CatalogMeta, DB_NAME, DB_VERSION, type StoredPost } from './catalog-db-schema';

export { DB_NAME } from './catalog-db-schema';
/** Rows rendered at first; "Show more" adds this many again. Keeps the first paint small at any catalog size. */
export const PAGE_SIZE = 50;

export interface FirstPageRows {
  rows: StoredPost[];
  meta: CatalogMeta | undefined;
}

/** The newest `limit` posts (rank order is key order: one getAll) and the catalog's record, in one transaction. */
export function readFirstPage(db: IDBDatabase, limit?: number): Promise<FirstPageRows> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['posts', 'meta']);
    const rows = tx.objectStore('posts').getAll(null, limit);
    const meta = tx.objectStore('meta').get('catalog');
    tx.oncomplete = () => resolve({ rows: rows.result as StoredPost[], meta: meta.result as CatalogMeta | undefined });
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('the read was aborted'));
  });
}

/**
 * The database, if it is there at the current version; null otherwise. Creating or upgrading it is
 * utils/storage/catalog-db.ts's work alone (its upgrade steps), so an upgrade asked for here is aborted, and the
 * popup's own open then does it.
 */
export function openIfCurrent(name = DB_NAME): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const request = indexedDB.open(name, DB_VERSION);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
  });
}
