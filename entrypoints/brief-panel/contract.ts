/**
 * What the content script and the lazily loaded panel script agree on. Type-only apart from the
 * global's name, so importing it costs the content script nothing.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Post } from '../../utils/catalog';

export const PANEL_GLOBAL = '__blogBriefPanel';

export interface PanelHost {
  show(post: Post, rememberedCollapsed: boolean): void;
  hide(): void;
}

export interface PanelModule {
  createPanelHost(ctx: ContentScriptContext): PanelHost;
}
