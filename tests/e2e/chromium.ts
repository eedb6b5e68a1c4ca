/** The Chromium the browser tests, the benchmark and the screenshots drive (Playwright's own download does not work here). */
import { existsSync } from 'node:fs';

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
