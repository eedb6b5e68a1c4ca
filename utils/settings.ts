/**
 * The only module that touches settings storage. Settings live in storage.sync, one key each, so
 * they follow the reader to other profiles and two profiles changing different settings never clash.
 */
import { browser } from 'wxt/browser';
import { BLOG_IDS, type BlogId } from './blogs';

export const SETTING_KEYS = {
  panelCollapsed: 'settings:panelCollapsed',
  blogEnabled: (blog: BlogId) => `settings:blogEnabled:${blog}`,
} as const;

export interface PanelSettings {
  collapsed: boolean;
  /** Blogs whose articles get the panel (the options page can turn a blog off). */
  enabled: Record<BlogId, boolean>;
}

/** Every setting the panel needs, in one storage read. */
export async function getPanelSettings(): Promise<PanelSettings> {
  const stored = await browser.storage.sync.get([
    SETTING_KEYS.panelCollapsed,
    ...BLOG_IDS.map(SETTING_KEYS.blogEnabled),
  ]);
  return { collapsed: stored[SETTING_KEYS.panelCollapsed] === true, enabled: enabledFrom(stored) };
}

function enabledFrom(stored: Record<string, unknown>): Record<BlogId, boolean> {
  return Object.fromEntries(BLOG_IDS.map((blog) => [blog, stored[SETTING_KEYS.blogEnabled(blog)] !== false])) as Record<
    BlogId,
    boolean
  >;
}

export async function setPanelCollapsed(collapsed: boolean): Promise<void> {
  await browser.storage.sync.set({ [SETTING_KEYS.panelCollapsed]: collapsed });
}

export async function getEnabledBlogs(): Promise<Record<BlogId, boolean>> {
  return enabledFrom(await browser.storage.sync.get(BLOG_IDS.map(SETTING_KEYS.blogEnabled)));
}

export async function setBlogEnabled(blog: BlogId, enabled: boolean): Promise<void> {
  await browser.storage.sync.set({ [SETTING_KEYS.blogEnabled(blog)]: enabled });
}
