/**
 * A classic script in the popup's <head>: it runs as soon as the browser reaches it, before the
 * popup's modules are fetched and compiled, and starts the reads of the popup's first render
 * (utils/popup-early.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPopupReads } from '../../utils/popup-early';

export default defineUnlistedScript(startPopupReads);
