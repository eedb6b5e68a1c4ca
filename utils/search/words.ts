/**
 * Search words: one tokenizer for indexing posts and for what the reader types, so both sides agree
 * on what a "word" is. Matching is by word prefix ("kaf" finds "Kafka"), case-insensitive.
 */
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased words of a text, in order, repeats kept. */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Distinct words of the query; a word that is a prefix of another adds nothing and is dropped. */
export function queryWords(query: string): string[] {
  const unique = [...new Set(words(query))];
  return unique.filter((w) => !unique.some((other) => other !== w && other.startsWith(w)));
}

/** The fields search covers, as one deduplicated word list: what the query index (utils/search/search-index.ts) indexes. */
export function searchTerms(post: {
  title: string;
  summary: string;
  bullets: readonly string[];
  tags: readonly string[];
  authors: readonly string[];
}): string[] {
  const all = new Set<string>();
  for (const text of [post.title, post.summary, ...post.bullets, ...post.tags, ...post.authors]) {
    for (const w of words(text)) all.add(w);
  }
  return [...all];
}

export interface TextSegment {
  text: string;
  match: boolean;
}

/**
 * Splits text into plain and matched segments: a match is the prefix of a word that starts with a
 * query word. The UI renders segments as text nodes (<mark> for matches), never as HTML.
 */
export function highlightSegments(text: string, query: readonly string[]): TextSegment[] {
  if (query.length === 0) return [{ text, match: false }];
  const segments: TextSegment[] = [];
  let last = 0;
  for (const found of text.matchAll(WORD)) {
    const word = found[0].toLowerCase();
    let longest = 0;
    for (const q of query) if (q.length > longest && word.startsWith(q)) longest = q.length;
    if (longest === 0) continue;
    const start = found.index;
    if (start > last) segments.push({ text: text.slice(last, start), match: false });
    segments.push({ text: text.slice(start, start + longest), match: true });
    last = start + longest;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}
