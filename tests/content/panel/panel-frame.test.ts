import { describe, expect, it } from 'vitest';
import { frameOf, sameValues } from '../../../content/panel/panel-frame';
import type { Placement } from '../../../utils/layout/placement';

const margin: Placement = { mode: 'margin', top: 80, anchor: 400, width: 320, maxHeight: 600 };
const page = { documentHeight: 5_000, viewportHeight: 900 };
const clear = { panel: false, tab: false };
const underPanel = { panel: true, tab: false };
const underBoth = { panel: true, tab: true };

// What the panel's host draws, from its state alone.
describe("the panel's frame", () => {
  it('shows the open panel at once when it is to show open, even before it was measured', () => {
    expect(frameOf(margin, page, false, clear, false, 0)).toEqual([false, false, false, 4_600]);
  });

  it('draws the open panel unseen to learn its height before showing the tab', () => {
    // Collapsed by the reader, never measured: drawn open and unseen first.
    expect(frameOf(margin, page, true, clear, false, 0)).toEqual([true, false, false, 4_600]);
    // Measured: the tab, as asked.
    expect(frameOf(margin, page, true, clear, false, 420)).toEqual([false, true, false, 4_600]);
  });

  it('shrinks to the tab when something is under the panel, and steps away when the tab would cover something too', () => {
    expect(frameOf(margin, page, false, underPanel, false, 420)).toEqual([false, true, false, 4_600]);
    expect(frameOf(margin, page, false, underBoth, false, 420)).toEqual([false, true, true, 4_600]);
    // The reader insisted: shown as asked.
    expect(frameOf(margin, page, false, underBoth, true, 420)).toEqual([false, false, false, 4_600]);
  });

  it('runs the lane to the page’s end, and at least to the window’s bottom on a short page', () => {
    expect(frameOf(margin, { documentHeight: 600, viewportHeight: 900 }, false, clear, false, 420)[3]).toBe(500);
  });
});

describe('records of named values', () => {
  it('are the same only when every value is', () => {
    expect(sameValues(null, ['a', 1])).toBe(false);
    expect(sameValues(['a', 1], ['a', 1])).toBe(true);
    expect(sameValues(['a', 1], ['a', 2])).toBe(false);
    // Unlike joined strings, a value holding the separator is not confused with two values.
    expect(sameValues(['a|b', 'c'] as [string, string], ['a', 'b|c'])).toBe(false);
  });
});
