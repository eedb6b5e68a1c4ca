/**
 * What a sampling profile cannot see, from a trace: Chromium creating an extension's content-script
 * world on a page, compiling its scripts and running them (ScriptInjection::InjectJs, v8.compile).
 * Steadier than `TaskDuration` differences on this machine, where a page's own time swings by more
 * than a content script costs: it counts the extension's own work only.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';
import { evaluateInPage } from './browser';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } } & Record<string, unknown>;
}

/** The trace events of `categories` recorded while `run` runs, on the page of `cdp`. */
export async function recordTrace(
  cdp: CDPSession,
  categories: string[],
  run: () => Promise<unknown>,
): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: unknown }) => void events.push(...(value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: categories },
  } as never);
  await run();
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  return events;
}

export interface Injection {
  /**
   * Chromium's injection at the page's start: creating the world, compiling and running the scripts
   * (ScriptInjection::InjectJs), ms. Scripts injected later (document_end) run outside it.
   */
  inject: number;
  /** The extension's scripts evaluated, whenever injected: compiling and running them (EvaluateScript), ms. */
  evaluate: number;
  /** V8 compiling them, ms. */
  compile: number;
}

/**
 * One load of `url` in a new tab of `context`, traced from navigation to the settled page: after a
 * page of its own site (the renderer warm, as when a reader moves between a blog's pages), or with
 * `fresh`, straight away (a new renderer, as when a reader opens an article from elsewhere).
 */
export async function traceInjection(
  context: BrowserContext,
  extensionId: string,
  url: string,
  { expectBrief, fresh = false }: { expectBrief: boolean; fresh?: boolean },
): Promise<Injection> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (!fresh) await page.goto(new URL('/', url).href, { waitUntil: 'load' });
  const events = await recordTrace(cdp, ['extensions', 'v8', 'devtools.timeline'], async () => {
    await page.goto(url, { waitUntil: 'commit' });
    await evaluateInPage(cdp, `window.__bench.settled(${expectBrief})`);
  });
  await page.close();
  const isOurs = (e: TraceEvent) => JSON.stringify(e.args ?? {}).includes(extensionId);
  const total = (name: string) =>
    events.filter((e) => e.ph === 'X' && e.name === name && isOurs(e)).reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
  return {
    inject: total('ScriptInjection::InjectJs'),
    evaluate: total('EvaluateScript'),
    compile: total('v8.compile'),
  };
}
