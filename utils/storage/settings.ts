/**
 * The reader's settings: one `storage.sync` key each, so they follow the reader to other profiles
 * and two profiles changing different settings never clash. Read here by every view (overlaid with
 * the writer's outbox, like favorites); written only by the background's sync writer, which views
 * ask through `settings:set` (utils/messaging/protocol.ts).
 */
import { browser } from 'wxt/browser';
import { BLOG_IDS, type BlogId } from '../catalog/blogs';
import { isOutboxEntry, OUTBOX_PREFIX, SETTING_PREFIX } from './synced-data';

export const SETTING_KEYS = {
  panelCollapsed: `${SETTING_PREFIX}panelCollapsed`,
  /** Briefs in the browser's side panel (Chrome's sidePanel, Firefox's sidebar) instead of beside the article. */
  briefInSidePanel: `${SETTING_PREFIX}briefInSidePanel`,
  blogEnabled: (blog: BlogId) => `${SETTING_PREFIX}blogEnabled:${blog}`,
} as const;

/** Every setting key, and the only keys `settings:set` accepts; all settings are on/off. */
export const ALL_SETTING_KEYS: readonly string[] = [
  SETTING_KEYS.panelCollapsed,
  SETTING_KEYS.briefInSidePanel,
  ...BLOG_IDS.map(SETTING_KEYS.blogEnabled),
];

export interface Settings {
  panelCollapsed: boolean;
  /** Where briefs show: false beside the article (the default), true in the browser's side panel. */
  briefInSidePanel: boolean;
  /** Blogs whose articles get the panel (the options page can turn a blog off). */
  blogEnabled: Record<BlogId, boolean>;
}

interface ReadableStorage {
  sync: { get(keys: string[]): Promise<Record<string, unknown>> };
  local: { get(keys: string[]): Promise<Record<string, unknown>> };
}

/**
 * Every setting, in one read of each area: what sync holds, overlaid with writes still in the outbox,
 * and in the background with `unwritten`, the writer's own queue (SyncWriter.latest).
 */
export async function readSettings(
  storage: ReadableStorage = browser.storage,
  unwritten: (key: string) => { value: unknown } | undefined = () => undefined,
): Promise<Settings> {
  const [synced, waiting] = await Promise.all([
    storage.sync.get([...ALL_SETTING_KEYS]),
    storage.local.get(ALL_SETTING_KEYS.map((key) => OUTBOX_PREFIX + key)),
  ]);
  const value = (key: string): unknown => {
    const queued = unwritten(key);
    if (queued) return queued.value;
    const entry = waiting[OUTBOX_PREFIX + key];
    return isOutboxEntry(entry) ? entry.v : synced[key];
  };
  return {
    panelCollapsed: value(SETTING_KEYS.panelCollapsed) === true,
    briefInSidePanel: value(SETTING_KEYS.briefInSidePanel) === true,
    blogEnabled: Object.fromEntries(
      BLOG_IDS.map((blog) => [blog, value(SETTING_KEYS.blogEnabled(blog)) !== false]),
    ) as Record<BlogId, boolean>,
  };
}
