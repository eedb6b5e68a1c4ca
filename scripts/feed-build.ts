/**
 * Publishes a catalog file as a static feed directory (utils/feed.ts):
 *   npm run feed:build -- <catalog.json> <outDir>
 * The catalog is validated by the same schema as data/catalog.json; an invalid one is refused with
 * the post and field named, and nothing is written. The feed's URL is the URL of <outDir>/index.json.
 * Shards are content-addressed: upload new ones before the index, and old ones can stay.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CatalogError, parseCatalog } from '../utils/catalog';
import { buildFeed } from '../utils/feed';

const [catalogPath, outDir] = process.argv.slice(2);
if (!catalogPath || !outDir) {
  console.error('usage: npm run feed:build -- <catalog.json> <outDir>');
  process.exit(2);
}

try {
  const catalog = parseCatalog(JSON.parse(await readFile(catalogPath, 'utf8')));
  const { index, files } = await buildFeed(catalog);
  // Shards first, the index last: a reader never finds an index that names a shard not yet there.
  const ordered = [...files].sort(([a], [b]) => (a === 'index.json' ? 1 : b === 'index.json' ? -1 : 0));
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
