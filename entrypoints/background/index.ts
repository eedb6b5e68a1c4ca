/** The background entry: the real browser given to the background (background/create-background.ts). */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackground } from '../../background/create-background';

export default defineBackground(() => {
  createBackground(browser, { defaultFeed: import.meta.env.BLOG_BRIEF_DEFAULT_FEED || undefined });
});
