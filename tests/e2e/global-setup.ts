/**
 * Builds the extension once for the browser tests and tells them where Chromium is. Without Chromium
 * the browser tests skip with one line saying how to fix it; under CI=true that is a failure instead.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium, NO_CHROMIUM } from '../../tools/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string | null;
    extensionPath: string;
  }
}

export default function setup(project: TestProject) {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    if (process.env.CI === 'true') throw new Error(`CI=true needs the browser tests, but ${NO_CHROMIUM}`);
    console.warn(`Browser tests skipped: ${NO_CHROMIUM}`);
  }
  const root = resolve(import.meta.dirname, '../..');
  // Always test what the sources build to now, not a stale .output from an earlier build.
  if (chromiumPath) execFileSync('npx', ['wxt', 'build', '--mode', 'production'], { cwd: root, stdio: 'ignore' });
  project.provide('chromiumPath', chromiumPath);
  project.provide('extensionPath', resolve(root, '.output/chrome-mv3'));
}
