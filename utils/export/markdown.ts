/**
 * The reader's articles as Markdown for notes apps (Obsidian, Logseq, any editor): per article, YAML
 * front matter (written by the `yaml` package, so no title can break it), the curated brief, the
 * reader's brief and their highlights as quotes with their notes, in page order. Every text from
 * data is Markdown-escaped, so a title or a note can say anything and the file still reads as
 * written. File names are safe on Windows, macOS and Linux and never clash. Pure.
 */
import { strToU8, zipSync } from 'fflate';
import { stringify } from 'yaml';
import { BLOGS, type BlogId } from '../catalog/blogs';
import type { Post } from '../catalog/catalog-schema';
import type { ArticleNotes } from '../notes/own-notes';

/** One article to export: what the catalog says of it, what the reader wrote, whether it is a favorite. */
export interface ExportArticle {
  title: string;
  url: string;
  /** Null for a favorite whose post left the catalog (its blog is not known any more). */
  blog: BlogId | null;
  post: Post | null;
  notes: ArticleNotes | null;
  /** When the reader saved it to favorites, ms since the epoch; null when not saved. */
  savedAt: number | null;
}

/**
 * Backslash-escapes what Markdown (CommonMark, and Obsidian's additions: `$` math, `==` highlight)
 * would read as syntax, and no more, so the raw file stays readable: inline markup everywhere, and
 * what starts a block (list, heading, quote, numbered item) at a line's start.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\`*_[\]<>#|~$&]/g, '\\$&')
    .replace(/==/g, '=\\=')
    .replace(/^[ \t]+/gm, '')
    .replace(/^([-+=])/gm, '\\$1')
    .replace(/^(\d+)([.)])/gm, '$1\\$2');
}

/** One line: newlines become spaces (a heading or a list item must not break). */
const oneLine = (text: string) => escapeMarkdown(text.replace(/\s*\n\s*/g, ' ').trim());

/** A paragraph: its lines kept, each escaped; blank lines collapsed so no text ends the block early. */
const paragraph = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => escapeMarkdown(line.trim()))
    .filter(Boolean)
    .join('  \n');

/** A block quote of the text, every line inside it. */
const quote = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => `> ${escapeMarkdown(line.trim())}`.trimEnd())
    .join('\n');

export function articleMarkdown(article: ExportArticle): string {
  const { post, notes } = article;
  const front: Record<string, unknown> = {
    // One line: notes apps show the title field as the note's name.
    title: article.title.replace(/\s+/g, ' ').trim(),
    url: article.url,
  };
  if (article.blog) front.blog = BLOGS[article.blog].name;
  if (post) {
    front.published = post.published;
    front.authors = post.authors;
  }
  const tags = [...new Set([...(post?.tags ?? []), ...(notes?.brief?.tags ?? [])])];
  if (tags.length) front.tags = tags;
  if (article.savedAt !== null) front.saved = new Date(article.savedAt).toISOString();
  const parts = [`---\n${stringify(front, { lineWidth: 0 })}---`, `# ${oneLine(article.title)}`];
  if (post) {
    parts.push('## Why it matters', paragraph(post.summary));
    parts.push('## Key points', post.bullets.map((b) => `- ${oneLine(b)}`).join('\n'));
  }
  if (notes?.brief) {
    parts.push('## Your brief', paragraph(notes.brief.why));
    if (notes.brief.points.length) parts.push(notes.brief.points.map((p) => `- ${oneLine(p)}`).join('\n'));
  }
  const highlights = [...(notes?.highlights ?? [])].sort((a, b) => a.start - b.start);
  if (highlights.length) {
    parts.push('## Your highlights');
    for (const h of highlights) {
      parts.push(quote(h.exact));
      if (h.note.trim()) parts.push(paragraph(h.note));
    }
  }
  parts.push(`[Read the article](<${article.url.replace(/[<>\s]/g, encodeURIComponent)}>)`);
  return `${parts.join('\n\n')}\n`;
}

/** Every article in one file, each after a rule. */
export function allInOneMarkdown(articles: readonly ExportArticle[]): string {
  return articles.map(articleMarkdown).join('\n---\n\n');
}

/** Names Windows reserves whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const MAX_NAME = 80;

/**
 * A file name for the title, safe on Windows, macOS and Linux: no path separators or characters
 * Windows refuses, no control characters, no leading dots (hidden files, `..`), no trailing dot or
 * space, not a reserved device name, at most 80 characters; " (2)", " (3)"… where `taken` holds it
 * already (case-insensitively, as Windows and macOS compare names).
 */
export function safeFileName(title: string, taken: Set<string>, extension = '.md'): string {
  let base = title
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .trim();
  base = [...base]
    .slice(0, MAX_NAME)
    .join('')
    .replace(/[\s.]+$/, '');
  if (!base || RESERVED.test(base.split('.')[0]!)) base = `Article ${base}`.trim();
  let name = `${base}${extension}`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})${extension}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Every article as its own `.md`, in one zip (fflate): a folder for a notes app's vault. */
export function markdownZip(articles: readonly ExportArticle[], at = new Date()): Uint8Array {
  const taken = new Set<string>();
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const article of articles)
    files[safeFileName(article.title, taken)] = [strToU8(articleMarkdown(article)), { mtime: at }];
  return zipSync(files, { level: 6 });
}
