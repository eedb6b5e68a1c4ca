/**
 * The reader's settings: one `storage.sync` key each, so they follow the reader to other profiles
 * and two profiles changing different settings never clash. Read here by every view (overlaid with
 * the writer's outbox, like favorites); written only by the background's sync writer, which views
 * ask through `settings:set` (utils/messaging/protocol.ts).
 */
import { browser } from 'wxt/browser';
import { BLOG_IDS, type BlogId } from '../catalog/blogs';
import type { SettingChanges, SettingName } from '../messaging/protocol';
import { isOutboxEntry, OUTBOX_PREFIX, SETTING_PREFIX } from './synced-data';

/** Every setting's name, and the only names `settings:set` accepts; all settings are on/off. */
export const SETTING_NAMES: readonly SettingName[] = [
  'panelCollapsed',
  // Briefs in the browser's side panel (Chrome's sidePanel, Firefox's sidebar) instead of beside the article.
  'briefInSidePanel',
  ...BLOG_IDS.map((blog): SettingName => `blogEnabled:${blog}`),
  'whatsNew',
  'whatsNewAsked',
  'newCountBadge',
];

/** The storage.sync key of a setting (utils/storage/synced-data.ts). */
export const settingKey = (name: SettingName) => `${SETTING_PREFIX}${name}`;

export const SETTING_KEYS = {
  panelCollapsed: settingKey('panelCollapsed'),
  briefInSidePanel: settingKey('briefInSidePanel'),
  blogEnabled: (blog: BlogId) => settingKey(`blogEnabled:${blog}`),
  whatsNew: settingKey('whatsNew'),
  whatsNewAsked: settingKey('whatsNewAsked'),
  newCountBadge: settingKey('newCountBadge'),
} as const;

/** Every setting's key. */
export const ALL_SETTING_KEYS: readonly string[] = SETTING_NAMES.map(settingKey);

export interface Settings {
  panelCollapsed: boolean;
  /** Where briefs show: false beside the article (the default), true in the browser's side panel. */
  briefInSidePanel: boolean;
  /** Blogs whose articles get the panel (the options page can turn a blog off). */
  blogEnabled: Record<BlogId, boolean>;
  /** New articles from the blogs' own RSS feeds (issue 22): off until the reader turns it on. */
  whatsNew: boolean;
  /** The popup offered whatsNew once. */
  whatsNewAsked: boolean;
  /** The count of new articles on the toolbar icon (on by default, once whatsNew is on). */
  newCountBadge: boolean;
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
    whatsNew: value(SETTING_KEYS.whatsNew) === true,
    whatsNewAsked: value(SETTING_KEYS.whatsNewAsked) === true,
    newCountBadge: value(SETTING_KEYS.newCountBadge) !== false,
  };
}

/** Every setting by its name, as `settings:set` takes them (and a backup keeps them). */
export function settingsByName(settings: Settings): SettingChanges {
  return {
    panelCollapsed: settings.panelCollapsed,
    briefInSidePanel: settings.briefInSidePanel,
    ...Object.fromEntries(BLOG_IDS.map((blog) => [`blogEnabled:${blog}`, settings.blogEnabled[blog]])),
    whatsNew: settings.whatsNew,
    whatsNewAsked: settings.whatsNewAsked,
    newCountBadge: settings.newCountBadge,
  };
}
