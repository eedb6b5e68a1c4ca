/**
 * Publishes a catalog file as a static feed directory (utils/feeds/feed-format.ts):
 *   npm run feed:build -- <catalog.json> <outDir>
 * The catalog is validated by the same schema as data/catalog.json; an invalid one is refused with
 * the post and field named, and nothing is written. The feed's URL is the URL of <outDir>/index.json.
 * Shards are content-addressed: upload new ones before the index, and old ones can stay. With
 * --key (from npm run feed:keygen) it also writes index.sig, the index's Ed25519 signature.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CatalogError, parseCatalog } from '../utils/catalog/catalog-schema';
import { buildFeed } from '../utils/feeds/feed-format';

const args = process.argv.slice(2);
const keyAt = args.indexOf('--key');
const keyPath = keyAt >= 0 ? args.splice(keyAt, 2)[1] : undefined;
const [catalogPath, outDir] = args;
if (!catalogPath || !outDir || (keyAt >= 0 && !keyPath)) {
  console.error('usage: npm run feed:build -- <catalog.json> <outDir> [--key <feed-key.private.jwk>]');
  process.exit(2);
}

try {
  const catalog = parseCatalog(JSON.parse(await readFile(catalogPath, 'utf8')));
  const privateKey = keyPath ? (JSON.parse(await readFile(keyPath, 'utf8')) as JsonWebKey) : undefined;
  const { index, files } = await buildFeed(catalog, new Date(), privateKey);
  // Shards first, the index (and its signature) last: a reader never finds an index that names a shard
  // not yet there.
  const last = (path: string) => (path.startsWith('index.') ? 1 : 0);
  const ordered = [...files].sort(([a], [b]) => last(a) - last(b));
  for (const [path, text] of ordered) {
    const target = resolve(outDir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
  }
  const bytes = index.shards.reduce((sum, s) => sum + s.bytes, 0);
  console.log(
    `Feed written to ${resolve(outDir)}: ${catalog.posts.length} posts in ${index.shards.length} shards, ${bytes} bytes. Its URL is that of index.json.`,
  );
} catch (error) {
  console.error(error instanceof CatalogError || error instanceof SyntaxError ? error.message : error);
  process.exit(1);
}
