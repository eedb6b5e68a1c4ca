/**
 * A classic script in the popup's <head>: it runs as soon as the browser reaches it, before the
 * popup's modules are fetched and compiled, and starts the reads of the popup's first render
 * (pages/popup-early.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPopupReads } from '../../pages/popup-early';

export default defineUnlistedScript(startPopupReads);
