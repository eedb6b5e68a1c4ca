import { describe, expect, it } from 'vitest';
import { describeQuote, locateQuote } from '../../../utils/notes/anchoring';

const ARTICLE =
  'Netflix runs thousands of microservices. Each service publishes its metrics to Atlas. ' +
  'Atlas keeps two weeks of data in memory, and older data in S3. ' +
  'Each service publishes its metrics to Atlas, and alerts read them within seconds.';

function selectorOf(text: string, passage: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(passage, start + 1);
  return describeQuote(text, start, start + passage.length);
}

const found = (text: string, located: ReturnType<typeof locateQuote>) =>
  located ? text.slice(located.start, located.end) : null;

describe('describeQuote', () => {
  it('keeps the quote, 32 characters of context each side and its offset', () => {
    const selector = selectorOf(ARTICLE, 'two weeks of data');
    expect(selector.exact).toBe('two weeks of data');
    expect(selector.prefix).toHaveLength(32);
    expect(ARTICLE.slice(0, selector.start).endsWith(selector.prefix)).toBe(true);
    expect(selector.suffix).toBe(' in memory, and older data in S3');
  });
});

describe('locateQuote', () => {
  it('finds an unchanged passage at its offset', () => {
    const selector = selectorOf(ARTICLE, 'older data in S3');
    expect(locateQuote(ARTICLE, selector)).toEqual({ start: selector.start, end: selector.start + 16, exact: true });
  });

  it('finds a passage after text was added before it', () => {
    const selector = selectorOf(ARTICLE, 'older data in S3');
    const edited = `Updated in 2026: this post now covers Atlas 2. ${ARTICLE}`;
    const located = locateQuote(edited, selector);
    expect(found(edited, located)).toBe('older data in S3');
    expect(located?.exact).toBe(true);
  });

  it('tells a repeated passage apart by its context, even after the text moved', () => {
    const second = selectorOf(ARTICLE, 'Each service publishes its metrics to Atlas', 1);
    const edited = `A new first line. ${ARTICLE}`;
    const located = locateQuote(edited, second)!;
    expect(located.start).toBe(edited.lastIndexOf('Each service publishes'));
  });

  it('finds a passage whose words were edited a little, and says it is approximate', () => {
    const selector = selectorOf(ARTICLE, 'Atlas keeps two weeks of data in memory');
    const edited = ARTICLE.replace('two weeks', 'three weeks');
    const located = locateQuote(edited, selector);
    expect(found(edited, located)).toBe('Atlas keeps three weeks of data in memory');
    expect(located?.exact).toBe(false);
  });

  it('finds an edited passage far from where it was', () => {
    const selector = selectorOf(ARTICLE, 'alerts read them within seconds');
    const edited = `${'Filler sentence about something else entirely. '.repeat(100)}${ARTICLE.replace('within seconds', 'within a second')}`;
    expect(found(edited, locateQuote(edited, selector))).toBe('alerts read them within a second');
  });

  it('gives up on a passage that is gone, rather than pointing at something else', () => {
    const selector = selectorOf(ARTICLE, 'older data in S3');
    const edited = ARTICLE.replace('Atlas keeps two weeks of data in memory, and older data in S3. ', '');
    expect(locateQuote(edited, selector)).toBeNull();
  });

  it('never finds an empty quote', () => {
    expect(locateQuote(ARTICLE, { exact: '', prefix: '', suffix: '', start: 0 })).toBeNull();
  });
});
