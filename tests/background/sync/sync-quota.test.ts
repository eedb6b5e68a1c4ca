import { describe, expect, it } from 'vitest';
import {
  fitWrites,
  ITEM_HEADROOM_BYTES,
  itemBytes,
  NOTES_BUDGET,
  SETTINGS_RESERVE,
  SYNC_LIMITS,
  WriteRateLimiter,
} from '../../../background/sync/sync-quota';

describe('itemBytes', () => {
  it('counts the key and the JSON of the value in UTF-8 bytes, as the browsers do, plus headroom', () => {
    expect(itemBytes('fav:1', { t: 'é', s: 1 })).toBe(5 + '{"t":"é","s":1}'.length + 1 + ITEM_HEADROOM_BYTES);
  });
});

describe('fitWrites', () => {
  it('accepts writes while they fit and refuses the rest, saying why', () => {
    const usage = { items: new Map([['other', SYNC_LIMITS.totalBytes - 40]]) };
    // 'a' is 1 + 12 + 8 = 21 bytes, 'b' 1 + 32 + 8 = 41: only 'a' fits in the last 40.
    const { accepted, refused } = fitWrites(usage, { a: 'x'.repeat(10), b: 'y'.repeat(30), huge: 'z'.repeat(9_000) });
    expect(Object.keys(accepted)).toEqual(['a']);
    expect(refused).toEqual(
      new Map([
        ['b', 'sync-full'],
        ['huge', 'item-too-large'],
      ]),
    );
  });

  it('counts a rewrite of an existing key by its new size only', () => {
    const usage = { items: new Map([['a', SYNC_LIMITS.totalBytes - 100]]) };
    expect(Object.keys(fitWrites(usage, { a: 'x'.repeat(50) }).accepted)).toEqual(['a']);
  });

  it('refuses the 513th item', () => {
    const usage = { items: new Map(Array.from({ length: SYNC_LIMITS.maxItems }, (_, i) => [`k${i}`, 10] as const)) };
    expect(fitWrites(usage, { k0: 1, new: 1 }).refused).toEqual(new Map([['new', 'sync-full']]));
  });

  it('keeps room for settings: keys outside the reserve stop short of the quotas, settings do not', () => {
    const count = SYNC_LIMITS.maxItems - SETTINGS_RESERVE.items;
    const usage = { items: new Map(Array.from({ length: count }, (_, i) => [`fav:${i}`, 10] as const)) };
    const isSetting = (key: string) => key.startsWith('settings:');
    const { accepted, refused } = fitWrites(usage, { 'fav:new': 1, 'settings:x': true }, isSetting);
    expect(Object.keys(accepted)).toEqual(['settings:x']);
    expect(refused).toEqual(new Map([['fav:new', 'sync-full']]));
  });
});

describe('WriteRateLimiter', () => {
  it('allows 120 writes a minute, then says how long to wait', () => {
    const limiter = new WriteRateLimiter();
    for (let i = 0; i < 120; i++) {
      expect(limiter.delayAt(1_000 + i)).toBe(0);
      limiter.record(1_000 + i);
    }
    expect(limiter.delayAt(1_200)).toBe(60_000 - 200);
    expect(limiter.delayAt(61_000)).toBe(0);
  });

  it('allows 1,800 writes an hour', () => {
    const limiter = new WriteRateLimiter();
    for (let i = 0; i < 1_800; i++) limiter.record(i * 1_000); // 60 a minute: under the minute limit
    expect(limiter.delayAt(1_800_000)).toBe(3_600_000 - 1_800_000);
    expect(limiter.delayAt(3_600_000)).toBe(0);
  });
});

describe('the notes budget', () => {
  it('refuses notes past their share of sync while favorites and settings still fit', () => {
    const usage = { items: new Map([['hl:medium:aaaaaaaaaaaa:full', NOTES_BUDGET.bytes - 100]]) };
    const isNotes = (key: string) => key.startsWith('hl:');
    const { accepted, refused } = fitWrites(
      usage,
      { 'hl:medium:aaaaaaaaaaaa:more': 'x'.repeat(200), 'fav:0123456789ab': { t: 'T', s: 1 } },
      (key) => key.startsWith('settings:'),
      isNotes,
    );
    expect(refused.get('hl:medium:aaaaaaaaaaaa:more')).toBe('sync-full');
    expect(Object.keys(accepted)).toEqual(['fav:0123456789ab']);
  });
});
