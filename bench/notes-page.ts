/**
 * Runs in a Chromium page (bundled by bench/run.ts): the reader's highlights found again and painted
 * on a long article, through the content script's own code (content/notes/find-highlights.ts,
 * content/notes/paint.ts). Exposes window.notesBench.
 *
 * The article is 50,000 characters in 100 paragraphs, with 50 highlights spread through it, found in
 * three states of the text: as saved (each quote at its offset), after a paragraph was added at the
 * top (every offset moved: found by their quotes), and after every highlighted passage was edited by
 * a word (found approximately, the costliest path).
 */
import { findHighlights } from '../content/notes/find-highlights';
import { paintHighlights } from '../content/notes/paint';
import { describeQuote } from '../utils/notes/anchoring';
import type { Highlight } from '../utils/notes/own-notes';

const PARAGRAPHS = 100;
const HIGHLIGHTS = 50;
const WORDS = ['stream', 'latency', 'shard', 'replica', 'queue', 'cache', 'deploy', 'index', 'graph', 'batch'];

/** A paragraph of ~500 characters whose sentences differ from every other paragraph's. */
function paragraph(n: number): string {
  const sentences: string[] = [];
  for (let s = 0; sentences.join(' ').length < 490; s++) {
    const w = (k: number) => WORDS[(n * 7 + s * 3 + k) % WORDS.length];
    sentences.push(`In section ${n}.${s} the ${w(0)} service moved its ${w(1)} work behind a ${w(2)} layer.`);
  }
  return sentences.join(' ').slice(0, 500);
}

const saved = Array.from({ length: PARAGRAPHS }, (_, n) => paragraph(n));

function render(paragraphs: string[]): string {
  const article = document.querySelector('article')!;
  article.replaceChildren(
    ...paragraphs.map((text) => {
      const p = document.createElement('p');
      p.textContent = text;
      return p;
    }),
  );
  return article.textContent ?? '';
}

/** 50 highlights of the saved text: one passage of ~60 characters in every other paragraph. */
function describeHighlights(): Highlight[] {
  const text = render(saved);
  return Array.from({ length: HIGHLIGHTS }, (_, i) => {
    const start = saved.slice(0, i * 2).join('').length + 100;
    return { ...describeQuote(text, start, start + 60), id: `h${i}`, note: '', createdAt: 1 };
  });
}

const highlights = describeHighlights();

const states: Record<string, () => string[]> = {
  saved: () => saved,
  shifted: () => [paragraph(1000), ...saved],
  edited: () => saved.map((text, n) => (n % 2 === 0 ? `${text.slice(0, 130)}indeed ${text.slice(130)}` : text)),
};

(window as unknown as { notesBench: unknown }).notesBench = {
  characters: () => (document.querySelector('article')?.textContent ?? '').length,
  /** Renders the article in a state, with nothing painted. */
  prepare(state: string) {
    paintHighlights([]);
    render(states[state]!());
  },
  /** Finds and paints every highlight: the script's time, ms, and how many were found exactly. */
  findAndPaint() {
    const start = performance.now();
    const { ranges, places } = findHighlights(highlights);
    paintHighlights([...ranges.values()]);
    const ms = performance.now() - start;
    return { ms, found: Object.values(places).filter((p) => p !== 'missing').length };
  },
  /** Two frames: what the browser draws after the script, traced by the bench. */
  frames: () =>
    new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve)))),
};
