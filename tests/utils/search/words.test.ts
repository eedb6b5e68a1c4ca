import { describe, expect, it } from 'vitest';
import { highlightSegments, queryWords, searchTerms } from '../../../utils/search/words';

describe('queryWords', () => {
  it('lower-cases, splits on punctuation and drops words that another word already covers', () => {
    expect(queryWords('Write-Ahead  LOG log')).toEqual(['write', 'ahead', 'log']);
    expect(queryWords('kaf kafka')).toEqual(['kafka']);
    expect(queryWords('  ')).toEqual([]);
  });
});

describe('searchTerms', () => {
  it('covers title, summary, bullets, tags and authors once each', () => {
    const terms = searchTerms({
      title: 'Kafka at Scale',
      summary: 'Why Kafka',
      bullets: ['SQS too'],
      tags: ['data-platform'],
      authors: ['Jun He'],
    });
    expect(terms.sort()).toEqual(['at', 'data', 'he', 'jun', 'kafka', 'platform', 'scale', 'sqs', 'too', 'why']);
  });
});

describe('highlightSegments', () => {
  it('marks the matched prefix of each word that starts with a query word', () => {
    expect(highlightSegments('Kafka-backed writes, via Kafka.', ['kaf'])).toEqual([
      { text: 'Kaf', match: true },
      { text: 'ka-backed writes, via ', match: false },
      { text: 'Kaf', match: true },
      { text: 'ka.', match: false },
    ]);
  });

  it('does not mark a match in the middle of a word', () => {
    expect(highlightSegments('Bazel', ['zel'])).toEqual([{ text: 'Bazel', match: false }]);
  });

  it('keeps markup-like text as plain text', () => {
    const segments = highlightSegments('<img src=x onerror=alert(1)> img', ['img']);
    expect(segments.map((s) => s.text).join('')).toBe('<img src=x onerror=alert(1)> img');
  });
});
