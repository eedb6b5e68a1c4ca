import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../../../public/_locales/en/messages.json';
import { plural, t } from '../../../utils/text/i18n';

describe('i18n', () => {
  it('reads a message with its substitutions', () => {
    expect(t('noMatch', '“mesh”')).toBe('No brief matches “mesh”.');
  });

  it('picks the plural form for the count and groups its digits', () => {
    expect(plural('allBriefs', 1)).toBe('All 1 brief, newest first');
    expect(plural('allBriefs', 2_000)).toBe('All 2,000 briefs, newest first');
    expect(plural('importAlreadySaved', 1)).toBe('1 was already saved.');
    expect(plural('importAlreadySaved', 3)).toBe('3 were already saved.');
  });

  it("falls back to the 'other' form where a language's file lacks a category", () => {
    // Polish has a "few" category; a file without it still reads.
    fakeBrowser.i18n.getUILanguage = () => 'pl';
    expect(plural('briefsFound', 3)).toBe('3 briefs found');
  });

  it('has, for every counted message, the forms English needs', () => {
    const names = Object.keys(messages);
    for (const name of names.filter((n) => n.endsWith('_other'))) {
      expect(names, name).toContain(name.replace(/_other$/, '_one'));
    }
  });
});
