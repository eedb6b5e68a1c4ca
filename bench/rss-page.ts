/**
 * Runs in a Chromium page (bundled by bench/run.ts): the background's RSS reading (utils/news/rss.ts)
 * on the real Netflix TechBlog feed of ../shared. Exposes window.rssBench(xml, runs): ms per parse.
 */
import { parseRss } from '../utils/news/rss';

(window as unknown as { rssBench: unknown }).rssBench = (xml: string, runs: number) => {
  parseRss(xml, 'netflix'); // warm-up: the first parse compiles the code
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const { articles } = parseRss(xml, 'netflix');
    samples.push(performance.now() - start);
    if (articles.length !== 10) throw new Error(`expected 10 articles, read ${articles.length}`);
  }
  return samples;
};
