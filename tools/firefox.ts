/**
 * The Firefox launcher of the browser tests: Debian's firefox-esr driven by puppeteer-core over
 * WebDriver BiDi, the Firefox build installed as a temporary add-on at a fixed moz-extension:// origin,
 * and every URL of the blogs' hosts answered from fixtures by one browser-wide BiDi intercept (which
 * also answers tabs the extension opens), so nothing reaches the network.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { ARTICLE_HOSTS } from '../utils/catalog/blogs';

/** The add-on id of the Firefox build (wxt.config.ts), whose pages the uuid pref places. */
export const GECKO_ID = 'blog-brief@blog-brief.dev';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export function findFirefox(): string | null {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export const NO_FIREFOX =
  'no Firefox found. Install it (Debian: apt-get install firefox-esr) or set FIREFOX_PATH=/path/to/firefox.';

export interface LaunchedFirefox {
  browser: Browser;
  /** moz-extension://<uuid> of the installed build. */
  extensionOrigin: string;
  /** Serves `html` for loads of exactly `url` from now on (other blog URLs keep the default page). */
  serve(url: string, html: string): void;
  /**
   * Sizes a tab's viewport. Not page.setViewport: puppeteer also sends a screen-orientation override
   * that Firefox ESR 140 (Debian's firefox-esr) does not know, and the whole call fails.
   */
  setViewport(page: Page, size: { width: number; height: number }): Promise<void>;
  /** Opens an extension page (popup.html, options.html) and waits until its document is complete. */
  openExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /**
   * Evaluates `expression` in the top-level tab at `url`, found through BiDi: tabs the extension or a
   * link opens are not always reported to puppeteer as pages. Undefined while there is no such tab.
   */
  evaluateInTab(url: string, expression: string): Promise<unknown>;
  /**
   * Evaluates `expression` in the first frame, at any depth, whose URL contains `urlPart`: puppeteer
   * over BiDi does not list an extension page framed in a web page. Undefined while there is none.
   */
  evaluateInFrame(urlPart: string, expression: string): Promise<unknown>;
  /**
   * Every message Firefox's console service holds (CSP and extension errors land here), read in the
   * browser's chrome scope. Firefox ESR 140 has no chrome scope over BiDi: there, the errors BiDi's
   * log reported from every page and extension context since launch.
   */
  consoleMessages(): Promise<string[]>;
  close(): Promise<void>;
}

interface BidiConnection {
  send(method: string, params: object): Promise<unknown>;
  on(event: string, listener: (event: unknown) => void): void;
}

interface BlockedRequest {
  isBlocked?: boolean;
  request: { request: string; url: string };
}

export async function launchFirefox({
  extensionPath,
  blogPage,
  httpsProxy,
  colorScheme,
}: {
  extensionPath: string;
  blogPage: (url: string) => string;
  /**
   * A CONNECT proxy on 127.0.0.1 for every https request, certificates not checked: for requests
   * BiDi's interception does not see (the extension's background), answered by tools/https-host.ts.
   */
  httpsProxy?: number;
  /** What pages see as prefers-color-scheme (BiDi has no media emulation in Firefox). */
  colorScheme?: 'light' | 'dark';
}): Promise<LaunchedFirefox> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(NO_FIREFOX);
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // Lets the tests read Firefox's console service, in the browser's own (chrome) scope.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // Extension pages in tabs, as a reader opens them, not in a separate window per page.
      'browser.link.open_newwindow': 3,
      ...(colorScheme ? { 'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1 } : {}),
      ...(httpsProxy
        ? { 'network.proxy.type': 1, 'network.proxy.ssl': '127.0.0.1', 'network.proxy.ssl_port': httpsProxy }
        : {}),
    },
    acceptInsecureCerts: Boolean(httpsProxy),
  });
  // Firefox wants an absolute path.
  await browser.installExtension(resolve(extensionPath));
  // The BiDi connection under puppeteer's Browser (public on the BiDi implementation, not in its types).
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const served = new Map<string, string>();
  const logged: string[] = [];
  connection.on('log.entryAdded', (event: unknown) => {
    const entry = event as { level: string; text: string | null; source?: { context?: string }; stackTrace?: unknown };
    if (entry.level === 'error') logged.push(`${entry.text ?? ''} @ ${JSON.stringify(entry.stackTrace ?? '')}`);
  });
  await connection.send('session.subscribe', { events: ['log.entryAdded'] });
  connection.on('network.beforeRequestSent', (event: unknown) => {
    const { isBlocked, request } = event as BlockedRequest;
    if (!isBlocked) return;
    const html = served.get(request.url) ?? blogPage(request.url);
    void connection
      .send('network.provideResponse', {
        request: request.request,
        statusCode: 200,
        reasonPhrase: 'OK',
        headers: [{ name: 'content-type', value: { type: 'string', value: 'text/html; charset=utf-8' } }],
        body: { type: 'string', value: html },
      })
      .catch(() => undefined);
  });
  await connection.send('session.subscribe', { events: ['network.beforeRequestSent'] });
  await connection.send('network.addIntercept', {
    phases: ['beforeRequestSent'],
    urlPatterns: ARTICLE_HOSTS.map((hostname) => ({ type: 'pattern', protocol: 'https', hostname })),
  });
  const extensionOrigin = `moz-extension://${uuid}`;
  type BrowsingContext = { context: string; url: string; children?: BrowsingContext[] | null };
  /** Every top-level context, with its frames, over BiDi. */
  async function browsingContexts(): Promise<BrowsingContext[]> {
    const tree = (await connection.send('browsingContext.getTree', {})) as { result: { contexts: BrowsingContext[] } };
    return tree.result.contexts;
  }
  /** The value of `expression` evaluated in one context (its promise awaited). */
  async function evaluateIn(context: string, expression: string): Promise<unknown> {
    const answer = (await connection.send('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    })) as { result: { type: string; result?: { value?: unknown } } };
    return answer.result.result?.value;
  }
  async function setViewport(page: Page, viewport: { width: number; height: number }) {
    await connection.send('browsingContext.setViewport', { context: contextOf(page), viewport });
  }

  return {
    browser,
    extensionOrigin,
    serve: (url, html) => void served.set(url, html),
    setViewport,
    async openExtensionPage(path, viewport = { width: 400, height: 600 }) {
      const page = await browser.newPage();
      await setViewport(page, viewport);
      // Firefox reports no load events for extension pages over BiDi: navigate without waiting, then
      // wait for the document itself.
      await connection.send('browsingContext.navigate', {
        context: contextOf(page),
        url: `${extensionOrigin}/${path}`,
        wait: 'none',
      });
      await waitInPage(
        page,
        () => document.readyState === 'complete' && location.protocol === 'moz-extension:',
        [],
        'the page to load',
      );
      return page;
    },
    async evaluateInTab(url, expression) {
      const tab = (await browsingContexts()).find((c) => c.url === url);
      return tab ? evaluateIn(tab.context, expression) : undefined;
    },
    async evaluateInFrame(urlPart, expression) {
      const find = (contexts: BrowsingContext[]): BrowsingContext | undefined => {
        for (const c of contexts) {
          if (c.url.includes(urlPart)) return c;
          const inside = find(c.children ?? []);
          if (inside) return inside;
        }
        return undefined;
      };
      const frame = find(await browsingContexts());
      return frame ? evaluateIn(frame.context, expression) : undefined;
    },
    async consoleMessages() {
      const tree = (await connection.send('browsingContext.getTree', {
        'moz:scope': 'chrome',
      } as never)) as unknown as {
        result: { contexts: { context: string }[] };
      };
      const context = tree.result.contexts[0]!.context;
      const { result } = (await connection.send('script.evaluate', {
        expression:
          'Services.console.getMessageArray().map((m) => (m.errorMessage ?? m.message) + " @ " + (m.sourceName ?? ""))',
        target: { context },
        awaitPromise: false,
        resultOwnership: 'none',
      } as never)) as unknown as { result: { type: string; result?: { value: { value: string }[] } } };
      if (result.type === 'exception' || !result.result) return [...logged];
      return result.result.value.map((entry) => entry.value);
    },
    close: () => browser.close(),
  };
}

/** The BiDi browsing context of a page's main frame. */
function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/**
 * page.waitForFunction without puppeteer's injected poller, which calls Function(): the CSP of
 * extension pages refuses that in Firefox ESR 140. Polls `fn` in the page until it returns something
 * truthy and hands that back.
 */
export async function waitInPage<A extends unknown[]>(
  page: Page,
  fn: (...args: A) => unknown,
  args: A,
  what: string,
  timeoutMs = 10_000,
): Promise<ElementHandle<Element>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const handle = await page.evaluateHandle(fn as (...args: unknown[]) => unknown, ...args);
    if (await handle.evaluate((value) => Boolean(value))) return handle as ElementHandle<Element>;
    await handle.dispose();
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what} in ${page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
