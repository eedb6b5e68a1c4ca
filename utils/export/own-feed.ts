/**
 * The reader's briefs published as a feed of briefs, in exactly the format `npm run feed:build`
 * writes (utils/feeds/feed-format.ts buildFeed: an index and content-addressed shards), zipped
 * (fflate) for upload to any static host. A teammate who adds the feed sees these briefs beside the
 * articles as curated briefs. Pure.
 *
 * A reader's brief becomes a catalog post: "why it matters" is its summary, the key points its
 * bullets, the tags (normalized to the catalog's tag rule) its tags. What the reader did not write
 * comes from what Blog Brief knows of the article (its catalog brief, its blog's RSS feed): the date
 * and the authors; where nothing is known, the date of the brief and the blog's name. Each post is
 * checked by the catalog's own schema; a brief that cannot be a post is left out, with the reason.
 */
import { strToU8, zipSync } from 'fflate';
import { BLOGS } from '../catalog/blogs';
import { type Catalog, type Post, PostSchema } from '../catalog/catalog-schema';
import { MAX_TAG_LENGTH, MAX_TAGS, TAG_PATTERN } from '../catalog/tags';
import { buildFeed } from '../feeds/feed-format';
import type { NewArticle } from '../news/new-article';
import type { ArticleNotes } from '../notes/own-notes';

/** What Blog Brief knows of an article besides the reader's notes. */
export interface KnownArticle {
  post: Post | null;
  news: NewArticle | null;
}

export interface OwnFeedPosts {
  posts: Post[];
  /** Briefs that could not be posts: the article's title and why. */
  leftOut: { title: string; reason: string }[];
}

/** A free-text tag as a catalog tag: "Service Mesh" -> "service-mesh"; null when nothing is left. */
export function catalogTag(tag: string): string | null {
  const slug = tag
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_TAG_LENGTH)
    .replace(/-+$/, '');
  return slug && TAG_PATTERN.test(slug) ? slug : null;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function ownFeedPosts(
  notes: readonly ArticleNotes[],
  known: (notes: ArticleNotes) => KnownArticle,
): OwnFeedPosts {
  const result: OwnFeedPosts = { posts: [], leftOut: [] };
  for (const note of notes) {
    const { article, brief } = note;
    if (!brief) continue;
    const { post, news } = known(note);
    const id = /^medium:([0-9a-f]{12})$/.exec(article.key)?.[1] ?? post?.id;
    if (!id) {
      result.leftOut.push({ title: article.title, reason: 'its address has no Medium post id' });
      continue;
    }
    const own = brief.tags.map(catalogTag).filter((t): t is string => t !== null);
    const tags = [...new Set([...own, ...(post?.tags ?? []), ...(news?.tags.map(catalogTag) ?? [])])]
      .filter((t): t is string => Boolean(t))
      .slice(0, MAX_TAGS);
    const url = new URL(post?.url ?? article.url);
    const candidate = {
      id,
      blog: article.blog,
      title: post?.title ?? news?.title ?? article.title,
      url: `${url.origin}${url.pathname}`,
      aliases: [],
      published: post?.published ?? (news ? day(news.published) : day(brief.updatedAt)),
      authors: post?.authors ?? (news?.author ? [news.author] : [BLOGS[article.blog].name]),
      summary: brief.why,
      bullets: brief.points,
      tags,
    };
    const checked = PostSchema.safeParse(candidate);
    if (checked.success) result.posts.push(checked.data);
    else {
      const issue = checked.error.issues[0]!;
      const field = String(issue.path[0] ?? '');
      const reason =
        field === 'bullets'
          ? 'it has no key points'
          : field === 'tags' && tags.length === 0
            ? 'it has no tags'
            : `field "${issue.path.join('.')}": ${issue.message}`;
      result.leftOut.push({ title: article.title, reason });
    }
  }
  return result;
}

/**
 * The feed's files, zipped: the same bytes as `npm run feed:build` writes for these posts. Its
 * `generatedAt` is the latest brief's time, so the same briefs always make the same zip.
 */
export async function ownFeedZip(posts: readonly Post[], generatedAt: Date): Promise<Uint8Array> {
  const catalog: Catalog = { version: 1, posts: [...posts] };
  const { files } = await buildFeed(catalog, generatedAt);
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [path, text] of files) entries[path] = [strToU8(text), { mtime: generatedAt }];
  return zipSync(entries, { level: 6 });
}
