import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import shippedCatalogJson from '../../../data/catalog.json';
import { CatalogError, parseCatalog } from '../../../utils/catalog/catalog-schema';
import catalogJson from '../../test-catalog.json';

const validPost = catalogJson.posts[0]!;

function withFirstPost(patch: Record<string, unknown>) {
  return { ...catalogJson, posts: [{ ...validPost, ...patch }, ...catalogJson.posts.slice(1)] };
}

// The only tests of the shipped catalog's contents: it is valid, and it carries the seed verbatim.
// Everything else runs on tests/test-catalog.json, so adding a brief to data/catalog.json breaks nothing.
describe('the shipped catalog', () => {
  it('is valid (npm run build refuses it otherwise)', () => {
    expect(() => parseCatalog(shippedCatalogJson)).not.toThrow();
  });

  // The seed lives beside the repository (../shared), where the team and CI have it.
  const seedPath = resolve(process.cwd(), '../shared/seed/posts-tagged-dist.txt');
  it.runIf(existsSync(seedPath))('carries every summary and bullet of the seed verbatim', () => {
    const seed = readFileSync(seedPath, 'utf8');
    const summaries = [...seed.matchAll(/^Why it matters: (.*)$/gm)].map((m) => m[1]!.trim());
    const bullets = [...seed.matchAll(/^- •(.*)$/gm)].map((m) => m[1]!.trim());
    expect(summaries.length).toBeGreaterThan(0);
    const posts = parseCatalog(shippedCatalogJson).posts;
    for (const summary of summaries) {
      const post = posts.find((p) => p.summary === summary);
      expect(post, `no post carries the seed summary "${summary.slice(0, 60)}…"`).toBeDefined();
    }
    const shippedBullets = new Set(posts.flatMap((p) => p.bullets));
    for (const bullet of bullets) expect(shippedBullets.has(bullet), bullet).toBe(true);
  });
});

describe('parseCatalog', () => {
  it.each([
    [
      'a link that is not https',
      { url: 'http://netflixtechblog.com/x-028e9637f041' },
      /post #1 "028e9637f041": field "url": .* must be https/,
    ],
    [
      'a link off the blog hosts',
      { url: 'https://example.com/x-028e9637f041' },
      /post #1 "028e9637f041": field "url": .*not on a Netflix TechBlog host/,
    ],
    [
      'an alias that is not an article',
      { aliases: ['https://netflixtechblog.com/tagged/data'] },
      /field "aliases.0": .*not an article URL/,
    ],
    ['a missing summary', { summary: undefined }, /post #1 "028e9637f041": field "summary"/],
    ['an empty bullet list', { bullets: [] }, /field "bullets": must have at least one bullet/],
    ['a tag that is not lower-case words', { tags: ['storage', 'Big Data'] }, /field "tags.1": must be lower-case/],
    ['no tag at all', { tags: [] }, /field "tags": must name at least one topic/],
    ['a repeated tag', { tags: ['storage', 'storage'] }, /field "tags": must not repeat a tag/],
    ['a malformed date', { published: '29/09/2025' }, /field "published": must be a date in YYYY-MM-DD form/],
    ['an unknown blog', { blog: 'uber' }, /field "blog"/],
    ['a bad post id', { id: 'not-an-id' }, /post #1 "not-an-id": field "id": must be a 12-character Medium post id/],
  ])('names the post and the field for %s', (_case, patch, message) => {
    expect(() => parseCatalog(withFirstPost(patch))).toThrow(CatalogError);
    expect(() => parseCatalog(withFirstPost(patch))).toThrow(message);
  });

  it('takes topic tags outside the bundled ones, without the seed tag "dist"', () => {
    const catalog = parseCatalog(withFirstPost({ tags: ['blockchain', 'rust'] }));
    expect(catalog.posts[0]!.tags).toEqual(['blockchain', 'rust']);
  });

  it('reports a duplicated post id against the post that repeats it', () => {
    const input = { ...catalogJson, posts: [...catalogJson.posts, catalogJson.posts[3]] };
    expect(() => parseCatalog(input)).toThrow(/post #11 "aa9ad326fd77": field "id": duplicates post #4/);
  });

  it('reports every invalid post at once, not just the first', () => {
    const input = {
      ...catalogJson,
      posts: catalogJson.posts.map((p, i) => (i === 2 || i === 5 ? { ...p, title: '' } : p)),
    };
    expect(() => parseCatalog(input)).toThrow(/post #3 .*field "title"[\s\S]*post #6 .*field "title"/);
  });

  it('rejects something that is not a catalog at all', () => {
    expect(() => parseCatalog([])).toThrow(/Invalid catalog: field "\(root\)"/);
    expect(() => parseCatalog({ version: 1, posts: [] })).toThrow(/field "posts": must hold at least one post/);
  });
});
