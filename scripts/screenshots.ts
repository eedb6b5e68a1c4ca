import { resolve } from 'node:path';
import catalogJson from '../data/catalog.json';
import { launchChromium } from '../tools/chromium';
import { articlePage } from '../tools/fixture-pages';

const root = resolve(import.meta.dirname, '..');
const extension = resolve(root, '.output/chrome-mv3');
const out = (name: string) => resolve(root, 'docs', name);

const post = catalogJson.posts[1]!;
const browser = await launchChromium({ extensionPath: extension, blogPage: () => articlePage({ title: post.title }) });
const { context, extensionId } = browser;

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
await browser.close();
console.log('Screenshots written to docs/');
