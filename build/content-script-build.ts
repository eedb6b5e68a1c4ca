import type { InlineConfig } from 'vite';
import { compileHintPlugin } from './compile-hint-plugin';

/**
 * WXT's `vite:build:extendConfig` hook for the content scripts, which are injected into the blogs'
 * pages and so must stay small:
 * - the webextension polyfill (kilobytes, docs/decisions.md) stays out: Chrome MV3 and Firefox both give content
 *   scripts promise-based APIs natively, and they use nothing the polyfill would add (background,
 *   popup and options keep it);
 * - `compileHinted` (the panel's code, all of which runs as soon as the panel shows) gets V8's
 *   compile hint.
 */
export function contentScriptBuild({ scripts, compileHinted }: { scripts: readonly string[]; compileHinted: string }) {
  return (entrypoints: readonly { name: string }[], config: InlineConfig) => {
    if (!entrypoints.every((entry) => scripts.includes(entry.name))) return;
    if (entrypoints.some((entry) => entry.name === compileHinted)) {
      config.plugins = [...(config.plugins ?? []), compileHintPlugin(`${compileHinted}.js`)];
    }
    const alias = config.resolve?.alias;
    if (Array.isArray(alias)) {
      config.resolve!.alias = alias.filter((a: { find: unknown }) => a.find !== 'wxt/browser');
    } else if (alias && 'wxt/browser' in alias) {
      delete (alias as Record<string, string>)['wxt/browser'];
    }
  };
}
