/**
 * The panel's code, loaded by the content script only on a recognized article (dynamic import of
 * this web-accessible script). Pages that are not catalog articles never load, parse or run any of
 * it: they pay for the URL check alone (BENCHMARKS.md).
 *
 * It runs in the content script's isolated world and hands its one entry point over on that world's
 * global object, where entrypoints/content/index.ts picks it up.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PANEL_GLOBAL, type PanelModule } from './contract';
import { createPanelHost } from './panel-host';

export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<string, PanelModule>)[PANEL_GLOBAL] = { createPanelHost } satisfies PanelModule;
});
