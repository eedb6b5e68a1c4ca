/**
 * The reader's notes, measured (issue 21): 50 highlights of a 50,000-character article found again
 * and painted, on the page's main thread, in a real Chromium page running the content script's own
 * code (bench/notes-page.ts); and the bytes the notes' code costs, apart from the panel's.
 *
 * What a run counts: the script (finding every highlight and registering the ranges, timed in the
 * page) and the rendering the browser does for them in the next two frames (style, layout, pre-paint
 * and paint events of the renderer's main thread, from a trace), less the same two frames' rendering
 * with nothing new to paint (the floor).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { benchPageScript, evaluateInPage } from './browser';
import { recordTrace, type TraceEvent } from './trace';

export const NOTES_STATES = {
  saved: 'as saved',
  shifted: 'after a paragraph was added above them',
  edited: 'after every highlighted passage was edited',
} as const;
export type NotesState = keyof typeof NOTES_STATES;

export interface NotesBenchResult {
  characters: number;
  /** Per run: the script's ms, the two frames' rendering after it, the same frames with nothing new (the floor). */
  states: Record<NotesState, { script: number[]; rendering: number[]; floor: number[]; found: number }>;
}

/** Main-thread rendering work, per trace event name (Chromium's devtools.timeline category). */
const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'UpdateLayer']);

function renderingMs(events: TraceEvent[]): number {
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return events
    .filter((e) => e.ph === 'X' && RENDERING.has(e.name) && mainThreads.has(`${e.pid}:${e.tid}`))
    .reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
}

export async function notesBench(context: BrowserContext, runs: number, root: string): Promise<NotesBenchResult> {
  const script = await benchPageScript(resolve(root, 'bench/notes-page.ts'));
  const css = await readFile(resolve(root, 'public/own-notes.css'), 'utf8');
  await context.route('https://bench.invalid/notes', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><meta charset="utf-8"><style>${css} body{max-width:42rem;margin:auto;font:18px/1.6 Georgia,serif}</style><article></article><script>${script}</script>`,
    }),
  );
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('https://bench.invalid/notes');
  const cdp = await context.newCDPSession(page);
  const call = <T>(expression: string) => evaluateInPage<T>(cdp, `window.notesBench.${expression}`);
  const traced = (run: () => Promise<unknown>) =>
    recordTrace(cdp, ['devtools.timeline', '__metadata'], run).then(renderingMs);

  const result = { characters: 0, states: {} } as NotesBenchResult;
  for (const state of Object.keys(NOTES_STATES) as NotesState[]) {
    const samples = { script: [] as number[], rendering: [] as number[], floor: [] as number[], found: 0 };
    for (let run = 0; run <= runs; run++) {
      await call(`prepare(${JSON.stringify(state)})`);
      await call('frames()');
      if (state === 'saved') result.characters = await call<number>('characters()');
      let once = { ms: 0, found: 0 };
      const withHighlights = await traced(async () => {
        once = await call<{ ms: number; found: number }>('findAndPaint()');
        await call('frames()');
      });
      const floor = await traced(() => call('frames()'));
      if (run === 0) continue; // warm-up: the first run compiles the code
      samples.script.push(once.ms);
      samples.rendering.push(withHighlights);
      samples.floor.push(floor);
      samples.found = once.found;
    }
    result.states[state] = samples;
  }
  await page.close();
  await context.unroute('https://bench.invalid/notes');
  return result;
}

/** gzip bytes of the notes' code: the script on the article's page, and the frame that shows the notes. */
export async function notesBytes(dir: string): Promise<{ page: number; frame: number }> {
  const gz = async (file: string) =>
    gzipSync(await readFile(resolve(dir, file.replace(/^\//, ''))), { level: 9 }).length;
  const frameHtml = await readFile(resolve(dir, 'notes-frame.html'), 'utf8');
  const frameFiles = [...frameHtml.matchAll(/(?:src|href)="(\/chunks\/[^"]+\.js)"/g)].map((m) => m[1]!);
  let frame = await gz('notes-frame.html');
  for (const file of new Set(frameFiles)) frame += await gz(file);
  return { page: (await gz('own-notes.js')) + (await gz('own-notes.css')), frame };
}
