import { build } from 'esbuild';
import type { BrowserContext, CDPSession } from 'playwright-core';
import catalogJson from '../data/catalog.json';
import { type LaunchedChromium, launchChromium } from '../tools/chromium';
import { articlePage, homePage, mediumArticlePage } from '../tools/fixture-pages';

/** A catalog article (its brief is shown) and a Medium page that is not an article (nothing is). */
export const ARTICLE_URL = catalogJson.posts[1]!.url;
export const NON_ARTICLE_URL = 'https://medium.com/airbnb-engineering';
/** A catalog article served as a long page shaped like a real Medium article, for the scrolling bench. */
export const SCROLL_URL = catalogJson.posts[0]!.url;
/** The bench's scroll, evaluated in the page: 100 px a frame for 80 frames, then 100 ms to settle. */
export const SCROLL_SCRIPT = `(async () => { for (let i = 0; i < 80; i++) { scrollBy(0, 100); await new Promise((r) => requestAnimationFrame(r)); } await new Promise((r) => setTimeout(r, 100)); })()`;

/**
 * Records, in the page's own world, DOMContentLoaded, the moment a brief panel has rendered and the
 * popup's first row; `settled(expectBrief)` resolves once the page is done: after load (and the
 * brief, if one is expected), two frames and 100 ms more, so the panel's own style, layout and paint
 * are counted. Read with a bare CDP `Runtime.evaluate`, the same way in every variant: Playwright's
 * `waitForFunction` evaluates its ~300 kB injected script in the page, ~45 ms of main-thread time
 * here, which an earlier version of this bench charged to the extension variants only.
 */
const PAGE_PROBE = `(() => {
  const b = (window.__bench = { dcl: null, brief: null, firstPost: null });
  let briefSeen, firstPostSeen;
  const briefShown = new Promise((resolve) => (briefSeen = resolve));
  const firstPostShown = new Promise((resolve) => (firstPostSeen = resolve));
  const loaded = new Promise((resolve) => addEventListener('load', resolve, { once: true }));
  document.addEventListener('DOMContentLoaded', () => (b.dcl = performance.now()), { once: true });
  const seen = () => {
    for (const el of document.documentElement.children) {
      if ((el.hasAttribute('data-blog-brief-panel') || el.tagName.startsWith('BLOG-BRIEF')) && el.shadowRoot && el.shadowRoot.querySelector('aside')) return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => {
    if (b.brief === null && seen()) { b.brief = performance.now(); briefSeen(); }
    if (b.firstPost === null && document.querySelector('.posts a.row-link')) { b.firstPost = performance.now(); firstPostSeen(); }
    if (b.brief !== null && b.firstPost !== null) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const timeout = (what) => new Promise((_, reject) => setTimeout(() => reject(new Error('no ' + what + ' within 10 s')), 10000));
  b.settled = async (expectBrief) => {
    await loaded;
    if (expectBrief) await Promise.race([briefShown, timeout('brief')]);
    await frame();
    await frame();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { dcl: b.dcl, brief: b.brief };
  };
  b.firstPostShown = () => Promise.race([firstPostShown, timeout('first post')]).then(() => b.firstPost);
})();`;

/** Evaluates an expression in the page's main world over CDP, awaiting its promise (no Playwright script in the page). */
export async function evaluateInPage<T>(cdp: CDPSession, expression: string): Promise<T> {
  const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
    expression,
    awaitPromise: true,
    returnByValue: true,
  })) as {
    result: { value: T };
    exceptionDetails?: { exception?: { description?: string }; text: string };
  };
  if (exceptionDetails)
    throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}

const launched = new Map<BrowserContext, LaunchedChromium>();

/** A fresh Chromium profile with `extensionPath` loaded (or none), the fixtures routed and the probe installed. */
export async function launch(extensionPath: string | null): Promise<BrowserContext> {
  const browser = await launchChromium({
    extensionPath,
    blogPage: (url) =>
      url === NON_ARTICLE_URL ? homePage() : url === SCROLL_URL ? mediumArticlePage() : articlePage(),
  });
  launched.set(browser.context, browser);
  await browser.context.addInitScript(PAGE_PROBE);
  // Let the background load the catalog into IndexedDB before anything is timed.
  if (extensionPath) await new Promise((r) => setTimeout(r, 500));
  return browser.context;
}

/** Closes these browsers and removes their profiles. */
export async function closeBrowsers(contexts: BrowserContext[]): Promise<void> {
  for (const context of contexts) {
    await launched.get(context)?.close();
    launched.delete(context);
  }
}

/**
 * A bench page's script (`entry`, which puts its functions on `window`), bundled the way the
 * extension's code is and escaped to sit inside a `<script>` of a page the bench serves.
 */
export async function benchPageScript(entry: string): Promise<string> {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
    logLevel: 'error',
  });
  return bundle.outputFiles[0]!.text.replace(/<\/script/g, '<\\/script');
}
