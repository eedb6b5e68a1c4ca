import type { browser } from 'wxt/browser';

/** The extension APIs the background is given: the real browser's, or WXT's fake browser in tests. */
export type ExtensionBrowser = typeof browser;
