/**
 * The background's one writer, answering the write intents that views send through WXT's fake
 * browser (`runtime.sendMessage` reaches `runtime.onMessage` there), so component tests run the
 * real path: view -> message -> writer -> storage -> onChanged -> view.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSyncWriter, type SyncWriterStorage } from '../background/sync/sync-writer';
import { applyIntent } from '../background/sync/write-intents';
import { isBackgroundMessage } from '../utils/messaging/protocol';

export function installFakeBackground() {
  const writer = createSyncWriter(fakeBrowser.storage as unknown as SyncWriterStorage, { batchMs: 0 });
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    if (!isBackgroundMessage(message)) return undefined;
    if (message.type === 'favorites:save' || message.type === 'favorites:unsave' || message.type === 'settings:set') {
      return applyIntent(writer, message, Date.now());
    }
    if (message.type === 'feeds:list') return Promise.resolve([]);
    return undefined;
  });
  return writer;
}
