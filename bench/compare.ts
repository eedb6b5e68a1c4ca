/**
 * `npm run bench:compare [-- --scroll] [--runs N] [build dir…]`: where an article page's main-thread
 * time goes, by kind of work, for builds of Blog Brief side by side with the floor and with no
 * extension. The question `npm run bench` leaves open when a number moves ("more style? more
 * layout? more script?"), answered from traces, alternating the variants like the bench does.
 *
 * Each load is traced from navigation to the settled page (bench/browser.ts), after a page of the
 * same site so the renderer is warm; with --scroll, the bench's scroll of a Medium-shaped article
 * is traced instead, after the panel settled. Without build directories it builds the extension and
 * compares that build. Prints medians per load; writes nothing. Timings on this machine move by tens
 * of percent between runs: compare variants within one run, and read the counts as much as the ms.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { ARTICLE_URL, closeBrowsers, evaluateInPage, launch, SCROLL_SCRIPT, SCROLL_URL } from './browser';
import { prepareFloorExtension } from './floor';
import { recordTrace, type TraceEvent } from './trace';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const scroll = args.includes('--scroll');
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 10;
const dirs = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');

/** What each row sums over the page's main thread: event names, or a predicate. */
const ROWS: [string, (e: TraceEvent) => boolean][] = [
  ['all tasks', (e) => e.name === 'ThreadControllerImpl::RunTask'],
  ['style (UpdateLayoutTree)', (e) => e.name === 'UpdateLayoutTree'],
  ['layout', (e) => e.name === 'Layout'],
  ['paint (PrePaint, Paint, Layerize)', (e) => ['PrePaint', 'Paint', 'Layerize'].includes(e.name)],
  ['scripts evaluated (EvaluateScript)', (e) => e.name === 'EvaluateScript'],
  ['… compiling (v8.compile)', (e) => e.name === 'v8.compile'],
  ['extension callbacks (FunctionCall)', (e) => e.name === 'FunctionCall' && isExtension(e)],
  ['events dispatched (the page’s handlers, with any style or layout they force)', (e) => e.name === 'EventDispatch'],
  ['intersection observers', (e) => e.name === 'IntersectionObserverController::computeIntersections'],
];
const COUNTS: [string, string][] = [
  ['style recalculations', 'UpdateLayoutTree'],
  ['layouts', 'Layout'],
];

function isExtension(e: TraceEvent): boolean {
  return String(e.args?.data?.url ?? '').startsWith('chrome-extension://');
}

async function traceOnce(context: BrowserContext, expectBrief: boolean): Promise<Map<string, number>> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const url = scroll ? SCROLL_URL : ARTICLE_URL;
  const trace = (run: () => Promise<unknown>) =>
    recordTrace(cdp, ['devtools.timeline', 'v8', 'blink', 'toplevel'], run);
  let events: TraceEvent[];
  if (scroll) {
    await page.goto(url, { waitUntil: 'commit' });
    await evaluateInPage(cdp, `window.__bench.settled(${expectBrief})`);
    events = await trace(() => evaluateInPage(cdp, SCROLL_SCRIPT));
  } else {
    await page.goto(new URL('/', url).href, { waitUntil: 'load' });
    events = await trace(async () => {
      await page.goto(url, { waitUntil: 'commit' });
      await evaluateInPage(cdp, `window.__bench.settled(${expectBrief})`);
    });
  }
  const dclToBrief =
    expectBrief && !scroll ? await evaluateInPage<number>(cdp, 'window.__bench.brief - window.__bench.dcl') : NaN;
  await page.close();
  // The renderer's main thread with the most work: the page's (the previous page's may share the trace).
  const threads = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const perThread = threads.map((t) => events.filter((e) => e.ph === 'X' && e.pid === t.pid && e.tid === t.tid));
  const main = perThread.sort((a, b) => b.length - a.length)[0] ?? [];
  const result = new Map<string, number>();
  for (const [label, test] of ROWS)
    result.set(
      label,
      main.filter(test).reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0),
    );
  for (const [label, name] of COUNTS) result.set(label, main.filter((e) => e.name === name).length);
  if (!Number.isNaN(dclToBrief)) result.set('DOMContentLoaded to brief', dclToBrief);
  return result;
}

async function main() {
  if (dirs.length === 0) {
    process.stdout.write('[compare] building the extension…\n');
    execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' });
    dirs.push('.output/chrome-mv3');
  }
  const variants: [string, BrowserContext, boolean][] = [
    ['no extension', await launch(null), false],
    ['floor', await launch(await prepareFloorExtension()), true],
  ];
  for (const dir of dirs) variants.push([dir, await launch(resolve(root, dir)), true]);
  const samples = new Map<string, Map<string, number[]>>();
  for (const [_name, context, brief] of variants) await traceOnce(context, brief); // warm-up
  for (let run = 0; run < RUNS; run++) {
    process.stdout.write(`[compare] run ${run + 1}/${RUNS}\n`);
    const order = variants.map((_, i) => variants[(i + run) % variants.length]!);
    for (const [name, context, brief] of order) {
      const byRow = samples.get(name) ?? new Map<string, number[]>();
      samples.set(name, byRow);
      for (const [row, value] of await traceOnce(context, brief)) byRow.set(row, [...(byRow.get(row) ?? []), value]);
    }
  }
  await closeBrowsers(variants.map(([, context]) => context));
  const median = (xs: number[] = []) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
  const names = variants.map(([name]) => name);
  const rows = [...ROWS.map(([l]) => l), ...COUNTS.map(([l]) => l), ...(scroll ? [] : ['DOMContentLoaded to brief'])];
  const lines = [
    `${scroll ? 'Scrolling a Medium-shaped article (80 frames × 100 px)' : 'Loading a catalog article'}: medians of ${RUNS} traced runs, ms (counts as counted)`,
    '',
    `| | ${names.join(' | ')} |`,
    `|---|${names.map(() => '---:').join('|')}|`,
    ...rows.map(
      (row) =>
        `| ${row} | ${names.map((n) => median(samples.get(n)?.get(row)).toFixed(COUNTS.some(([l]) => l === row) ? 0 : 2)).join(' | ')} |`,
    ),
  ];
  process.stdout.write(`\n${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
