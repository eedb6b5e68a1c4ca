import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BLOG_TAB_ID, extensionProfile, runBackground } from '../background-harness';
import testCatalog from '../test-catalog.json';

const [first] = testCatalog.posts;
const tab = { tab: { id: BLOG_TAB_ID } as never, frameId: 0 };

// The real background, on WXT's fake browser: what its views and the browser get from it.
describe('the background', () => {
  it("answers an article's brief by URL, with the panel's state and star, and badges the tab", async () => {
    const { background } = runBackground();
    const answer = await background.handle({ type: 'brief:get', url: `${first!.url}?source=rss` }, tab);
    expect(answer).toMatchObject({
      post: { id: first!.id, title: first!.title },
      collapsed: false,
      favorite: { saved: false },
    });
    expect(await fakeBrowser.action.getBadgeText({ tabId: BLOG_TAB_ID })).toBe('✓');
    await background.handle({ type: 'brief:left' }, tab);
    expect(await fakeBrowser.action.getBadgeText({ tabId: BLOG_TAB_ID })).toBe('');
  });

  it('says an unknown URL is no article of the catalog', async () => {
    const { background } = runBackground();
    expect(await background.handle({ type: 'post:find', url: 'https://medium.com/airbnb-engineering/about' })).toEqual({
      postId: null,
    });
    expect(await background.handle({ type: 'brief:get', url: 'https://netflixtechblog.com/' }, tab)).toEqual({
      none: true,
    });
  });

  it('follows the settings the views change: a blog turned off, the brief in the side panel, the panel collapsed', async () => {
    const profile = extensionProfile();
    const brief = () => profile.send({ type: 'brief:get', postId: first!.id });
    await profile.setSettings({ panelCollapsed: true });
    expect(await brief()).toMatchObject({ collapsed: true });
    await profile.setSettings({ briefInSidePanel: true });
    expect(await brief()).toEqual({ inSidePanel: true });
    await profile.setSettings({ [`blogEnabled:${first!.blog}` as 'blogEnabled:netflix']: false });
    expect(await brief()).toEqual({ disabled: true });
  });

  it("injects the panel's code into the frame that asks, after an in-app move", async () => {
    const { background, injected } = runBackground();
    await background.handle({ type: 'panel:load' }, { tab: { id: BLOG_TAB_ID } as never, frameId: 3 });
    expect(injected).toEqual([{ target: { tabId: BLOG_TAB_ID, frameIds: [3] }, files: ['/brief-panel.js'] }]);
  });

  it("relays the shortcut to the tab's panel", async () => {
    const { background, command, tabMessages } = runBackground();
    await background.writer.ready;
    await command('toggle-panel');
    expect(tabMessages).toEqual([{ tabId: BLOG_TAB_ID, message: { type: 'panel:toggle' } }]);
  });

  it('answers the options page with no feeds until one is added', async () => {
    const { background } = runBackground();
    expect(await background.handle({ type: 'feeds:list' })).toEqual([]);
    expect(await background.handle({ type: 'feeds:add', url: 'http://example.com/index.json' })).toMatchObject({
      ok: false,
    });
  });
});
