/**
 * Takes the README's screenshots from the built extension: the panel on an article (light and dark)
 * and the popup. Run after `npm run build`: npx tsx scripts/screenshots.ts
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import catalogJson from '../data/catalog.json';
import { chromiumArgs, findChromium } from '../tests/e2e/chromium';
import { articlePage } from '../tests/e2e/pages';

const root = resolve(import.meta.dirname, '..');
const extension = resolve(root, '.output/chrome-mv3');
const out = (name: string) => resolve(root, 'docs', name);

const context = await chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), 'bb-shots-')), {
  executablePath: findChromium() ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1440, height: 900 },
  args: chromiumArgs(extension),
});
const post = catalogJson.posts[1]!;
await context.route(/^https:\/\/(netflixtechblog\.com|medium\.com|airbnb\.tech)\//, (route) =>
  route.fulfill({ contentType: 'text/html', body: articlePage({ title: post.title }) }),
);
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;

const page = await context.newPage();
for (const scheme of ['light', 'dark'] as const) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(post.url);
  await page.getByRole('complementary', { name: 'Blog Brief' }).getByRole('heading', { level: 2 }).waitFor();
  await page.screenshot({ path: out(`panel-${scheme}.png`) });
}

const popup = await context.newPage();
await popup.setViewportSize({ width: 400, height: 600 });
for (const scheme of ['light', 'dark'] as const) {
  await popup.emulateMedia({ colorScheme: scheme });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: out(`popup-${scheme}.png`) });
}
await context.close();
console.log('Screenshots written to docs/');
