/**
 * Every reader-facing text goes through here, from public/_locales/<lang>/messages.json: adding a
 * language is adding a file. English is the default locale.
 *
 * `browser.i18n` has no plurals, so a counted text has one message per CLDR plural category
 * (`allBriefs_one`, `allBriefs_other`, and `_few`, `_many`… where a language needs them), picked
 * with Intl.PluralRules; the count is always the first substitution.
 */
import { browser } from 'wxt/browser';
import type messages from '../../public/_locales/en/messages.json';

type MessageName = keyof typeof messages;
/** A message with a plural form is reached through plural(), by its name without the category. */
export type PluralKey = MessageName extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;
export type MessageKey = Exclude<MessageName, `${string}_one` | `${string}_other`>;

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.map(String));
}

let formats: { language: string; pluralRules: Intl.PluralRules; numbers: Intl.NumberFormat } | undefined;

/** The message for `count` ("1 brief", "2,000 briefs"); more substitutions follow the count. */
export function plural(key: PluralKey, count: number, ...more: (string | number)[]): string {
  // Made on first use: creating Intl objects costs milliseconds in a fresh content-script world,
  // and the panel needs a plural only when it has a problem to report.
  const language = browser.i18n.getUILanguage();
  if (formats?.language !== language) {
    formats = { language, pluralRules: new Intl.PluralRules(language), numbers: new Intl.NumberFormat(language) };
  }
  const { pluralRules, numbers } = formats;
  const substitutions = [numbers.format(count), ...more.map(String)];
  // Another language's file may hold categories English does not (`_few`, `_many`): asked by name.
  const getMessage = browser.i18n.getMessage as (name: string, substitutions: string[]) => string;
  return getMessage(`${key}_${pluralRules.select(count)}`, substitutions) || getMessage(`${key}_other`, substitutions);
}
