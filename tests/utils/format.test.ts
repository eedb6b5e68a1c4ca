import { describe, expect, it } from 'vitest';
import { formatAuthors, formatDate } from '../../utils/format';

describe('formatDate', () => {
  it('shows a catalog date as the calendar date it names, in any time zone', () => {
    expect(formatDate('2025-09-29')).toBe('Sep 29, 2025');
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
