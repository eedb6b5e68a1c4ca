import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_RESERVE, SYNC_LIMITS } from '../../background/sync/sync-quota';
import { backupFileText } from '../../utils/backup/favorites-file';
import { chromiumPath, type ExtensionBrowser, launchWithExtension } from './harness';
import { posts } from './shipped-catalog';

type ExtensionGlobal = {
  chrome: { storage: { sync: { get(keys: string | null): Promise<Record<string, unknown>> } } };
};

describe.skipIf(!chromiumPath)('the options page in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(() => browser?.close());
  const openOptions = async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.getByRole('checkbox').first().waitFor();
    return page;
  };
  const sync = (keys: string | null) =>
    browser.context
      .serviceWorkers()[0]!
      .evaluate((k) => (globalThis as unknown as ExtensionGlobal).chrome.storage.sync.get(k), keys);

  it('lays out in its own column, with none of the popup’s styles', async () => {
    const options = await openOptions();
    await options.setViewportSize({ width: 900, height: 700 });
    // The popup's stylesheet fixes its body at 400 px; pages that share code must not share it.
    expect(await options.evaluate(() => getComputedStyle(document.body).width)).not.toBe('400px');
    const column = await options
      .getByRole('heading', { level: 1 })
      .evaluate((heading) => heading.parentElement!.getBoundingClientRect().width);
    expect(column).toBeGreaterThan(500);
    await options.close();
  });

  it('turns the panel off for one blog through the background, and on again', async () => {
    const options = await openOptions();
    const blog = options.getByRole('checkbox', { name: 'Pinterest Engineering' });
    await blog.uncheck();
    await expect
      .poll(() => sync('settings:blogEnabled:pinterest'))
      .toEqual({ 'settings:blogEnabled:pinterest': false });
    await options.reload();
    expect(await options.getByRole('checkbox', { name: 'Pinterest Engineering' }).isChecked()).toBe(false);
    await options.getByRole('checkbox', { name: 'Pinterest Engineering' }).check();
    await expect.poll(() => sync('settings:blogEnabled:pinterest')).toEqual({ 'settings:blogEnabled:pinterest': true });
    await options.close();
  });

  it('imports 10,000 favorites in seconds, says truly where they are, and keeps them across a reload', async () => {
    const options = await openOptions();
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      id: i.toString(16).padStart(12, '0'),
      title: `A favorite from another browser, number ${i}`,
      savedAt: 1_700_000_000_000 + i,
      localOnly: false,
    }));
    const started = Date.now();
    await options.locator('input[type=file]').setInputFiles({
      name: 'favorites.json',
      mimeType: 'application/json',
      buffer: Buffer.from(backupFileText({ favorites: many, notes: [], settings: {}, feeds: [] })),
    });
    const status = options.getByRole('status').filter({ hasText: /^Imported/ });
    await status.waitFor({ timeout: 20_000 });
    expect(Date.now() - started).toBeLessThan(15_000);
    // Sync takes what fits (its 512 items, less the room kept for settings); the rest waits on this device.
    const items = Object.keys(await sync(null));
    const favoritesInSync = items.filter((k) => k.startsWith('fav:')).length;
    expect(items.length).toBe(SYNC_LIMITS.maxItems - SETTINGS_RESERVE.items);
    expect(await status.textContent()).toBe(
      `Imported 10,000 new favorites. ${(10_000 - favoritesInSync).toLocaleString('en-US')} of them are kept on this device until browser sync has room.`,
    );
    await options.reload();
    await options.getByText('You have 10,000 favorites.', { exact: false }).waitFor();
    await options.close();
  });

  it('refuses a bad file with the reason, and changes nothing', async () => {
    const options = await openOptions();
    const before = await sync(null);
    await options.locator('input[type=file]').setInputFiles({
      name: 'favorites.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"something-else"}'),
    });
    expect(await options.getByRole('alert').textContent()).toMatch(
      /^This is not a Blog Brief backup or favorites file/,
    );
    expect(await sync(null)).toEqual(before);
    await options.close();
  });

  it('exports the favorites in a whole backup the import reads back', async () => {
    const article = await browser.context.newPage();
    await article.goto(posts[0]!.url);
    const save = article
      .getByRole('complementary', { name: 'Blog Brief' })
      .getByRole('button', { name: 'Save to favorites' });
    if ((await save.getAttribute('aria-pressed')) !== 'true') await save.click();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    const options = await openOptions();
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export a whole backup' }).click();
    const file = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of file) chunks.push(chunk as Buffer);
    const exported = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { favorites: { id: string }[] };
    expect(exported.favorites.map((f) => f.id)).toContain(posts[0]!.id);
    await options
      .getByRole('status')
      .filter({ hasText: /^Exported [\d,]+ favorites?\. With your settings and 0 feeds\.$/ })
      .waitFor();
    await options.close();
    await article.close();
  });
});
