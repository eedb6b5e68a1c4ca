// @vitest-environment node
/**
 * The reader's briefs as a feed: posts the catalog's schema accepts, briefs that cannot be posts
 * left out with the reason, and the same bytes `npm run feed:build` writes for the same posts.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { catalogTag, ownFeedPosts, ownFeedZip } from '../../../utils/export/own-feed';
import type { ArticleNotes } from '../../../utils/notes/own-notes';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');

const notesOn = (
  key: string,
  url: string,
  brief: Partial<NonNullable<ArticleNotes['brief']>> | null,
): ArticleNotes => ({
  article: { key, url, title: `Article ${key}`, blog: 'netflix' },
  brief: brief && {
    why: 'It matters to us.',
    points: ['One point'],
    tags: ['Kafka Streams', 'logging'],
    updatedAt: Date.UTC(2026, 2, 4),
    ...brief,
  },
  highlights: [],
  changedAt: 1,
});
const nothingKnown = () => ({ post: null, news: null });

describe('the reader’s briefs as a feed', () => {
  it('makes each brief a catalog post: its why, its points, its tags in the catalog’s form', () => {
    const { posts, leftOut } = ownFeedPosts(
      [notesOn('medium:5b1f0c2d3e4a', 'https://netflixtechblog.com/how-we-tail-logs-5b1f0c2d3e4a?source=x#y', {})],
      nothingKnown,
    );
    expect(leftOut).toEqual([]);
    expect(posts).toEqual([
      {
        id: '5b1f0c2d3e4a',
        blog: 'netflix',
        title: 'Article medium:5b1f0c2d3e4a',
        url: 'https://netflixtechblog.com/how-we-tail-logs-5b1f0c2d3e4a',
        aliases: [],
        published: '2026-03-04',
        authors: ['Netflix TechBlog'],
        summary: 'It matters to us.',
        bullets: ['One point'],
        tags: ['kafka-streams', 'logging'],
      },
    ]);
  });

  it('leaves out, with the reason, a brief without key points, without tags, or on an article with no post id', () => {
    const { posts, leftOut } = ownFeedPosts(
      [
        notesOn('medium:0123456789ab', 'https://netflixtechblog.com/a-0123456789ab', { points: [] }),
        notesOn('medium:0123456789ac', 'https://netflixtechblog.com/b-0123456789ac', { tags: ['!!!'] }),
        notesOn('airbnb.tech:some-post', 'https://airbnb.tech/infrastructure/some-post/', {}),
        notesOn('medium:0123456789ad', 'https://netflixtechblog.com/c-0123456789ad', null),
      ],
      nothingKnown,
    );
    expect(posts).toEqual([]);
    expect(leftOut.map((l) => l.reason)).toEqual([
      'it has no key points',
      'it has no tags',
      'its address has no Medium post id',
    ]);
  });

  it('turns free-text tags into the catalog’s', () => {
    expect(catalogTag('Service Mesh')).toBe('service-mesh');
    expect(catalogTag('  Café / C++ ')).toBe('cafe-c');
    expect(catalogTag('—')).toBeNull();
  });

  it('zips the same bytes npm run feed:build writes for the same posts, the same every time', async () => {
    const { posts } = ownFeedPosts(
      [
        notesOn('medium:5b1f0c2d3e4a', 'https://netflixtechblog.com/x-5b1f0c2d3e4a', {}),
        notesOn('medium:6c2e1d3f4a5b', 'https://netflixtechblog.com/y-6c2e1d3f4a5b', { why: 'Another.' }),
      ],
      nothingKnown,
    );
    const at = new Date(Date.UTC(2026, 2, 4));
    const zip = await ownFeedZip(posts, at);
    expect(await ownFeedZip(posts, at)).toEqual(zip);
    const files = unzipSync(zip);

    const dir = await mkdtemp(join(tmpdir(), 'bb-own-feed-'));
    await writeFile(join(dir, 'catalog.json'), JSON.stringify({ version: 1, posts }));
    await run('npx', ['tsx', 'scripts/feed-build.ts', join(dir, 'catalog.json'), join(dir, 'feed')], { cwd: root });
    const built = JSON.parse(await readFile(join(dir, 'feed/index.json'), 'utf8')) as {
      generatedAt: string;
      shards: { file: string }[];
    };
    const ours = JSON.parse(strFromU8(files['index.json']!)) as typeof built;
    // The same index but for the moment it was made.
    expect({ ...ours, generatedAt: '' }).toEqual({ ...built, generatedAt: '' });
    for (const { file } of built.shards)
      expect(strFromU8(files[file]!)).toBe(await readFile(join(dir, 'feed', file), 'utf8'));
    expect(Object.keys(files).sort()).toEqual(['index.json', ...built.shards.map((s) => s.file)].sort());
  }, 30_000);
});
