/**
 * `npm run bench:profile [-- --other | --popup | --scroll] [--fresh] [--runs N]`: where Blog Brief's
 * main-thread time goes on a page load (or, with --scroll, over the bench's scroll of a Medium-shaped
 * article after the panel settled), by function and by source file. The question `npm run bench` raises ("what costs
 * the extra milliseconds?"), answered with a sampled CPU profile of the shipped, minified scripts,
 * named through their source maps.
 *
 * Builds with BLOG_BRIEF_SOURCEMAPS=1 (hidden maps beside the built files: the scripts themselves are
 * byte-for-byte the shipped ones), then loads N times, profiling from navigation to the settled page:
 * the catalog article (default), a Medium page that is not an article (--other), or the popup up to
 * its first post (--popup). Self time is per load, averaged. Prints only; writes nothing. Like the
 * bench, timings on this machine move by tens of percent between runs: read the ranking, not the
 * digits. For the pages, N more loads are traced, timing what a sampling profile cannot see:
 * Chromium creating our content scripts' world and compiling them. With --fresh, only those, each in
 * a new tab: a fresh renderer, as when a reader opens an article from elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { type RawSourceMap, SourceMapConsumer } from 'source-map-js';
import {
  ARTICLE_URL,
  closeBrowsers,
  evaluateInPage,
  launch,
  NON_ARTICLE_URL,
  SCROLL_SCRIPT,
  SCROLL_URL,
} from './browser';
import { traceInjection } from './trace';

const root = resolve(import.meta.dirname, '..');
const other = process.argv.includes('--other');
const popup = process.argv.includes('--popup');
/** The bench's scroll of a Medium-shaped article, after the panel settled: what making way costs. */
const scroll = process.argv.includes('--scroll');
/** Each load in a new tab, so in a fresh renderer: traced only (a profiler does not follow a page into a new process). */
const fresh = process.argv.includes('--fresh');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 10;
/** Sampling interval, µs: the whole content script runs for a few tens of ms, so sample densely. */
const INTERVAL_US = 100;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function log(message: string) {
  process.stdout.write(`[profile] ${message}\n`);
}

async function main() {
  log('building with source maps…');
  execFileSync('npx', ['wxt', 'build'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, BLOG_BRIEF_SOURCEMAPS: '1' },
  });
  const dir = resolve(root, '.output/chrome-mv3');
  /** Source maps of the extension's scripts, by path in the extension, read when first sampled. */
  const maps = new Map<string, SourceMapConsumer | null>();
  const mapFor = async (path: string) => {
    if (!maps.has(path)) {
      const raw = await readFile(resolve(dir, `${path}.map`), 'utf8').catch(() => null);
      maps.set(path, raw ? new SourceMapConsumer(JSON.parse(raw) as RawSourceMap) : null);
    }
    return maps.get(path)!;
  };

  const context = await launch(dir);
  const extensionOrigin = `chrome-extension://${new URL(context.serviceWorkers()[0]!.url()).host}`;
  const target = popup ? `${extensionOrigin}/popup.html` : scroll ? SCROLL_URL : other ? NON_ARTICLE_URL : ARTICLE_URL;
  // The profiler lives in a renderer: start it on a page of the target's own site, so the measured
  // navigation stays in that process.
  const sameSite = popup ? target : new URL('/', target).href;
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let ours = 0;
  let gc = 0;
  const add = (totals: Map<string, number>, key: string, ms: number) => totals.set(key, (totals.get(key) ?? 0) + ms);

  /**
   * One load of the target in a new tab (after a page of its own site, unless --fresh), with a
   * recording started just before the navigation and stopped once the page has settled.
   */
  async function recordLoad<T>(
    start: (cdp: CDPSession) => Promise<unknown>,
    stop: (cdp: CDPSession) => Promise<T>,
  ): Promise<T> {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (!fresh) await page.goto(sameSite, { waitUntil: 'load' });
    if (scroll) {
      await page.goto(target, { waitUntil: 'commit' });
      await evaluateInPage(cdp, 'window.__bench.settled(true)');
      await start(cdp);
      await evaluateInPage(cdp, SCROLL_SCRIPT);
    } else {
      await start(cdp);
      await page.goto(target, { waitUntil: 'commit' });
      await evaluateInPage(cdp, popup ? 'window.__bench.firstPostShown()' : `window.__bench.settled(${!other})`);
    }
    const recorded = await stop(cdp);
    await page.close();
    return recorded;
  }

  // Run -1 of each kind is a warm-up: the service worker's first answers, the disk cache.
  for (let run = -1; run < (fresh ? -1 : RUNS); run++) {
    const profile = await recordLoad(
      async (cdp) => {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
        await cdp.send('Profiler.start');
      },
      async (cdp) => ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile,
    );
    if (run < 0) continue;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    for (const [i, id] of profile.samples.entries()) {
      const frame = nodes.get(id)!.callFrame;
      const ms = (profile.timeDeltas[i + 1] ?? INTERVAL_US) / 1000;
      if (frame.functionName === '(garbage collector)') gc += ms;
      if (!frame.url.startsWith(extensionOrigin)) continue;
      ours += ms;
      const script = frame.url.slice(extensionOrigin.length + 1);
      const map = await mapFor(script);
      if (frame.lineNumber < 0 || !map) {
        add(byFile, `${script} (no position: compiling, instantiating)`, ms);
        continue;
      }
      const original = map.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
      const file = original.source
        ? relative(root, resolve(dir, dirname(script), original.source)).replace(/^(\.\.\/)+/, '')
        : script;
      const module = file.includes('node_modules/')
        ? file.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1')
        : file;
      add(byFile, module, ms);
      add(byFunction, `${original.name ?? (frame.functionName || '(anonymous)')}  ${file}:${original.line ?? '?'}`, ms);
    }
  }
  // Then the same loads traced: what the sampling profiler cannot see, Chromium creating our content
  // scripts' world and compiling them (bench/trace.ts).
  const extensionId = new URL(extensionOrigin).host;
  const injections: number[] = [];
  const compiles: number[] = [];
  for (let run = fresh ? -1 : 0; run < (popup || scroll ? 0 : RUNS); run++) {
    const traced = await traceInjection(context, extensionId, target, { expectBrief: !other, fresh });
    if (run < 0) continue;
    injections.push(traced.inject);
    compiles.push(traced.compile);
  }
  await closeBrowsers([context]);

  const table = (title: string, totals: Map<string, number>, limit: number) => {
    console.log(`\n${title}`);
    for (const [key, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
      console.log(`${(ms / RUNS).toFixed(2).padStart(8)} ms  ${key}`);
    }
  };
  console.log(
    `\n${popup ? 'Popup, to its first post' : scroll ? 'Scrolling, after the panel settled' : other ? 'Non-article page' : 'Article page'} ${target}, ${RUNS} loads${fresh ? '' : `, sampled every ${INTERVAL_US} µs`}.`,
  );
  if (!fresh) {
    console.log(
      `Blog Brief's JavaScript: ${(ours / RUNS).toFixed(2)} ms per load (the page's garbage collection, all scripts: ${(gc / RUNS).toFixed(2)} ms).`,
    );
    console.log('Compiling counts where V8 does it: inside a function compiled on its first call, or outside any.');
  }
  if (injections.length) {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(2);
    console.log(
      `Content scripts injected at the page's start, traced (${RUNS} ${fresh ? 'loads, each in a new tab' : 'more loads'}): ${median(injections)} ms median per load ` +
        `(creating their world, compiling ${median(compiles)} ms, running them), range ${Math.min(...injections).toFixed(2)}–${Math.max(...injections).toFixed(2)} ms.`,
    );
  }
  if (fresh) return;
  table('By source file (self time per load)', byFile, 15);
  table('By function (self time per load)', byFunction, 25);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
