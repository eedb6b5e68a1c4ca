/**
 * Builds the extension once for the browser tests, for each browser found, and tells the tests where
 * the browsers are. Without one, its tests skip with one line saying how to fix it; under CI=true that
 * is a failure instead.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium, NO_CHROMIUM } from '../../tools/chromium';
import { findFirefox, NO_FIREFOX } from '../../tools/firefox';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string | null;
    extensionPath: string;
    firefoxPath: string | null;
    firefoxExtensionPath: string;
  }
}

export default function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..');
  const browsers = [
    { name: 'Chromium', path: findChromium(), missing: NO_CHROMIUM, build: [] as string[] },
    { name: 'Firefox', path: findFirefox(), missing: NO_FIREFOX, build: ['-b', 'firefox'] },
  ];
  for (const browser of browsers) {
    if (!browser.path) {
      if (process.env.CI === 'true') throw new Error(`CI=true needs the ${browser.name} tests, but ${browser.missing}`);
      console.warn(`${browser.name} tests skipped: ${browser.missing}`);
      continue;
    }
    // Always test what the sources build to now, not a stale .output from an earlier build.
    execFileSync('npx', ['wxt', 'build', '--mode', 'production', ...browser.build], { cwd: root, stdio: 'ignore' });
  }
  project.provide('chromiumPath', browsers[0]!.path);
  project.provide('extensionPath', resolve(root, '.output/chrome-mv3'));
  project.provide('firefoxPath', browsers[1]!.path);
  project.provide('firefoxExtensionPath', resolve(root, '.output/firefox-mv2'));
}
