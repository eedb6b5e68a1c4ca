import { describe, expect, it } from 'vitest';
import { formatAuthors, formatDate, formatDay } from '../../../utils/text/format';

describe('formatDate', () => {
  it('shows a catalog date as the calendar date it names, in any time zone', () => {
    expect(formatDate('2025-09-29')).toBe('Sep 29, 2025');
    expect(formatDate('2024-01-05')).toBe('Jan 5, 2024');
    expect(formatDate('2023-12-31')).toBe('Dec 31, 2023');
  });

  it('shows anything that is not a calendar date as given', () => {
    for (const text of [
      '',
      '2025-9-29',
      '2025-13-01',
      '2025-00-10',
      '2025-02-00',
      '2025/09/29',
      '2025-09-2x',
      'x025-09-29',
      '2025-09-29T10:00:00Z',
    ]) {
      expect(formatDate(text)).toBe(text);
    }
  });
});

describe('formatAuthors', () => {
  it('names up to three authors and counts the rest', () => {
    expect(formatAuthors(['A'])).toBe('A');
    expect(formatAuthors(['A', 'B'])).toBe('A and B');
    expect(formatAuthors(['A', 'B', 'C'])).toBe('A, B and C');
    expect(formatAuthors(['A', 'B', 'C', 'D', 'E'])).toBe('A, B and 3 others');
  });
});

describe('formatDay', () => {
  it('shows a moment as its local calendar date, in the same style as catalog dates', () => {
    expect(formatDay(new Date(2025, 8, 29, 23, 59).getTime())).toBe('Sep 29, 2025');
  });

  it('shows nothing for a time that is not one', () => {
    expect(formatDay(Number.NaN)).toBe('');
  });
});
