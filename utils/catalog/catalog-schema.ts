/**
 * The one definition of a catalog post. The zod schema is the source of truth; the TypeScript type is
 * inferred from it. parseCatalog() turns any invalid catalog into a CatalogError that names the post
 * and the field, so a bad edit to data/catalog.json fails the build, the tests and the install with a
 * message a curator can act on.
 */

import { BLOG_IDS, BLOGS, type BlogId, blogHosts } from './blogs';
import { urlKey } from './match';
import { MAX_TAG_LENGTH, MAX_TAGS, TAG_PATTERN } from './tags';
import { z } from './zod';

export type { Tag } from './tags';

const nonEmptyText = z.string().trim().min(1, 'must not be empty');

function articleUrl(blog: BlogId) {
  return z.string().superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a URL` });
      return;
    }
    if (url.protocol !== 'https:') ctx.addIssue({ code: 'custom', message: `"${value}" must be https` });
    else if (!blogHosts(blog).includes(url.hostname)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not on a ${BLOGS[blog].name} host (${blogHosts(blog).join(', ')})`,
      });
    } else if (urlKey(value) === null) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not an article URL Blog Brief can recognize` });
    }
  });
}

const postFields = {
  /** Medium's post id: the stable identity of an article across all its URLs. */
  id: z.string().regex(/^[0-9a-f]{12}$/, 'must be a 12-character Medium post id (hex)'),
  blog: z.enum(BLOG_IDS),
  title: nonEmptyText,
  url: z.string(),
  aliases: z.array(z.string()),
  published: z.iso.date('must be a date in YYYY-MM-DD form'),
  authors: z.array(nonEmptyText).min(1, 'must name at least one author'),
  summary: nonEmptyText,
  bullets: z.array(nonEmptyText).min(1, 'must have at least one bullet'),
  tags: z
    .array(
      z
        .string()
        .max(MAX_TAG_LENGTH, `must be at most ${MAX_TAG_LENGTH} characters`)
        .regex(TAG_PATTERN, 'must be lower-case words joined by hyphens, such as "service-mesh"'),
    )
    .min(1, 'must name at least one topic')
    .max(MAX_TAGS, `must have at most ${MAX_TAGS} tags`)
    .refine((tags) => new Set(tags).size === tags.length, 'must not repeat a tag'),
};

export const PostSchema = z.object(postFields).superRefine((post, ctx) => {
  // Links are checked against the post's own blog, so the check needs the parsed `blog` field.
  for (const [path, value] of [['url', post.url], ...post.aliases.map((a, i) => [`aliases.${i}`, a])] as const) {
    const result = articleUrl(post.blog).safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues)
        ctx.addIssue({ code: 'custom', path: String(path).split('.'), message: issue.message });
    }
  }
});
export type Post = z.infer<typeof PostSchema>;

export const CatalogSchema = z.object({
  version: z.number().int().positive(),
  posts: z.array(z.unknown()).min(1, 'must hold at least one post'),
});

export interface Catalog {
  version: number;
  posts: Post[];
}

export class CatalogError extends Error {
  override name = 'CatalogError';
}

/** Validates a catalog, post by post, so each message can name the post it is about. */
export function parseCatalog(input: unknown): Catalog {
  const outer = CatalogSchema.safeParse(input);
  if (!outer.success) throw new CatalogError(`Invalid catalog: ${describeIssues(outer.error.issues)}`);
  const problems: string[] = [];
  const posts: Post[] = [];
  const seen = new Map<string, number>();
  outer.data.posts.forEach((raw, index) => {
    const result = PostSchema.safeParse(raw);
    const label = postLabel(raw, index);
    if (!result.success) {
      problems.push(`${label}: ${describeIssues(result.error.issues)}`);
      return;
    }
    const earlier = seen.get(result.data.id);
    if (earlier !== undefined) problems.push(`${label}: field "id": duplicates post #${earlier + 1}`);
    seen.set(result.data.id, index);
    posts.push(result.data);
  });
  if (problems.length) throw new CatalogError(`Invalid catalog:\n  ${problems.join('\n  ')}`);
  return { version: outer.data.version, posts };
}

function postLabel(raw: unknown, index: number): string {
  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const name = typeof record.id === 'string' ? record.id : typeof record.title === 'string' ? record.title : '(no id)';
  return `post #${index + 1} "${name}"`;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `field "${issue.path.join('.') || '(root)'}": ${issue.message}`).join('; ');
}
