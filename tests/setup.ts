// happy-dom has no IndexedDB; WXT's vitest plugin already swaps `wxt/browser` for its fake browser.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installI18n } from './i18n';

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});
afterEach(() => cleanup());
