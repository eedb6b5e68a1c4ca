import { describe, expect, it } from 'vitest';
import { placePanel } from '../../utils/placement';

describe('placePanel', () => {
  it('sits in the margin beside the text column when the window leaves room', () => {
    const placement = placePanel({ viewportWidth: 1440, viewportHeight: 900, columnRight: 1060, headerBottom: 57 });
    expect(placement).toMatchObject({ mode: 'margin', top: 73 });
    expect(placement.width).toBeGreaterThanOrEqual(260);
    expect(1440 - 24 - placement.width).toBeGreaterThanOrEqual(1060 + 24); // never over the text
  });

  it('opens over the page, starting collapsed, when the margin is too narrow', () => {
    expect(placePanel({ viewportWidth: 1024, viewportHeight: 800, columnRight: 852, headerBottom: 0 }).mode).toBe(
      'overlay',
    );
  });

  it('assumes a centred 680 px column when none was found', () => {
    expect(placePanel({ viewportWidth: 1600, viewportHeight: 900, columnRight: null, headerBottom: 0 }).mode).toBe(
      'margin',
    );
    expect(placePanel({ viewportWidth: 1100, viewportHeight: 900, columnRight: null, headerBottom: 0 }).mode).toBe(
      'overlay',
    );
  });

  it('keeps the panel inside the window below the header', () => {
    const placement = placePanel({ viewportWidth: 1440, viewportHeight: 600, columnRight: 1000, headerBottom: 100 });
    expect(placement.top + placement.maxHeight).toBeLessThanOrEqual(600);
  });
});
