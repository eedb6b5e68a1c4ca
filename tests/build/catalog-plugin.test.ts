// @vitest-environment node
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { urlIndexModule } from '../../build/catalog-plugin';
import { parseCatalog } from '../../utils/catalog/catalog-schema';
import { buildUrlIndex, findPostId } from '../../utils/catalog/match';
import catalogJson from '../test-catalog.json';

describe('the URL index module the content script ships', () => {
  it('reads back as the index it was made from, including a post served under another post id', async () => {
    const posts = parseCatalog(catalogJson).posts;
    const first = posts[0]!;
    // A copy of the first post at a URL that carries another Medium id (a re-published article).
    const index = buildUrlIndex([
      ...posts.slice(1),
      { ...first, aliases: [...first.aliases, `${first.url}-0123456789ab`.replace(first.id, 'x')] },
    ]);
    expect(index.medium['0123456789ab']).toBe(first.id);
    const dir = await mkdtemp(join(tmpdir(), 'bb-url-index-'));
    const file = join(dir, 'url-index.mjs');
    await writeFile(file, urlIndexModule(index));
    const shipped = (await import(pathToFileURL(file).href)).default;
    expect(shipped).toEqual(index);
    expect(findPostId(posts[1]!.url, shipped)).toBe(posts[1]!.id);
  });
});
