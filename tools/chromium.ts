/**
 * The one Chromium launcher of the browser tests, the bench and the screenshots: Debian's Chromium
 * (Playwright's own download does not work here), a fresh profile, the extension (if any) loaded
 * unpacked, and every URL of the blogs' hosts answered from fixtures, so nothing reaches the network
 * and the content scripts match exactly as on the live sites.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Route } from 'playwright-core';
import { ARTICLE_HOSTS } from '../utils/catalog/blogs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export const NO_CHROMIUM =
  'no Chromium found. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH=/path/to/chromium.';

/** Every URL on a host that serves the blogs' articles (utils/catalog/blogs.ts). */
export const BLOG_URL = new RegExp(`^https://(${ARTICLE_HOSTS.map((host) => host.replaceAll('.', '\\.')).join('|')})/`);

/**
 * Launch flags: headless, the extension (if any) loaded unpacked, and no background networking, which
 * this machine's closed network would refuse many times at every start.
 */
export function chromiumArgs(extensionPath: string | null): string[] {
  return [
    '--headless=new',
    ...(extensionPath ? [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ];
}

export interface LaunchOptions {
  /** The unpacked extension to load, or null for a browser without one. */
  extensionPath: string | null;
  /** The HTML served for a URL of the blogs' hosts. */
  blogPage: (url: string) => string;
  viewport?: { width: number; height: number };
}

export interface LaunchedChromium {
  context: BrowserContext;
  /** chrome-extension://<id>, when an extension was loaded. */
  extensionId: string | null;
  close(): Promise<void>;
}

export async function launchChromium({
  extensionPath,
  blogPage,
  viewport = { width: 1440, height: 900 },
}: LaunchOptions): Promise<LaunchedChromium> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM);
  const profile = await mkdtemp(join(tmpdir(), 'blog-brief-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport,
    args: chromiumArgs(extensionPath),
  });
  await context.route(BLOG_URL, (route: Route) =>
    route.fulfill({ contentType: 'text/html', body: blogPage(route.request().url()) }),
  );
  let extensionId: string | null = null;
  if (extensionPath) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    },
  };
}
