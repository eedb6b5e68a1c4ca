/** Finding the Chromium the browser tests and the benchmark drive (Playwright's own download does not work here). */
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export const NO_CHROMIUM_MESSAGE =
  'Browser tests skipped: no Chromium found. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH=/path/to/chromium.';
