/**
 * The floor: a bench-only extension (bench/floor-extension, never shipped) that shows the same brief
 * with a minimal hand-written panel. Prepared here with the catalog, URL index and hosts of this
 * build, for `npm run bench` and `npm run bench:compare`.
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import catalogJson from '../data/catalog.json';
import { articleHostMatches, hostsOfKind } from '../utils/catalog/blogs';
import { parseCatalog } from '../utils/catalog/catalog-schema';
import { buildUrlIndex } from '../utils/catalog/match';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'bench/out');

/** The floor extension's directory; `inline`: its variant that takes the brief from its own copy, with no message. */
export async function prepareFloorExtension(inline = false): Promise<string> {
  const catalog = parseCatalog(catalogJson);
  const dir = resolve(out, inline ? 'floor-inline-extension' : 'floor-extension');
  await rm(dir, { recursive: true, force: true });
  await cp(resolve(root, 'bench/floor-extension'), dir, { recursive: true });
  await writeFile(resolve(dir, 'catalog.js'), `self.CATALOG = ${JSON.stringify(catalog)};`);
  await writeFile(resolve(dir, 'index.js'), `self.BB_INDEX = ${JSON.stringify(buildUrlIndex(catalog.posts))};`);
  // The hosts come from utils/catalog/blogs.ts, like the extension's own.
  const airbnbTechHosts = hostsOfKind('airbnb-tech');
  await writeFile(resolve(dir, 'hosts.js'), `self.BB_AIRBNB_TECH_HOSTS = ${JSON.stringify(airbnbTechHosts)};`);
  const manifestPath = resolve(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  manifest.content_scripts[0].matches = articleHostMatches();
  if (inline) {
    await writeFile(resolve(dir, 'inline.js'), 'self.BB_INLINE = true;');
    manifest.name += ' (inline)';
    manifest.content_scripts[0].js = ['hosts.js', 'index.js', 'catalog.js', 'inline.js', 'content.js'];
  }
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  return dir;
}
