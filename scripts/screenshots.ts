import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import catalogJson from '../data/catalog.json';
import { launchChromium } from '../tools/chromium';
import { launchFirefox } from '../tools/firefox';
import { articlePage, mediumArticlePage } from '../tools/fixture-pages';
import { BLOG_FEEDS } from '../utils/catalog/blogs';

const root = resolve(import.meta.dirname, '..');
const extension = resolve(root, '.output/chrome-mv3');
const out = (name: string) => resolve(root, 'docs', name);

const post = catalogJson.posts[1]!;
const browser = await launchChromium({
  extensionPath: extension,
  blogPage: () => mediumArticlePage({ title: post.title }),
});
const { context, extensionId } = browser;

// On a page shaped like a real Medium article: at the top, the tab beside the title (the full-bleed
// hero right below would pass under the open panel); further down, open beside the text, above a
// wide figure it will make way for.
const page = await context.newPage();
await page.setViewportSize({ width: 1440, height: 900 });
const settle = () => page.waitForTimeout(400);
for (const scheme of ['light', 'dark'] as const) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(post.url);
  await page.getByRole('complementary', { name: 'Blog Brief' }).waitFor();
  await settle();
  if (scheme === 'light') await page.screenshot({ path: out('panel-medium-top.png') });
  const figureTop = await page.evaluate(
    () => document.querySelector('figure.outset')!.getBoundingClientRect().top + scrollY,
  );
  await page.evaluate((y) => scrollTo(0, y), figureTop - 700);
  await settle();
  await page.screenshot({ path: out(`panel-${scheme}.png`) });
}

// The side panel (its page, at a side panel's size), on the article and on a tab without a brief.
const side = await context.newPage();
await side.setViewportSize({ width: 400, height: 800 });
for (const scheme of ['light', 'dark'] as const) {
  await side.emulateMedia({ colorScheme: scheme });
  await side.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await page.bringToFront();
  await side.getByRole('complementary', { name: 'Blog Brief' }).getByRole('heading', { level: 2 }).waitFor();
  await side.waitForTimeout(300);
  await side.screenshot({ path: out(`side-panel-${scheme}.png`) });
}

const popup = await context.newPage();
await popup.setViewportSize({ width: 400, height: 600 });
for (const scheme of ['light', 'dark'] as const) {
  await popup.emulateMedia({ colorScheme: scheme });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: out(`popup-${scheme}.png`) });
}
// The popup's "New" view: the real Netflix TechBlog feed of ../shared served at its real URL.
const realFeed = readFileSync(resolve(root, '../shared/reference/real-pages/rss-netflix-techblog-2021.xml'), 'utf8');
for (const url of Object.values(BLOG_FEEDS)) {
  await context.route(url!, (route) =>
    route.fulfill({
      contentType: 'application/rss+xml',
      body: url === BLOG_FEEDS.netflix ? realFeed : '<rss version="2.0"><channel></channel></rss>',
    }),
  );
}
await popup.emulateMedia({ colorScheme: 'light' });
await popup.goto(`chrome-extension://${extensionId}/popup.html`);
await popup.getByRole('button', { name: 'Show new articles' }).click();
await popup.getByRole('button', { name: 'New 10' }).click();
await popup.getByRole('list', { name: 'New articles' }).waitFor();
await popup.waitForTimeout(300);
await popup.screenshot({ path: out('popup-new.png') });

const options = await context.newPage();
await options.setViewportSize({ width: 900, height: 700 });
for (const scheme of ['light', 'dark'] as const) {
  await options.emulateMedia({ colorScheme: scheme });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('checkbox').first().waitFor();
  await options.screenshot({ path: out(`options-${scheme}.png`) });
}
await browser.close();

// Firefox, dark: the panel's own scrollbar follows its color scheme there (headless Chromium draws none).
const firefox = await launchFirefox({
  extensionPath: resolve(root, '.output/firefox-mv2'),
  blogPage: () => articlePage({ title: post.title }),
  colorScheme: 'dark',
});
const tab = await firefox.browser.newPage();
await firefox.setViewport(tab, { width: 1440, height: 640 });
await tab.goto(post.url);
await tab.waitForFunction(() => document.querySelector('[data-blog-brief-panel]')?.shadowRoot?.querySelector('h2'));
await new Promise((r) => setTimeout(r, 300));
await tab.screenshot({ path: out('firefox-panel-dark.png') });
await firefox.close();
console.log('Screenshots written to docs/');
