/**
 * The only module that touches settings storage. Settings live in storage.sync, one key each, so
 * they follow the reader to other profiles and two profiles changing different settings never clash.
 */
import { browser } from 'wxt/browser';
import type { BlogId } from './blogs';

export const SETTING_KEYS = {
  panelCollapsed: 'settings:panelCollapsed',
  blogEnabled: (blog: BlogId) => `settings:blogEnabled:${blog}`,
} as const;

export interface PanelSettings {
  collapsed: boolean;
  /** Whether the panel shows on this blog's articles (the options page can turn a blog off). */
  enabled: boolean;
}

/** Both settings the panel needs for one blog, in one storage read. */
export async function getPanelSettings(blog: BlogId): Promise<PanelSettings> {
  const enabledKey = SETTING_KEYS.blogEnabled(blog);
  const stored = await browser.storage.sync.get([SETTING_KEYS.panelCollapsed, enabledKey]);
  return { collapsed: stored[SETTING_KEYS.panelCollapsed] === true, enabled: stored[enabledKey] !== false };
}

export async function setPanelCollapsed(collapsed: boolean): Promise<void> {
  await browser.storage.sync.set({ [SETTING_KEYS.panelCollapsed]: collapsed });
}

export async function getEnabledBlogs(blogs: readonly BlogId[]): Promise<Record<BlogId, boolean>> {
  const stored = await browser.storage.sync.get(blogs.map(SETTING_KEYS.blogEnabled));
  return Object.fromEntries(blogs.map((blog) => [blog, stored[SETTING_KEYS.blogEnabled(blog)] !== false])) as Record<BlogId, boolean>;
}

export async function setBlogEnabled(blog: BlogId, enabled: boolean): Promise<void> {
  await browser.storage.sync.set({ [SETTING_KEYS.blogEnabled(blog)]: enabled });
}
