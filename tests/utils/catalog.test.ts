import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import catalogJson from '../../data/catalog.json';
import { CatalogError, parseCatalog, TAGS } from '../../utils/catalog';

const catalog = parseCatalog(catalogJson);
const validPost = catalogJson.posts[0]!;

function withFirstPost(patch: Record<string, unknown>) {
  return { ...catalogJson, posts: [{ ...validPost, ...patch }, ...catalogJson.posts.slice(1)] };
}

describe('the bundled catalog', () => {
  it('holds the ten curated briefs, each tagged dist plus two to four topics', () => {
    expect(catalog.posts).toHaveLength(10);
    for (const post of catalog.posts) {
      expect(post.tags[0]).toBe('dist');
      expect(post.tags.length - 1).toBeGreaterThanOrEqual(2);
      expect(post.tags.length - 1).toBeLessThanOrEqual(4);
    }
  });

  // The seed lives beside the repository (../shared), where the team and CI have it.
  const seedPath = resolve(process.cwd(), '../shared/seed/posts-tagged-dist.txt');
  it.runIf(existsSync(seedPath))('carries every summary and bullet of the seed verbatim', () => {
    const seed = readFileSync(seedPath, 'utf8');
    const summaries = [...seed.matchAll(/^Why it matters: (.*)$/gm)].map((m) => m[1]!.trim());
    const bullets = [...seed.matchAll(/^- •(.*)$/gm)].map((m) => m[1]!.trim());
    expect(catalog.posts.map((p) => p.summary)).toEqual(summaries);
    expect(catalog.posts.flatMap((p) => p.bullets)).toEqual(bullets);
  });

  it('uses only tags of the controlled vocabulary', () => {
    for (const post of catalog.posts) for (const tag of post.tags) expect(TAGS).toContain(tag);
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
    ['a tag outside the vocabulary', { tags: ['dist', 'blockchain', 'storage'] }, /field "tags.1"/],
    [
      'a post without the dist tag',
      { tags: ['storage', 'performance', 'analytics'] },
      /field "tags": must include "dist"/,
    ],
    ['a malformed date', { published: '29/09/2025' }, /field "published": must be a date in YYYY-MM-DD form/],
    ['an unknown blog', { blog: 'uber' }, /field "blog"/],
    ['a bad post id', { id: 'not-an-id' }, /post #1 "not-an-id": field "id": must be a 12-character Medium post id/],
  ])('names the post and the field for %s', (_case, patch, message) => {
    expect(() => parseCatalog(withFirstPost(patch))).toThrow(CatalogError);
    expect(() => parseCatalog(withFirstPost(patch))).toThrow(message);
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
