/**
 * zod, configured once for extension pages: without `jitless`, zod 4 probes whether it may compile
 * validators with `new Function`, which the extensions' CSP forbids, and Firefox logs a CSP error for
 * every probe. Every schema imports z from here, so the setting is made before any schema exists.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
