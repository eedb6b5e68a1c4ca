/**
 * The article's text as one string, and back: what highlights are anchored in
 * (utils/notes/anchoring.ts). The text is the concatenated text nodes of the article element, in
 * document order, so offsets are the same on every visit as long as the article's text is.
 */

export interface ArticleText {
  root: Element;
  text: string;
  nodes: Text[];
  /** Where each node's text starts in `text`. */
  starts: number[];
}

/** Text that is not the article's prose, even inside <article>. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'BUTTON', 'SVG']);

/** The article element: Medium's posts, on every layout of 2019–2025, are in one <article>. */
export function articleRoot(): Element | null {
  return document.querySelector('article') ?? document.querySelector('main');
}

export function readArticleText(root: Element): ArticleText {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
        if (SKIPPED.has(el.tagName.toUpperCase())) return NodeFilter.FILTER_REJECT;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node.data.length === 0) continue;
    nodes.push(node);
    starts.push(length);
    parts.push(node.data);
    length += node.data.length;
  }
  return { root, text: parts.join(''), nodes, starts };
}

/** A range's offsets in the article's text, or null when it is not (wholly) in the article. */
export function offsetsOf(article: ArticleText, range: Range): { start: number; end: number } | null {
  if (!article.root.contains(range.commonAncestorContainer)) return null;
  const start = boundary(article, range.startContainer, range.startOffset);
  const end = boundary(article, range.endContainer, range.endOffset);
  return start === null || end === null || end <= start ? null : { start, end };
}

/** A boundary point as an offset in the text: within a text node, or before the next text node. */
function boundary(article: ArticleText, container: Node, offset: number): number | null {
  if (container.nodeType === Node.TEXT_NODE) {
    const index = article.nodes.indexOf(container as Text);
    return index < 0 ? null : article.starts[index]! + offset;
  }
  // Between children: the first of our text nodes at or after that point.
  const point = document.createRange();
  point.setStart(container, offset);
  for (let i = 0; i < article.nodes.length; i++) {
    if (point.comparePoint(article.nodes[i]!, 0) >= 0) return article.starts[i]!;
  }
  return article.text.length;
}

/** The DOM range of text[start, end). */
export function rangeOf(article: ArticleText, start: number, end: number): Range | null {
  const from = position(article, start, false);
  const to = position(article, end, true);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The node and offset of a text offset (at a node's end rather than the next one's start, for an end). */
function position(article: ArticleText, at: number, isEnd: boolean): { node: Text; offset: number } | null {
  const { starts, nodes } = article;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! < at || (!isEnd && starts[mid] === at)) low = mid;
    else high = mid - 1;
  }
  const node = nodes[low];
  if (!node) return null;
  const offset = at - starts[low]!;
  return offset < 0 || offset > node.data.length ? null : { node, offset };
}
