// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseFeedIndex } from '../../utils/feeds/feed-format';
import { verifyIndex } from '../../utils/feeds/feed-signing';
import catalogJson from '../test-catalog.json';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const feedBuild = (...args: string[]) =>
  run('npx', ['tsx', 'scripts/feed-build.ts', ...args], { cwd: root }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe('npm run feed:build', () => {
  it('publishes a catalog file as index.json and its shards', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bb-feed-'));
    await writeFile(join(dir, 'catalog.json'), JSON.stringify(catalogJson));
    const result = await feedBuild(join(dir, 'catalog.json'), join(dir, 'feed'));
    expect(result.code).toBe(0);
    const index = parseFeedIndex(await readFile(join(dir, 'feed/index.json'), 'utf8'));
    expect(index.shards.reduce((n, s) => n + s.posts, 0)).toBe(catalogJson.posts.length);
    expect((await readdir(join(dir, 'feed/shards'))).sort()).toEqual(
      index.shards.map((s) => `${s.sha256}.json`).sort(),
    );
  }, 30_000);

  it('signs the index with a key from feed:keygen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bb-feed-'));
    await writeFile(join(dir, 'catalog.json'), JSON.stringify(catalogJson));
    await run('npx', ['tsx', 'scripts/feed-keygen.ts', join(dir, 'keys')], { cwd: root });
    const result = await feedBuild(
      join(dir, 'catalog.json'),
      join(dir, 'feed'),
      '--key',
      join(dir, 'keys/feed-key.private.jwk'),
    );
    expect(result.code).toBe(0);
    const publicKey = (await readFile(join(dir, 'keys/feed-key.public.txt'), 'utf8')).trim();
    const index = await readFile(join(dir, 'feed/index.json'), 'utf8');
    const signature = await readFile(join(dir, 'feed/index.sig'), 'utf8');
    expect(await verifyIndex(index, signature, publicKey)).toBe(true);
    expect(await verifyIndex(index.replace('"catalogVersion"', '"catalogVersion" '), signature, publicKey)).toBe(false);
  }, 60_000);

  it('refuses an invalid catalog with the post and field named, and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bb-feed-'));
    const bad = { ...catalogJson, posts: [{ ...catalogJson.posts[0], url: 'http://netflixtechblog.com/x' }] };
    await writeFile(join(dir, 'catalog.json'), JSON.stringify(bad));
    const result = await feedBuild(join(dir, 'catalog.json'), join(dir, 'feed'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/post #1 "[0-9a-f]{12}": field "url": .* must be https/);
    expect(await readdir(dir)).toEqual(['catalog.json']);
  }, 30_000);
});
