/**
 * Markdown for notes apps: front matter a YAML parser reads back exactly, headings and quotes where
 * expected, hostile text written as text, file names safe everywhere.
 */

import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Post } from '../../../utils/catalog/catalog-schema';
import {
  allInOneMarkdown,
  articleMarkdown,
  type ExportArticle,
  markdownZip,
  safeFileName,
} from '../../../utils/export/markdown';
import catalogJson from '../../test-catalog.json';

const post = catalogJson.posts[0] as unknown as Post;
const hostile =
  '---\n# Not a heading *bold* [link](javascript:alert(1)) <img src=x onerror=alert(1)> $x$ ==mark== a: b';

const article = (fields: Partial<ExportArticle> = {}): ExportArticle => ({
  title: post.title,
  url: post.url,
  blog: post.blog,
  post,
  notes: {
    article: { key: 'medium:028e9637f041', url: post.url, title: post.title, blog: post.blog },
    brief: {
      why: 'We run Maestro too.\nIt matters for our ETL.',
      points: ['Rewrite the engine'],
      tags: ['workflow'],
      updatedAt: 2,
    },
    highlights: [
      { id: 'h2', exact: 'second passage', prefix: '', suffix: '', start: 200, note: '', createdAt: 3 },
      {
        id: 'h1',
        exact: 'first passage\nover two lines',
        prefix: '',
        suffix: '',
        start: 10,
        note: 'Why I kept it',
        createdAt: 4,
      },
    ],
    changedAt: 4,
  },
  savedAt: Date.UTC(2026, 0, 2),
  ...fields,
});

/** The front matter, parsed by a YAML parser as Obsidian would. */
function frontMatter(markdown: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!match) throw new Error('no front matter');
  return parse(match[1]!) as Record<string, unknown>;
}

describe('an article as Markdown', () => {
  it('opens with front matter a YAML parser reads back: title, url, blog, published, authors, tags, saved', () => {
    const md = articleMarkdown(article());
    expect(frontMatter(md)).toEqual({
      title: post.title,
      url: post.url,
      blog: 'Netflix TechBlog',
      published: post.published,
      authors: post.authors,
      tags: [...new Set([...post.tags, 'workflow'])],
      saved: '2026-01-02T00:00:00.000Z',
    });
  });

  it('has the curated brief, the reader’s brief and their highlights in page order, as quotes with their notes', () => {
    const md = articleMarkdown(article());
    const headings = md.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      `# ${post.title.replace(/'/g, "'")}`,
      '## Why it matters',
      '## Key points',
      '## Your brief',
      '## Your highlights',
    ]);
    const highlights = md.slice(md.indexOf('## Your highlights'));
    expect(highlights.indexOf('> first passage')).toBeLessThan(highlights.indexOf('> second passage'));
    expect(highlights).toContain('> first passage\n> over two lines\n\nWhy I kept it');
    expect(md).toContain(`- ${post.bullets[0]!.replace(/[\\`*_[\]<>#|~$&]/g, '\\$&')}`);
  });

  it('writes a hostile title and note as text: the front matter, the headings and the quotes still hold', () => {
    const md = articleMarkdown(
      article({
        title: hostile,
        post: null,
        notes: {
          ...article().notes!,
          brief: { why: hostile, points: [hostile], tags: [], updatedAt: 1 },
          highlights: [{ id: 'h', exact: hostile, prefix: '', suffix: '', start: 0, note: hostile, createdAt: 1 }],
        },
      }),
    );
    expect(frontMatter(md).title).toBe(hostile.replace(/\s+/g, ' '));
    const body = md.slice(md.indexOf('\n---\n', 4) + 5);
    const headings = md.split('\n').filter((line) => /^#{1,6} /.test(line));
    expect(headings).toEqual([
      expect.stringMatching(/^# \\--- \\# Not a heading/),
      '## Your brief',
      '## Your highlights',
    ]);
    expect(body).not.toMatch(/(?<!\\)<img/);
    expect(body).not.toMatch(/(?<!\\)\[link\]/);
    expect(body).not.toMatch(/(?<!\\)\$x/);
    // The quote is one block: every line of the hostile passage inside it.
    const quoted = md
      .slice(md.indexOf('## Your highlights'))
      .split('\n')
      .filter((l) => l.startsWith('>'));
    expect(quoted).toHaveLength(hostile.split('\n').length);
  });

  it('puts every article in one file, each with its front matter', () => {
    const md = allInOneMarkdown([article(), article({ title: 'Another', notes: null, post: null, savedAt: null })]);
    expect(md.match(/^# /gm)).toHaveLength(2);
  });
});

describe('the zip of one file per article', () => {
  it('holds one .md per article, names that never clash, each readable back', () => {
    const files = unzipSync(markdownZip([article(), article({ savedAt: null }), article({ title: '../x' })]));
    expect(Object.keys(files)).toEqual([
      `${safeFileName(post.title, new Set())}`,
      `${safeFileName(post.title, new Set()).replace(/\.md$/, ' (2).md')}`,
      'x.md',
    ]);
    for (const bytes of Object.values(files)) expect(frontMatter(strFromU8(bytes)).url).toBe(post.url);
  });
});

describe('file names', () => {
  it('are safe on Windows, macOS and Linux, and never clash', () => {
    const taken = new Set<string>();
    expect(safeFileName('../../etc/passwd', taken)).toBe('etc passwd.md');
    expect(safeFileName('A: "quoted" <b>|?*', taken)).toBe('A quoted b.md');
    expect(safeFileName('CON', taken)).toBe('Article CON.md');
    expect(safeFileName('ends with dots...', taken)).toBe('ends with dots.md');
    expect(safeFileName('Same', taken)).toBe('Same.md');
    expect(safeFileName('same', taken)).toBe('same (2).md');
    expect(safeFileName('', taken)).toBe('Article.md');
    expect([...safeFileName('x'.repeat(300), taken)].length).toBeLessThanOrEqual(83);
  });
});
