/**
 * `browser.i18n` for the tests, which WXT's fake browser does not implement: the real messages file,
 * with Chrome's substitution rules ($NAME$ placeholders -> their content, then $1…$9 -> the
 * substitutions, $$ -> $), so a component test reads the words a reader would.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../public/_locales/en/messages.json';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

export function getMessage(name: string, substitutions: string | string[] = []): string {
  const entry = (messages as Record<string, Entry>)[name];
  if (!entry) return '';
  const subs = typeof substitutions === 'string' ? [substitutions] : substitutions;
  const placeholders = Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([key, value]) => [key.toLowerCase(), value.content]),
  );
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, key: string) => placeholders[key.toLowerCase()] ?? whole)
    .replace(/\$(\$|[1-9])/g, (_whole, what: string) => (what === '$' ? '$' : (subs[Number(what) - 1] ?? '')));
}

export function installI18n() {
  Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => 'en-US' });
}
