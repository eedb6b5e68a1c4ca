/**
 * Makes a key pair for signing a feed: npm run feed:keygen -- <dir>
 * Writes <dir>/feed-key.private.jwk (keep it secret; pass it to feed:build --key) and
 * <dir>/feed-key.public.txt, the public key readers paste beside the feed's URL.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { generateFeedKeys } from '../utils/feeds/feed-signing';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run feed:keygen -- <dir>');
  process.exit(2);
}
const { publicKey, privateKey } = await generateFeedKeys();
await mkdir(dir, { recursive: true });
await writeFile(resolve(dir, 'feed-key.private.jwk'), `${JSON.stringify(privateKey)}\n`, { mode: 0o600 });
await writeFile(resolve(dir, 'feed-key.public.txt'), `${publicKey}\n`);
console.log(`Public key (readers paste it beside the feed's URL): ${publicKey}`);
console.log(
  `Private key: ${resolve(dir, 'feed-key.private.jwk')} (keep it secret; npm run feed:build -- … --key <it>)`,
);
